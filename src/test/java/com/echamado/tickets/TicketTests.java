package com.echamado.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.echamado.catalog.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** The ticket aggregate's rules, without Spring or a database. */
class TicketTests {

    static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    static final Instant LATER = NOW.plus(Duration.ofHours(1));
    static final Duration REOPEN_WINDOW = Duration.ofDays(7);

    static final Ticket.Status OPEN = new Ticket.Status(UUID.randomUUID(), false, false);
    static final Ticket.Status IN_PROGRESS = new Ticket.Status(UUID.randomUUID(), false, false);
    static final Ticket.Status RESOLVED = new Ticket.Status(UUID.randomUUID(), true, false);
    static final Ticket.Status CLOSED = new Ticket.Status(UUID.randomUUID(), false, true);

    final UUID requester = UUID.randomUUID();
    final UUID agent = UUID.randomUUID();
    final UUID department = UUID.randomUUID();

    @Test
    void aNewTicketHasTheInitialStatusANormalPriorityAndItsTitleTrimmed() {
        Ticket ticket = open(request("  Printer on fire  ", null, null));

        TicketView view = ticket.toView(NOW);
        assertThat(view.number()).isEqualTo(42);
        assertThat(view.title()).isEqualTo("Printer on fire");
        assertThat(view.description()).isEmpty();
        assertThat(view.statusId()).isEqualTo(OPEN.id());
        assertThat(view.priority()).isEqualTo(Priority.NORMAL);
        assertThat(view.requesterId()).isEqualTo(requester);
        assertThat(view.departmentId()).isEqualTo(department);
        assertThat(view.openedAt()).isEqualTo(NOW);
        assertThat(view.updatedAt()).isEqualTo(NOW);
        assertThat(view.closed()).isFalse();
        assertThat(view.assigneeId()).isNull();
        assertThat(ticket.drainChanges()).containsExactly(new Ticket.Change("created", null, "#42"));
        assertThat(ticket.drainChanges()).as("drained once").isEmpty();
    }

    @Test
    void aNewTicketKeepsTheRequestedPriorityAndDueDate() {
        Ticket ticket = open(request("Printer on fire", Priority.URGENT, LATER));

        assertThat(ticket.toView(NOW).priority()).isEqualTo(Priority.URGENT);
        assertThat(ticket.dueAt()).isEqualTo(LATER);
    }

    @Test
    void theTrimmedTitleMustHaveFiveTo200Characters() {
        assertRefused(() -> open(request("  abcd  ", null, null))).satisfies(e -> {
            assertThat(((TicketException) e).kind()).isEqualTo(TicketException.Kind.INVALID);
            assertThat(((TicketException) e).field()).isEqualTo("title");
        });
        assertRefused(() -> open(request("x".repeat(201), null, null)));

        assertThat(open(request(" abcde ", null, null)).toView(NOW).title()).isEqualTo("abcde");
        assertThat(open(request("x".repeat(200), null, null)).toView(NOW).title())
                .hasSize(200);
    }

    @Test
    void anEditRecordsOnlyTheFieldsThatChange() {
        Ticket ticket = opened();
        UUID otherDepartment = UUID.randomUUID();

        ticket.edit(changes(" New title here ", department, Priority.HIGH), LATER);

        assertThat(ticket.drainChanges())
                .containsExactly(
                        new Ticket.Change("title", "Printer on fire", "New title here"),
                        new Ticket.Change("priority", "NORMAL", "HIGH"));
        TicketView view = ticket.toView(LATER);
        assertThat(view.title()).isEqualTo("New title here");
        assertThat(view.priority()).isEqualTo(Priority.HIGH);
        assertThat(view.departmentId()).isEqualTo(department);
        assertThat(view.updatedAt()).isEqualTo(LATER);

        ticket.edit(changes(null, otherDepartment, null), LATER);
        assertThat(ticket.drainChanges())
                .as("null leaves a field as it is")
                .containsExactly(new Ticket.Change("department", department.toString(), otherDepartment.toString()));
        assertThat(ticket.toView(LATER).title()).isEqualTo("New title here");
    }

    @Test
    void anEditClearsTheSubcategoryAndTheDueDateOnlyWhenAsked() {
        UUID subcategory = UUID.randomUUID();
        Ticket ticket = new Ticket(
                42,
                new NewTicket("Printer on fire", "", null, null, subcategory, department, null, LATER, null),
                requester,
                requester,
                OPEN.id(),
                NOW);
        ticket.drainChanges();

        ticket.edit(new TicketChanges(null, null, null, null, null, false, null, null, null, false), LATER);
        assertThat(ticket.drainChanges()).isEmpty();
        assertThat(ticket.subcategoryId()).isEqualTo(subcategory);

        ticket.edit(new TicketChanges(null, null, null, null, null, true, null, null, null, true), LATER);
        assertThat(ticket.subcategoryId()).isNull();
        assertThat(ticket.dueAt()).isNull();
        assertThat(ticket.drainChanges())
                .containsExactly(
                        new Ticket.Change("subcategory", subcategory.toString(), null),
                        new Ticket.Change("dueAt", LATER.toString(), null));
    }

    @Test
    void anEditKeepsTheTitleRule() {
        Ticket ticket = opened();

        assertRefused(() -> ticket.edit(changes("abc", null, null), LATER));
        assertThat(ticket.toView(LATER).title()).isEqualTo("Printer on fire");
    }

    @Test
    void assigningRecordsThePreviousAndTheNewAssignee() {
        Ticket ticket = opened();
        UUID other = UUID.randomUUID();

        ticket.assignTo(agent, LATER);
        ticket.assignTo(other, LATER);
        ticket.assignTo(null, LATER);

        assertThat(ticket.assigneeId()).isNull();
        assertThat(ticket.drainChanges())
                .containsExactly(
                        new Ticket.Change("assignee", null, agent.toString()),
                        new Ticket.Change("assignee", agent.toString(), other.toString()),
                        new Ticket.Change("assignee", other.toString(), null));
        assertThat(ticket.toView(LATER).updatedAt()).isEqualTo(LATER);
    }

    @Test
    void movingToTheStatusItHasIsRefused() {
        Ticket ticket = opened();

        assertConflict(() -> ticket.moveTo(OPEN, LATER), "same-status");
    }

    @Test
    void movingToAResolvingStatusResolvesAndBackToWorkUnresolves() {
        Ticket ticket = opened();

        ticket.moveTo(RESOLVED, LATER);
        assertThat(ticket.toView(LATER).resolvedAt()).isEqualTo(LATER);
        assertThat(ticket.toView(LATER).closed()).isFalse();

        Instant evenLater = LATER.plusSeconds(60);
        ticket.moveTo(IN_PROGRESS, evenLater);
        TicketView view = ticket.toView(evenLater);
        assertThat(view.resolvedAt()).isNull();
        assertThat(view.statusId()).isEqualTo(IN_PROGRESS.id());
        assertThat(ticket.drainChanges())
                .contains(
                        new Ticket.Change(
                                "status", OPEN.id().toString(), RESOLVED.id().toString()),
                        new Ticket.Change("resolvedAt", LATER.toString(), null));
    }

    @Test
    void movingToAFinalStatusClosesAndAClosedTicketRefusesEveryChange() {
        Ticket ticket = opened();

        ticket.moveTo(CLOSED, LATER);

        TicketView view = ticket.toView(LATER);
        assertThat(view.closed()).isTrue();
        assertThat(view.closedAt()).isEqualTo(LATER);
        assertConflict(() -> ticket.moveTo(IN_PROGRESS, LATER), "ticket-closed");
        assertConflict(() -> ticket.assignTo(agent, LATER), "ticket-closed");
        assertConflict(() -> ticket.edit(changes("Another title", null, null), LATER), "ticket-closed");
        assertConflict(() -> ticket.resolve(RESOLVED, "done", LATER), "ticket-closed");
        assertConflict(ticket::requireOpen, "ticket-closed");
        assertConflict(() -> ticket.close(CLOSED, LATER), "already-closed");
        assertThat(ticket.toView(LATER).statusId()).isEqualTo(CLOSED.id());
    }

    @Test
    void resolvingSetsTheResolutionTheResolvingStatusAndTheTime() {
        Ticket ticket = opened();

        ticket.resolve(RESOLVED, "Replaced the toner", LATER);

        TicketView view = ticket.toView(LATER);
        assertThat(view.resolution()).isEqualTo("Replaced the toner");
        assertThat(view.statusId()).isEqualTo(RESOLVED.id());
        assertThat(view.resolvedAt()).isEqualTo(LATER);
        assertThat(view.closed()).isFalse();
        assertThat(ticket.drainChanges())
                .containsExactly(
                        new Ticket.Change("resolution", null, "Replaced the toner"),
                        new Ticket.Change(
                                "status", OPEN.id().toString(), RESOLVED.id().toString()));
        assertConflict(() -> ticket.resolve(RESOLVED, "again", LATER), "already-resolved");
    }

    @Test
    void closingMovesToTheFinalStatus() {
        Ticket ticket = opened();

        ticket.close(CLOSED, LATER);

        assertThat(ticket.statusId()).isEqualTo(CLOSED.id());
        assertThat(ticket.toView(LATER).closed()).isTrue();
    }

    @Test
    void onlyAResolvedOrClosedTicketCanBeReopened() {
        Ticket ticket = opened();

        assertConflict(() -> ticket.reopen(OPEN, true, REOPEN_WINDOW, LATER), "not-resolved");
    }

    @Test
    void theRequesterReopensWithinTheWindowCountedFromTheResolution() {
        Ticket ticket = opened();
        ticket.resolve(RESOLVED, "done", NOW);
        ticket.drainChanges();
        Instant windowEnd = NOW.plus(REOPEN_WINDOW);

        ticket.reopen(OPEN, false, REOPEN_WINDOW, windowEnd);

        TicketView view = ticket.toView(windowEnd);
        assertThat(view.statusId()).isEqualTo(OPEN.id());
        assertThat(view.resolvedAt()).isNull();
        assertThat(view.closed()).isFalse();
        assertThat(ticket.drainChanges())
                .containsExactly(
                        new Ticket.Change(
                                "status", RESOLVED.id().toString(), OPEN.id().toString()),
                        new Ticket.Change("reopened", null, windowEnd.toString()));
    }

    @Test
    void theRequesterCannotReopenOnceTheWindowHasPassedButAnAgentCan() {
        Ticket ticket = opened();
        ticket.close(CLOSED, NOW);
        Instant pastTheWindow = NOW.plus(REOPEN_WINDOW).plusSeconds(1);

        assertConflict(() -> ticket.reopen(OPEN, false, REOPEN_WINDOW, pastTheWindow), "reopen-window-passed");
        assertThat(ticket.toView(pastTheWindow).closed()).isTrue();

        ticket.reopen(OPEN, true, REOPEN_WINDOW, pastTheWindow);
        TicketView view = ticket.toView(pastTheWindow);
        assertThat(view.closed()).isFalse();
        assertThat(view.closedAt()).isNull();
        assertThat(view.statusId()).isEqualTo(OPEN.id());
    }

    @Test
    void aTicketIsRatedOnceAfterItsResolution() {
        Ticket ticket = opened();
        assertConflict(() -> ticket.rate(5, "great", LATER), "not-resolved");

        ticket.resolve(RESOLVED, "done", LATER);
        ticket.rate(4, "quick", LATER);

        TicketView view = ticket.toView(LATER);
        assertThat(view.rating()).isEqualTo(4);
        assertThat(view.ratingComment()).isEqualTo("quick");
        assertConflict(() -> ticket.rate(1, "changed my mind", LATER), "already-rated");
        assertThat(ticket.toView(LATER).rating()).isEqualTo(4);
    }

    @Test
    void aClosedTicketCanBeRated() {
        Ticket ticket = opened();
        ticket.close(CLOSED, LATER);

        ticket.rate(3, null, LATER);

        assertThat(ticket.toView(LATER).rating()).isEqualTo(3);
    }

    @Test
    void theFirstPublicReplyOfAnAgentOtherThanTheRequesterSetsTheFirstResponse() {
        Ticket ticket = opened();

        ticket.replied(requester, false, NOW.plusSeconds(10));
        ticket.replied(requester, true, NOW.plusSeconds(20));
        assertThat(ticket.toView(LATER).firstResponseAt())
                .as("the requester's own replies")
                .isNull();

        ticket.replied(agent, true, NOW.plusSeconds(30));
        ticket.replied(UUID.randomUUID(), true, NOW.plusSeconds(40));

        TicketView view = ticket.toView(LATER);
        assertThat(view.firstResponseAt()).isEqualTo(NOW.plusSeconds(30));
        assertThat(view.updatedAt()).isEqualTo(NOW.plusSeconds(40));
    }

    @Test
    void aTicketIsOverdueWhenItsDueDatePassedWhileItIsOpen() {
        Ticket ticket = open(request("Printer on fire", null, LATER));
        Ticket withoutDueDate = opened();

        assertThat(ticket.isOverdue(LATER)).isFalse();
        assertThat(ticket.isOverdue(LATER.plusSeconds(1))).isTrue();
        assertThat(ticket.toView(LATER.plusSeconds(1)).overdue()).isTrue();
        assertThat(withoutDueDate.isOverdue(LATER.plusSeconds(1))).isFalse();

        ticket.close(CLOSED, LATER.plusSeconds(2));
        assertThat(ticket.isOverdue(LATER.plusSeconds(3))).as("closed").isFalse();
    }

    /** An open ticket whose "created" change is already drained. */
    private Ticket opened() {
        Ticket ticket = open(request("Printer on fire", null, null));
        ticket.drainChanges();
        return ticket;
    }

    private Ticket open(NewTicket request) {
        return new Ticket(42, request, requester, requester, OPEN.id(), NOW);
    }

    private NewTicket request(String title, Priority priority, Instant dueAt) {
        return new NewTicket(title, null, null, null, null, department, priority, dueAt, null);
    }

    private static TicketChanges changes(String title, UUID departmentId, Priority priority) {
        return new TicketChanges(title, null, null, null, null, false, departmentId, priority, null, false);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(Runnable change) {
        return assertThatThrownBy(change::run).isInstanceOf(TicketException.class);
    }

    private static void assertConflict(Runnable change, String code) {
        assertRefused(change).satisfies(e -> {
            assertThat(((TicketException) e).kind()).isEqualTo(TicketException.Kind.CONFLICT);
            assertThat(((TicketException) e).code()).isEqualTo(code);
        });
    }
}
