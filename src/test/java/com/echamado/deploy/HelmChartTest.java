package com.echamado.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The Helm chart, through helm-java (Helm 3 as a native library): lint, then template with the default, staging and
 * production values, and every rendered object checked against the Kubernetes model and against what the service
 * needs (probe paths, graceful shutdown, restricted security context).
 */
@Tag("deploy")
class HelmChartTest {

    static final Path CHART = Tools.ROOT.resolve("deploy/helm/echamado");

    @Test
    void lintPasses() {
        LintResult result = new Helm(CHART).lint().strict().call();
        assertThat(result.isFailed())
                .as(String.join("\n", result.getMessages()))
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "values-staging.yaml", "values-production.yaml"})
    void everyRenderedObjectMatchesTheKubernetesModel(String valuesFile) {
        List<HasMetadata> objects = render(valuesFile, t -> t);
        assertThat(KubernetesModelCheck.unknownFields(objects)).isEmpty();
        assertThat(objects)
                .extracting(HasMetadata::getKind)
                .contains(
                        "Deployment",
                        "Service",
                        "ConfigMap",
                        "ServiceAccount",
                        "Ingress",
                        "HorizontalPodAutoscaler",
                        "PodDisruptionBudget",
                        "NetworkPolicy");
        for (HasMetadata object : objects) {
            assertThat(object.getMetadata().getLabels())
                    .as(object.getKind() + " labels")
                    .containsKeys(
                            "app.kubernetes.io/name",
                            "app.kubernetes.io/instance",
                            "app.kubernetes.io/version",
                            "app.kubernetes.io/managed-by");
        }
    }

    @Test
    void theDeploymentShutsDownWithoutDroppingRequests() {
        List<HasMetadata> objects = render("values-production.yaml", t -> t);
        Deployment deployment = one(objects, Deployment.class);
        assertThat(deployment
                        .getSpec()
                        .getStrategy()
                        .getRollingUpdate()
                        .getMaxUnavailable()
                        .getIntVal())
                .isZero();
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        Container app = pod.getContainers().get(0);
        assertThat(app.getPorts().get(0).getContainerPort()).isEqualTo(8080);
        assertThat(app.getStartupProbe().getHttpGet().getPath()).isEqualTo("/health/live");
        assertThat(app.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/health/live");
        assertThat(app.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/health/ready");
        long preStop = app.getLifecycle().getPreStop().getSleep().getSeconds();
        assertThat(preStop).isPositive();
        assertThat(app.getLifecycle().getPreStop().getExec())
                .as("no shell in the image")
                .isNull();
        Map<String, String> config =
                one(objects, io.fabric8.kubernetes.api.model.ConfigMap.class).getData();
        long shutdown = Long.parseLong(config.get("ECHAMADO_SHUTDOWN_TIMEOUT").replace("s", ""));
        assertThat(pod.getTerminationGracePeriodSeconds()).isGreaterThan(preStop + shutdown);
        assertThat(config).containsEntry("SPRING_PROFILES_ACTIVE", "prod").containsKey("ECHAMADO_ISSUER");
        assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
                .containsEntry("prometheus.io/scrape", "true")
                .containsEntry("prometheus.io/port", "8080")
                .containsEntry("prometheus.io/path", "/metrics");
        assertThat(app.getEnvFrom())
                .anyMatch(e ->
                        e.getSecretRef() != null && e.getSecretRef().getName().equals("echamado-secrets"));
    }

    @Test
    void podsRunRestricted() {
        Deployment deployment = one(render("", t -> t), Deployment.class);
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(10001L);
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        var container = pod.getContainers().get(0).getSecurityContext();
        assertThat(container.getReadOnlyRootFilesystem()).isTrue();
        assertThat(container.getAllowPrivilegeEscalation()).isFalse();
        assertThat(container.getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(pod.getVolumes()).anySatisfy(v -> {
            assertThat(v.getEmptyDir()).isNotNull();
            assertThat(v.getEmptyDir().getSizeLimit()).isNotNull();
        });
        assertThat(pod.getContainers().get(0).getVolumeMounts())
                .anyMatch(m -> m.getMountPath().equals("/tmp"));
        assertThat(pod.getContainers().get(0).getResources().getLimits()).containsKeys("cpu", "memory");
    }

    @Test
    void autoscalingDisruptionBudgetAndNetworkPolicyFollowTheGuide() {
        List<HasMetadata> objects = render("", t -> t);
        HorizontalPodAutoscaler hpa = one(objects, HorizontalPodAutoscaler.class);
        assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(3);
        assertThat(hpa.getSpec().getMetrics())
                .anyMatch(m -> m.getResource() != null
                        && m.getResource().getName().equals("cpu")
                        && m.getResource().getTarget().getAverageUtilization() == 70)
                .anyMatch(m -> m.getResource() != null
                        && m.getResource().getName().equals("memory")
                        && m.getResource().getTarget().getAverageUtilization() == 80)
                .anyMatch(m ->
                        m.getPods() != null && m.getPods().getMetric().getName().equals("http_requests_per_second"));
        assertThat(hpa.getSpec().getBehavior().getScaleDown().getStabilizationWindowSeconds())
                .isEqualTo(300);
        assertThat(one(objects, Deployment.class).getSpec().getReplicas())
                .as("the HPA owns the replica count")
                .isNull();
        assertThat(one(objects, PodDisruptionBudget.class)
                        .getSpec()
                        .getMaxUnavailable()
                        .getIntVal())
                .isEqualTo(1);
        NetworkPolicy policy = one(objects, NetworkPolicy.class);
        assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress", "Egress");
        assertThat(policy.getSpec()
                        .getIngress()
                        .get(0)
                        .getPorts()
                        .get(0)
                        .getPort()
                        .getIntVal())
                .isEqualTo(8080);
        assertThat(policy.getSpec().getEgress())
                .as("notification e-mails reach an SMTP submission port")
                .anySatisfy(rule -> assertThat(rule.getPorts())
                        .anyMatch(p -> p.getPort().getIntVal() == 587
                                && p.getProtocol().equals("TCP")));
    }

    static final Path LIVE_CHART = Tools.ROOT.resolve("deploy/helm/echamado-live");

    /**
     * Blue-green: the live slot is the value `slot` of the release echamado-live. Neither slot release renders a
     * Service that selects by slot, in any configuration the scripts install, so a `helm rollback` or `helm upgrade
     * --reuse-values` of echamado-blue or echamado-green re-applies nothing that could move traffic; only a change of
     * echamado-live's value does, and that is what the scripts run to switch.
     */
    @Test
    void rollingBackEitherSlotReleaseKeepsTrafficWhereTheOperatorPutIt() {
        for (String slot : List.of("blue", "green")) {
            for (String valuesFile : List.of("", "values-production.yaml")) {
                List<HasMetadata> objects = render(
                        "echamado-" + slot, valuesFile, t -> t.set("slot", slot).set("liveService.enabled", "true"));
                assertThat(objects)
                        .filteredOn(o -> o instanceof Service)
                        .extracting(o -> ((Service) o).getSpec().getSelector())
                        .as("echamado-" + slot + " renders no Service that selects a slot")
                        .noneMatch(selector -> selector.containsKey("echamado.io/slot"));
                assertThat(one(objects, Deployment.class)
                                .getSpec()
                                .getTemplate()
                                .getMetadata()
                                .getLabels())
                        .containsEntry("echamado.io/slot", slot);
                assertThat(mainIngress(objects)
                                .getSpec()
                                .getRules()
                                .get(0)
                                .getHttp()
                                .getPaths()
                                .get(0)
                                .getBackend()
                                .getService()
                                .getName())
                        .isEqualTo("echamado");
            }
        }
        assertThatThrownBy(() -> render("values-production.yaml", t -> t.set("liveService.enabled", "true")))
                .hasMessageContaining("liveService.name must differ");

        LintResult lint = new Helm(LIVE_CHART).lint().strict().call();
        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
        Service live = one(renderLive(t -> t.set("slot", "green")), Service.class);
        assertThat(live.getMetadata().getName()).isEqualTo("echamado");
        assertThat(live.getSpec().getSelector())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("app.kubernetes.io/name", "echamado", "echamado.io/slot", "green"));
        assertThat(live.getMetadata().getAnnotations())
                .as("never deleted with a release")
                .containsEntry("helm.sh/resource-policy", "keep");
        assertThat(KubernetesModelCheck.unknownFields(List.of(live))).isEmpty();
        assertThatThrownBy(() -> renderLive(t -> t.set("slot", "purple"))).hasMessageContaining("slot");

        for (String script : List.of("scripts/blue-green-deploy.sh", "scripts/rollback.sh")) {
            assertThat(Tools.read(Tools.ROOT.resolve(script)))
                    .as(script + " switches through echamado-live's value")
                    .contains("helm upgrade --install echamado-live \"$live_chart\"")
                    .doesNotContain("patch service");
        }
    }

    static List<HasMetadata> renderLive(UnaryOperator<TemplateCommand> options) {
        return KubernetesModelCheck.parse(options.apply(new Helm(LIVE_CHART)
                        .template()
                        .withName("echamado-live")
                        .withNamespace("echamado")
                        .withKubeVersion("1.31.0"))
                .call());
    }

    /**
     * Under the Prometheus Operator no rule file on disk is loaded: production renders a PrometheusRule holding the
     * same groups as deploy/monitoring/rules/echamado-alerts.yml (the compose stack's and promtool's file).
     */
    @Test
    @SuppressWarnings("unchecked")
    void productionShipsTheAlertRulesAsAPrometheusRule() {
        List<HasMetadata> objects = render("values-production.yaml", t -> t);
        GenericKubernetesResource rule = objects.stream()
                .filter(o -> o.getKind().equals("PrometheusRule"))
                .map(GenericKubernetesResource.class::cast)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no PrometheusRule rendered"));
        assertThat(rule.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
        assertThat(rule.getMetadata().getLabels()).containsEntry("release", "prometheus");
        Map<String, Object> file =
                new Yaml().load(Tools.read(Tools.ROOT.resolve("deploy/monitoring/rules/echamado-alerts.yml")));
        Map<String, Object> spec =
                (Map<String, Object>) rule.getAdditionalProperties().get("spec");
        assertThat(spec.get("groups")).isEqualTo(file.get("groups"));
        assertThat(Tools.read(Tools.ROOT.resolve("deploy/monitoring/rules/echamado-alerts.yml")))
                .contains("alert: EChamadoAbsent");
        assertThat(render("", t -> t)).extracting(HasMetadata::getKind).doesNotContain("PrometheusRule");
    }

    /** The off-site copy: the dump first (init container), then aws s3 sync of what the bucket lacks. */
    @Test
    void theBackupJobCopiesEachDumpOffSite() {
        List<HasMetadata> objects = render(
                "values-production.yaml",
                t -> t.set("backup.offsite.enabled", "true")
                        .set("backup.offsite.bucket", "echamado-backups")
                        .set("backup.offsite.endpointUrl", "https://s3.eu-central-2.wasabisys.com"));
        assertThat(PodSecurityCheck.restrictedViolations(objects)).isEmpty();
        PodSpec pod = PodSecurityCheck.podSpec(one(objects, CronJob.class));
        assertThat(pod.getInitContainers()).extracting(Container::getName).containsExactly("pg-dump");
        Container upload = pod.getContainers().get(0);
        assertThat(upload.getImage()).startsWith("amazon/aws-cli:");
        assertThat(String.join("\n", upload.getArgs())).contains("aws s3 sync /backup \"$BUCKET_URL\"");
        assertThat(upload.getEnv())
                .anyMatch(
                        e -> e.getName().equals("BUCKET_URL") && e.getValue().equals("s3://echamado-backups/echamado/"))
                .anyMatch(e -> e.getName().equals("AWS_ENDPOINT_URL")
                        && e.getValue().equals("https://s3.eu-central-2.wasabisys.com"));
        assertThat(upload.getEnvFrom()).anyMatch(e -> e.getSecretRef().getName().equals("echamado-backup-offsite"));
        assertThat(upload.getVolumeMounts()).anyMatch(m -> m.getMountPath().equals("/backup"));
        assertThatThrownBy(() -> render("values-production.yaml", t -> t.set("backup.offsite.enabled", "true")))
                .hasMessageContaining("backup.offsite.bucket is required");
    }

    /**
     * The Ingress routes "/" as a prefix; a second Ingress claims the longer prefix /metrics on the same host and
     * ingress-nginx refuses it to every address, IPv4 and IPv6. It has no TLS section, so cert-manager issues nothing.
     */
    @ParameterizedTest
    @ValueSource(strings = {"", "values-staging.yaml", "values-production.yaml"})
    void metricsAreRefusedAtTheIngress(String valuesFile) {
        List<HasMetadata> objects = render(valuesFile, t -> t);
        Ingress main = mainIngress(objects);
        Ingress deny = objects.stream()
                .filter(o -> o instanceof Ingress && o.getMetadata().getName().endsWith("-deny-metrics"))
                .map(Ingress.class::cast)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Ingress refuses /metrics"));
        assertThat(deny.getMetadata().getAnnotations())
                .containsEntry("nginx.ingress.kubernetes.io/denylist-source-range", "0.0.0.0/0,::/0")
                .doesNotContainKey("cert-manager.io/cluster-issuer");
        assertThat(deny.getSpec().getTls()).isNullOrEmpty();
        assertThat(deny.getSpec().getIngressClassName())
                .isEqualTo(main.getSpec().getIngressClassName());
        var rule = deny.getSpec().getRules().get(0);
        assertThat(rule.getHost()).isEqualTo(main.getSpec().getRules().get(0).getHost());
        assertThat(rule.getHttp().getPaths()).singleElement().satisfies(path -> {
            assertThat(path.getPath()).isEqualTo("/metrics");
            assertThat(path.getPathType()).isEqualTo("Prefix");
        });
    }

    /**
     * The connection budget counts the live slot at maxReplicas plus a surge pod, the idle blue-green slot at its
     * minReplicas, the canary and the backup job: the defaults fit PostgreSQL's default max_connections (100), and a
     * budget that only the idle slot or the canary pushes over is refused.
     */
    @Test
    void theConnectionBudgetFitsMaxConnections() {
        assertThat(budget(render("", t -> t))).isEqualTo((20 + 1) * 4 + 3).isLessThanOrEqualTo(100);
        assertThat(budget(render("values-staging.yaml", t -> t))).isLessThanOrEqualTo(100);
        int production = budget(render(
                "echamado-blue",
                "values-production.yaml",
                t -> t.set("slot", "blue").set("canary.enabled", "true").set("canary.tag", "1.2.4")));
        assertThat(production).isEqualTo((20 + 1 + 3 + 1) * 10 + 1 + 10).isLessThanOrEqualTo(300);

        // (20 + 1) x 4 + 3 = 87 fits 100; the idle slot's 3 pods (12 more) do not.
        assertThatThrownBy(() ->
                        render("", t -> t.set("database.maxConnections", "90").set("slot", "green")))
                .hasMessageContaining("connection budget 99 exceeds database.maxConnections 90")
                .hasMessageContaining("3 idle slot");
        assertThat(budget(render("", t -> t.set("database.maxConnections", "90"))))
                .isEqualTo(87);
        assertThatThrownBy(() -> render(
                        "",
                        t -> t.set("database.maxConnections", "90")
                                .set("canary.enabled", "true")
                                .set("canary.tag", "x")
                                .set("canary.replicas", "1")
                                .set("backup.enabled", "true")))
                .hasMessageContaining("connection budget 92 exceeds");
        assertThatThrownBy(() -> render("", t -> t.set("config.dbPoolSize", "10")))
                .hasMessageContaining("connection budget 213 exceeds database.maxConnections 100");
    }

    private static int budget(List<HasMetadata> objects) {
        return Integer.parseInt(one(objects, io.fabric8.kubernetes.api.model.ConfigMap.class)
                .getMetadata()
                .getAnnotations()
                .get("echamado.io/connection-budget"));
    }

    @Test
    void theSchemaRejectsUnsafeValues() {
        assertThatThrownBy(() -> render("", t -> t.set("rollingUpdate.maxUnavailable", "1")))
                .hasMessageContaining("maxUnavailable");
        assertThatThrownBy(() -> render("", t -> t.set("replicaz", "3"))).hasMessageContaining("replicaz");
        assertThatThrownBy(() -> render("", t -> t.set("existingSecret", ""))).hasMessageContaining("existingSecret");
    }

    @Test
    void theModelCheckCatchesTyposAndWrongTypes() {
        String deployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\nspec:\n  replicaz: 3\n"
                + "  template:\n    spec:\n      containers:\n        - name: a\n          image: b\n"
                + "          securityContext:\n            readOnlyRootFileSystem: true\n";
        assertThat(String.join("\n", KubernetesModelCheck.unknownFields(KubernetesModelCheck.parse(deployment))))
                .contains("replicaz")
                .contains("readOnlyRootFileSystem");
        String wrongType = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n"
                + "    - name: a\n      ports:\n        - containerPort: 8080x\n";
        assertThatThrownBy(() -> KubernetesModelCheck.parse(wrongType)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void namespaceQuotaAndLimitRangeAreOptional() {
        assertThat(render("", t -> t))
                .extracting(HasMetadata::getKind)
                .doesNotContain("Namespace", "ResourceQuota", "LimitRange");
        assertThat(render("values-staging.yaml", t -> t))
                .extracting(HasMetadata::getKind)
                .doesNotContain("Namespace", "ResourceQuota", "LimitRange");
    }

    @Test
    void productionCreatesARestrictedNamespaceWithQuotaAndLimits() {
        List<HasMetadata> objects = render("values-production.yaml", t -> t);
        Namespace namespace = one(objects, Namespace.class);
        assertThat(namespace.getMetadata().getName()).isEqualTo("echamado");
        assertThat(namespace.getMetadata().getLabels())
                .containsEntry("pod-security.kubernetes.io/enforce", "restricted")
                .containsEntry("pod-security.kubernetes.io/enforce-version", "latest")
                .containsEntry("pod-security.kubernetes.io/audit", "restricted")
                .containsEntry("pod-security.kubernetes.io/warn", "restricted");
        assertThat(namespace.getMetadata().getAnnotations())
                .as("uninstalling a release must not delete the namespace")
                .containsEntry("helm.sh/resource-policy", "keep");
        assertThat(one(objects, ResourceQuota.class).getSpec().getHard())
                .containsKeys("pods", "requests.cpu", "requests.memory", "limits.cpu", "limits.memory");
        assertThat(one(objects, LimitRange.class).getSpec().getLimits().get(0).getType())
                .isEqualTo("Container");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "values-staging.yaml", "values-production.yaml"})
    void everyPodMeetsTheRestrictedPodSecurityStandard(String valuesFile) {
        assertThat(PodSecurityCheck.restrictedViolations(render(valuesFile, t -> t.set("backup.enabled", "true"))))
                .isEmpty();
    }

    @Test
    void theRestrictedCheckCatchesAnUnsafePod() {
        String pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  hostNetwork: true\n"
                + "  volumes:\n    - name: h\n      hostPath:\n        path: /\n  containers:\n    - name: a\n"
                + "      image: b\n      securityContext:\n        capabilities:\n          add: [NET_ADMIN]\n";
        assertThat(String.join("\n", PodSecurityCheck.restrictedViolations(KubernetesModelCheck.parse(pod))))
                .contains("host namespaces")
                .contains("hostPath")
                .contains("allowPrivilegeEscalation")
                .contains("runAsNonRoot")
                .contains("seccompProfile")
                .contains("drop ALL")
                .contains("NET_ADMIN");
    }

    /**
     * Blue-green: the live slot at maxReplicas plus a surge pod, the idle slot at minReplicas and the backup job must
     * fit the quota, and no container may exceed the LimitRange's max.
     */
    @Test
    void theQuotaFitsBothBlueGreenSlotsAndTheBackupJob() {
        List<HasMetadata> objects = render("values-production.yaml", t -> t);
        Deployment deployment = one(objects, Deployment.class);
        HorizontalPodAutoscaler hpa = one(objects, HorizontalPodAutoscaler.class);
        int surge = deployment
                .getSpec()
                .getStrategy()
                .getRollingUpdate()
                .getMaxSurge()
                .getIntVal();
        int pods = hpa.getSpec().getMaxReplicas() + surge + hpa.getSpec().getMinReplicas();
        Container app =
                deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        List<Container> backup =
                PodSecurityCheck.podSpec(one(objects, CronJob.class)).getContainers();
        Map<String, Quantity> hard = one(objects, ResourceQuota.class).getSpec().getHard();
        assertThat(Integer.parseInt(hard.get("pods").getAmount())).isGreaterThanOrEqualTo(pods + backup.size());
        for (String kind : List.of("requests", "limits")) {
            for (String resource : List.of("cpu", "memory")) {
                BigDecimal need = amount(app, kind, resource).multiply(BigDecimal.valueOf(pods));
                for (Container c : backup) {
                    need = need.add(amount(c, kind, resource));
                }
                assertThat(Quantity.getAmountInBytes(hard.get(kind + "." + resource)))
                        .as(kind + "." + resource)
                        .isGreaterThanOrEqualTo(need);
            }
        }
        Map<String, Quantity> max =
                one(objects, LimitRange.class).getSpec().getLimits().get(0).getMax();
        for (Container c : Stream.concat(Stream.of(app), backup.stream()).toList()) {
            for (String resource : List.of("cpu", "memory")) {
                assertThat(Quantity.getAmountInBytes(max.get(resource)))
                        .as(c.getName() + " limit " + resource + " within the LimitRange")
                        .isGreaterThanOrEqualTo(amount(c, "limits", resource));
            }
        }
    }

    @Test
    void onlyTheBlueReleaseOwnsTheNamespaceObjects() {
        String script = Tools.read(Tools.ROOT.resolve("scripts/blue-green-deploy.sh"));
        assertThat(script)
                .contains("--set namespace.create=false")
                .contains("--set resourceQuota.enabled=false")
                .contains("--set limitRange.enabled=false");
        List<HasMetadata> green = render(
                "echamado-green",
                "values-production.yaml",
                t -> t.set("slot", "green")
                        .set("namespace.create", "false")
                        .set("resourceQuota.enabled", "false")
                        .set("limitRange.enabled", "false"));
        assertThat(green).extracting(HasMetadata::getKind).doesNotContain("Namespace", "ResourceQuota", "LimitRange");
        assertThatThrownBy(() -> render("", t -> t.set("namespace.podSecurity.enforce", "strict")))
                .hasMessageContaining("enforce");
    }

    private static BigDecimal amount(Container container, String kind, String resource) {
        Map<String, Quantity> values = kind.equals("requests")
                ? container.getResources().getRequests()
                : container.getResources().getLimits();
        assertThat(values).as(container.getName() + " " + kind).containsKey(resource);
        return Quantity.getAmountInBytes(values.get(resource));
    }

    static List<HasMetadata> render(String valuesFile, UnaryOperator<TemplateCommand> options) {
        return render("echamado", valuesFile, options);
    }

    static List<HasMetadata> render(String release, String valuesFile, UnaryOperator<TemplateCommand> options) {
        TemplateCommand template = new Helm(CHART)
                .template()
                .withName(release)
                .withNamespace("echamado")
                .withKubeVersion("1.31.0");
        if (!valuesFile.isEmpty()) {
            template = template.withValuesFile(CHART.resolve(valuesFile));
        }
        return KubernetesModelCheck.parse(options.apply(template).call());
    }

    /** The Ingress that routes the application (not the one that refuses /metrics). */
    static Ingress mainIngress(List<HasMetadata> objects) {
        return one(
                objects.stream()
                        .filter(o -> !o.getMetadata().getName().endsWith("-deny-metrics"))
                        .toList(),
                Ingress.class);
    }

    static <T extends HasMetadata> T one(List<HasMetadata> objects, Class<T> type) {
        List<T> matches =
                objects.stream().filter(type::isInstance).map(type::cast).toList();
        assertThat(matches).as(type.getSimpleName()).hasSize(1);
        return matches.get(0);
    }
}
