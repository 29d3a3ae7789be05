package com.echamado.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every operations script is bash with {@code set -euo pipefail} and passes shellcheck; so does .ci/run. */
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

    private static String shellcheck() {
        return Tools.require("shellcheck", "shellcheck");
    }
}
