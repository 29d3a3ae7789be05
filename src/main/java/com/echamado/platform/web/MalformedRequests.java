package com.echamado.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.CharConversionException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before anything reads them, the parts of a request that the container or Spring would otherwise turn into
 * a 500 or a database error (and on the API makes a problem always acceptable, see {@link ProblemsAcceptable}): a
 * query string or form body that is not valid UTF-8 or has a broken {@code %} escape
 * (400), a parameter holding the NUL character, which PostgreSQL cannot store or compare (400 naming the parameter),
 * and a {@code Content-Type} that does not parse or names no concrete type such as {@code *}{@code /*} (415). Logged
 * at DEBUG without a stack trace: these are the client's mistakes.
 */
final class MalformedRequests extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(MalformedRequests.class);
    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        boolean api = isApi(request);
        if (contentType != null && (api || WITH_BODY.contains(request.getMethod())) && !concrete(contentType, api)) {
            refuse(
                    request,
                    response,
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "The Content-Type is not a concrete media" + " type; send application/json.",
                    List.of());
            return;
        }
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (Exception undecodable) { // Tomcat's InvalidParameterException, or its DecodeException as it is
            if (!(undecodable instanceof IllegalStateException) && !(undecodable instanceof CharConversionException)) {
                throw undecodable;
            }
            refuse(
                    request,
                    response,
                    HttpStatus.BAD_REQUEST,
                    "The query string or form is not valid: a broken" + " %-escape or bytes that are not UTF-8.",
                    List.of(Map.of("field", "query", "message", "is not valid" + " percent-encoded UTF-8")));
            return;
        }
        List<Map<String, String>> errors = new ArrayList<>();
        parameters.forEach((name, values) -> {
            if (name.indexOf('\0') >= 0 || List.of(values).stream().anyMatch(value -> value.indexOf('\0') >= 0)) {
                errors.add(Map.of("field", name.replace('\0', '?'), "message", InputLimits.NUL_MESSAGE));
            }
        });
        if (!errors.isEmpty()) {
            refuse(request, response, HttpStatus.BAD_REQUEST, "The request is not valid.", errors);
            return;
        }
        chain.doFilter(api ? new ProblemsAcceptable(request) : request, response);
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/api/");
    }

    /**
     * An API client always accepts a problem as the answer to an error (RFC 9110 lets a server ignore {@code Accept}
     * there): {@code Accept: text/html} or {@code application/xml} still gets a 4xx problem instead of an empty 406,
     * and a success it cannot accept becomes a 406 problem. An {@code Accept} that does not parse counts as absent.
     */
    private static final class ProblemsAcceptable extends HttpServletRequestWrapper {

        private final String accept;

        ProblemsAcceptable(HttpServletRequest request) {
            super(request);
            String original = request.getHeader(HttpHeaders.ACCEPT);
            this.accept = original == null || !parses(original)
                    ? MediaType.ALL_VALUE
                    : original + ", " + MediaType.APPLICATION_PROBLEM_JSON_VALUE + ";q=0.001";
        }

        private static boolean parses(String accept) {
            try {
                return !MediaType.parseMediaTypes(accept).isEmpty();
            } catch (InvalidMediaTypeException e) {
                return false;
            }
        }

        @Override
        public String getHeader(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? accept : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name)
                    ? Collections.enumeration(List.of(accept))
                    : super.getHeaders(name);
        }
    }

    /**
     * A media type without wildcards; on the API, which reads JSON (and files, as {@code multipart/form-data}), no
     * other multipart type and no multipart body without its boundary.
     */
    private static boolean concrete(String contentType, boolean api) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return !type.isWildcardType()
                    && !type.isWildcardSubtype()
                    && !(api
                            && type.getType().equals("multipart")
                            && !(type.getSubtype().equals("form-data") && type.getParameter("boundary") != null));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static void refuse(
            HttpServletRequest request,
            HttpServletResponse response,
            HttpStatus status,
            String detail,
            List<Map<String, String>> errors)
            throws IOException {
        LOG.debug(
                "Refused a malformed request ({}): {} {}",
                status.value(),
                request.getMethod(),
                RawProblems.safeUri(request.getRequestURI()));
        RawProblems.answer(request, response, status, detail, errors);
    }
}
