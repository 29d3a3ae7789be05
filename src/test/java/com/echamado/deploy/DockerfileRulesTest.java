package com.echamado.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Rules for the Dockerfile that hadolint would check if it ran here: pinned bases, a numeric non-root user and an
 * exec-form entrypoint in the final stage, a HEALTHCHECK that needs no tool missing from the image, no secrets in
 * ENV/ARG; and the image's layering: the jar's layers copied one by one, the application last. Each rule is also run
 * against a bad sample to prove that it can fail.
 */
@Tag("deploy")
class DockerfileRulesTest {

    record Instruction(String keyword, String args) {}

    private static final Pattern PINNED_TAG =
            Pattern.compile("[^:@/]+(/[^:@/]+)*:[^:@]*\\d+\\.\\d+[^:@]*(@sha256:[0-9a-f]{64})?");
    private static final Pattern DIGEST = Pattern.compile(".+@sha256:[0-9a-f]{64}");
    /** The layers of a Boot jar (its layers.idx), least often changed first. */
    static final List<String> LAYERS =
            List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application");

    private static final Pattern LAYER_COPY = Pattern.compile("--from=\\S+ .*/layers/([a-z-]+)/? \\S+");
    private static final Pattern SECRET_NAME =
            Pattern.compile("(?i).*(PASSWORD|PASSWD|SECRET|TOKEN|PRIVATE_KEY|SIGNING_KEY|API_KEY).*");

    @Test
    void theDockerfileFollowsEveryRule() {
        List<Instruction> dockerfile = parse(Tools.read(Tools.ROOT.resolve("Dockerfile")));
        assertThat(violations(dockerfile)).isEmpty();
        List<Instruction> last = finalStage(dockerfile);
        assertThat(last).contains(new Instruction("EXPOSE", "8080"));
        assertThat(dockerfile.stream().filter(i -> i.keyword().equals("FROM")).count())
                .as("multi-stage build")
                .isGreaterThanOrEqualTo(2);
        assertThat(last.stream().filter(i -> i.keyword().equals("LABEL")).map(Instruction::args))
                .anyMatch(l -> l.contains("org.opencontainers.image.version")
                        && l.contains("org.opencontainers.image.revision"));
        assertThat(last.stream().filter(i -> i.keyword().equals("ENV")).map(Instruction::args))
                .anyMatch(e -> e.contains("-Djava.io.tmpdir=/tmp") && e.contains("SERVER_TOMCAT_BASEDIR=/tmp/tomcat"));
    }

    @Test
    void aReleaseChangesOnlyTheApplicationLayer() {
        List<Instruction> dockerfile = parse(Tools.read(Tools.ROOT.resolve("Dockerfile")));
        assertThat(dockerfile)
                .as("the build stage extracts the jar's layers with Boot's tools jar mode")
                .anyMatch(i -> i.keyword().equals("RUN")
                        && i.args().contains("-Djarmode=tools -jar /build/app.jar extract --layers"));
        assertThat(copiedLayers(finalStage(dockerfile)))
                .as("layers copied, in order")
                .isEqualTo(LAYERS);
        List<Instruction> copies = finalStage(dockerfile).stream()
                .filter(i -> i.keyword().equals("COPY"))
                .toList();
        assertThat(copies.get(copies.size() - 1).args())
                .as("the application layer is the last one copied: a code change invalidates nothing below it")
                .contains("/layers/application/");
        assertThat(finalStage(dockerfile))
                .as("the thin app.jar of the application layer starts with lib/ beside it")
                .contains(new Instruction("ENTRYPOINT", "[\"java\", \"-jar\", \"/opt/echamado/app.jar\"]"));
    }

    @Test
    void theHealthcheckProbeIsTheOneTheBuildCompiles() {
        List<Instruction> dockerfile = parse(Tools.read(Tools.ROOT.resolve("Dockerfile")));
        String source = "src/tools/java/com/echamado/tools/HealthCheck.java";
        assertThat(Tools.ROOT.resolve(source)).isRegularFile();
        assertThat(dockerfile)
                .anyMatch(i -> i.keyword().equals("RUN")
                        && i.args().contains("javac --release 17")
                        && i.args().contains(source));
        assertThat(finalStage(dockerfile))
                .filteredOn(i -> i.keyword().equals("HEALTHCHECK"))
                .singleElement()
                .satisfies(i -> assertThat(i.args()).contains("\"com.echamado.tools.HealthCheck\""));
        assertThat(Tools.read(Tools.ROOT.resolve(".dockerignore")).lines())
                .as("the probe's source is let into the build context")
                .contains("!" + source);
    }

    /** The layer names of the final stage's {@code COPY --from=… …/layers/<name>/ …} instructions, in order. */
    static List<String> copiedLayers(List<Instruction> stage) {
        List<String> out = new ArrayList<>();
        for (Instruction i : stage) {
            var m = LAYER_COPY.matcher(i.args());
            if (i.keyword().equals("COPY") && m.find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    @Test
    void theBuildContextIsWhitelisted() {
        List<String> lines = Tools.read(Tools.ROOT.resolve(".dockerignore"))
                .lines()
                .map(String::strip)
                .toList();
        assertThat(lines)
                .as(".dockerignore starts from nothing and lets in only the build inputs")
                .contains("*", "!pom.xml", "!src/");
        assertThat(lines).doesNotContain("!target/", "!.git/", "!data/");
    }

    @Test
    void theRulesCatchABadDockerfile() {
        String bad = """
                FROM maven AS build
                ARG DB_PASSWORD=changeme
                FROM eclipse-temurin:latest
                ENV JWT_SIGNING_KEY=abc
                USER app
                HEALTHCHECK CMD curl -f http://localhost:8080/health || exit 1
                ENTRYPOINT java -jar /app.jar
                """;
        assertThat(String.join("\n", violations(parse(bad))))
                .contains("not pinned: maven")
                .contains("not pinned: eclipse-temurin:latest")
                .contains("secret in ARG: DB_PASSWORD")
                .contains("secret in ENV: JWT_SIGNING_KEY")
                .contains("USER must be numeric")
                .contains("HEALTHCHECK must use exec form")
                .contains("HEALTHCHECK uses curl")
                .contains("ENTRYPOINT must use exec form")
                .contains("copies the jar whole");
        assertThat(violations(parse("FROM eclipse-temurin:17.0.15_6-jre-jammy\nUSER 0\nENTRYPOINT [\"java\"]\n")))
                .anyMatch(v -> v.contains("root"))
                .anyMatch(v -> v.contains("no HEALTHCHECK"));
    }

    static List<String> violations(List<Instruction> dockerfile) {
        List<String> out = new ArrayList<>();
        Set<String> stageNames = new java.util.HashSet<>();
        for (Instruction i : dockerfile) {
            String upper = i.keyword();
            if (upper.equals("FROM")) {
                String[] parts = i.args().split("\\s+");
                String image = parts[0].startsWith("--platform") ? parts[1] : parts[0];
                if (!stageNames.contains(image)
                        && !DIGEST.matcher(image).matches()
                        && !PINNED_TAG.matcher(image).matches()) {
                    out.add("base image not pinned: " + image);
                }
                if (image.endsWith(":latest")) {
                    out.add("base image not pinned: " + image);
                }
                if (parts.length >= 3 && parts[parts.length - 2].equalsIgnoreCase("AS")) {
                    stageNames.add(parts[parts.length - 1]);
                }
            }
            if (upper.equals("ENV") || upper.equals("ARG")) {
                for (String name : names(i.args())) {
                    if (SECRET_NAME.matcher(name).matches()) {
                        out.add("secret in " + upper + ": " + name);
                    }
                }
            }
        }
        List<Instruction> last = finalStage(dockerfile);
        List<Instruction> users =
                last.stream().filter(i -> i.keyword().equals("USER")).toList();
        if (users.isEmpty()) {
            out.add("final stage has no USER");
        } else {
            String user = users.get(users.size() - 1).args().split(":")[0];
            if (!user.matches("\\d+")) {
                out.add("USER must be numeric (runAsNonRoot cannot verify a name): " + user);
            } else if (Integer.parseInt(user) == 0) {
                out.add("USER must not be root");
            }
        }
        if (!copiedLayers(last).equals(LAYERS)) {
            out.add("the runtime stage copies the jar whole instead of its layers " + LAYERS
                    + " one by one: every release would push all its dependencies again");
        }
        List<Instruction> entrypoints =
                last.stream().filter(i -> i.keyword().equals("ENTRYPOINT")).toList();
        if (entrypoints.isEmpty()
                || !entrypoints.get(entrypoints.size() - 1).args().startsWith("[")) {
            out.add("ENTRYPOINT must use exec form (JSON array) so that the JVM receives SIGTERM");
        }
        List<Instruction> checks =
                last.stream().filter(i -> i.keyword().equals("HEALTHCHECK")).toList();
        if (checks.isEmpty()) {
            out.add("final stage has no HEALTHCHECK");
        } else {
            String check = checks.get(checks.size() - 1).args();
            String cmd = check.substring(Math.max(0, check.indexOf("CMD") + 3)).strip();
            if (!cmd.startsWith("[")) {
                out.add("HEALTHCHECK must use exec form (the image has no shell tools to rely on)");
            }
            for (String tool : List.of("curl", "wget", "nc ")) {
                if (cmd.toLowerCase(Locale.ROOT).contains(tool)) {
                    out.add("HEALTHCHECK uses " + tool.strip() + ", which the runtime image does not have");
                }
            }
        }
        return out;
    }

    /** Variable names of an ENV/ARG line: {@code A=1 B="x y"}, {@code A 1} or {@code A}. */
    private static List<String> names(String args) {
        List<String> out = new ArrayList<>();
        if (!args.contains("=")) {
            out.add(args.split("\\s+")[0]);
            return out;
        }
        var m = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"[^\"]*\"|\\S*)").matcher(args);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    static List<Instruction> finalStage(List<Instruction> dockerfile) {
        int start = 0;
        for (int i = 0; i < dockerfile.size(); i++) {
            if (dockerfile.get(i).keyword().equals("FROM")) {
                start = i;
            }
        }
        return dockerfile.subList(start, dockerfile.size());
    }

    static List<Instruction> parse(String text) {
        List<Instruction> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (current.isEmpty() && (line.isEmpty() || line.startsWith("#"))) {
                continue;
            }
            if (line.startsWith("#")) {
                continue; // comment inside a continued instruction
            }
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            current.append(line);
            String joined = current.toString().strip();
            current.setLength(0);
            int space = joined.indexOf(' ');
            String keyword = (space < 0 ? joined : joined.substring(0, space)).toUpperCase(Locale.ROOT);
            String args = space < 0 ? "" : joined.substring(space + 1).strip();
            out.add(new Instruction(keyword, args.replaceAll("\\s+", " ")));
        }
        return out;
    }
}
