package com.echamado.attachments;

import java.time.Instant;
import java.util.UUID;

/** A file on a ticket or on one of its messages ({@code commentId}), as its readers see it. */
public record AttachmentView(
        UUID id,
        UUID ticketId,
        UUID commentId,
        boolean internal,
        String name,
        long size,
        String contentType,
        String sha256,
        UUID uploadedBy,
        Instant createdAt) {

    /** Whether the browser may show it in the page (an allow-listed raster image); everything else is downloaded. */
    public boolean inline() {
        return FileTypes.inline(contentType);
    }
}
