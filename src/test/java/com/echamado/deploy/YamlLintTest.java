package com.echamado.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * yamllint (relaxed, long lines allowed) on the compose files, monitoring configuration, workflows and chart values.
 * Helm templates are not YAML until rendered; HelmChartTest checks them.
 */
@Tag("deploy")
class YamlLintTest {

    static final String CONFIG = "{extends: relaxed, rules: {line-length: {max: 160}, truthy: disable}}";

    static List<Path> files() {
        List<Path> out = new ArrayList<>();
        out.addAll(Tools.list(Tools.ROOT.resolve("deploy/compose"), "*.yml"));
        out.addAll(Tools.list(Tools.ROOT.resolve("deploy/monitoring"), "*.y*ml"));
        out.addAll(Tools.list(Tools.ROOT.resolve("deploy/monitoring/rules"), "*.yml"));
        out.addAll(Tools.list(Tools.ROOT.resolve("deploy/helm/echamado"), "*.yaml"));
        out.addAll(Tools.list(Tools.ROOT.resolve(".github/workflows"), "*.yml"));
        return out;
    }

    @Test
    void yamlFilesPassYamllint() {
        List<Path> files = files();
        assertThat(files).hasSizeGreaterThan(10);
        List<String> command = new ArrayList<>(List.of(yamllint(), "--strict", "-d", CONFIG));
        files.forEach(p -> command.add(p.toString()));
        Tools.run(command).assertSuccess("yamllint");
    }

    /** The manifests rendered into deploy/k8s keep Helm's toYaml style (list items not indented under their key). */
    @Test
    void renderedManifestsPassYamllint() {
        String config = "{extends: relaxed, rules: {line-length: {max: 160}, truthy: disable,"
                + " indentation: {spaces: consistent, indent-sequences: whatever}}}";
        List<Path> files = new ArrayList<>(Tools.list(Tools.ROOT.resolve("deploy/k8s"), "*.yaml"));
        files.addAll(Tools.list(Tools.ROOT.resolve("deploy/k8s/production"), "*.yaml"));
        files.addAll(Tools.list(Tools.ROOT.resolve("deploy/k8s/staging"), "*.yaml"));
        assertThat(files).hasSize(5);
        List<String> command = new ArrayList<>(List.of(yamllint(), "--strict", "-d", config));
        files.forEach(p -> command.add(p.toString()));
        Tools.run(command).assertSuccess("yamllint deploy/k8s");
    }

    @Test
    void yamllintCatchesADuplicateKey(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.yml");
        Files.writeString(bad, "services:\n  app:\n    image: a\n    image: b\n");
        Tools.Result result = Tools.run(List.of(yamllint(), "-d", CONFIG, bad.toString()));
        assertThat(result.exitCode()).as(result.output()).isNotZero();
        assertThat(result.output()).contains("duplication of key");
    }

    private static String yamllint() {
        return Tools.require("yamllint", "yamllint");
    }
}
