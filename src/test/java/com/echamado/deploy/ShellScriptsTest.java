package com.echamado.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every operations script is bash with {@code set -euo pipefail} and passes shellcheck; so does .ci/run. */
@Tag("deploy")
class ShellScriptsTest {

    static final List<Path> SCRIPTS = Tools.list(Tools.ROOT.resolve("scripts"), "*.sh");

    @Test
    void scriptsAreStrictBash() {
        assertThat(SCRIPTS)
                .extracting(p -> p.getFileName().toString())
                .contains(
                        "backup.sh",
                        "restore.sh",
                        "blue-green-deploy.sh",
                        "rollback.sh",
                        "smoke-tests.sh",
                        "diagnostic.sh",
                        "disaster-recovery.sh");
        for (Path script : SCRIPTS) {
            String text = Tools.read(script);
            assertThat(text)
                    .as(script.toString())
                    .startsWith("#!/usr/bin/env bash\n")
                    .contains("set -euo pipefail");
            assertThat(Files.isExecutable(script)).as(script + " is executable").isTrue();
        }
    }

    @Test
    void scriptsPassShellcheck() {
        List<String> command = new ArrayList<>(List.of(shellcheck(), "--shell=bash", "--external-sources"));
        SCRIPTS.forEach(p -> command.add(p.toString()));
        Tools.run(command).assertSuccess("shellcheck scripts/*.sh");
    }

    @Test
    void ciScriptPassesShellcheck() {
        // SC2012 (ls | sort -V to pick the newest PostgreSQL version) is informational and deliberate there.
        Tools.run(List.of(
                        shellcheck(),
                        "--exclude=SC2012",
                        Tools.ROOT.resolve(".ci/run").toString()))
                .assertSuccess("shellcheck .ci/run");
    }

    @Test
    void shellcheckCatchesAnUnquotedVariable(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.sh");
        Files.writeString(bad, "#!/usr/bin/env bash\nset -euo pipefail\nfor f in $(ls $1); do rm $f; done\n");
        Tools.Result result = Tools.run(List.of(shellcheck(), bad.toString()));
        assertThat(result.exitCode()).as(result.output()).isNotZero();
        assertThat(result.output()).contains("SC2086");
    }

    /**
     * disaster-recovery.sh runs --verify-data by default: with no ECHAMADO_JAR, no target/echamado-*.jar and no
     * image jar it stops with a clear message before restoring anything, unless --skip-verify is given.
     */
    @Test
    void disasterRecoveryRefusesToRestoreWithoutAJarToVerify(@TempDir Path dir) throws IOException {
        Path repository = BackupRestoreTest.disasterRecoveryRepository(dir, false);
        Path dump = Files.writeString(dir.resolve("echamado-20250101T020000Z.dump"), "not read: restore is stubbed");
        String script = repository.resolve("scripts/disaster-recovery.sh").toString();
        Map<String, String> env =
                Map.of("IMAGE_JAR", dir.resolve("no-image/app.jar").toString());
        Path restoreCalled = repository.resolve("scripts/restore.sh.called");

        Tools.Result noJar = Tools.run(dir, env, List.of(script, dir.toString(), "https://dr.invalid"));
        assertThat(noJar.exitCode()).as(noJar.output()).isEqualTo(1);
        assertThat(noJar.output())
                .contains("no application jar to run --verify-data")
                .contains(repository.resolve("target") + "/echamado-*.jar")
                .contains("--skip-verify");
        assertThat(restoreCalled).as("nothing restored").doesNotExist();

        Map<String, String> missing = new HashMap<>(env);
        missing.put("ECHAMADO_JAR", dir.resolve("gone.jar").toString());
        Tools.Result wrongJar = Tools.run(dir, missing, List.of(script, dump.toString(), "https://dr.invalid"));
        assertThat(wrongJar.exitCode()).as(wrongJar.output()).isEqualTo(1);
        assertThat(wrongJar.output()).contains("ECHAMADO_JAR=" + dir.resolve("gone.jar") + " does not exist");
        assertThat(restoreCalled).doesNotExist();

        Tools.Result skipped =
                Tools.run(dir, env, List.of(script, "--skip-verify", dump.toString(), "https://dr.invalid"));
        skipped.assertSuccess("disaster-recovery.sh --skip-verify");
        assertThat(skipped.output()).contains("WARNING: --skip-verify").contains("restore stub called");
        assertThat(restoreCalled).exists();

        Tools.Result unknown = Tools.run(dir, env, List.of(script, "--skip-verfy", dump.toString(), "x"));
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.output()).contains("unknown option: --skip-verfy");
    }

    /** With a jar in the repository's target/ (the default place) the script picks it, before restoring. */
    @Test
    void disasterRecoveryFindsTheRepositorysJar(@TempDir Path dir) throws IOException {
        Path repository = BackupRestoreTest.disasterRecoveryRepository(dir, false);
        Path jar = BackupRestoreTest.fakeApplicationJar(repository.resolve("target/echamado-1.2.3.jar"));
        Path dump = Files.writeString(dir.resolve("x.dump"), "stub");
        Tools.Result result = Tools.run(
                dir,
                Map.of("IMAGE_JAR", dir.resolve("no-image/app.jar").toString()),
                List.of(repository.resolve("scripts/disaster-recovery.sh").toString(), dump.toString(), "x"));
        result.assertSuccess("disaster-recovery.sh");
        assertThat(result.output())
                .contains("checked with " + jar + " --verify-data")
                .contains("restore stub called");
    }

    private static String shellcheck() {
        return Tools.require("shellcheck", "shellcheck");
    }
}
