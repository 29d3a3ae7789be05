package com.echamado.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.marcnuri.helm.Helm;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The plain manifests in {@code deploy/k8s/} are the Helm chart rendered (helm-java {@code template}) with the
 * staging and production values; the chart stays the single source. The drift test fails when a committed file
 * differs from what the chart renders now: re-render with {@code scripts/render-k8s-manifests.sh} (which runs this
 * class with {@code -Dechamado.k8s.write=true}). Each folder's kustomization.yaml is built with
 * {@code kubectl kustomize} (offline) and the result checked against the Kubernetes model.
 */
@Tag("deploy")
class KubernetesManifestsTest {

    static final Path K8S = Tools.ROOT.resolve("deploy/k8s");
    static final String WRITE_PROPERTY = "echamado.k8s.write";

    /** What is rendered where: release and namespace as the pipeline and scripts/blue-green-deploy.sh use them. */
    enum Environment {
        PRODUCTION("production", "values-production.yaml", "echamado", "echamado"),
        STAGING("staging", "values-staging.yaml", "echamado-staging", "echamado-staging");

        final String folder;
        final String valuesFile;
        final String release;
        final String namespace;

        Environment(String folder, String valuesFile, String release, String namespace) {
            this.folder = folder;
            this.valuesFile = valuesFile;
            this.release = release;
            this.namespace = namespace;
        }

        Path file() {
            return K8S.resolve(folder).resolve("echamado.yaml");
        }

        String header() {
            return "# GENERATED from deploy/helm/echamado with " + valuesFile + " (release " + release + ", namespace "
                    + namespace + ") by scripts/render-k8s-manifests.sh.\n"
                    + "# Do not edit: change the chart or its values and re-render; KubernetesManifestsTest fails when"
                    + " this file drifts.\n";
        }

        /** The chart rendered now, with the generated-file header. */
        String render() {
            String yaml = new Helm(HelmChartTest.CHART)
                    .template()
                    .withName(release)
                    .withNamespace(namespace)
                    .withKubeVersion("1.31.0")
                    .withValuesFile(HelmChartTest.CHART.resolve(valuesFile))
                    .call();
            return header() + yaml.strip() + "\n";
        }
    }

    @ParameterizedTest
    @EnumSource(Environment.class)
    void committedManifestsMatchTheChart(Environment environment) throws IOException {
        String rendered = environment.render();
        Path file = environment.file();
        if (Boolean.getBoolean(WRITE_PROPERTY)) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, rendered);
            return;
        }
        assertThat(file).as("render it with scripts/render-k8s-manifests.sh").exists();
        String committed = Files.readString(file);
        if (!committed.equals(rendered)) {
            fail(Tools.ROOT.relativize(file) + " has drifted from the Helm chart: re-render it with"
                    + " scripts/render-k8s-manifests.sh and commit the result.\n"
                    + firstDifference(committed, rendered));
        }
    }

    @Test
    void theDriftCheckNoticesAChangedValue() {
        String committed = Tools.read(Environment.PRODUCTION.file());
        String changed = Environment.PRODUCTION.header()
                + new Helm(HelmChartTest.CHART)
                        .template()
                        .withName("echamado")
                        .withNamespace("echamado")
                        .withKubeVersion("1.31.0")
                        .withValuesFile(HelmChartTest.CHART.resolve("values-production.yaml"))
                        .set("preStopSleepSeconds", "11")
                        .call()
                        .strip()
                + "\n";
        assertThat(changed).isNotEqualTo(committed);
        assertThat(firstDifference(committed, changed)).contains("terminationGracePeriodSeconds: 56");
    }

    @Test
    void committedManifestsHoldNoSecretValues() {
        for (Environment environment : Environment.values()) {
            List<HasMetadata> objects = KubernetesModelCheck.parse(Tools.read(environment.file()));
            assertThat(objects)
                    .as(environment + ": secrets come from existingSecret")
                    .noneMatch(o -> o.getKind().equals("Secret"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "production", "staging"})
    void kustomizeBuildsEveryFolder(String folder) {
        Path dir = folder.isEmpty() ? K8S : K8S.resolve(folder);
        String namespace = folder.equals("staging") ? "echamado-staging" : "echamado";
        List<HasMetadata> objects = KubernetesModelCheck.parse(kustomize(dir));
        assertThat(KubernetesModelCheck.unknownFields(objects)).isEmpty();
        assertThat(objects)
                .extracting(HasMetadata::getKind)
                .contains("Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget", "NetworkPolicy");
        for (HasMetadata object : objects) {
            if (!object.getKind().equals("Namespace")) {
                assertThat(object.getMetadata().getNamespace())
                        .as(object.getKind() + "/" + object.getMetadata().getName())
                        .isEqualTo(namespace);
            }
        }
        assertThat(PodSecurityCheck.restrictedViolations(objects)).isEmpty();
        if (!folder.equals("staging")) {
            Namespace ns = HelmChartTest.one(objects, Namespace.class);
            assertThat(ns.getMetadata().getName()).isEqualTo("echamado");
            assertThat(ns.getMetadata().getLabels()).containsEntry("pod-security.kubernetes.io/enforce", "restricted");
            assertThat(objects.get(0))
                    .as("kustomize applies the Namespace first")
                    .isSameAs(ns);
            assertThat(objects).extracting(HasMetadata::getKind).contains("ResourceQuota", "LimitRange");
        }
    }

    @Test
    void kustomizeFailsOnABrokenKustomization(@TempDir Path dir) throws IOException {
        Files.writeString(
                dir.resolve("kustomization.yaml"),
                "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - missing.yaml\n");
        Process result = start(List.of(kubectl(), "kustomize", dir.toString()));
        assertThat(exit(result)).isNotZero();
    }

    /** Runs {@code kubectl kustomize DIR}; stdout only (kustomize prints deprecation warnings on stderr). */
    static String kustomize(Path dir) {
        Process process = start(List.of(kubectl(), "kustomize", dir.toString()));
        try {
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int code = exit(process);
            if (code != 0) {
                String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                fail("kubectl kustomize " + dir + " failed with exit code " + code + ":\n" + err);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Process start(List<String> command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(Tools.ROOT.toFile());
            // No kubeconfig: kustomize is offline, and nothing may reach for a cluster.
            builder.environment().put("KUBECONFIG", "/dev/null");
            return builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + command, e);
        }
    }

    private static int exit(Process process) {
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("kubectl did not finish within 120 s");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String kubectl() {
        return Tools.requireWithHint(
                "kubectl",
                "not from Debian's packages: this machine kind ships it with google-cloud-cli; kustomize is built in");
    }

    private static String firstDifference(String committed, String rendered) {
        List<String> a = committed.lines().toList();
        List<String> b = rendered.lines().toList();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            String left = i < a.size() ? a.get(i) : "<end of file>";
            String right = i < b.size() ? b.get(i) : "<end of file>";
            if (!left.equals(right)) {
                return "first difference at line " + (i + 1) + ":\n  committed: " + left + "\n  rendered:  " + right;
            }
        }
        return "no difference";
    }
}
