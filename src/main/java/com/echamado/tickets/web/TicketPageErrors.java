package com.echamado.tickets.web;

import com.echamado.catalog.CatalogException;
import com.echamado.identity.IdentityException;
import com.echamado.platform.web.PageErrors;
import com.echamado.tickets.TicketException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * The error page for pages that show tickets: unknown or hidden tickets, catalog entries and users are 404 (a ticket
 * the viewer may not see is "not found", never "forbidden"); other rule breaks 403 or 409. Pages of other modules
 * that show tickets extend it in an advice limited to their controllers, as {@link OnTicketPages} does here.
 */
public abstract class TicketPageErrors extends PageErrors {

    @ExceptionHandler(TicketException.class)
    public void ticket(TicketException ex, HttpServletResponse response) throws IOException {
        response.sendError(
                switch (ex.kind()) {
                    case NOT_FOUND -> 404;
                    case FORBIDDEN -> 403;
                    default -> 409;
                });
    }

    @ExceptionHandler(CatalogException.class)
    public void catalog(CatalogException ex, HttpServletResponse response) throws IOException {
        response.sendError(ex.kind() == CatalogException.Kind.NOT_FOUND ? 404 : 409);
    }

    @ExceptionHandler(IdentityException.class)
    public void identity(IdentityException ex, HttpServletResponse response) throws IOException {
        response.sendError(ex.kind() == IdentityException.Kind.NOT_FOUND ? 404 : 409);
    }

    /** The ticket pages' own; the API next to them answers with problem details. */
    @ControllerAdvice(
            assignableTypes = {
                NewTicketPage.class,
                TicketListPage.class,
                TicketDetailPage.class,
                TicketEditPage.class,
                TicketActions.class,
                DeskSettingsPage.class
            })
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class OnTicketPages extends TicketPageErrors {}
}
