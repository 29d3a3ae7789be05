package com.echamado.sla;

import com.echamado.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** An SLA rule was broken: an unknown calendar or policy, or input the engine cannot honour. */
public class SlaException extends ProblemException {

    private SlaException(HttpStatus status, String code, String field, String message) {
        super(status, code, field, message);
    }

    static SlaException calendarNotFound(Object id) {
        return new SlaException(HttpStatus.NOT_FOUND, "sla-calendar-not-found", null, "No SLA calendar " + id);
    }

    static SlaException policyNotFound(Object id) {
        return new SlaException(HttpStatus.NOT_FOUND, "sla-policy-not-found", null, "No SLA policy " + id);
    }

    static SlaException invalid(String field, String message) {
        return new SlaException(HttpStatus.BAD_REQUEST, "sla-invalid", field, message);
    }

    static SlaException conflict(String code, String message) {
        return new SlaException(HttpStatus.CONFLICT, code, null, message);
    }
}
