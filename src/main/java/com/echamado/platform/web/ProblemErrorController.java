package com.echamado.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/**
 * Boot's {@code /error} for whatever reached the container as an error status without a body (a filter's
 * {@code sendError}, an exception no advice handled): the friendly page for browsers as before, and for the API and
 * JSON clients an RFC 9457 problem instead of Boot's {@code {timestamp, status, error, path}}. Never the exception.
 */
class ProblemErrorController extends BasicErrorController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    ProblemErrorController(ErrorAttributes attributes, ErrorProperties properties, List<ErrorViewResolver> resolvers) {
        super(attributes, properties, resolvers);
    }

    /** The page, except for the API: a browser that opens an API address gets the problem too. */
    @Override
    public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
        if (!RawProblems.wantsProblem((String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), null)) {
            return super.errorHtml(request, response);
        }
        ResponseEntity<Map<String, Object>> problem = error(request);
        response.setStatus(problem.getStatusCode().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        try {
            JSON.writeValue(response.getWriter(), problem.getBody());
        } catch (java.io.IOException gone) {
            // the client left
        }
        return null; // answered
    }

    @Override
    @SuppressWarnings("unchecked")
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        HttpStatus status = getStatus(request);
        if (status == HttpStatus.NO_CONTENT) {
            return new ResponseEntity<>(status);
        }
        String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String detail = status.is4xxClientError()
                ? "The request was refused: " + status.getReasonPhrase() + "."
                : "The request could not be served.";
        Map<String, Object> body =
                JSON.readValue(RawProblems.body(status, detail, RawProblems.safeUri(uri), List.of()), Map.class);
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }
}
