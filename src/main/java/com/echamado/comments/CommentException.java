package com.echamado.comments;

import com.echamado.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * A rule of the conversation was broken: the message is not there for this reader, the actor may not change it, or
 * its edit window passed. The codes and messages are those the API answered when comments lived in tickets.
 */
public class CommentException extends ProblemException {

    private CommentException(HttpStatus status, String code, String message, String messageCode) {
        super(status, code, null, message, messageCode);
    }

    static CommentException notFound(Object id) {
        return new CommentException(HttpStatus.NOT_FOUND, "comment-not-found", "No comment " + id, null);
    }

    static CommentException forbidden(String message) {
        return new CommentException(HttpStatus.FORBIDDEN, "not-allowed", message, null);
    }

    /** A refused change; its message is {@code ticket.rejected.<code>} in the bundles. */
    static CommentException conflict(String code, String message) {
        return new CommentException(HttpStatus.CONFLICT, code, message, "ticket.rejected." + code);
    }
}
