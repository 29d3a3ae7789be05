package com.echamado.attachments;

import com.echamado.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** A rule of attachments was broken: unknown or invisible (404 alike), not the actor's to remove, too large. */
public class AttachmentException extends ProblemException {

    private AttachmentException(
            HttpStatus status, String code, String field, String message, String messageCode, Object... arguments) {
        super(status, code, field, message, messageCode, arguments);
    }

    static AttachmentException notFound(Object id) {
        return new AttachmentException(HttpStatus.NOT_FOUND, "attachment-not-found", null, "No attachment " + id, null);
    }

    static AttachmentException forbidden(String message) {
        return new AttachmentException(HttpStatus.FORBIDDEN, "not-allowed", null, message, null);
    }

    static AttachmentException closed() {
        return new AttachmentException(
                HttpStatus.CONFLICT, "ticket-closed", null, "A closed ticket takes no files", "attachment.closed");
    }

    static AttachmentException tooLarge(long maxBytes) {
        AttachmentException e = new AttachmentException(
                HttpStatus.CONTENT_TOO_LARGE,
                "attachment-too-large",
                "file",
                "is larger than the " + maxBytes + " bytes allowed",
                "attachment.tooLarge",
                maxBytes / (1024 * 1024));
        e.with("maxSize", maxBytes);
        return e;
    }
}
