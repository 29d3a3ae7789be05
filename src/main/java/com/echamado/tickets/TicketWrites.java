package com.echamado.tickets;

import com.echamado.catalog.Priority;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Announces every write of a ticket row as a {@link TicketStateChanged}, from Hibernate's own record of the row as it
 * was loaded or last flushed and as it is written now: whatever code changes a ticket, the announcement cannot be
 * forgotten, and the ticket aggregate knows nothing of who listens.
 */
@Component
class TicketWrites implements PostInsertEventListener, PostUpdateEventListener, PostDeleteEventListener {

    private static final List<String> PROPERTIES = List.of(
            "departmentId",
            "statusId",
            "priority",
            "closed",
            "assigneeId",
            "openedAt",
            "firstResponseAt",
            "resolvedAt",
            "closedAt");

    private final ApplicationEventPublisher events;

    TicketWrites(EntityManagerFactory entityManagers, ApplicationEventPublisher events) {
        this.events = events;
        EventListenerRegistry registry = entityManagers
                .unwrap(SessionFactoryImplementor.class)
                .getServiceRegistry()
                .requireService(EventListenerRegistry.class);
        registry.appendListeners(EventType.POST_INSERT, this);
        registry.appendListeners(EventType.POST_UPDATE, this);
        registry.appendListeners(EventType.POST_DELETE, this);
    }

    @Override
    public void onPostInsert(PostInsertEvent event) {
        if (event.getEntity() instanceof Ticket ticket) {
            events.publishEvent(
                    new TicketStateChanged(ticket.id(), null, state(event.getPersister(), event.getState())));
        }
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        if (event.getEntity() instanceof Ticket ticket) {
            if (event.getOldState() == null) {
                throw new IllegalStateException("Ticket " + ticket.id() + " was written without its loaded state");
            }
            events.publishEvent(new TicketStateChanged(
                    ticket.id(),
                    state(event.getPersister(), event.getOldState()),
                    state(event.getPersister(), event.getState())));
        }
    }

    @Override
    public void onPostDelete(PostDeleteEvent event) {
        if (event.getEntity() instanceof Ticket ticket) {
            events.publishEvent(
                    new TicketStateChanged(ticket.id(), state(event.getPersister(), event.getDeletedState()), null));
        }
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
        return false;
    }

    private static TicketState state(EntityPersister persister, Object[] values) {
        List<String> names = Arrays.asList(persister.getPropertyNames());
        Object[] v = PROPERTIES.stream().map(p -> values[names.indexOf(p)]).toArray();
        return new TicketState(
                (UUID) v[0],
                (UUID) v[1],
                (Priority) v[2],
                (Boolean) v[3],
                (UUID) v[4],
                (Instant) v[5],
                (Instant) v[6],
                (Instant) v[7],
                (Instant) v[8]);
    }
}
