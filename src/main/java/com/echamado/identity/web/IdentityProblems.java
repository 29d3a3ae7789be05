package com.echamado.identity.web;

import com.echamado.identity.IdentityException;
import com.echamado.platform.web.ApiProblems;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps the identity module's exceptions to RFC 9457 problems. */
@RestControllerAdvice(assignableTypes = {MeApi.class, UserAdminApi.class, ClientAdminApi.class})
class IdentityProblems {

    @ExceptionHandler(IdentityException.class)
    ResponseEntity<ProblemDetail> identity(IdentityException ex) {
        HttpStatus status = switch (ex.kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.BAD_REQUEST;
        };
        ProblemDetail problem = ex.field() != null && status == HttpStatus.BAD_REQUEST
                ? ApiProblems.validation(List.of(ApiProblems.fieldError(ex.field(), ex.getMessage())))
                : ProblemDetail.forStatusAndDetail(status, ex.getMessage());
        problem.setType(URI.create("https://echamado.dev/problems/" + ex.code()));
        if (ex.field() != null && status != HttpStatus.BAD_REQUEST) {
            problem.setProperty("errors", List.of(ApiProblems.fieldError(ex.field(), ex.getMessage())));
        }
        return ResponseEntity.status(status).body(problem);
    }
}
