package com.echamado.catalog.web;

import com.echamado.catalog.CatalogException;
import com.echamado.platform.web.PageErrors;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** The catalog administration's errors as the error page: an unknown entry is 404, a refused change 409. */
@ControllerAdvice(assignableTypes = CatalogAdminPages.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CatalogPageErrors extends PageErrors {

    @ExceptionHandler(CatalogException.class)
    void catalog(CatalogException ex, HttpServletResponse response) throws IOException {
        response.sendError(ex.kind() == CatalogException.Kind.NOT_FOUND ? 404 : 409);
    }
}
