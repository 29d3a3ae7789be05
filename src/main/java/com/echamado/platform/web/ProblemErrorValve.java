package com.echamado.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * The answer to a request that Tomcat refuses before the application sees it (a path with a broken {@code %} escape,
 * bytes that are not UTF-8, an encoded NUL, a request line that does not parse): a problem for the API, JSON clients
 * and requests whose target could not even be read, instead of Tomcat's HTML page; Tomcat's plain page (without
 * details) for pages.
 */
final class ProblemErrorValve extends ErrorReportValve {

    ProblemErrorValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        String uri = request.getCoyoteRequest().requestURI().toString();
        boolean unparsed = uri == null || uri.isEmpty(); // the request line itself did not parse
        if (!unparsed && !RawProblems.wantsProblem(uri, request.getHeader(HttpHeaders.ACCEPT))) {
            super.report(request, response, throwable);
            return;
        }
        if (response.getStatus() == HttpStatus.NOT_IMPLEMENTED.value()) { // CONNECT and other methods Tomcat refuses
            response.setStatus(HttpStatus.METHOD_NOT_ALLOWED.value());
        }
        HttpStatus status = HttpStatus.resolve(response.getStatus());
        if (status == null
                || status.value() < 400
                || response.getContentWritten() > 0
                || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean();
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(RawProblems.body(
                        status,
                        status.is4xxClientError()
                                ? "The request could not be read: its path, query or headers are malformed."
                                : "The request could not be served.",
                        RawProblems.safeUri(uri),
                        List.of()));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone; nothing more to say
        }
    }
}
