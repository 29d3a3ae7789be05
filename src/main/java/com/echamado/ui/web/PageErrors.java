package com.echamado.ui.web;

import com.echamado.catalog.CatalogException;
import com.echamado.identity.IdentityException;
import com.echamado.tickets.TicketException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Errors that the pages do not handle themselves go to the friendly error page ({@link ErrorPages}): unknown or
 * hidden tickets, catalog entries and users are 404 (a ticket the viewer may not see is "not found", never
 * "forbidden"); other rule breaks 403 or 409. Ordered before the API's problem-detail advice, which would otherwise
 * answer pages with JSON.
 */
@ControllerAdvice(basePackages = "com.echamado.ui.web")
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    @ExceptionHandler(TicketException.class)
    void ticket(TicketException ex, HttpServletResponse response) throws IOException {
        response.sendError(
                switch (ex.kind()) {
                    case NOT_FOUND -> 404;
                    case FORBIDDEN -> 403;
                    default -> 409;
                });
    }

    @ExceptionHandler(CatalogException.class)
    void catalog(CatalogException ex, HttpServletResponse response) throws IOException {
        response.sendError(ex.kind() == CatalogException.Kind.NOT_FOUND ? 404 : 409);
    }

    @ExceptionHandler(IdentityException.class)
    void identity(IdentityException ex, HttpServletResponse response) throws IOException {
        response.sendError(ex.kind() == IdentityException.Kind.NOT_FOUND ? 404 : 409);
    }

    @ExceptionHandler({ErrorResponseException.class, ServletRequestBindingException.class})
    void framework(Exception ex, HttpServletResponse response) throws IOException {
        response.sendError(((ErrorResponse) ex).getStatusCode().value());
    }

    @ExceptionHandler(TypeMismatchException.class)
    void typeMismatch(TypeMismatchException ex, HttpServletResponse response) throws IOException {
        response.sendError(404); // /tickets/abc, /admin/users/not-a-uuid: no such page
    }
}
