package com.echamado.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.echamado.support.IntegrationTest;
import com.echamado.support.TestHttp;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ApiDocumentationIntegrationTests extends IntegrationTest {

    @Test
    void everyDocumentedOperationStatesWhoMayCallIt() {
        HttpResponse<String> docs = http().get("/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode paths = TestHttp.parse(docs).get("paths");
        assertThat(paths.has("/api/v1/tickets")).isTrue();
        assertThat(paths.has("/login")).as("only the API is documented").isFalse();
        List<String> undocumented = new ArrayList<>();
        for (String path : paths.propertyNames()) {
            for (String method : paths.get(path).propertyNames()) {
                JsonNode operation = paths.get(path).get(method);
                if (!operation.has("x-access")) {
                    undocumented.add(method + " " + path);
                }
            }
        }
        assertThat(undocumented).isEmpty();
        assertThat(paths.get("/api/v1/users").get("get").get("x-access").asString())
                .isEqualTo("ADMIN");
        assertThat(paths.get("/api/v1/tickets/{id}/assign")
                        .get("post")
                        .get("x-access")
                        .asString())
                .isEqualTo("AGENT");
        assertThat(paths.get("/api/v1/tickets/{id}")
                        .get("patch")
                        .get("x-access")
                        .asString())
                .as("requesters edit their own tickets")
                .isEqualTo("AUTHENTICATED");
        assertThat(paths.get("/api/v1/tickets").get("post").get("description").asString())
                .contains("Who may call it");
    }

    @Test
    void theSwaggerUiIsServed() {
        HttpResponse<String> ui = http().get("/swagger-ui/index.html");
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
    }
}
