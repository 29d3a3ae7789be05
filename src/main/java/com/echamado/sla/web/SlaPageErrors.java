package com.echamado.sla.web;

import com.echamado.platform.web.PageErrors;
import com.echamado.platform.web.ProblemException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * The SLA pages' errors go to the error page, never as the API's JSON: a hidden or unknown ticket, policy or calendar
 * is 404, another refusal 403 or 409 (the pages show validation errors in their forms themselves).
 */
@ControllerAdvice(assignableTypes = SlaPages.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class SlaPageErrors extends PageErrors {

    @ExceptionHandler(ProblemException.class)
    void rule(ProblemException ex, HttpServletResponse response) throws IOException {
        int status = ex.status().value();
        response.sendError(status == 404 || status == 403 ? status : 409);
    }
}
