package com.echamado.attachments;

import static com.echamado.tickets.TicketFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.echamado.identity.Role;
import com.echamado.identity.UserView;
import com.echamado.platform.ops.DataCheck;
import com.echamado.support.IntegrationTest;
import com.echamado.support.TestHttp;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Files on tickets over real HTTP on PostgreSQL: streamed in chunks and back byte for byte, stored once per content,
 * refused over the size limit with nothing kept, served so that a browser never runs them, visible exactly to those
 * who see what they are attached to, removed by their uploader or the ticket's agents, and checked by
 * {@code --verify-data}.
 */
class AttachmentsIntegrationTests extends IntegrationTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AttachmentDataChecks checks;

    String requesterToken;
    String otherRequesterToken;
    String agentToken;
    String outsideAgentToken;
    String ticketId;
    String path;

    @BeforeEach
    void aTicketOfARequesterWithTheDepartmentsAgent() {
        UserView agent = users.create(Role.SUPPORT);
        joinDepartment(jdbc, agent, SUPPORT_DEPARTMENT);
        agentToken = users.token(agent);
        outsideAgentToken = users.token(users.create(Role.SUPPORT));
        requesterToken = users.token(users.create(Role.USER));
        otherRequesterToken = users.token(users.create(Role.USER));
        ticketId = open(http(), requesterToken, uniqueTitle("Anexos")).get("id").asString();
        path = "/api/v1/tickets/" + ticketId + "/attachments";
    }

    @Test
    void aFileOfSeveralChunksComesBackByteForByte() throws Exception {
        byte[] file = randomBytes(3 * 256 * 1024 + 12_345);
        HttpResponse<String> created = upload(requesterToken, path, "log do roteador.bin", file);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode view = TestHttp.parse(created);
        assertThat(view.get("size").asLong()).isEqualTo(file.length);
        assertThat(view.get("contentType").asString()).isEqualTo("application/octet-stream");
        String id = view.get("id").asString();
        assertThat(created.headers().firstValue("Location")).hasValue(path + "/" + id);

        HttpResponse<byte[]> download = download(requesterToken, path + "/" + id + "/content");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(file);
        assertThat(jdbc.queryForObject(
                        "select chunk_count from attachment_content where sha256 = ?",
                        Integer.class,
                        view.get("sha256").asString()))
                .isEqualTo(4);
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment")
                .contains("filename*=UTF-8''log%20do%20roteador.bin");
    }

    @Test
    void theSameFileUploadedTwiceIsStoredOnce() throws Exception {
        byte[] file = randomBytes(300_000);
        String first = TestHttp.parse(upload(requesterToken, path, "a.bin", file))
                .get("sha256")
                .asString();
        String second = TestHttp.parse(upload(agentToken, path, "b.bin", file))
                .get("sha256")
                .asString();
        assertThat(second).isEqualTo(first);
        assertThat(jdbc.queryForObject("select count(*) from attachment_content where sha256 = ?", Long.class, first))
                .isOne();
        assertThat(TestHttp.parse(http().json("GET", path, requesterToken, null))
                        .findValuesAsString("name"))
                .containsExactly("a.bin", "b.bin");
    }

    @Test
    void theSameNewFileUploadedFourTimesAtOnceIsStoredOnce() {
        byte[] file = randomBytes(400_001);
        List<Integer> statuses = atOnce(4, i -> {
            try {
                return upload(i % 2 == 0 ? requesterToken : agentToken, path, "igual-" + i + ".bin", file)
                        .statusCode();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(statuses).containsOnly(201);
        List<String> hashes =
                TestHttp.parse(http().json("GET", path, agentToken, null)).findValuesAsString("sha256");
        assertThat(hashes).hasSize(4).containsOnly(hashes.get(0));
        assertThat(jdbc.queryForObject(
                        "select count(*) from attachment_content where sha256 = ?", Long.class, hashes.get(0)))
                .isOne();
    }

    @Test
    void aFileOverTheLimitIsRefusedWith413AndNothingIsStored() throws Exception {
        long contentsBefore = jdbc.queryForObject("select count(*) from attachment_content", Long.class);
        long chunksBefore = jdbc.queryForObject("select count(*) from attachment_chunk", Long.class);
        HttpResponse<String> refused = upload(requesterToken, path, "big.bin", new byte[20 * 1024 * 1024 + 1]);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(413);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = TestHttp.parse(refused);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("file");
        assertThat(problem.get("maxSize").asLong()).isEqualTo(20L * 1024 * 1024);
        assertThat(jdbc.queryForObject("select count(*) from attachment_content", Long.class))
                .isEqualTo(contentsBefore);
        assertThat(jdbc.queryForObject("select count(*) from attachment_chunk", Long.class))
                .isEqualTo(chunksBefore);
        assertThat(TestHttp.parse(http().json("GET", path, requesterToken, null)))
                .isEmpty();
    }

    @Test
    void filesAreServedSoThatNoBrowserRunsThem() throws Exception {
        String html = id(upload(requesterToken, path, "../../etc/passwd", "<script>alert(1)</script>".getBytes()));
        String svg = id(upload(
                requesterToken,
                path,
                "x.svg",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>1</script></svg>".getBytes()));
        byte[] gif = "GIF89a/*<script>alert(1)</script>*/".getBytes(StandardCharsets.US_ASCII);
        String polyglot = id(upload(requesterToken, path, "ok.gif", gif));

        JsonNode list = TestHttp.parse(http().json("GET", path, requesterToken, null));
        assertThat(list.findValuesAsString("name")).contains("passwd").doesNotContain("../../etc/passwd");
        for (String id : List.of(html, svg)) {
            HttpResponse<byte[]> served = download(requesterToken, path + "/" + id + "/content");
            assertThat(served.headers().firstValue("Content-Type").orElseThrow())
                    .startsWith("text/plain");
            assertThat(served.headers().firstValue("Content-Disposition").orElseThrow())
                    .startsWith("attachment");
            assertSafelyServed(served);
        }
        HttpResponse<byte[]> image = download(requesterToken, path + "/" + polyglot + "/content");
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/gif");
        assertThat(image.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("inline");
        assertSafelyServed(image);
    }

    @Test
    void aRequesterNeverSeesTheFilesOfAnInternalNote() throws Exception {
        String noteId = comment(agentToken, "{\"body\":\"Senha\",\"internal\":true}");
        String replyId = comment(agentToken, "{\"body\":\"Resposta\"}");
        String onNote = id(upload(agentToken, path + "?commentId=" + noteId, "senha.txt", "segredo".getBytes()));
        String onReply = id(upload(agentToken, path + "?commentId=" + replyId, "passo.txt", "passo".getBytes()));

        assertThat(TestHttp.parse(http().json("GET", path, requesterToken, null))
                        .findValuesAsString("id"))
                .containsExactly(onReply);
        assertThat(TestHttp.parse(http().json("GET", path, agentToken, null)).findValuesAsString("id"))
                .containsExactly(onNote, onReply);
        assertProblem(http().json("GET", path + "/" + onNote, requesterToken, null), 404);
        assertThat(download(requesterToken, path + "/" + onNote + "/content").statusCode())
                .isEqualTo(404);
        assertProblem(http().json("DELETE", path + "/" + onNote, requesterToken, null), 404);
        assertThat(upload(requesterToken, path + "?commentId=" + noteId, "x.txt", "x".getBytes())
                        .statusCode())
                .isEqualTo(404);
        assertThat(TestHttp.parse(http().json("GET", "/api/v1/tickets/" + ticketId + "/history", requesterToken, null))
                        .findValuesAsString("newValue"))
                .contains("passo.txt")
                .doesNotContain("senha.txt");
    }

    @Test
    void unknownAndInvisibleFilesAnswer404Alike() throws Exception {
        String id = id(upload(requesterToken, path, "mine.txt", "meu".getBytes()));
        HttpResponse<String> hidden = http().json("GET", path + "/" + id, otherRequesterToken, null);
        HttpResponse<String> unknown = http().json("GET", path + "/" + UUID.randomUUID(), requesterToken, null);
        assertProblem(hidden, 404);
        assertProblem(unknown, 404);
        assertThat(download(otherRequesterToken, path + "/" + id + "/content").statusCode())
                .isEqualTo(404);
        assertThat(upload(otherRequesterToken, path, "x.txt", "x".getBytes()).statusCode())
                .isEqualTo(404);
        assertProblem(http().json("GET", path, outsideAgentToken, null), 404);
    }

    @Test
    void theUploaderOrTheDepartmentsAgentRemovesAFileAndTheHistoryKeepsIt() throws Exception {
        String byAgent = id(upload(agentToken, path, "do-agente.txt", "a".getBytes()));
        String byRequester = id(upload(requesterToken, path, "do-cliente.txt", "c".getBytes()));

        assertProblem(http().json("DELETE", path + "/" + byAgent, requesterToken, null), 403);
        assertThat(http().json("DELETE", path + "/" + byRequester, requesterToken, null)
                        .statusCode())
                .isEqualTo(204);
        assertThat(http().json("DELETE", path + "/" + byAgent, agentToken, null).statusCode())
                .isEqualTo(204);
        assertThat(TestHttp.parse(http().json("GET", path, requesterToken, null)))
                .isEmpty();
        assertProblem(http().json("GET", path + "/" + byAgent, agentToken, null), 404);
        assertThat(TestHttp.parse(http().json("GET", "/api/v1/tickets/" + ticketId + "/history", requesterToken, null))
                        .findValuesAsString("field"))
                .contains("attachmentAdded", "attachmentRemoved");
    }

    @Test
    void theDataCheckFindsAMissingChunkAndAWrongHash() throws Exception {
        assertThat(violations()).containsOnly(0L);
        String sha = TestHttp.parse(upload(requesterToken, path, "verificar.bin", randomBytes(600_000)))
                .get("sha256")
                .asString();
        assertThat(violations()).containsOnly(0L);
        UUID content = jdbc.queryForObject("select id from attachment_content where sha256 = ?", UUID.class, sha);
        try {
            jdbc.update(
                    "update attachment_chunk set data = '\\x00'::bytea || data where content_id = ? and seq = 1",
                    content);
            assertThat(violations()).containsExactly(0L, 0L, 1L, 1L);
            jdbc.update("delete from attachment_chunk where content_id = ? and seq = 1", content);
            jdbc.update("delete from attachment_content where id = ?", content);
            assertThat(violations()).containsExactly(0L, 1L, 0L, 0L);
        } finally {
            jdbc.update("delete from attachment where sha256 = ?", sha);
        }
        assertThat(violations()).containsOnly(0L);
    }

    private List<Long> violations() {
        return checks.checks().stream()
                .map(DataCheck.Check::violationsSql)
                .map(sql -> jdbc.queryForObject(sql, Long.class))
                .toList();
    }

    private static void assertSafelyServed(HttpResponse<byte[]> served) {
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(served.headers().firstValue("Content-Security-Policy")).hasValue("sandbox; default-src 'none'");
    }

    private String comment(String token, String body) {
        HttpResponse<String> response = http().json("POST", "/api/v1/tickets/" + ticketId + "/comments", token, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return TestHttp.parse(response).get("id").asString();
    }

    private static String id(HttpResponse<String> created) {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return TestHttp.parse(created).get("id").asString();
    }

    private HttpResponse<String> upload(String token, String target, String name, byte[] content) throws Exception {
        String boundary = "----echamado" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                        + "\"\r\nContent-Type: text/html\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + target))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> download(String token, String target) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + target))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new Random(n).nextBytes(bytes);
        return bytes;
    }
}
