package com.echamado.tickets;

import com.echamado.catalog.Priority;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A list request: typed filters (each optional), full-text {@code q}, a Gridify {@code filter} and {@code orderBy},
 * and either a page number or a keyset {@code cursor} (default order only). Built by name with {@link #builder}.
 */
public record TicketQuery(
        List<UUID> statuses,
        UUID departmentId,
        UUID typeId,
        UUID categoryId,
        Priority priority,
        UUID assigneeId,
        UUID requesterId,
        Boolean unassigned,
        Boolean overdue,
        Boolean closed,
        Instant openedFrom,
        Instant openedTo,
        Instant dueFrom,
        Instant dueTo,
        java.time.Duration slaDueWithin,
        String q,
        String filter,
        String orderBy,
        int page,
        int size,
        String cursor) {

    public static TicketQuery firstPage(int size) {
        return builder().size(size).build();
    }

    /** Every filter unset, the first page of 25 rows. */
    public static Builder builder() {
        return new Builder();
    }

    /** Names each part of a {@link TicketQuery}; what is not named stays unset. */
    public static final class Builder {
        private List<UUID> statuses = List.of();
        private UUID departmentId;
        private UUID typeId;
        private UUID categoryId;
        private Priority priority;
        private UUID assigneeId;
        private UUID requesterId;
        private Boolean unassigned;
        private Boolean overdue;
        private Boolean closed;
        private Instant openedFrom;
        private Instant openedTo;
        private Instant dueFrom;
        private Instant dueTo;
        private java.time.Duration slaDueWithin;
        private String q;
        private String filter;
        private String orderBy;
        private int page;
        private int size = 25;
        private String cursor;

        private Builder() {}

        public Builder statuses(List<UUID> statuses) {
            this.statuses = statuses;
            return this;
        }

        public Builder departmentId(UUID departmentId) {
            this.departmentId = departmentId;
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

        public Builder priority(Priority priority) {
            this.priority = priority;
            return this;
        }

        public Builder assigneeId(UUID assigneeId) {
            this.assigneeId = assigneeId;
            return this;
        }

        public Builder requesterId(UUID requesterId) {
            this.requesterId = requesterId;
            return this;
        }

        public Builder unassigned(Boolean unassigned) {
            this.unassigned = unassigned;
            return this;
        }

        public Builder overdue(Boolean overdue) {
            this.overdue = overdue;
            return this;
        }

        public Builder closed(Boolean closed) {
            this.closed = closed;
            return this;
        }

        public Builder openedBetween(Instant from, Instant to) {
            this.openedFrom = from;
            this.openedTo = to;
            return this;
        }

        public Builder dueBetween(Instant from, Instant to) {
            this.dueFrom = from;
            this.dueTo = to;
            return this;
        }

        /** Only tickets whose nearest running SLA deadline comes within this window from now, or has passed. */
        public Builder slaDueWithin(java.time.Duration within) {
            this.slaDueWithin = within;
            return this;
        }

        public Builder q(String q) {
            this.q = q;
            return this;
        }

        public Builder filter(String filter) {
            this.filter = filter;
            return this;
        }

        public Builder orderBy(String orderBy) {
            this.orderBy = orderBy;
            return this;
        }

        public Builder page(int page) {
            this.page = page;
            return this;
        }

        public Builder size(int size) {
            this.size = size;
            return this;
        }

        public Builder cursor(String cursor) {
            this.cursor = cursor;
            return this;
        }

        public TicketQuery build() {
            return new TicketQuery(
                    statuses,
                    departmentId,
                    typeId,
                    categoryId,
                    priority,
                    assigneeId,
                    requesterId,
                    unassigned,
                    overdue,
                    closed,
                    openedFrom,
                    openedTo,
                    dueFrom,
                    dueTo,
                    slaDueWithin,
                    q,
                    filter,
                    orderBy,
                    page,
                    size,
                    cursor);
        }
    }
}
