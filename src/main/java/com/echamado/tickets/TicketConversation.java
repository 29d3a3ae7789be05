package com.echamado.tickets;

import com.echamado.catalog.Catalog;
import com.echamado.catalog.CatalogEntryView;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the comments module needs from a ticket, and the ticket's side of its conversation: whether the actor may read
 * the conversation, reply or write internal notes (a read port under the visibility rule), and what a message does
 * to the ticket in the caller's transaction: its history entry, the first-response and updated times, a requester's
 * reply taking a ticket that waits for the customer back to work, and the search document, which holds the public
 * replies' words. The tickets module never reads or lists the messages themselves.
 */
@Service
@Transactional
public class TicketConversation {

    private final TicketStore store;
    private final TicketHistory history;
    private final SearchIndex search;
    private final Catalog catalog;
    private final ApplicationEventPublisher events;

    TicketConversation(
            TicketStore store,
            TicketHistory history,
            SearchIndex search,
            Catalog catalog,
            ApplicationEventPublisher events) {
        this.store = store;
        this.history = history;
        this.search = search;
        this.catalog = catalog;
        this.events = events;
    }

    /** The ticket as the actor may read its conversation; a ticket they may not see is not found. */
    @Transactional(readOnly = true)
    public ConversationAccess read(Actor actor, UUID ticketId) {
        Ticket ticket = store.visible(actor, ticketId);
        return ConversationAccess.of(ticket, TicketStore.isStaffFor(actor, ticket));
    }

    /**
     * The ticket about to get a message, with its row locked until the transaction ends: a reply updates the ticket
     * without an If-Match from the client, so simultaneous replies wait for each other instead of failing its version
     * check. Only the ticket's agents and administrators write internal notes, and a closed ticket takes no message.
     */
    public ConversationAccess openForMessage(Actor actor, UUID ticketId, boolean internal) {
        Ticket ticket = store.visibleForUpdate(actor, ticketId);
        boolean staff = TicketStore.isStaffFor(actor, ticket);
        if (internal && !staff) {
            throw TicketException.forbidden("Only agents write internal notes");
        }
        ticket.requireOpen();
        return ConversationAccess.of(ticket, staff);
    }

    /**
     * The ticket's side of a message written at {@code at}, after {@link #openForMessage} in the same transaction:
     * the history entry ({@code note} or {@code reply}, internal for a note) and, for a public reply, the first
     * response (the first public reply of the ticket's staff other than the requester), the updated time, the
     * requester's reply resuming a waiting ticket (announced as a status change by the requester) and the search
     * document.
     */
    public void messageAdded(Actor actor, UUID ticketId, UUID messageId, boolean internal, Instant at) {
        Ticket ticket = store.visible(actor, ticketId);
        UUID waitingStatus = ticket.statusId();
        CatalogEntryView resumed = null;
        if (!internal) {
            ticket.replied(actor.id(), TicketStore.isStaffFor(actor, ticket), at);
            resumed = resumeAfterRequesterReply(actor, ticket, at);
        }
        history.append(
                ticketId,
                actor.id(),
                at,
                List.of(new Ticket.Change(internal ? "note" : "reply", null, messageId.toString())),
                internal);
        if (internal) {
            return; // a note changes nothing on the ticket and is no part of its search document
        }
        TicketView view = store.save(ticket, actor, at);
        if (resumed != null) {
            events.publishEvent(TicketEvents.statusChanged(view, waitingStatus, resumed, actor.id(), at));
        }
    }

    /**
     * A message was edited or deleted at {@code at}: its history entry ({@code field} from {@code oldValue} to {@code
     * newValue}, internal for a note) and, for a public reply, the search document.
     */
    public void messageChanged(
            Actor actor, UUID ticketId, String field, String oldValue, String newValue, boolean internal, Instant at) {
        store.visible(actor, ticketId);
        history.append(ticketId, actor.id(), at, List.of(new Ticket.Change(field, oldValue, newValue)), internal);
        if (!internal) {
            search.refresh(ticketId);
        }
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
        ticket.moveTo(TicketLifecycle.status(target), now);
        return target;
    }
}
