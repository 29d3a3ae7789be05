package com.echamado.tickets;

import java.util.List;

/**
 * A page of tickets. {@code total} is exact up to {@value TicketQueries#COUNT_LIMIT} ({@value
 * TicketQueries#SEARCH_LIMIT} for a full-text search); beyond that it says "at least" ({@code totalExact} false).
 * {@code nextCursor} continues a default-ordered list without deep offsets.
 */
public record TicketPage(
        List<TicketSummary> items, int page, int size, long total, boolean totalExact, String nextCursor) {}
