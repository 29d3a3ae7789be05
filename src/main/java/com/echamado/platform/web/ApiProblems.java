package com.echamado.platform.web;

import com.echamado.platform.query.QuerySyntaxException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 9457 problem details for what the framework rejects: validation failures with one entry per field, bad JSON,
 * wrong types, unknown routes, wrong methods and media types; conflicts of concurrent writes as 409. No stack trace
 * and no exception text reaches the client. An unreachable database (or an exhausted pool) is not handled here but in
 * {@link ServiceUnavailable}, which also sees the failures of filters and pages: 503 with {@code Retry-After}.
 */
@RestControllerAdvice
public class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiProblems.class);

    /** Builds a problem with field-level errors: {@code errors: [{field, message}]}. */
    public static ProblemDetail validation(List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request is not valid.");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return problem;
    }

    public static Map<String, String> fieldError(String field, String message) {
        return Map.of("field", field, "message", message == null ? "is invalid" : message);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> fieldError(error.getField(), error.getDefaultMessage()))
                .toList();
        List<Map<String, String>> global = ex.getBindingResult().getGlobalErrors().stream()
                .map(error -> fieldError(error.getObjectName(), error.getDefaultMessage()))
                .toList();
        return ResponseEntity.badRequest()
                .body(validation(java.util.stream.Stream.concat(errors.stream(), global.stream())
                        .toList()));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> fieldError(
                                error instanceof FieldError field
                                        ? field.getField()
                                        : result.getMethodParameter().getParameterName(),
                                error.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(validation(errors));
    }

    /** No handler for a page address ({@code /admin/typo}): the servlet error page, as for any other page error. */
    @Override
    protected ResponseEntity<Object> handleNoHandlerFoundException(
            NoHandlerFoundException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return isPage(request)
                ? pageError(request, status)
                : super.handleNoHandlerFoundException(ex, headers, status, request);
    }

    private static boolean isPage(WebRequest request) {
        return request instanceof ServletWebRequest servlet
                && !servlet.getRequest()
                        .getRequestURI()
                        .startsWith(servlet.getRequest().getContextPath() + "/api/");
    }

    private static ResponseEntity<Object> pageError(WebRequest request, HttpStatusCode status) {
        try {
            ((ServletWebRequest) request).getResponse().sendError(status.value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return null;
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> rule(ProblemException ex) {
        boolean fieldError = ex.status() == HttpStatus.BAD_REQUEST && ex.field() != null;
        ProblemDetail problem = fieldError
                ? validation(List.of(fieldError(ex.field(), ex.getMessage())))
                : ProblemDetail.forStatusAndDetail(ex.status(), ex.getMessage());
        problem.setType(URI.create("https://echamado.dev/problems/" + ex.code()));
        if (ex.field() != null && !fieldError) {
            problem.setProperty("errors", List.of(fieldError(ex.field(), ex.getMessage())));
        }
        ex.properties().forEach(problem::setProperty);
        return ResponseEntity.status(ex.status()).body(problem);
    }

    @ExceptionHandler(QuerySyntaxException.class)
    ResponseEntity<ProblemDetail> syntax(QuerySyntaxException ex) {
        ProblemDetail problem = validation(List.of(fieldError("filter", ex.getMessage())));
        problem.setDetail("The expression does not parse at position " + ex.position() + ": " + ex.reason());
        problem.setProperty("position", ex.position());
        problem.setProperty("token", ex.token());
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
        return ResponseEntity.badRequest().body(validation(List.of(fieldError(ex.getName(), "has the wrong format"))));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> staleWrite(OptimisticLockingFailureException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT, "Someone else changed this record meanwhile. Reload and try again.");
        problem.setTitle("Concurrent change");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> conflict(DataIntegrityViolationException ex) {
        LOG.info(
                "Write refused by a database constraint: {}",
                ex.getMostSpecificCause().getClass().getSimpleName());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT, "The change conflicts with existing data (for example a duplicate).");
        problem.setTitle("Conflict");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }
}
