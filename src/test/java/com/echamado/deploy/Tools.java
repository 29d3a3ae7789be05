package com.echamado.deploy;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.opentest4j.TestAbortedException;

/**
 * Runs the external validators (nginx, promtool, shellcheck, yamllint, docker-compose, openssl). A missing tool skips
 * the test locally and fails it with {@code CI=true}, where {@code .ci/run} installs them.
 */
final class Tools {

    /** The repository root (Maven runs tests there). */
    static final Path ROOT = Path.of("").toAbsolutePath();

    private Tools() {}

    record Result(int exitCode, String output) {
        /** Fails with the tool's own output when it did not exit 0. */
        Result assertSuccess(String what) {
            if (exitCode != 0) {
                fail(what + " failed with exit code " + exitCode + ":\n" + output);
            }
            return this;
        }
    }

    /** Returns the absolute path of {@code name} on PATH (or /usr/sbin, /sbin), or skips/fails as described above. */
    static String require(String name, String debianPackage) {
        return requireWithHint(name, "apt-get install " + debianPackage + "; .ci/run installs it");
    }

    /** Like {@link #require(String, String)}, for a tool that is not a Debian package: {@code hint} says where from. */
    static String requireWithHint(String name, String hint) {
        List<String> dirs =
                new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        dirs.addAll(List.of("/usr/sbin", "/sbin", "/usr/local/sbin"));
        for (String dir : dirs) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        String message = "'" + name + "' is not installed (" + hint + ")";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message + " — required when CI=true");
        }
        throw new TestAbortedException(message + " — skipped locally");
    }

    static Result run(Path workDir, Map<String, String> env, List<String> command) {
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            // Read output fully before waiting so that a chatty tool cannot block on a full pipe.
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail(String.join(" ", command) + " did not finish within 120 s");
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A throw-away {@code echamado.crt} / {@code echamado.key} for {@code localhost} in {@code dir} (openssl). */
    static void selfSignedCertificate(Path dir) {
        String openssl = require("openssl", "openssl");
        run(List.of(
                        openssl,
                        "req",
                        "-x509",
                        "-newkey",
                        "rsa:2048",
                        "-nodes",
                        "-days",
                        "1",
                        "-subj",
                        "/CN=localhost",
                        "-keyout",
                        dir.resolve("echamado.key").toString(),
                        "-out",
                        dir.resolve("echamado.crt").toString()))
                .assertSuccess("openssl req");
    }

    static Result run(List<String> command) {
        return run(ROOT, Map.of(), command);
    }

    static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }

    static List<Path> list(Path dir, String glob) {
        List<Path> out = new ArrayList<>();
        try (var stream = Files.newDirectoryStream(dir, glob)) {
            stream.forEach(out::add);
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + dir, e);
        }
        out.sort(null);
        return out;
    }
}
