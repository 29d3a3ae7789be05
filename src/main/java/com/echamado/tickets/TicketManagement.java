package com.echamado.tickets;

import com.echamado.catalog.Catalog;
import com.echamado.catalog.CatalogEntryView;
import com.echamado.catalog.CatalogKind;
import com.echamado.identity.IdentityException;
import com.echamado.identity.Role;
import com.echamado.identity.UserManagement;
import com.echamado.identity.UserView;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opening and working tickets. Who may see a ticket: its requester, agents of its department or its assignee, and
 * administrators; everyone else is told it does not exist. Every change writes its history in the same transaction.
 */
@Service
@Transactional
public class TicketManagement {

    private final TicketRepository tickets;
    private final CommentRepository comments;
    private final TicketHistory history;
    private final SearchIndex search;
    private final Catalog catalog;
    private final UserManagement users;
    private final TicketsProperties properties;
    private final TicketQueries queries;
    private final TicketDashboard dashboard;
    private final TicketStatistics statistics;
    private final TicketSettingsStore settings;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    TicketManagement(
            TicketRepository tickets,
            CommentRepository comments,
            TicketHistory history,
            SearchIndex search,
            Catalog catalog,
            UserManagement users,
            TicketsProperties properties,
            TicketQueries queries,
            TicketDashboard dashboard,
            TicketStatistics statistics,
            TicketSettingsStore settings,
            Clock clock,
            ApplicationEventPublisher events) {
        this.tickets = tickets;
        this.comments = comments;
        this.history = history;
        this.search = search;
        this.catalog = catalog;
        this.users = users;
        this.properties = properties;
        this.queries = queries;
        this.dashboard = dashboard;
        this.statistics = statistics;
        this.settings = settings;
        this.clock = clock;
        this.events = events;
    }

    /** Builds the acting user's view of rights: roles from the token or session, departments from the catalog. */
    @Transactional(readOnly = true)
    public Actor actor(UUID userId, boolean admin, boolean agent) {
        return new Actor(
                userId, admin, agent, agent ? java.util.Set.copyOf(catalog.departmentsOf(userId)) : java.util.Set.of());
    }

    /**
     * Opens a ticket. Priority and due date are the desk's: from a requester (not an agent or administrator) the due
     * date is ignored, and so is the priority unless {@link TicketSettings#requestersChoosePriority()}.
     */
    public TicketView open(Actor actor, NewTicket request) {
        if (!actor.isStaff()) {
            request = request.withoutDeskFields(settings.read().requestersChoosePriority());
        }
        UUID requester = actor.id();
        if (request.requesterId() != null && !request.requesterId().equals(actor.id())) {
            if (!actor.isStaff()) {
                throw TicketException.forbidden("Only agents open tickets on someone else's behalf");
            }
            requester = enabledUser(request.requesterId(), "requesterId").id();
        }
        checkReferences(request.typeId(), request.categoryId(), request.subcategoryId(), request.departmentId());
        checkDueAt(request.dueAt(), null);
        Instant now = now();
        Ticket ticket = new Ticket(
                tickets.nextNumber(),
                request,
                requester,
                actor.id(),
                catalog.initialStatus().id(),
                now);
        tickets.saveAndFlush(ticket);
        statistics.record(ticket);
        record(ticket, actor, now, false);
        search.refresh(ticket.id());
        TicketView view = ticket.toView(now);
        events.publishEvent(new TicketOpened(
                UUID.randomUUID(),
                now,
                view.id(),
                view.number(),
                view.title(),
                view.departmentId(),
                view.requesterId(),
                actor.id(),
                view.priority(),
                view.statusId()));
        return view;
    }

    /** A page of the tickets the actor may see, filtered, searched and ordered as asked. */
    @Transactional(readOnly = true)
    public TicketPage list(Actor actor, TicketQuery query) {
        return queries.list(actor, query);
    }

    @Transactional(readOnly = true)
    public Dashboard dashboard(Actor actor) {
        return properties.dashboardCacheTtl().isZero() ? dashboard.of(actor) : dashboard.cached(actor);
    }

    @Transactional(readOnly = true)
    public TicketView get(Actor actor, UUID id) {
        return visible(actor, id).toView(now());
    }

    @Transactional(readOnly = true)
    public TicketView getByNumber(Actor actor, long number) {
        Ticket ticket = tickets.findByNumber(number);
        if (ticket == null || !canSee(actor, ticket)) {
            throw TicketException.notFound("#" + number);
        }
        return ticket.toView(now());
    }

    /**
     * Agents of the ticket and administrators change any field; its requester changes what describes their problem
     * (not the department, which decides who works it) while the ticket is open.
     */
    public TicketView edit(Actor actor, UUID id, long expectedVersion, TicketChanges changes) {
        Ticket ticket = visible(actor, id);
        if (!isStaffFor(actor, ticket)) {
            if (!ticket.requesterId().equals(actor.id())) {
                throw TicketException.forbidden("Only agents, administrators and the requester edit tickets");
            }
            if (changes.departmentId() != null) {
                throw TicketException.forbidden("Only agents and administrators move tickets between departments");
            }
            changes = withoutDeskFields(changes, settings.read().requestersChoosePriority());
        }
        checkVersion(ticket, expectedVersion);
        if (!changes.clearDueAt()) {
            checkDueAt(changes.dueAt(), ticket.dueAt());
        }
        UUID category = changes.categoryId() != null ? changes.categoryId() : ticket.categoryId();
        checkReferences(changes.typeId(), changes.categoryId(), null, changes.departmentId());
        if (changes.subcategoryId() != null && !changes.clearSubcategory()) {
            checkReferences(null, category, changes.subcategoryId(), null);
        } else if (!Objects.equals(category, ticket.categoryId()) && ticket.subcategoryId() != null) {
            changes = withClearedSubcategory(changes); // the old subcategory belongs to the old category
        }
        if (changes.departmentId() != null
                && !actor.admin()
                && !actor.departments().contains(changes.departmentId())
                && !actor.departments().contains(ticket.departmentId())) {
            throw TicketException.forbidden("Agents move tickets only from or to their departments");
        }
        Instant now = now();
        ticket.edit(changes, now);
        if (changes.departmentId() != null
                && ticket.assigneeId() != null
                && !catalog.worksIn(ticket.assigneeId(), changes.departmentId())) {
            ticket.assignTo(null, now);
        }
        TicketView view = save(ticket, actor, now);
        events.publishEvent(new TicketEdited(UUID.randomUUID(), now, view.id()));
        return view;
    }

    public TicketView assign(Actor actor, UUID id, long expectedVersion, UUID assigneeId) {
        Ticket ticket = staffTicket(actor, id, expectedVersion);
        if (!actor.admin() && !actor.departments().contains(ticket.departmentId())) {
            throw TicketException.forbidden("Agents assign tickets of their own departments");
        }
        if (assigneeId != null) {
            UserView assignee = enabledUser(assigneeId, "assigneeId");
            if (!assignee.hasRole(Role.SUPPORT) || !catalog.worksIn(assigneeId, ticket.departmentId())) {
                throw TicketException.invalid("assigneeId", "The assignee must be an enabled agent of the department");
            }
        }
        Instant now = now();
        UUID previous = ticket.assigneeId();
        ticket.assignTo(assigneeId, now);
        TicketView view = save(ticket, actor, now);
        events.publishEvent(new TicketAssigned(
                UUID.randomUUID(),
                now,
                view.id(),
                view.number(),
                view.title(),
                view.departmentId(),
                view.requesterId(),
                assigneeId,
                previous,
                actor.id()));
        return view;
    }

    /**
     * Moves the ticket to a status. A resolving status resolves it, which needs the solution text as {@link #resolve}
     * does (and is then recorded and announced as a resolution); other statuses ignore {@code resolution}.
     */
    public TicketView transition(Actor actor, UUID id, long expectedVersion, UUID statusId, String resolution) {
        Ticket ticket = staffTicket(actor, id, expectedVersion);
        CatalogEntryView status = catalog.requireActive(CatalogKind.STATUS, statusId, "statusId");
        if (status.resolving()) {
            if (resolution == null || resolution.isBlank()) {
                throw TicketException.invalid("resolution", "A resolving status needs the solution text (resolution)");
            }
            return resolve(actor, id, expectedVersion, resolution.strip());
        }
        Instant now = now();
        UUID previous = ticket.statusId();
        ticket.moveTo(status(status), now);
        TicketView view = save(ticket, actor, now);
        statusChanged(view, previous, status, actor, now);
        return view;
    }

    private void statusChanged(TicketView view, UUID previous, CatalogEntryView status, Actor actor, Instant now) {
        events.publishEvent(new TicketStatusChanged(
                UUID.randomUUID(),
                now,
                view.id(),
                view.number(),
                view.title(),
                view.requesterId(),
                previous,
                status.id(),
                status.name(),
                view.closed(),
                actor.id()));
    }

    public TicketView resolve(Actor actor, UUID id, long expectedVersion, String resolution) {
        Ticket ticket = staffTicket(actor, id, expectedVersion);
        Instant now = now();
        ticket.resolve(status(catalog.resolvingStatus()), resolution, now);
        TicketView view = save(ticket, actor, now);
        events.publishEvent(new TicketResolved(
                UUID.randomUUID(),
                now,
                view.id(),
                view.number(),
                view.title(),
                view.requesterId(),
                view.statusId(),
                resolution,
                actor.id()));
        return view;
    }

    public TicketView close(Actor actor, UUID id, long expectedVersion) {
        Ticket ticket = staffTicket(actor, id, expectedVersion);
        Instant now = now();
        ticket.close(status(catalog.closingStatus()), now);
        TicketView view = save(ticket, actor, now);
        events.publishEvent(new TicketClosed(
                UUID.randomUUID(),
                now,
                view.id(),
                view.number(),
                view.title(),
                view.requesterId(),
                view.statusId(),
                actor.id()));
        return view;
    }

    public TicketView reopen(Actor actor, UUID id, long expectedVersion) {
        Ticket ticket = visible(actor, id);
        checkVersion(ticket, expectedVersion);
        boolean staff = isStaffFor(actor, ticket);
        if (!staff && !ticket.requesterId().equals(actor.id())) {
            throw TicketException.notFound(id);
        }
        Instant now = now();
        ticket.reopen(status(catalog.initialStatus()), staff, properties.reopenWindow(), now);
        TicketView view = save(ticket, actor, now);
        events.publishEvent(new TicketReopened(
                UUID.randomUUID(),
                now,
                view.id(),
                view.number(),
                view.title(),
                view.requesterId(),
                view.statusId(),
                actor.id()));
        return view;
    }

    public TicketView rate(Actor actor, UUID id, long expectedVersion, int stars, String comment) {
        Ticket ticket = visible(actor, id);
        checkVersion(ticket, expectedVersion);
        if (!ticket.requesterId().equals(actor.id())) {
            throw TicketException.forbidden("Only the requester rates a ticket");
        }
        Instant now = now();
        ticket.rate(stars, comment, now);
        TicketView view = save(ticket, actor, now);
        events.publishEvent(
                new TicketRated(UUID.randomUUID(), now, view.id(), view.number(), view.requesterId(), stars));
        return view;
    }

    @Transactional(readOnly = true)
    public List<HistoryEntry> history(Actor actor, UUID id) {
        Ticket ticket = visible(actor, id);
        return history.of(id, isStaffFor(actor, ticket));
    }

    @Transactional(readOnly = true)
    public List<CommentView> comments(Actor actor, UUID ticketId) {
        Ticket ticket = visible(actor, ticketId);
        boolean staff = isStaffFor(actor, ticket);
        return comments.findVisible(ticketId).stream()
                .filter(comment -> staff || !comment.internal())
                .map(Comment::toView)
                .toList();
    }

    /** Whether the actor may still edit the comment: only its author, and only within the edit window. */
    @Transactional(readOnly = true)
    public boolean mayEditComment(Actor actor, CommentView comment) {
        return comment.authorId().equals(actor.id())
                && !comment.createdAt().plus(properties.commentEditWindow()).isBefore(now());
    }

    /** Whether the actor may delete the comment: its author or an administrator. */
    @Transactional(readOnly = true)
    public boolean mayDeleteComment(Actor actor, CommentView comment) {
        return actor.admin() || comment.authorId().equals(actor.id());
    }

    public CommentView addComment(Actor actor, UUID ticketId, String body, boolean internal) {
        // A reply updates the ticket (first-response and updated times) without an If-Match from the client:
        // simultaneous replies wait for each other on the ticket's row instead of failing its version check.
        Ticket ticket = tickets.findForUpdate(ticketId)
                .filter(t -> canSee(actor, t))
                .orElseThrow(() -> TicketException.notFound(ticketId));
        boolean staff = isStaffFor(actor, ticket);
        if (internal && !staff) {
            throw TicketException.forbidden("Only agents write internal notes");
        }
        ticket.requireOpen();
        Instant now = now();
        Comment comment = comments.saveAndFlush(new Comment(ticketId, actor.id(), internal, body, now));
        UUID waitingStatus = ticket.statusId();
        CatalogEntryView resumed = null;
        if (!internal) {
            ticket.replied(actor.id(), staff, now);
            resumed = resumeAfterRequesterReply(actor, ticket, now);
        }
        history.append(
                ticketId,
                actor.id(),
                now,
                List.of(new Ticket.Change(
                        internal ? "note" : "reply", null, comment.id().toString())),
                internal);
        tickets.saveAndFlush(ticket);
        statistics.record(ticket);
        history.append(ticketId, actor.id(), now, ticket.drainChanges(), false);
        if (!internal) {
            search.refresh(ticketId);
        }
        TicketView view = ticket.toView(now);
        events.publishEvent(new CommentAdded(
                UUID.randomUUID(),
                now,
                ticketId,
                view.number(),
                view.title(),
                view.requesterId(),
                comment.id(),
                actor.id(),
                internal,
                internal ? null : body,
                view.departmentId(),
                view.assigneeId()));
        if (resumed != null) {
            statusChanged(view, waitingStatus, resumed, actor, now);
        }
        return comment.toView();
    }

    /**
     * The requester's public reply on a ticket in a status that waits for the customer moves it to that status's
     * reply status (kept in the history as a status change by the requester); the status returned, or null.
     */
    private CatalogEntryView resumeAfterRequesterReply(Actor actor, Ticket ticket, Instant now) {
        if (!actor.id().equals(ticket.requesterId())) {
            return null;
        }
        CatalogEntryView current = catalog.find(ticket.statusId()).orElse(null);
        if (current == null || !current.awaitsCustomer() || current.replyStatusId() == null) {
            return null;
        }
        CatalogEntryView target = catalog.find(current.replyStatusId())
                .filter(CatalogEntryView::enabled)
                .orElse(null);
        if (target == null) {
            return null; // the reply status was disabled or deleted since: the ticket stays where it is
        }
        ticket.moveTo(status(target), now);
        return target;
    }

    public CommentView editComment(Actor actor, UUID ticketId, UUID commentId, String body) {
        Ticket ticket = visible(actor, ticketId);
        Comment comment = comment(actor, ticket, commentId);
        Instant now = now();
        String previous = comment.edit(actor.id(), body, properties.commentEditWindow(), now);
        comments.saveAndFlush(comment);
        history.append(
                ticketId,
                actor.id(),
                now,
                List.of(new Ticket.Change(comment.internal() ? "noteEdited" : "replyEdited", previous, body)),
                comment.internal());
        if (!comment.internal()) {
            search.refresh(ticketId);
        }
        return comment.toView();
    }

    public void deleteComment(Actor actor, UUID ticketId, UUID commentId) {
        Ticket ticket = visible(actor, ticketId);
        Comment comment = comment(actor, ticket, commentId);
        Instant now = now();
        comment.delete(actor.id(), actor.admin(), now);
        comments.saveAndFlush(comment);
        history.append(
                ticketId,
                actor.id(),
                now,
                List.of(new Ticket.Change(comment.internal() ? "noteDeleted" : "replyDeleted", comment.body(), null)),
                comment.internal());
        if (!comment.internal()) {
            search.refresh(ticketId);
        }
    }

    private Comment comment(Actor actor, Ticket ticket, UUID commentId) {
        Comment comment = comments.findById(commentId)
                .filter(c -> c.ticketId().equals(ticket.id()) && !c.deleted())
                .filter(c -> !c.internal() || isStaffFor(actor, ticket))
                .orElseThrow(() -> TicketException.commentNotFound(commentId));
        return comment;
    }

    private TicketView save(Ticket ticket, Actor actor, Instant now) {
        tickets.saveAndFlush(ticket);
        statistics.record(ticket);
        record(ticket, actor, now, false);
        search.refresh(ticket.id());
        return ticket.toView(now);
    }

    private void record(Ticket ticket, Actor actor, Instant now, boolean internal) {
        history.append(ticket.id(), actor.id(), now, ticket.drainChanges(), internal);
    }

    private Ticket staffTicket(Actor actor, UUID id, long expectedVersion) {
        Ticket ticket = visible(actor, id);
        if (!isStaffFor(actor, ticket)) {
            throw TicketException.forbidden("Only agents and administrators change tickets");
        }
        checkVersion(ticket, expectedVersion);
        return ticket;
    }

    private static void checkVersion(Ticket ticket, long expectedVersion) {
        if (ticket.version() != expectedVersion) {
            throw TicketException.stale(ticket.version());
        }
    }

    private Ticket visible(Actor actor, UUID id) {
        return tickets.findById(id).filter(t -> canSee(actor, t)).orElseThrow(() -> TicketException.notFound(id));
    }

    static boolean canSee(Actor actor, Ticket ticket) {
        return actor.admin()
                || ticket.requesterId().equals(actor.id())
                || (actor.agent()
                        && (actor.departments().contains(ticket.departmentId())
                                || actor.id().equals(ticket.assigneeId())));
    }

    private static boolean isStaffFor(Actor actor, Ticket ticket) {
        return actor.admin()
                || (actor.agent()
                        && (actor.departments().contains(ticket.departmentId())
                                || actor.id().equals(ticket.assigneeId())));
    }

    private void checkReferences(UUID typeId, UUID categoryId, UUID subcategoryId, UUID departmentId) {
        if (typeId != null) {
            catalog.requireActive(CatalogKind.TICKET_TYPE, typeId, "typeId");
        }
        if (categoryId != null) {
            catalog.requireActive(CatalogKind.CATEGORY, categoryId, "categoryId");
        }
        if (subcategoryId != null) {
            CatalogEntryView sub = catalog.requireActive(CatalogKind.SUBCATEGORY, subcategoryId, "subcategoryId");
            if (categoryId != null && !sub.parentId().equals(categoryId)) {
                throw TicketException.invalid("subcategoryId", "The subcategory belongs to another category");
            }
        }
        if (departmentId != null) {
            catalog.requireActive(CatalogKind.DEPARTMENT, departmentId, "departmentId");
        }
    }

    private UserView enabledUser(UUID id, String field) {
        try {
            UserView user = users.get(id);
            if (!user.enabled()) {
                throw TicketException.invalid(field, "The user is disabled");
            }
            return user;
        } catch (IdentityException unknown) {
            throw TicketException.invalid(field, "Unknown user");
        }
    }

    /** A new due date lies in the future, when opening as when editing; an unchanged one may have passed. */
    private void checkDueAt(Instant dueAt, Instant current) {
        if (dueAt != null && !dueAt.equals(current) && dueAt.isBefore(now())) {
            throw TicketException.invalid("dueAt", "The due date must lie in the future");
        }
    }

    /** A requester's changes without the due date, and without the priority unless requesters may choose it. */
    private static TicketChanges withoutDeskFields(TicketChanges c, boolean keepPriority) {
        return new TicketChanges(
                c.title(),
                c.description(),
                c.typeId(),
                c.categoryId(),
                c.subcategoryId(),
                c.clearSubcategory(),
                c.departmentId(),
                keepPriority ? c.priority() : null,
                null,
                false);
    }

    @Transactional(readOnly = true)
    public TicketSettings settings() {
        return settings.read();
    }

    public TicketSettings changeSettings(Actor actor, TicketSettings changed) {
        if (!actor.admin()) {
            throw TicketException.forbidden("Only administrators change the desk's settings");
        }
        settings.write(changed);
        return settings.read();
    }

    private static TicketChanges withClearedSubcategory(TicketChanges c) {
        return new TicketChanges(
                c.title(),
                c.description(),
                c.typeId(),
                c.categoryId(),
                null,
                true,
                c.departmentId(),
                c.priority(),
                c.dueAt(),
                c.clearDueAt());
    }

    private static Ticket.Status status(CatalogEntryView view) {
        return new Ticket.Status(view.id(), view.resolving(), view.isFinal());
    }

    private Instant now() {
        return clock.instant();
    }
}
