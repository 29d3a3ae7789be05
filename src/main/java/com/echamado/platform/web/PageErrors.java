package com.echamado.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Errors that pages do not handle themselves go to the friendly error page instead of the API's problem details:
 * framework refusals keep their status, an unparsable id in the address is 404. Each module's pages extend this in
 * a {@code @ControllerAdvice} limited to its page controllers, ordered before the API's problem-detail advice (which
 * would otherwise answer pages with JSON), and add handlers for the module's own exceptions: unknown or hidden
 * objects are 404 (a ticket the viewer may not see is "not found", never "forbidden"), other rule breaks 403 or 409.
 */
public abstract class PageErrors {

    @ExceptionHandler({ErrorResponseException.class, ServletRequestBindingException.class})
    public void framework(Exception ex, HttpServletResponse response) throws IOException {
        response.sendError(((ErrorResponse) ex).getStatusCode().value());
    }

    @ExceptionHandler(TypeMismatchException.class)
    public void typeMismatch(TypeMismatchException ex, HttpServletResponse response) throws IOException {
        response.sendError(404); // /tickets/abc, /admin/users/not-a-uuid: no such page
    }
}
