package com.echamado.tickets;

import com.echamado.catalog.Priority;
import java.time.Instant;
import java.util.UUID;

/**
 * A ticket as the API and the pages show it. {@code overdue}: due date passed and not closed. Built by name with
 * {@link #builder}.
 */
public record TicketView(
        UUID id,
        long number,
        String title,
        String description,
        UUID typeId,
        UUID categoryId,
        UUID subcategoryId,
        UUID departmentId,
        Priority priority,
        UUID statusId,
        boolean closed,
        UUID requesterId,
        UUID assigneeId,
        UUID createdBy,
        Instant dueAt,
        Instant openedAt,
        Instant firstResponseAt,
        Instant resolvedAt,
        Instant closedAt,
        Instant updatedAt,
        String resolution,
        Integer rating,
        String ratingComment,
        boolean overdue,
        long version) {

    public static Builder builder() {
        return new Builder();
    }

    /** Names each part of a {@link TicketView}. */
    public static final class Builder {
        private UUID id;
        private long number;
        private String title;
        private String description;
        private UUID typeId;
        private UUID categoryId;
        private UUID subcategoryId;
        private UUID departmentId;
        private Priority priority;
        private UUID statusId;
        private boolean closed;
        private UUID requesterId;
        private UUID assigneeId;
        private UUID createdBy;
        private Instant dueAt;
        private Instant openedAt;
        private Instant firstResponseAt;
        private Instant resolvedAt;
        private Instant closedAt;
        private Instant updatedAt;
        private String resolution;
        private Integer rating;
        private String ratingComment;
        private boolean overdue;
        private long version;

        private Builder() {}

        public Builder id(UUID id) {
            this.id = id;
            return this;
        }

        public Builder number(long number) {
            this.number = number;
            return this;
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder typeId(UUID typeId) {
            this.typeId = typeId;
            return this;
        }

        public Builder categoryId(UUID categoryId) {
            this.categoryId = categoryId;
            return this;
        }

        public Builder subcategoryId(UUID subcategoryId) {
            this.subcategoryId = subcategoryId;
            return this;
        }

        public Builder departmentId(UUID departmentId) {
            this.departmentId = departmentId;
            return this;
        }

        public Builder priority(Priority priority) {
            this.priority = priority;
            return this;
        }

        public Builder statusId(UUID statusId) {
            this.statusId = statusId;
            return this;
        }

        public Builder closed(boolean closed) {
            this.closed = closed;
            return this;
        }

        public Builder requesterId(UUID requesterId) {
            this.requesterId = requesterId;
            return this;
        }

        public Builder assigneeId(UUID assigneeId) {
            this.assigneeId = assigneeId;
            return this;
        }

        public Builder createdBy(UUID createdBy) {
            this.createdBy = createdBy;
            return this;
        }

        public Builder dueAt(Instant dueAt) {
            this.dueAt = dueAt;
            return this;
        }

        public Builder openedAt(Instant openedAt) {
            this.openedAt = openedAt;
            return this;
        }

        public Builder firstResponseAt(Instant firstResponseAt) {
            this.firstResponseAt = firstResponseAt;
            return this;
        }

        public Builder resolvedAt(Instant resolvedAt) {
            this.resolvedAt = resolvedAt;
            return this;
        }

        public Builder closedAt(Instant closedAt) {
            this.closedAt = closedAt;
            return this;
        }

        public Builder updatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        public Builder resolution(String resolution) {
            this.resolution = resolution;
            return this;
        }

        public Builder rating(Integer rating) {
            this.rating = rating;
            return this;
        }

        public Builder ratingComment(String ratingComment) {
            this.ratingComment = ratingComment;
            return this;
        }

        public Builder overdue(boolean overdue) {
            this.overdue = overdue;
            return this;
        }

        public Builder version(long version) {
            this.version = version;
            return this;
        }

        public TicketView build() {
            return new TicketView(
                    id,
                    number,
                    title,
                    description,
                    typeId,
                    categoryId,
                    subcategoryId,
                    departmentId,
                    priority,
                    statusId,
                    closed,
                    requesterId,
                    assigneeId,
                    createdBy,
                    dueAt,
                    openedAt,
                    firstResponseAt,
                    resolvedAt,
                    closedAt,
                    updatedAt,
                    resolution,
                    rating,
                    ratingComment,
                    overdue,
                    version);
        }
    }
}
