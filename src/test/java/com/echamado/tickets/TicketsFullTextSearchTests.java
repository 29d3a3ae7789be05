package com.echamado.tickets;

import static com.echamado.tickets.TicketFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.echamado.identity.Role;
import com.echamado.identity.UserView;
import com.echamado.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * {@code q}: PostgreSQL full-text search in Portuguese without accents (what the {@code portuguese_stem} Snowball
 * stemmer really does), by ticket number, ranked by relevance. Each test has its own requester, so a search sees only
 * that requester's tickets.
 */
class TicketsFullTextSearchTests extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    String token;
    String printer;
    long printerNumber;
    String monitor;

    @BeforeEach
    void tickets() {
        token = users.token(users.create(Role.USER));
        JsonNode ticket = open(http(), token, "Impressão não funciona", "HIGH", "Desde ontem, no 2º andar.");
        printer = ticket.get("id").asString();
        printerNumber = ticket.get("number").asLong();
        monitor = open(http(), token, "Monitor piscando", "LOW", "A tela fica preta.")
                .get("id")
                .asString();
    }

    @Test
    void searchIgnoresAccentsAndCase() {
        for (String q : new String[] {"impressao", "IMPRESSÃO", "Impressão", "impressão andar"}) {
            assertThat(ids(list(http(), token, "q", q))).as(q).containsExactly(printer);
        }
        assertThat(ids(list(http(), token, "q", "tela preta"))).containsExactly(monitor);
    }

    @Test
    void searchFollowsThePortugueseStemmer() {
        for (String q : new String[] {"funcionando", "funcionou", "funcionamento"}) {
            assertThat(ids(list(http(), token, "q", q)))
                    .as(q + " shares the stem 'funcion'")
                    .containsExactly(printer);
        }
        assertThat(ids(list(http(), token, "q", "impressora")))
                .as("'impressora' stems to 'impressor', 'impressão' to 'impressa'")
                .isEmpty();
        assertThat(ids(list(http(), token, "q", "impressão -funciona"))).isEmpty();
        assertThat(ids(list(http(), token, "q", "impressão or monitor"))).containsExactlyInAnyOrder(printer, monitor);
    }

    @Test
    void searchFindsATicketByItsNumber() {
        assertThat(ids(list(http(), token, "q", "#" + printerNumber))).containsExactly(printer);
        assertThat(ids(list(http(), token, "q", Long.toString(printerNumber)))).containsExactly(printer);
        assertThat(ids(list(http(), token, "q", " #" + printerNumber + " "))).containsExactly(printer);

        UserView agent = users.create(Role.SUPPORT);
        joinDepartment(jdbc, agent, SUPPORT_DEPARTMENT);
        assertThat(ids(list(http(), users.token(agent), "q", "#" + printerNumber)))
                .containsExactly(printer);
        assertThat(ids(list(http(), users.token(users.create(Role.USER)), "q", "#" + printerNumber)))
                .isEmpty();
    }

    @Test
    void titleMatchesRankBeforeDescriptionOnlyMatches() {
        String word = uniqueWord();
        String inTitle = open(http(), token, "Scanner " + word, "NORMAL", "Nada a declarar.")
                .get("id")
                .asString();
        String inDescription = open(http(), token, "Outro problema", "NORMAL", "O scanner " + word + " trava.")
                .get("id")
                .asString();
        assertThat(ids(list(http(), token, "q", word)))
                .as("the newer ticket matches only in its description")
                .containsExactly(inTitle, inDescription);
        assertThat(ids(list(http(), token, "q", word, "filter", "title^Outro"))).containsExactly(inDescription);
    }
}
