package com.echamado.tickets;

import com.echamado.catalog.Priority;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The ticket aggregate. Every mutator guards its rule and records what changed; the facade writes those changes
 * to the history in the same transaction. Longer than most classes because the aggregate's rules stay in one place
 * (a split would spread one invariant over several classes); the dashboard counters' bookkeeping is its other part.
 */
@Entity
@Table(name = "ticket")
class Ticket {

    record Change(String field, String oldValue, String newValue) {}

    /** The status a lifecycle step moves to, as the catalog describes it. */
    record Status(UUID id, boolean resolving, boolean isFinal) {}

    @Id
    private UUID id;

    private long number;
    private String title;
    private String description;
    private UUID typeId;
    private UUID categoryId;
    private UUID subcategoryId;
    private UUID departmentId;

    @Enumerated(EnumType.STRING)
    private Priority priority;

    private UUID statusId;

    @Column(name = "is_closed")
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

    @Version
    private long version;

    @Transient
    private final List<Change> changes = new ArrayList<>();

    protected Ticket() {}

    Ticket(long number, NewTicket request, UUID requesterId, UUID createdBy, UUID initialStatus, Instant now) {
        this.id = UUID.randomUUID();
        this.number = number;
        this.title = title(request.title());
        this.description = request.description() == null ? "" : request.description();
        this.typeId = request.typeId();
        this.categoryId = request.categoryId();
        this.subcategoryId = request.subcategoryId();
        this.departmentId = request.departmentId();
        this.priority = request.priority() == null ? Priority.NORMAL : request.priority();
        this.statusId = initialStatus;
        this.requesterId = requesterId;
        this.createdBy = createdBy;
        this.dueAt = request.dueAt();
        this.openedAt = now;
        this.updatedAt = now;
        changes.add(new Change("created", null, "#" + number));
    }

    void edit(TicketChanges c, Instant now) {
        requireOpen();
        set("title", title, c.title() == null ? null : title(c.title()), v -> title = v);
        set("description", description, c.description(), v -> description = v);
        set("type", typeId, c.typeId(), v -> typeId = v);
        set("category", categoryId, c.categoryId(), v -> categoryId = v);
        if (c.clearSubcategory()) {
            record("subcategory", subcategoryId, null);
            subcategoryId = null;
        } else {
            set("subcategory", subcategoryId, c.subcategoryId(), v -> subcategoryId = v);
        }
        set("department", departmentId, c.departmentId(), v -> departmentId = v);
        set("priority", priority, c.priority(), v -> priority = v);
        if (c.clearDueAt()) {
            record("dueAt", dueAt, null);
            dueAt = null;
        } else {
            set("dueAt", dueAt, c.dueAt(), v -> dueAt = v);
        }
        touch(now);
    }

    /** Titles are stored trimmed, and it is the trimmed title that must have 5 to 200 characters. */
    private static String title(String raw) {
        String trimmed = raw.trim();
        if (trimmed.length() < 5 || trimmed.length() > 200) {
            throw TicketException.invalid(
                    "title", "The title must have 5 to 200 characters besides surrounding spaces");
        }
        return trimmed;
    }

    void assignTo(UUID assignee, Instant now) {
        requireOpen();
        record("assignee", assigneeId, assignee);
        assigneeId = assignee;
        touch(now);
    }

    /** Moves to a status; entering a resolving one resolves, a final one closes, another one resumes work. */
    void moveTo(Status target, Instant now) {
        requireOpen();
        if (target.id().equals(statusId)) {
            throw TicketException.conflict("same-status", "The ticket already has this status");
        }
        record("status", statusId, target.id());
        statusId = target.id();
        if (target.isFinal()) {
            closed = true;
            closedAt = now;
        } else if (target.resolving()) {
            resolvedAt = now;
        } else if (resolvedAt != null) {
            record("resolvedAt", resolvedAt, null);
            resolvedAt = null;
        }
        touch(now);
    }

    void resolve(Status resolving, String text, Instant now) {
        requireOpen();
        if (resolvedAt != null) {
            throw TicketException.conflict("already-resolved", "The ticket is already resolved");
        }
        record("resolution", resolution, text);
        resolution = text;
        if (!resolving.id().equals(statusId)) {
            record("status", statusId, resolving.id());
            statusId = resolving.id();
        }
        resolvedAt = now;
        touch(now);
    }

    void close(Status finalStatus, Instant now) {
        if (closed) {
            throw TicketException.conflict("already-closed", "The ticket is already closed");
        }
        moveTo(finalStatus, now);
    }

    /** Requesters may reopen within {@code window} of the resolution; agents at any time. */
    void reopen(Status initial, boolean byStaff, Duration window, Instant now) {
        if (resolvedAt == null && !closed) {
            throw TicketException.conflict("not-resolved", "Only resolved or closed tickets can be reopened");
        }
        Instant since = resolvedAt != null ? resolvedAt : closedAt;
        if (!byStaff && since.plus(window).isBefore(now)) {
            throw TicketException.conflict("reopen-window-passed", "The time to reopen this ticket has passed");
        }
        record("status", statusId, initial.id());
        statusId = initial.id();
        closed = false;
        closedAt = null;
        resolvedAt = null;
        record("reopened", null, now.toString());
        touch(now);
    }

    void rate(int stars, String comment, Instant now) {
        if (resolvedAt == null && !closed) {
            throw TicketException.conflict("not-resolved", "A ticket can be rated after its resolution");
        }
        if (rating != null) {
            throw TicketException.conflict("already-rated", "The ticket is already rated");
        }
        record("rating", null, Integer.toString(stars));
        rating = stars;
        ratingComment = comment;
        touch(now);
    }

    /** The first public reply of an agent other than the requester sets the first-response time. */
    void replied(UUID authorId, boolean staff, Instant now) {
        if (firstResponseAt == null && staff && !authorId.equals(requesterId)) {
            firstResponseAt = now;
            record("firstResponseAt", null, now.toString());
        }
        touch(now);
    }

    void requireOpen() {
        if (closed) {
            throw TicketException.conflict("ticket-closed", "The ticket is closed; reopen it first");
        }
    }

    boolean isOverdue(Instant now) {
        return dueAt != null && !closed && dueAt.isBefore(now);
    }

    List<Change> drainChanges() {
        List<Change> out = List.copyOf(changes);
        changes.clear();
        return out;
    }

    private <T> void set(String field, T current, T next, java.util.function.Consumer<T> apply) {
        if (next != null && !Objects.equals(current, next)) {
            record(field, current, next);
            apply.accept(next);
        }
    }

    private void record(String field, Object oldValue, Object newValue) {
        changes.add(new Change(
                field, oldValue == null ? null : oldValue.toString(), newValue == null ? null : newValue.toString()));
    }

    private void touch(Instant now) {
        updatedAt = now;
    }

    TicketView toView(Instant now) {
        return TicketView.builder()
                .id(id)
                .number(number)
                .title(title)
                .description(description)
                .typeId(typeId)
                .categoryId(categoryId)
                .subcategoryId(subcategoryId)
                .departmentId(departmentId)
                .priority(priority)
                .statusId(statusId)
                .closed(closed)
                .requesterId(requesterId)
                .assigneeId(assigneeId)
                .createdBy(createdBy)
                .dueAt(dueAt)
                .openedAt(openedAt)
                .firstResponseAt(firstResponseAt)
                .resolvedAt(resolvedAt)
                .closedAt(closedAt)
                .updatedAt(updatedAt)
                .resolution(resolution)
                .rating(rating)
                .ratingComment(ratingComment)
                .overdue(isOverdue(now))
                .version(version)
                .build();
    }

    UUID id() {
        return id;
    }

    long number() {
        return number;
    }

    String title() {
        return title;
    }

    boolean closed() {
        return closed;
    }

    long version() {
        return version;
    }

    UUID departmentId() {
        return departmentId;
    }

    UUID categoryId() {
        return categoryId;
    }

    UUID subcategoryId() {
        return subcategoryId;
    }

    UUID requesterId() {
        return requesterId;
    }

    Instant dueAt() {
        return dueAt;
    }

    UUID assigneeId() {
        return assigneeId;
    }

    UUID statusId() {
        return statusId;
    }
}
