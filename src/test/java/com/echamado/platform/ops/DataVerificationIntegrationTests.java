package com.echamado.platform.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.echamado.identity.Role;
import com.echamado.support.IntegrationTest;
import com.echamado.support.TestDatabase;
import com.echamado.support.TestHttp;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code --verify-data} passes on a sound database and fails, naming the check, on a corrupted one. */
@ExtendWith(OutputCaptureExtension.class)
class DataVerificationIntegrationTests extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    List<DataCheck> checks;

    String[] args() {
        return new String[] {
            DataVerification.FLAG, "--spring.profiles.active=test", "--spring.datasource.url=" + TestDatabase.url()
        };
    }

    @Test
    void aSoundDatabasePassesEveryCheckThatTheModulesContribute(CapturedOutput output) {
        assertThat(DataVerification.run(args())).isZero();
        assertThat(output.getOut())
                .contains("verify-data: OK   schema history matches the migrations")
                // tickets
                .contains("verify-data: OK   ticket numbers are unique")
                .contains("verify-data: OK   the ticket-number sequence is ahead of every ticket")
                .contains("verify-data: OK   every ticket has its 'created' history entry")
                .contains("verify-data: OK   history rows belong to tickets")
                .contains("verify-data: OK   comments belong to tickets")
                .contains("verify-data: OK   tickets refer to existing catalog entries")
                .contains("verify-data: OK   tickets refer to existing users")
                .contains("verify-data: OK   closed tickets have a closing time and open ones none")
                // the dashboard's counters
                .contains("verify-data: OK   the dashboard's open-ticket counters equal a recount")
                .contains("verify-data: OK   the dashboard's daily counters equal a recount")
                // catalog
                .contains("verify-data: OK   department members are existing users")
                .contains("verify-data: OK   exactly one initial and one resolving status")
                // identity
                .contains("verify-data: OK   at least one administrator")
                // attachments
                .contains("verify-data: OK   attachments belong to tickets")
                .contains("verify-data: OK   every attachment has its content")
                .contains("verify-data: OK   every attachment content has all its chunks")
                .contains("verify-data: OK   every attachment content matches its hash")
                .contains("verify-data: INFO events not yet delivered (outbox backlog): ")
                .contains("verify-data: the database is sound");
        assertThat(checks.stream().map(check -> check.getClass().getPackageName()))
                .containsOnly(
                        "com.echamado.tickets",
                        "com.echamado.dashboard",
                        "com.echamado.catalog",
                        "com.echamado.identity",
                        "com.echamado.attachments");
        assertThat(checks.stream().flatMap(check -> check.checks().stream()))
                .extracting(DataCheck.Check::name)
                .hasSize(17)
                .doesNotHaveDuplicates();
    }

    @Test
    void aBackupRestoredIntoANewDatabasePassesVerification(@TempDir Path dir) throws Exception {
        Path dump = dir.resolve("echamado.dump");
        String restored = TestDatabase.fresh("restored");
        String restoredName = restored.substring(restored.lastIndexOf('/') + 1);
        exec("pg_dump", "-h", "127.0.0.1", "-U", "postgres", "-Fc", "-f", dump.toString(), TestDatabase.NAME);
        exec(
                "pg_restore",
                "-h",
                "127.0.0.1",
                "-U",
                "postgres",
                "--exit-on-error",
                "--single-transaction",
                "--no-owner",
                "-d",
                restoredName,
                dump.toString());
        assertThat(DataVerification.run(new String[] {
                    DataVerification.FLAG, "--spring.profiles.active=test", "--spring.datasource.url=" + restored
                }))
                .isZero();
    }

    private static void exec(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(String.join(" ", command) + "\n" + out).isZero();
    }

    @Test
    void aCorruptedDatabaseFailsAndSaysWhere(CapturedOutput output) {
        String admin = users.token(users.create(Role.ADMIN));
        String department = TestHttp.parse(http().json(
                                "POST",
                                "/api/v1/catalog/departments",
                                admin,
                                "{\"name\":\"Verificação "
                                        + UUID.randomUUID().toString().substring(0, 6) + "\"}"))
                .get("id")
                .asString();
        UUID ghost = UUID.randomUUID();
        jdbc.update(
                "insert into department_agent (department_id, user_id) values (?, ?)",
                UUID.fromString(department),
                ghost);
        try {
            assertThat(DataVerification.run(args())).isEqualTo(1);
            assertThat(output.getOut())
                    .contains("verify-data: FAIL department members are existing users (1 violation(s))");
        } finally {
            jdbc.update("delete from department_agent where user_id = ?", ghost);
        }
    }

    @Test
    void anAttachmentContentThatLostAChunkFails(CapturedOutput output) {
        UUID content = UUID.randomUUID();
        jdbc.update(
                "insert into attachment_content (id, sha256, size, chunk_count, created_at)"
                        + " values (?, encode(sha256(?::bytea), 'hex'), 2, 1, now())",
                content,
                content.toString());
        try {
            assertThat(DataVerification.run(args())).isEqualTo(1);
            assertThat(output.getOut())
                    .contains("verify-data: FAIL every attachment content has all its chunks (1 violation(s))")
                    .contains("verify-data: FAIL every attachment content matches its hash (1 violation(s))");
        } finally {
            jdbc.update("delete from attachment_content where id = ?", content);
        }
    }

    @Test
    void aDashboardCounterThatDriftedFromTheTicketsFails(CapturedOutput output) {
        UUID department = UUID.randomUUID();
        jdbc.update(
                "insert into ticket_open_count (department_id, status_id, priority, unassigned, n)"
                        + " values (?, ?, 'LOW', true, 3)",
                department,
                UUID.randomUUID());
        try {
            assertThat(DataVerification.run(args())).isEqualTo(1);
            assertThat(output.getOut())
                    .contains(
                            "verify-data: FAIL the dashboard's open-ticket counters equal a recount (1 violation(s))");
        } finally {
            jdbc.update("delete from ticket_open_count where department_id = ?", department);
        }
    }

    @Test
    void anUnreachableDatabaseFails(CapturedOutput output) {
        int code = DataVerification.run(new String[] {
            DataVerification.FLAG,
            "--spring.profiles.active=test",
            "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/nowhere",
            "--spring.datasource.hikari.initialization-fail-timeout=1"
        });
        assertThat(code).isEqualTo(1);
        assertThat(output.getOut()).contains("verify-data: FAIL");
    }
}
