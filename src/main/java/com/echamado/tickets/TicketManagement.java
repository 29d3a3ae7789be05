package com.echamado.tickets;

import com.echamado.catalog.Catalog;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opening and working tickets: the module's facade, where transactions start. Who may see a ticket: its requester,
 * agents of its department or its assignee, and administrators; everyone else is told it does not exist. Every
 * change writes its history in the same transaction. Each capability lives in its own collaborator (opening, editing,
 * assignment, the status lifecycle); the conversation is the comments module's, which reaches the ticket through
 * {@link TicketConversation}.
 */
@Service
@Transactional
public class TicketManagement {

    private final TicketStore store;
    private final TicketOpening opening;
    private final TicketEditing editing;
    private final TicketAssignment assignment;
    private final TicketLifecycle lifecycle;
    private final TicketHistory history;
    private final TicketQueries queries;
    private final TicketSettingsStore settings;
    private final TicketsProperties properties;
    private final Catalog catalog;

    TicketManagement(
            TicketStore store,
            TicketOpening opening,
            TicketEditing editing,
            TicketAssignment assignment,
            TicketLifecycle lifecycle,
            TicketHistory history,
            TicketQueries queries,
            TicketSettingsStore settings,
            TicketsProperties properties,
            Catalog catalog) {
        this.store = store;
        this.opening = opening;
        this.editing = editing;
        this.assignment = assignment;
        this.lifecycle = lifecycle;
        this.history = history;
        this.queries = queries;
        this.settings = settings;
        this.properties = properties;
        this.catalog = catalog;
    }

    /** Builds the acting user's view of rights: roles from the token or session, departments from the catalog. */
    @Transactional(readOnly = true)
    public Actor actor(UUID userId, boolean admin, boolean agent) {
        return new Actor(userId, admin, agent, agent ? Set.copyOf(catalog.departmentsOf(userId)) : Set.of());
    }

    /**
     * Opens a ticket. Priority and due date are the desk's: from a requester (not an agent or administrator) the due
     * date is ignored, and so is the priority unless {@link TicketSettings#requestersChoosePriority()}.
     */
    public TicketView open(Actor actor, NewTicket request) {
        return opening.open(actor, request);
    }

    /** A page of the tickets the actor may see, filtered, searched and ordered as asked. */
    @Transactional(readOnly = true)
    public TicketPage list(Actor actor, TicketQuery query) {
        return queries.list(actor, query);
    }

    /**
     * Every ticket of the list the query asks for (page and size ignored), in its order, handed to {@code each} while
     * the database streams them: constant memory for any number of rows. Returns how many there were.
     */
    @Transactional(readOnly = true)
    public long export(Actor actor, TicketQuery query, Consumer<TicketSummary> each) {
        return queries.export(actor, query, each);
    }

    @Transactional(readOnly = true)
    public TicketView get(Actor actor, UUID id) {
        return store.visible(actor, id).toView(store.now());
    }

    @Transactional(readOnly = true)
    public TicketView getByNumber(Actor actor, long number) {
        return store.visibleByNumber(actor, number).toView(store.now());
    }

    /**
     * Agents of the ticket and administrators change any field; its requester changes what describes their problem
     * (not the department, which decides who works it) while the ticket is open.
     */
    public TicketView edit(Actor actor, UUID id, long expectedVersion, TicketChanges changes) {
        return editing.edit(actor, id, expectedVersion, changes);
    }

    public TicketView assign(Actor actor, UUID id, long expectedVersion, UUID assigneeId) {
        return assignment.assign(actor, id, expectedVersion, assigneeId);
    }

    /**
     * Moves the ticket to a status. A resolving status resolves it, which needs the solution text as {@link #resolve}
     * does (and is then recorded and announced as a resolution); other statuses ignore {@code resolution}.
     */
    public TicketView transition(Actor actor, UUID id, long expectedVersion, UUID statusId, String resolution) {
        return lifecycle.transition(actor, id, expectedVersion, statusId, resolution);
    }

    public TicketView resolve(Actor actor, UUID id, long expectedVersion, String resolution) {
        return lifecycle.resolve(actor, id, expectedVersion, resolution);
    }

    public TicketView close(Actor actor, UUID id, long expectedVersion) {
        return lifecycle.close(actor, id, expectedVersion);
    }

    public TicketView reopen(Actor actor, UUID id, long expectedVersion) {
        return lifecycle.reopen(actor, id, expectedVersion);
    }

    public TicketView rate(Actor actor, UUID id, long expectedVersion, int stars, String comment) {
        return lifecycle.rate(actor, id, expectedVersion, stars, comment);
    }

    /** The ticket's history; internal entries (notes and what became of them) only for its agents and admins. */
    @Transactional(readOnly = true)
    public List<HistoryEntry> history(Actor actor, UUID id) {
        Ticket ticket = store.visible(actor, id);
        return history.of(id, TicketStore.isStaffFor(actor, ticket));
    }

    /**
     * Records the deadline of the ticket's nearest running service-level target (null: none running) and why
     * ({@code state}: RUNNING, PAUSED, or null), for the queue to show, sort and filter by. Kept by the sla module
     * whenever it recomputes a ticket's clocks, in its transaction. Not a change of the ticket: its version, history
     * and update time stay as they are, and nothing is announced. False when no such ticket exists.
     */
    public boolean recordServiceDeadline(UUID ticketId, java.time.Instant dueAt, String state) {
        return store.recordServiceDeadline(ticketId, dueAt, state);
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
}
