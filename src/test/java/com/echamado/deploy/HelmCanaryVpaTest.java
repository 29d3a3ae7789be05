package com.echamado.deploy;

import static com.echamado.deploy.HelmChartTest.one;
import static com.echamado.deploy.HelmChartTest.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.autoscaling.api.model.v1.ContainerResourcePolicy;
import io.fabric8.autoscaling.api.model.v1.VerticalPodAutoscaler;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRouteDestination;
import io.fabric8.istio.api.networking.v1.DestinationRule;
import io.fabric8.istio.api.networking.v1.VirtualService;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The chart's optional VerticalPodAutoscaler and Istio canary (VirtualService, DestinationRule, canary Deployment),
 * rendered with {@code ci/canary-values.yaml}: typed fabric8 models (verticalpodautoscaler-model, istio-model) catch
 * unknown fields and wrong types, {@link CanaryCheck} the routing (weights, subsets, labels, header match), each with a
 * negative control. The default, staging and production renders contain none of them.
 */
@Tag("deploy")
class HelmCanaryVpaTest {

    static final String CANARY_VALUES = "ci/canary-values.yaml";
    static final List<String> OPTIONAL_KINDS = List.of("VerticalPodAutoscaler", "VirtualService", "DestinationRule");

    @ParameterizedTest
    @ValueSource(strings = {"", "values-staging.yaml", "values-production.yaml"})
    void theDefaultsRenderNeitherVpaNorCanary(String valuesFile) {
        List<HasMetadata> objects = render(valuesFile, t -> t);
        assertThat(objects).extracting(HasMetadata::getKind).doesNotContainAnyElementsOf(OPTIONAL_KINDS);
        Deployment deployment = one(objects, Deployment.class);
        assertThat(podLabels(deployment))
                .as("the track label appears only with canary.enabled")
                .doesNotContainKey("version");
        assertThat(HelmChartTest.mainIngress(objects).getMetadata().getAnnotations())
                .doesNotContainKeys(
                        "nginx.ingress.kubernetes.io/service-upstream", "nginx.ingress.kubernetes.io/upstream-vhost");
    }

    @ParameterizedTest
    @ValueSource(strings = {"networking.istio.io/v1", "networking.istio.io/v1beta1"})
    void theOptionalObjectsMatchTheirTypedModels(String istioApiVersion) {
        List<HasMetadata> objects = render(CANARY_VALUES, t -> t.set("canary.istioApiVersion", istioApiVersion));
        assertThat(objects).extracting(HasMetadata::getKind).containsAll(OPTIONAL_KINDS);
        for (HasMetadata object : objects) {
            if (OPTIONAL_KINDS.contains(object.getKind())) {
                assertThat(object)
                        .as(object.getKind() + " is parsed by its typed model, so unknown fields are caught")
                        .isNotInstanceOf(GenericKubernetesResource.class);
                assertThat(object.getApiVersion())
                        .isEqualTo(
                                object.getKind().equals("VerticalPodAutoscaler")
                                        ? "autoscaling.k8s.io/v1"
                                        : istioApiVersion);
            }
        }
        assertThat(KubernetesModelCheck.unknownFields(objects)).isEmpty();
        assertThat(CanaryCheck.problems(objects)).isEmpty();
        assertThat(PodSecurityCheck.restrictedViolations(objects)).isEmpty();
    }

    @Test
    void theVpaOnlyRecommendsBesideTheHpa() {
        List<HasMetadata> objects = render(CANARY_VALUES, t -> t.set("limitRange.enabled", "true"));
        VerticalPodAutoscaler vpa = one(objects, VerticalPodAutoscaler.class);
        Deployment stable = deployment(objects, "echamado");
        assertThat(vpa.getSpec().getTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(vpa.getSpec().getTargetRef().getName())
                .isEqualTo(stable.getMetadata().getName());
        assertThat(vpa.getSpec().getUpdatePolicy().getUpdateMode())
                .as("a string, not YAML's boolean off")
                .isEqualTo("Off");
        ContainerResourcePolicy policy =
                vpa.getSpec().getResourcePolicy().getContainerPolicies().get(0);
        assertThat(policy.getContainerName())
                .isEqualTo(stable.getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0)
                        .getName());
        assertThat(policy.getControlledResources()).containsExactly("cpu", "memory");
        Map<String, Quantity> max =
                one(objects, LimitRange.class).getSpec().getLimits().get(0).getMax();
        for (String resource : List.of("cpu", "memory")) {
            assertThat(Quantity.getAmountInBytes(policy.getMinAllowed().get(resource)))
                    .isLessThanOrEqualTo(
                            Quantity.getAmountInBytes(policy.getMaxAllowed().get(resource)));
            assertThat(Quantity.getAmountInBytes(policy.getMaxAllowed().get(resource)))
                    .as("maxAllowed " + resource + " within the LimitRange")
                    .isLessThanOrEqualTo(Quantity.getAmountInBytes(max.get(resource)));
        }

        assertThatThrownBy(() -> render(CANARY_VALUES, t -> t.set("verticalPodAutoscaler.updateMode", "Recreate")))
                .hasMessageContaining("would fight the HPA");
        assertThatThrownBy(() -> render(CANARY_VALUES, t -> t.set("verticalPodAutoscaler.updateMode", "Sometimes")))
                .hasMessageContaining("updateMode");
        VerticalPodAutoscaler alone = one(
                render(
                        CANARY_VALUES,
                        t -> t.set("autoscaling.enabled", "false")
                                .set("verticalPodAutoscaler.updateMode", "InPlaceOrRecreate")),
                VerticalPodAutoscaler.class);
        assertThat(alone.getSpec().getUpdatePolicy().getUpdateMode()).isEqualTo("InPlaceOrRecreate");
    }

    @Test
    void theCanaryTrackAndItsRouting() {
        List<HasMetadata> objects = render(CANARY_VALUES, t -> t);
        Deployment stable = deployment(objects, "echamado");
        Deployment canary = deployment(objects, "echamado-canary");
        assertThat(podLabels(stable)).containsEntry("version", "stable");
        assertThat(podLabels(canary))
                .containsEntry("version", "canary")
                .containsEntry("app.kubernetes.io/version", "0.2.0-rc1");
        assertThat(canary.getSpec().getSelector().getMatchLabels()).containsEntry("version", "canary");
        assertThat(image(stable)).endsWith(":0.1.0");
        assertThat(image(canary)).endsWith(":0.2.0-rc1");
        assertThat(canary.getSpec().getReplicas()).isEqualTo(1);
        assertThat(canary.getSpec().getTemplate().getSpec())
                .as("the same pod apart from image and labels")
                .usingRecursiveComparison()
                .ignoringFields("containers")
                .isEqualTo(stable.getSpec().getTemplate().getSpec());

        String host = "echamado.echamado.svc.cluster.local";
        DestinationRule rule = one(objects, DestinationRule.class);
        assertThat(rule.getSpec().getHost()).isEqualTo(host);
        VirtualService vs = one(objects, VirtualService.class);
        assertThat(vs.getSpec().getHosts()).containsExactly(host);
        List<HTTPRoute> http = vs.getSpec().getHttp();
        assertThat(http).hasSize(2);
        assertThat(http.get(0).getMatch().get(0).getHeaders()).containsKey("x-canary");
        assertThat(CanaryCheck.problems(objects)).isEmpty();
        assertThat(weights(http.get(0))).containsExactly(Map.entry("canary", 100));
        assertThat(weights(http.get(1))).containsExactly(Map.entry("stable", 95), Map.entry("canary", 5));

        assertThat(HelmChartTest.mainIngress(objects).getMetadata().getAnnotations())
                .containsEntry("nginx.ingress.kubernetes.io/service-upstream", "true")
                .containsEntry("nginx.ingress.kubernetes.io/upstream-vhost", host)
                .containsEntry("nginx.ingress.kubernetes.io/limit-rps", "10");
    }

    @Test
    void theWeightAndHeaderAreConfigurable() {
        List<HasMetadata> objects = render(
                CANARY_VALUES,
                t -> t.set("canary.weight", "20")
                        .set("canary.header.name", "x-track")
                        .set("canary.header.value", "c"));
        List<HTTPRoute> http = one(objects, VirtualService.class).getSpec().getHttp();
        assertThat(weights(http.get(1))).containsExactly(Map.entry("stable", 80), Map.entry("canary", 20));
        assertThat(http.get(0).getMatch().get(0).getHeaders()).containsOnlyKeys("x-track");
        assertThat(CanaryCheck.problems(objects)).isEmpty();

        assertThatThrownBy(() -> render(CANARY_VALUES, t -> t.set("canary.weight", "101")))
                .hasMessageContaining("weight");
        assertThatThrownBy(() -> render(CANARY_VALUES, t -> t.set("canary.weight", "-5")))
                .hasMessageContaining("weight");
        assertThatThrownBy(() -> render(CANARY_VALUES, t -> t.set("canary.header.name", "X-Canary")))
                .hasMessageContaining("name");
        assertThatThrownBy(() -> render(CANARY_VALUES, t -> t.set("canary.tag", "")))
                .hasMessageContaining("canary.tag");
        assertThatThrownBy(() -> render(CANARY_VALUES, t -> t.set("canary.wieght", "5")))
                .hasMessageContaining("wieght");
    }

    @Test
    void blueGreenRoutesTheLiveService() {
        List<HasMetadata> objects = render(
                "echamado-blue", CANARY_VALUES, t -> t.set("slot", "blue").set("liveService.enabled", "true"));
        String host = "echamado.echamado.svc.cluster.local";
        assertThat(one(objects, DestinationRule.class).getSpec().getHost()).isEqualTo(host);
        List<HasMetadata> withLiveRelease = new java.util.ArrayList<>(objects);
        withLiveRelease.addAll(HelmChartTest.renderLive(t -> t.set("slot", "blue")));
        assertThat(CanaryCheck.problems(withLiveRelease))
                .as("the live Service is the echamado-live release's")
                .isEmpty();
        assertThat(podLabels(deployment(objects, "echamado-blue-canary"))).containsEntry("echamado.io/slot", "blue");
    }

    /** Negative controls: a broken canary must be reported, by the routing check and by the typed models. */
    @Test
    void theChecksCatchABrokenCanary() {
        List<HasMetadata> good = render(CANARY_VALUES, t -> t);
        String host = "echamado.echamado.svc.cluster.local";
        String brokenVs = "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: echamado\n"
                + "spec:\n  hosts: [" + host + "]\n  http:\n"
                + "    - route:\n"
                + "        - destination: {host: " + host + ", subset: stable}\n          weight: 90\n"
                + "        - destination: {host: " + host + ", subset: beta}\n          weight: 5\n"
                + "    - match:\n        - uri: {prefix: /api}\n      route:\n"
                + "        - destination: {host: " + host + ", subset: canary}\n";
        String brokenRule = "apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: echamado\n"
                + "spec:\n  host: " + host + "\n  subsets:\n"
                + "    - name: stable\n      labels: {version: stable}\n"
                + "    - name: canary\n      labels: {version: v2}\n";
        List<HasMetadata> broken = good.stream()
                .filter(o -> !List.of("VirtualService", "DestinationRule").contains(o.getKind()))
                .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
        broken.addAll(KubernetesModelCheck.parse(brokenVs + "---\n" + brokenRule));
        assertThat(String.join("\n", CanaryCheck.problems(broken)))
                .contains("weights add up to 95")
                .contains("subset beta is not defined")
                .contains("never applies")
                .contains("no route matches on a header")
                .contains("subset canary: labels {version=v2} are on no Deployment's pods");

        String typos = "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: x\nspec:\n"
                + "  hosts: [x]\n  http:\n    - route:\n        - destination: {host: x, subset: canary}\n"
                + "          weigth: 5\n"
                + "---\napiVersion: autoscaling.k8s.io/v1\nkind: VerticalPodAutoscaler\nmetadata:\n  name: x\nspec:\n"
                + "  targetRef: {apiVersion: apps/v1, kind: Deployment, name: x}\n  updatePolicy:\n"
                + "    udpateMode: Auto\n";
        assertThat(String.join("\n", KubernetesModelCheck.unknownFields(KubernetesModelCheck.parse(typos))))
                .contains("weigth")
                .contains("udpateMode");
        String wrongType = "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: x\nspec:\n"
                + "  hosts: [x]\n  http:\n    - route:\n        - destination: {host: x}\n          weight: five\n";
        assertThatThrownBy(() -> KubernetesModelCheck.parse(wrongType)).isInstanceOf(RuntimeException.class);
    }

    private static Deployment deployment(List<HasMetadata> objects, String name) {
        return objects.stream()
                .filter(o ->
                        o instanceof Deployment && o.getMetadata().getName().equals(name))
                .map(Deployment.class::cast)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Deployment " + name));
    }

    private static Map<String, String> podLabels(Deployment deployment) {
        return deployment.getSpec().getTemplate().getMetadata().getLabels();
    }

    private static String image(Deployment deployment) {
        Container app =
                deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        return app.getImage();
    }

    private static List<Map.Entry<String, Integer>> weights(HTTPRoute route) {
        return route.getRoute().stream()
                .map((HTTPRouteDestination d) -> Map.entry(d.getDestination().getSubset(), d.getWeight()))
                .toList();
    }
}
