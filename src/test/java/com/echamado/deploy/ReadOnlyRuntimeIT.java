package com.echamado.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/**
 * The image's application, without Docker: the packaged jar split into its layers as the Dockerfile does and merged as
 * its COPY instructions do, under the image's runtime constraints (reliability-security.md §1.2, T9): bubblewrap
 * runs it as uid/gid 10001 with the whole root filesystem bind-mounted read-only and only /tmp writable, with the
 * environment the Dockerfile sets (JAVA_TOOL_OPTIONS, SERVER_TOMCAT_BASEDIR, HOME) and the {@code local} profile keeping
 * its embedded PostgreSQL's data and signing key under /tmp/echamado. It must answer {@code /health/ready} with 200.
 *
 * <p>/tmp is a fresh folder under target/ bind-mounted at /tmp (the equivalent of the pod's emptyDir), so that the test
 * can see afterwards what was written there. Nothing can be written anywhere else: the root is read-only, so a write
 * outside /tmp would fail in the application (and its log is checked for "Read-only file system").
 *
 * <p>Runs in Maven's integration-test phase (Failsafe), after {@code package}. Skipped when bwrap is missing (locally)
 * or when the kernel forbids user namespaces (also on CI: that is the machine, not the project); fails on CI when bwrap
 * is missing or itself broken.
 */
@Tag("deploy")
class ReadOnlyRuntimeIT {

    static final Path WORK = Tools.ROOT.resolve("target/readonly-runtime");
    static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    static final boolean CI = "true".equalsIgnoreCase(System.getenv("CI"));

    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    static final String JAVA =
            Path.of(System.getProperty("java.home"), "bin", "java").toString();

    static String bwrap;

    @BeforeAll
    static void sandboxWorks() throws IOException {
        bwrap = Tools.require("bwrap", "bubblewrap");
        Path tmp = freshDir("probe");
        // The sandbox itself: uid 10001, / read-only, /tmp writable.
        Tools.Result probe = Tools.run(
                sandbox(
                        tmp,
                        List.of(
                                "/bin/sh",
                                "-c",
                                "id -u; id -g; touch /tmp/written && echo tmp-writable;"
                                        + " if touch /bwrap-probe 2>/dev/null; then echo ROOT-WRITABLE; else echo root-read-only; fi")));
        if (probe.exitCode() != 0) {
            explainBrokenSandbox(probe);
        }
        assertThat(probe.output().lines().toList())
                .as("the sandbox: uid, gid, /tmp writable, / read-only")
                .containsSubsequence("10001", "10001", "tmp-writable", "root-read-only");
        assertThat(tmp.resolve("written")).exists();
    }

    @Test
    void theImagesLayersServeWithAReadOnlyRootAndOnlyTmpWritable() throws Exception {
        Path jar = Path.of(System.getProperty("echamado.jar", ""));
        assertThat(jar)
                .as("the packaged jar (echamado.jar system property, set by the pom)")
                .isRegularFile();
        Path tmp = freshDir("tmp");
        Path log = WORK.resolve("app.log");
        int port = freePort();

        Map<String, String> env = new LinkedHashMap<>(dockerfileEnvironment());
        assertThat(env).containsKeys("JAVA_TOOL_OPTIONS", "SERVER_TOMCAT_BASEDIR", "HOME");
        env.put("SPRING_PROFILES_ACTIVE", "local");
        env.put("ECHAMADO_DATA_DIR", "/tmp/echamado");
        env.put("PORT", Integer.toString(port));
        // Start-up speed only (this JVM runs once); JAVA_TOOL_OPTIONS stays exactly the image's.
        env.put("JDK_JAVA_OPTIONS", "-XX:TieredStopAtLevel=1");

        Path image = imageLayout(jar);
        // The image's /opt/echamado is bound read-only into /tmp so that the test works wherever the checkout lives
        // (even under /tmp); the command is the Dockerfile's ENTRYPOINT (DockerfileRulesTest) with that path.
        List<String> command = sandbox(
                tmp,
                List.of("--ro-bind", image.toString(), "/tmp/opt-echamado"),
                List.of(JAVA, "-jar", "/tmp/opt-echamado/app.jar"));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().put("PATH", "/usr/local/bin:/usr/bin:/bin");
        builder.environment().put("LANG", "C.UTF-8");
        builder.environment().putAll(env);
        Process app = builder.start();
        try {
            int status = waitUntilReady(app, port, log);
            assertThat(status).as("GET /health/ready").isEqualTo(200);
            assertThat(get(port, "/health/live")).isEqualTo(200);
        } finally {
            app.destroy();
            if (!app.waitFor(30, TimeUnit.SECONDS)) {
                app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        String output = Files.readString(log);
        assertThat(output)
                .as("no write was refused outside /tmp (log in " + log + ")")
                .doesNotContain("Read-only file system")
                .doesNotContain("AccessDeniedException");
        assertThat(tmp.resolve("echamado/postgres/PG_VERSION"))
                .as("the local profile's embedded PostgreSQL keeps its data under /tmp")
                .isRegularFile();
        assertThat(tmp.resolve("echamado/jwt-signing-key.pem")).isRegularFile();
        assertThat(tmp.resolve("tomcat")).as("SERVER_TOMCAT_BASEDIR").isDirectory();
    }

    /**
     * The image's /opt/echamado: the packaged jar as the build stage's app.jar, split by the Dockerfile's extract
     * command, its layers merged in the order of the runtime stage's COPY instructions. Every layer the jar has must be
     * among them, or the image would miss classes or libraries.
     */
    static Path imageLayout(Path jar) throws IOException {
        Path build = freshDir("build");
        Files.copy(jar, build.resolve("app.jar"));
        Path layers = build.resolve("layers");
        Tools.run(List.of(
                        JAVA,
                        "-Djarmode=tools",
                        "-jar",
                        build.resolve("app.jar").toString(),
                        "extract",
                        "--layers",
                        "--destination",
                        layers.toString()))
                .assertSuccess("java -Djarmode=tools -jar app.jar extract --layers");
        List<String> copied = DockerfileRulesTest.copiedLayers(DockerfileRulesTest.finalStage(
                DockerfileRulesTest.parse(Tools.read(Tools.ROOT.resolve("Dockerfile")))));
        try (Stream<Path> extracted = Files.list(layers)) {
            assertThat(extracted.map(p -> p.getFileName().toString()))
                    .as("the jar's layers, each copied by the Dockerfile")
                    .containsExactlyInAnyOrderElementsOf(copied);
        }
        Path image = freshDir("image");
        for (String layer : copied) {
            Path from = layers.resolve(layer);
            try (Stream<Path> walk = Files.walk(from)) {
                for (Path source : walk.toList()) {
                    Path target = image.resolve(from.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target);
                    }
                }
            }
        }
        assertThat(image.resolve("app.jar"))
                .as("the application layer's thin jar")
                .isRegularFile();
        assertThat(image.resolve("lib")).as("the dependency layers' lib/").isDirectory();
        return image;
    }

    /** bwrap with the image's constraints around {@code command}. */
    static List<String> sandbox(Path tmp, List<String> command) {
        return sandbox(tmp, List.of(), command);
    }

    static List<String> sandbox(Path tmp, List<String> extraMounts, List<String> command) {
        List<String> out = new ArrayList<>(List.of(
                bwrap,
                "--ro-bind",
                "/",
                "/",
                "--bind",
                tmp.toString(),
                "/tmp",
                "--dev",
                "/dev",
                "--proc",
                "/proc",
                "--unshare-user",
                "--uid",
                "10001",
                "--gid",
                "10001",
                "--die-with-parent",
                "--chdir",
                "/"));
        out.addAll(extraMounts);
        out.add("--");
        out.addAll(command);
        return out;
    }

    /**
     * bwrap failed: if user namespaces cannot be created at all (checked independently with util-linux's unshare, and
     * the kernel's limit), the machine forbids them and the test is skipped, on CI too. Otherwise bwrap itself is
     * broken: that fails on CI and skips locally.
     */
    private static void explainBrokenSandbox(Tools.Result probe) {
        String maxNamespaces = readQuietly(Path.of("/proc/sys/user/max_user_namespaces"));
        // util-linux's unshare is an independent witness: if it cannot make a user namespace either, the kernel (or a
        // seccomp policy of the container we run in) forbids them.
        Tools.Result unshare = Files.isExecutable(Path.of("/usr/bin/unshare"))
                ? Tools.run(List.of("/usr/bin/unshare", "--user", "--map-root-user", "true"))
                : new Tools.Result(-1, "unshare not installed");
        boolean namespacesForbidden = "0".equals(maxNamespaces) || (unshare.exitCode() > 0);
        String details = "bwrap said (exit " + probe.exitCode() + "):\n" + probe.output()
                + "\nunshare --user --map-root-user true: exit " + unshare.exitCode() + " " + unshare.output()
                + "\n/proc/sys/user/max_user_namespaces: " + maxNamespaces;
        if (namespacesForbidden) {
            throw new TestAbortedException(
                    "this kernel or container forbids user namespaces, so bubblewrap cannot sandbox here; the"
                            + " read-only runtime check is skipped (not a project failure).\n" + details);
        }
        String message = "bubblewrap is broken although user namespaces work.\n" + details;
        if (CI) {
            fail(message);
        }
        throw new TestAbortedException(message + "\n— skipped locally");
    }

    /** The ENV instruction(s) of the Dockerfile's last (runtime) stage. */
    static Map<String, String> dockerfileEnvironment() {
        String dockerfile = Tools.read(Tools.ROOT.resolve("Dockerfile")).replace("\\\n", " ");
        String runtime = dockerfile.substring(dockerfile.lastIndexOf("\nFROM "));
        Map<String, String> env = new LinkedHashMap<>();
        Pattern pair = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|(\\S+))");
        for (String line : runtime.lines().toList()) {
            if (line.startsWith("ENV ")) {
                Matcher m = pair.matcher(line.substring(4));
                while (m.find()) {
                    env.put(m.group(1), m.group(2) != null ? m.group(2) : m.group(3));
                }
            }
        }
        return env;
    }

    private static int waitUntilReady(Process app, int port, Path log) throws Exception {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        int status = -1;
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                fail("the application exited with " + app.exitValue() + " before it was ready:\n" + tail(log));
            }
            status = get(port, "/health/ready");
            if (status == 200) {
                return status;
            }
            Thread.sleep(500);
        }
        fail("/health/ready did not answer 200 within " + READY_TIMEOUT.toSeconds() + " s (last: " + status + "):\n"
                + tail(log));
        return status;
    }

    private static int get(int port, String path) throws InterruptedException {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(5))
                    .build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Path freshDir(String name) throws IOException {
        Path dir = WORK.resolve(name);
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
        return Files.createDirectories(dir);
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            return "unreadable";
        }
    }
}
