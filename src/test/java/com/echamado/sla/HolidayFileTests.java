package com.echamado.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class HolidayFileTests {

    private static final String FILE = String.join(
            "\r\n",
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//test//holidays//EN",
            "BEGIN:VEVENT",
            "UID:natal@example",
            "DTSTART;VALUE=DATE:20261225",
            "RRULE:FREQ=YEARLY",
            "SUMMARY:Natal",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "UID:carnaval@example",
            "DTSTART;VALUE=DATE:20270208",
            "DTEND;VALUE=DATE:20270210",
            "SUMMARY:Carnaval\\, segunda e",
            "  terça",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "DTSTART:20261102T000000",
            "SUMMARY:Finados",
            "END:VEVENT",
            "END:VCALENDAR");

    @Test
    void readsYearlyAndOneOffAllDayEventsWithFoldedLinesAndMultiDaySpans() {
        assertThat(HolidayFile.parse(FILE))
                .containsExactly(
                        new HolidayFile.Holiday(LocalDate.of(2026, 12, 25), true, "Natal"),
                        new HolidayFile.Holiday(LocalDate.of(2027, 2, 8), false, "Carnaval, segunda e terça"),
                        new HolidayFile.Holiday(LocalDate.of(2027, 2, 9), false, "Carnaval, segunda e terça"),
                        new HolidayFile.Holiday(LocalDate.of(2026, 11, 2), false, "Finados"));
    }

    @Test
    void refusesRulesItCannotHonour() {
        String weekly = "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20261225\nRRULE:FREQ=WEEKLY\nEND:VEVENT\n";
        assertThatThrownBy(() -> HolidayFile.parse(weekly)).hasMessageContaining("FREQ=YEARLY");
        assertThatThrownBy(() -> HolidayFile.parse("BEGIN:VEVENT\nSUMMARY:x\nEND:VEVENT"))
                .hasMessageContaining("DTSTART");
    }
}
