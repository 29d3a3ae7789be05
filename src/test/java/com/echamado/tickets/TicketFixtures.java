package com.echamado.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import com.echamado.support.TestHttp;
import java.net.http.HttpResponse;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Seeded catalog ids and helpers to open and change tickets over the API. */
final class TicketFixtures {

    static final String SUPPORT_DEPARTMENT = "00000000-0000-4000-8000-000000000201";
    static final String INFRA_DEPARTMENT = "00000000-0000-4000-8000-000000000202";
    static final String INCIDENT = "00000000-0000-4000-8000-000000000301";
    static final String HARDWARE = "00000000-0000-4000-8000-000000000401";
    static final String SOFTWARE = "00000000-0000-4000-8000-000000000402";
    static final String COMPUTER = "00000000-0000-4000-8000-000000000501";
    static final String EMAIL = "00000000-0000-4000-8000-000000000503";
    static final String OPEN = "00000000-0000-4000-8000-000000000101";
    static final String IN_PROGRESS = "00000000-0000-4000-8000-000000000102";
    static final String RESOLVED = "00000000-0000-4000-8000-000000000104";
    static final String CLOSED = "00000000-0000-4000-8000-000000000105";

    private TicketFixtures() {}

    static String body(String title, String department) {
        return """
                {"title":"%s","description":"A impressora do 2º andar não liga.","typeId":"%s",
                 "categoryId":"%s","subcategoryId":"%s","departmentId":"%s","priority":"HIGH"}
                """.formatted(title, INCIDENT, HARDWARE, COMPUTER, department);
    }

    static JsonNode open(TestHttp http, String token, String title) {
        HttpResponse<String> response = http.json("POST", "/api/v1/tickets", token, body(title, SUPPORT_DEPARTMENT));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return TestHttp.parse(response);
    }

    static String uniqueTitle(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Sends a change with the ticket's current ETag. */
    static HttpResponse<String> change(TestHttp http, String token, String method, String path, String body) {
        String ticketPath = path.replaceAll("^(/api/v1/tickets/[^/]+).*$", "$1");
        HttpResponse<String> current = http.json("GET", ticketPath, token, null);
        String etag = current.headers().firstValue("ETag").orElseThrow(() -> new AssertionError(current.body()));
        return http.jsonWithHeader(method, path, token, body, "If-Match", etag);
    }
}
