package com.echamado.tickets.web;

import com.echamado.catalog.Priority;
import com.echamado.tickets.Actor;
import com.echamado.tickets.HistoryEntry;
import com.echamado.tickets.Idempotency;
import com.echamado.tickets.TicketException;
import com.echamado.tickets.TicketManagement;
import com.echamado.tickets.TicketPage;
import com.echamado.tickets.TicketQuery;
import com.echamado.tickets.TicketView;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tickets API. Responses carry an {@code ETag}; every change needs {@code If-Match} (428 without, 412 when
 * stale). Creation accepts an {@code Idempotency-Key}.
 */
@RestController
@RequestMapping("/api/v1")
class TicketsApi {

    private final TicketManagement tickets;
    private final Actors actors;
    private final IdempotentResponses responses;
    private final JsonMapper json;
    private final TicketCsv csv;

    TicketsApi(TicketManagement tickets, Actors actors, IdempotentResponses responses, JsonMapper json, TicketCsv csv) {
        this.tickets = tickets;
        this.csv = csv;
        this.actors = actors;
        this.responses = responses;
        this.json = json;
    }

    @GetMapping("/tickets")
    TicketPage list(
            @RequestParam(required = false) List<UUID> status,
            @RequestParam(required = false) UUID department,
            @RequestParam(required = false) UUID type,
            @RequestParam(required = false) UUID category,
            @RequestParam(required = false) Priority priority,
            @RequestParam(required = false) UUID assignee,
            @RequestParam(required = false) UUID requester,
            @RequestParam(required = false) Boolean unassigned,
            @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) Boolean closed,
            @RequestParam(required = false) Instant openedFrom,
            @RequestParam(required = false) Instant openedTo,
            @RequestParam(required = false) Instant dueFrom,
            @RequestParam(required = false) Instant dueTo,
            @Parameter(
                            description = "Only tickets whose nearest running SLA target is due within this many"
                                    + " minutes, late ones included (60: breaching in the next hour). Each row's"
                                    + " slaDueAt is that deadline (null: no running target); orderBy=slaDueAt asc sorts"
                                    + " by it, and the filter can name slaDueAt too.")
                    @RequestParam(required = false)
                    @Min(0)
                    @Max(525_600)
                    Integer slaDueWithinMinutes,
            @Parameter(
                            description = "Full-text search over number, title, description and public replies"
                                    + " (Portuguese, accents ignored; websearch syntax: quotes, or, -word). Results are the"
                                    + " newest 1,000 matches the caller may see, ranked by relevance (title before"
                                    + " description before replies, then newest first); total is exact up to 1,000,"
                                    + " totalExact false beyond. Narrow an older search with more words or openedTo."
                                    + " A number (1234 or #1234) finds that ticket.")
                    @RequestParam(required = false)
                    @Size(max = 200)
                    String q,
            @RequestParam(required = false) @Size(max = 2_000) String filter,
            @RequestParam(required = false) @Size(max = 200) String orderBy,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(required = false) @Size(max = 200) String cursor,
            Authentication authentication) {
        return tickets.list(
                actors.of(authentication),
                filtered(
                                status,
                                department,
                                type,
                                category,
                                priority,
                                assignee,
                                requester,
                                unassigned,
                                overdue,
                                closed,
                                openedFrom,
                                openedTo,
                                dueFrom,
                                dueTo,
                                slaDueWithinMinutes,
                                q,
                                filter,
                                orderBy)
                        .page(page)
                        .size(size)
                        .cursor(cursor)
                        .build());
    }

    /**
     * The same list as CSV ({@code Accept: text/csv}): every ticket that matches, not a page, streamed as the
     * database reads them; headers in the {@code Accept-Language} language. A bad filter is a 400 problem, before
     * any row.
     */
    @GetMapping(path = "/tickets", produces = TicketCsv.MEDIA_TYPE)
    void export(
            @RequestParam(required = false) List<UUID> status,
            @RequestParam(required = false) UUID department,
            @RequestParam(required = false) UUID type,
            @RequestParam(required = false) UUID category,
            @RequestParam(required = false) Priority priority,
            @RequestParam(required = false) UUID assignee,
            @RequestParam(required = false) UUID requester,
            @RequestParam(required = false) Boolean unassigned,
            @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) Boolean closed,
            @RequestParam(required = false) Instant openedFrom,
            @RequestParam(required = false) Instant openedTo,
            @RequestParam(required = false) Instant dueFrom,
            @RequestParam(required = false) Instant dueTo,
            @RequestParam(required = false) @Min(0) @Max(525_600) Integer slaDueWithinMinutes,
            @RequestParam(required = false) @Size(max = 200) String q,
            @RequestParam(required = false) @Size(max = 2_000) String filter,
            @RequestParam(required = false) @Size(max = 200) String orderBy,
            Authentication authentication,
            HttpServletResponse response)
            throws IOException {
        TicketQuery query = filtered(
                        status,
                        department,
                        type,
                        category,
                        priority,
                        assignee,
                        requester,
                        unassigned,
                        overdue,
                        closed,
                        openedFrom,
                        openedTo,
                        dueFrom,
                        dueTo,
                        slaDueWithinMinutes,
                        q,
                        filter,
                        orderBy)
                .build();
        csv.write(actors.of(authentication), query, false, response);
    }

    @SuppressWarnings("java:S107") // the list's query parameters, one by one, as the API documents them
    private static TicketQuery.Builder filtered(
            List<UUID> status,
            UUID department,
            UUID type,
            UUID category,
            Priority priority,
            UUID assignee,
            UUID requester,
            Boolean unassigned,
            Boolean overdue,
            Boolean closed,
            Instant openedFrom,
            Instant openedTo,
            Instant dueFrom,
            Instant dueTo,
            Integer slaDueWithinMinutes,
            String q,
            String filter,
            String orderBy) {
        return TicketQuery.builder()
                .statuses(status == null ? List.of() : status)
                .departmentId(department)
                .typeId(type)
                .categoryId(category)
                .priority(priority)
                .assigneeId(assignee)
                .requesterId(requester)
                .unassigned(unassigned)
                .overdue(overdue)
                .closed(closed)
                .openedBetween(openedFrom, openedTo)
                .dueBetween(dueFrom, dueTo)
                .slaDueWithin(slaDueWithinMinutes == null ? null : Duration.ofMinutes(slaDueWithinMinutes))
                .q(q)
                .filter(filter)
                .orderBy(orderBy);
    }

    @PostMapping("/tickets")
    ResponseEntity<String> create(
            @RequestHeader(name = "Idempotency-Key", required = false) @Pattern(regexp = "[A-Za-z0-9._:-]{8,100}")
                    String key,
            @Valid @RequestBody Requests.CreateTicket request,
            Authentication authentication) {
        Actor actor = actors.of(authentication);
        Supplier<Idempotency.StoredResponse> action = () -> {
            TicketView view = tickets.open(actor, request.toNewTicket());
            return new Idempotency.StoredResponse(201, "/api/v1/tickets/" + view.id(), json.writeValueAsString(view));
        };
        return responses.replayable(key, actor, request, action);
    }

    @GetMapping("/tickets/{id}")
    ResponseEntity<TicketView> get(@PathVariable UUID id, Authentication authentication) {
        return withETag(tickets.get(actors.of(authentication), id));
    }

    @GetMapping("/tickets/number/{number}")
    ResponseEntity<TicketView> byNumber(@PathVariable @Min(1) long number, Authentication authentication) {
        return withETag(tickets.getByNumber(actors.of(authentication), number));
    }

    @PatchMapping("/tickets/{id}")
    ResponseEntity<TicketView> update(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody Requests.UpdateTicket request,
            Authentication authentication) {
        return withETag(tickets.edit(actors.of(authentication), id, version(ifMatch), request.toChanges()));
    }

    @PostMapping("/tickets/{id}/transition")
    ResponseEntity<TicketView> transition(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody Requests.Transition request,
            Authentication authentication) {
        return withETag(tickets.transition(
                actors.of(authentication), id, version(ifMatch), request.statusId(), request.resolution()));
    }

    @PostMapping("/tickets/{id}/assign")
    ResponseEntity<TicketView> assign(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody Requests.Assign request,
            Authentication authentication) {
        return withETag(tickets.assign(actors.of(authentication), id, version(ifMatch), request.assigneeId()));
    }

    @PostMapping("/tickets/{id}/resolve")
    ResponseEntity<TicketView> resolve(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody Requests.Resolve request,
            Authentication authentication) {
        return withETag(tickets.resolve(actors.of(authentication), id, version(ifMatch), request.resolution()));
    }

    @PostMapping("/tickets/{id}/close")
    ResponseEntity<TicketView> close(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            Authentication authentication) {
        return withETag(tickets.close(actors.of(authentication), id, version(ifMatch)));
    }

    @PostMapping("/tickets/{id}/reopen")
    ResponseEntity<TicketView> reopen(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            Authentication authentication) {
        return withETag(tickets.reopen(actors.of(authentication), id, version(ifMatch)));
    }

    @PostMapping("/tickets/{id}/rate")
    ResponseEntity<TicketView> rate(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody Requests.Rate request,
            Authentication authentication) {
        return withETag(
                tickets.rate(actors.of(authentication), id, version(ifMatch), request.rating(), request.comment()));
    }

    @GetMapping("/tickets/{id}/history")
    List<HistoryEntry> history(@PathVariable UUID id, Authentication authentication) {
        return tickets.history(actors.of(authentication), id);
    }

    static ResponseEntity<TicketView> withETag(TicketView view) {
        return ResponseEntity.ok().eTag(etag(view.version())).body(view);
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version an {@code If-Match} header names; required for every change. */
    static long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw TicketException.preconditionRequired();
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw TicketException.stale(-1);
        }
    }
}
