package com.echamado.identity.web;

import com.echamado.identity.IdentityException;
import com.echamado.platform.web.PageErrors;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** The user and client administration's and the profile's errors as the error page: unknown is 404, refused 409. */
@ControllerAdvice(assignableTypes = {UserAdminPages.class, ClientAdminPages.class, ProfilePage.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class IdentityPageErrors extends PageErrors {

    @ExceptionHandler(IdentityException.class)
    void identity(IdentityException ex, HttpServletResponse response) throws IOException {
        response.sendError(ex.kind() == IdentityException.Kind.NOT_FOUND ? 404 : 409);
    }
}
