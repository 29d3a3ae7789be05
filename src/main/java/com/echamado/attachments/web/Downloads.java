package com.echamado.attachments.web;

import com.echamado.attachments.AttachmentView;
import com.echamado.attachments.Attachments;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Serves a file so that a browser never runs it: {@code attachment} with an RFC 6266 {@code filename*} (inline only
 * for allow-listed raster images), {@code nosniff}, a sandboxing CSP that allows nothing, the sniffed type, and an
 * ETag from the hash. The bytes are streamed from the store to the response.
 */
@Component
class Downloads {

    static final String CSP = "sandbox; default-src 'none'";

    private final Attachments attachments;

    Downloads(Attachments attachments) {
        this.attachments = attachments;
    }

    void send(AttachmentView attachment, HttpServletResponse response) throws IOException {
        ContentDisposition disposition = (attachment.inline()
                        ? ContentDisposition.inline()
                        : ContentDisposition.attachment())
                .filename(attachment.name(), StandardCharsets.UTF_8)
                .build();
        response.setContentType(attachment.contentType());
        response.setContentLengthLong(attachment.size());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, disposition.toString());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", CSP);
        response.setHeader(HttpHeaders.ETAG, "\"" + attachment.sha256() + "\"");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-cache");
        attachments.copyContent(attachment, response.getOutputStream());
    }
}
