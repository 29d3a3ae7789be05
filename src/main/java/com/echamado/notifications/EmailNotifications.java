package com.echamado.notifications;

import com.echamado.catalog.Catalog;
import com.echamado.catalog.Priority;
import com.echamado.comments.CommentAdded;
import com.echamado.identity.UserContact;
import com.echamado.identity.UserManagement;
import com.echamado.platform.messaging.DomainEvent;
import com.echamado.platform.messaging.Inbox;
import com.echamado.sla.SlaBreached;
import com.echamado.sla.SlaTarget;
import com.echamado.sla.SlaWarning;
import com.echamado.tickets.TicketAssigned;
import com.echamado.tickets.TicketOpened;
import com.echamado.tickets.TicketResolved;
import com.echamado.tickets.TicketStatusChanged;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * E-mail on ticket events: the requester (a confirmation) and the department's agents on a new ticket, the assignee on
 * assignment, the requester on a status change, a resolution and a public reply, and the assignee (or, while
 * unassigned, the department's agents) on a reply of the requester and when an SLA target nears ({@link SlaWarning})
 * or passes ({@link SlaBreached}) its deadline. Links point to the ticket's page under the public
 * URL. Nobody is told about their own action; users who switched e-mail
 * off or are disabled get nothing. One typed listener per event; each runs after the change committed, in its own
 * transaction, through the {@link Inbox} (an event the registry delivers again is skipped). Each recipient gets an
 * event's mail once, also when the event is resubmitted after the SMTP server failed for another recipient ({@link
 * EmailDeliveries}).
 */
@Component
class EmailNotifications {

    /** The inbox's key: each event is mailed about once, whichever of the methods below takes it. */
    static final String CONSUMER = "email";

    private final UserManagement users;
    private final Catalog catalog;
    private final MailTemplates templates;
    private final Mailer mailer;
    private final NotificationsProperties properties;
    private final EmailDeliveries deliveries;
    private final Inbox inbox;

    EmailNotifications(
            UserManagement users,
            Catalog catalog,
            MailTemplates templates,
            Mailer mailer,
            NotificationsProperties properties,
            EmailDeliveries deliveries,
            Inbox inbox) {
        this.users = users;
        this.catalog = catalog;
        this.templates = templates;
        this.mailer = mailer;
        this.properties = properties;
        this.deliveries = deliveries;
        this.inbox = inbox;
    }

    @ApplicationModuleListener(id = "echamado.email.ticket-opened")
    void on(TicketOpened e) {
        inbox.once(CONSUMER, e, () -> {
            mail(e, e.requesterId(), "ticket-received", e.number(), e.title(), Detail.priority(e.priority()));
            for (UUID agent : catalog.agentsOf(e.departmentId())) {
                if (!agent.equals(e.openedBy()) && !agent.equals(e.requesterId())) {
                    mail(e, agent, "ticket-opened", e.number(), e.title(), Detail.priority(e.priority()));
                }
            }
        });
    }

    @ApplicationModuleListener(id = "echamado.email.ticket-assigned")
    void on(TicketAssigned e) {
        inbox.once(CONSUMER, e, () -> {
            if (e.assigneeId() != null && !e.assigneeId().equals(e.actorId())) {
                mail(e, e.assigneeId(), "ticket-assigned", e.number(), e.title(), Detail.text(""));
            }
        });
    }

    @ApplicationModuleListener(id = "echamado.email.ticket-status-changed")
    void on(TicketStatusChanged e) {
        inbox.once(CONSUMER, e, () -> {
            if (!e.requesterId().equals(e.actorId())) {
                mail(e, e.requesterId(), "ticket-status-changed", e.number(), e.title(), Detail.text(e.statusName()));
            }
        });
    }

    @ApplicationModuleListener(id = "echamado.email.ticket-resolved")
    void on(TicketResolved e) {
        inbox.once(CONSUMER, e, () -> {
            if (!e.requesterId().equals(e.actorId())) {
                mail(e, e.requesterId(), "ticket-resolved", e.number(), e.title(), Detail.text(e.resolution()));
            }
        });
    }

    @ApplicationModuleListener(id = "echamado.email.comment-added")
    void on(CommentAdded e) {
        inbox.once(CONSUMER, e, () -> {
            if (e.internal()) {
                return; // internal notes never mail anyone
            }
            if (!e.authorId().equals(e.requesterId())) {
                mail(e, e.requesterId(), "comment-added", e.number(), e.title(), Detail.text(e.body()));
            } else {
                for (UUID worker : workersOf(e)) {
                    mail(e, worker, "requester-replied", e.number(), e.title(), Detail.text(e.body()));
                }
            }
        });
    }

    @ApplicationModuleListener(id = "echamado.email.sla-warning")
    void on(SlaWarning e) {
        inbox.once(
                CONSUMER,
                e,
                () -> slaMail(
                        e, "sla-warning", e.number(), e.target(), e.deadlineAt(), e.departmentId(), e.assigneeId()));
    }

    @ApplicationModuleListener(id = "echamado.email.sla-breached")
    void on(SlaBreached e) {
        inbox.once(
                CONSUMER,
                e,
                () -> slaMail(
                        e, "sla-breached", e.number(), e.target(), e.deadlineAt(), e.departmentId(), e.assigneeId()));
    }

    /**
     * An SLA mail goes to whoever works the ticket: its assignee, or the department's agents while unassigned. The
     * title slot carries the deadline (UTC: the recipient's zone is not known), the detail the target's label.
     */
    private void slaMail(
            DomainEvent e,
            String template,
            long number,
            SlaTarget target,
            Instant deadline,
            UUID department,
            UUID assignee) {
        List<UUID> recipients =
                assignee != null ? List.of(assignee) : department == null ? List.of() : catalog.agentsOf(department);
        String due = deadline == null ? "" : DEADLINE.format(deadline);
        for (UUID recipient : recipients) {
            mail(e, recipient, template, number, due, new Detail(null, "mail.sla-target." + target.name()));
        }
    }

    private static final DateTimeFormatter DEADLINE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** Who works the ticket a requester replied on: its assignee, or the department's agents while unassigned. */
    private List<UUID> workersOf(CommentAdded e) {
        if (e.assigneeId() != null) {
            return e.assigneeId().equals(e.authorId()) ? List.of() : List.of(e.assigneeId());
        }
        if (e.departmentId() == null) {
            return List.of(); // published before the event carried the department
        }
        return catalog.agentsOf(e.departmentId()).stream()
                .filter(agent -> !agent.equals(e.authorId()))
                .toList();
    }

    /** The mail's last argument: free text as it is, or a message key translated into the recipient's language. */
    private record Detail(String text, String key) {

        static Detail text(String text) {
            return new Detail(Objects.toString(text, ""), null);
        }

        static Detail priority(Priority priority) {
            return new Detail(null, "mail.priority." + priority.name());
        }
    }

    private void mail(DomainEvent event, UUID recipient, String template, long number, String title, Detail detail) {
        if (deliveries.sent(event.eventId(), recipient)) {
            return;
        }
        UserContact contact = users.contact(recipient).orElse(null);
        if (contact == null || !contact.wantsEmail()) {
            return;
        }
        var mail = templates.render(
                template,
                contact.language(),
                Long.toString(number),
                title,
                properties.ticketLink(number),
                contact.fullName(),
                detail.key() == null ? detail.text() : templates.label(detail.key(), contact.language()),
                properties.link("/account/profile"));
        mailer.send(contact.email(), mail.subject(), mail.body());
        deliveries.record(event.eventId(), recipient);
    }
}
