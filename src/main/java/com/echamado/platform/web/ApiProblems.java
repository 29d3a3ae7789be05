package com.echamado.platform.web;

import com.echamado.platform.query.QuerySyntaxException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
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
import tools.jackson.core.JacksonException;

/**
 * RFC 9457 problem details for what the framework rejects: validation failures with one entry per field, bad JSON,
 * wrong types, unknown routes, wrong methods and media types; conflicts of concurrent writes as 409. No stack trace
 * and no exception text reaches the client. An unreachable database (or an exhausted pool) is not handled here but in
 * {@link ServiceUnavailable}, which also sees the failures of filters and pages: 503 with {@code Retry-After}.
 * Field messages, the validation title and the messages of {@link ProblemException}s come from the message bundles in
 * the request's language ({@code Accept-Language}: Brazilian Portuguese by default, English on request).
 */
@RestControllerAdvice
public class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiProblems.class);

    /** Builds a problem with field-level errors: {@code errors: [{field, message}]}. */
    private ProblemDetail validation(List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, message("problem.validation.detail", "The request is not valid."));
        problem.setTitle(message("problem.validation.title", "Invalid request"));
        problem.setProperty("errors", errors);
        return problem;
    }

    private Map<String, String> fieldError(String field, String message) {
        return Map.of(
                "field", field, "message", message == null ? message("problem.field.invalid", "is invalid") : message);
    }

    /** A validation error in the request's language: its codes ({@code Size.form.name}, …, {@code Size}) first. */
    private String message(MessageSourceResolvable error) {
        return getMessageSource() == null
                ? error.getDefaultMessage()
                : getMessageSource().getMessage(error, LocaleContextHolder.getLocale());
    }

    private String message(String code, String english) {
        return message(new DefaultMessageSourceResolvable(new String[] {code}, english));
    }

    /** The reader's words for one of {@link InputLimits}' messages, else for the {@code problem.field.<otherwise>}. */
    private String limitOr(String english, String otherwise) {
        if (InputLimits.NUL_MESSAGE.equals(english)) {
            return message("problem.field.nul", english);
        }
        if (InputLimits.DATE_MESSAGE.equals(english)) {
            return message("problem.field.date-range", english);
        }
        return "wrong-type".equals(otherwise)
                ? message("problem.field.wrong-type", "has the wrong type or format")
                : message("problem.field.wrong-format", "has the wrong format");
    }

    private String message(ProblemException ex) {
        return ex.messageCode() == null
                ? ex.getMessage()
                : message(new DefaultMessageSourceResolvable(
                        new String[] {ex.messageCode()}, ex.messageArguments(), ex.getMessage()));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> fieldError(error.getField(), message(error)))
                .toList();
        List<Map<String, String>> global = ex.getBindingResult().getGlobalErrors().stream()
                .map(error -> fieldError(error.getObjectName(), message(error)))
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
                                message(error))))
                .toList();
        return ResponseEntity.badRequest().body(validation(errors));
    }

    /** A body that does not parse, or a value of the wrong type: 400 naming the field when Jackson knows it. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (!(ex.getCause() instanceof JacksonException json) || json.getPath().isEmpty()) {
            return super.handleHttpMessageNotReadable(ex, headers, status, request);
        }
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference step : json.getPath()) {
            if (step.getPropertyName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(step.getPropertyName());
            } else if (step.getIndex() >= 0) {
                field.append('[').append(step.getIndex()).append(']');
            }
        }
        return ResponseEntity.badRequest()
                .body(validation(
                        List.of(fieldError(field.toString(), limitOr(json.getOriginalMessage(), "wrong-type")))));
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
        String message = message(ex);
        ProblemDetail problem = fieldError
                ? validation(List.of(fieldError(ex.field(), message)))
                : ProblemDetail.forStatusAndDetail(ex.status(), message);
        problem.setType(URI.create("https://echamado.dev/problems/" + ex.code()));
        if (ex.field() != null && !fieldError) {
            problem.setProperty("errors", List.of(fieldError(ex.field(), message)));
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

    /**
     * A query string or form that Tomcat cannot decode when it is first read late (by an interceptor, on a dispatch),
     * which {@link MalformedRequests} did not already refuse.
     */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> undecodable(InvalidParameterException ex) {
        return ResponseEntity.badRequest()
                .body(validation(List.of(fieldError("query", "is not valid percent-encoded UTF-8"))));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
        String message = limitOr(ex.getMostSpecificCause().getMessage(), "wrong-format");
        return ResponseEntity.badRequest().body(validation(List.of(fieldError(ex.getName(), message))));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> staleWrite(OptimisticLockingFailureException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT, "Someone else changed this record meanwhile. Reload and try again.");
        problem.setTitle("Concurrent change");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    /**
     * 409 for a broken constraint (SQLState class 23); 400 for a value the database cannot take (class 22: out of
     * range, too long, not encodable), which the edge checks should have caught with the field's name.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> conflict(DataIntegrityViolationException ex) {
        if (ex.getMostSpecificCause() instanceof java.sql.SQLException sql
                && sql.getSQLState() != null
                && sql.getSQLState().startsWith("22")) {
            LOG.warn("A value reached the database that it cannot store (SQLState {})", sql.getSQLState());
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.BAD_REQUEST, "A value is out of the range the service can store.");
            problem.setTitle("Invalid request");
            return ResponseEntity.badRequest().body(problem);
        }
        LOG.info(
                "Write refused by a database constraint: {}",
                ex.getMostSpecificCause().getClass().getSimpleName());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT, "The change conflicts with existing data (for example a duplicate).");
        problem.setTitle("Conflict");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }
}
