package com.echamado.tickets.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How one CSV field is written: RFC 4180 quoting, and no formula a spreadsheet would run. */
class TicketCsvTests {

    @Test
    void quotesFieldsWithQuotesCommasOrLineBreaksAndDoublesTheirQuotes() {
        assertThat(TicketCsv.cell("plain text")).isEqualTo("plain text");
        assertThat(TicketCsv.cell("a, b")).isEqualTo("\"a, b\"");
        assertThat(TicketCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(TicketCsv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(TicketCsv.cell("two\r\nlines")).isEqualTo("\"two\r\nlines\"");
        assertThat(TicketCsv.cell(null)).isEmpty();
        assertThat(TicketCsv.cell("Ação – impressão")).isEqualTo("Ação – impressão");
    }

    @Test
    void prefixesWithAQuoteWhatASpreadsheetWouldTakeForAFormula() {
        assertThat(TicketCsv.cell("=1+1")).isEqualTo("'=1+1");
        assertThat(TicketCsv.cell("+55 11 5555")).isEqualTo("'+55 11 5555");
        assertThat(TicketCsv.cell("-2")).isEqualTo("'-2");
        assertThat(TicketCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(TicketCsv.cell("\tcmd")).isEqualTo("'\tcmd");
        assertThat(TicketCsv.cell("\rcmd")).isEqualTo("\"'\rcmd\"");
        assertThat(TicketCsv.cell("=HYPERLINK(\"http://x\",\"y\")"))
                .isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
        assertThat(TicketCsv.cell("a=b")).isEqualTo("a=b");
    }
}
