package com.echamado.comments.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Request bodies of the comments API, validated at the edge. */
final class CommentRequests {

    private CommentRequests() {}

    record NewComment(@NotBlank @Size(max = 10_000) String body, Boolean internal) {

        boolean isInternal() {
            return Boolean.TRUE.equals(internal);
        }
    }

    record EditComment(@NotBlank @Size(max = 10_000) String body) {}
}
