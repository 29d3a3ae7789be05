package com.echamado.deploy;

import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The Pod Security Standards' "restricted" profile (the checks Pod Security Admission applies at {@code latest}), run on
 * the pod templates of rendered objects, so that a namespace labelled {@code enforce: restricted} admits the chart's
 * pods. Sysctls, AppArmor, SELinux and procMount are not set anywhere in the chart and are not checked here.
 */
final class PodSecurityCheck {

    private static final Set<String> ALLOWED_VOLUMES = Set.of(
            "configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim", "projected", "secret");

    private PodSecurityCheck() {}

    /** Violations as "Kind/name: container: rule". */
    static List<String> restrictedViolations(List<HasMetadata> objects) {
        List<String> out = new ArrayList<>();
        for (HasMetadata object : objects) {
            PodSpec pod = podSpec(object);
            if (pod != null) {
                check(object.getKind() + "/" + object.getMetadata().getName(), pod, out);
            }
        }
        return out;
    }

    static PodSpec podSpec(HasMetadata object) {
        if (object instanceof Deployment d) {
            return d.getSpec().getTemplate().getSpec();
        } else if (object instanceof StatefulSet s) {
            return s.getSpec().getTemplate().getSpec();
        } else if (object instanceof DaemonSet s) {
            return s.getSpec().getTemplate().getSpec();
        } else if (object instanceof Job j) {
            return j.getSpec().getTemplate().getSpec();
        } else if (object instanceof CronJob c) {
            return c.getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
        } else if (object instanceof Pod p) {
            return p.getSpec();
        }
        return null;
    }

    private static void check(String at, PodSpec pod, List<String> out) {
        if (Boolean.TRUE.equals(pod.getHostNetwork())
                || Boolean.TRUE.equals(pod.getHostPID())
                || Boolean.TRUE.equals(pod.getHostIPC())) {
            out.add(at + ": host namespaces");
        }
        for (Volume volume : pod.getVolumes() == null ? List.<Volume>of() : pod.getVolumes()) {
            String type = volumeType(volume);
            if (!ALLOWED_VOLUMES.contains(type)) {
                out.add(at + ": volume " + volume.getName() + " of type " + type);
            }
        }
        PodSecurityContext podContext = pod.getSecurityContext();
        Boolean podNonRoot = podContext == null ? null : podContext.getRunAsNonRoot();
        Long podUser = podContext == null ? null : podContext.getRunAsUser();
        SeccompProfile podSeccomp = podContext == null ? null : podContext.getSeccompProfile();
        if (Long.valueOf(0).equals(podUser)) {
            out.add(at + ": pod runAsUser 0");
        }
        List<Container> containers = Stream.concat(
                        pod.getInitContainers() == null ? Stream.empty() : pod.getInitContainers().stream(),
                        pod.getContainers().stream())
                .toList();
        for (Container container : containers) {
            String where = at + ": " + container.getName();
            SecurityContext sc = container.getSecurityContext();
            if (sc == null) {
                sc = new SecurityContext();
            }
            if (Boolean.TRUE.equals(sc.getPrivileged())) {
                out.add(where + ": privileged");
            }
            if (!Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation())) {
                out.add(where + ": allowPrivilegeEscalation must be false");
            }
            Boolean nonRoot = sc.getRunAsNonRoot() != null ? sc.getRunAsNonRoot() : podNonRoot;
            if (!Boolean.TRUE.equals(nonRoot)) {
                out.add(where + ": runAsNonRoot must be true");
            }
            if (Long.valueOf(0).equals(sc.getRunAsUser())) {
                out.add(where + ": runAsUser 0");
            }
            SeccompProfile seccomp = sc.getSeccompProfile() != null ? sc.getSeccompProfile() : podSeccomp;
            if (seccomp == null || !Set.of("RuntimeDefault", "Localhost").contains(seccomp.getType())) {
                out.add(where + ": seccompProfile must be RuntimeDefault or Localhost");
            }
            Capabilities caps = sc.getCapabilities();
            if (caps == null || caps.getDrop() == null || !caps.getDrop().contains("ALL")) {
                out.add(where + ": capabilities must drop ALL");
            }
            if (caps != null && caps.getAdd() != null) {
                caps.getAdd().stream()
                        .filter(c -> !c.equals("NET_BIND_SERVICE"))
                        .forEach(c -> out.add(where + ": adds capability " + c));
            }
            for (ContainerPort port : container.getPorts() == null ? List.<ContainerPort>of() : container.getPorts()) {
                if (port.getHostPort() != null && port.getHostPort() != 0) {
                    out.add(where + ": hostPort " + port.getHostPort());
                }
            }
        }
    }

    private static String volumeType(Volume v) {
        if (v.getConfigMap() != null) return "configMap";
        if (v.getCsi() != null) return "csi";
        if (v.getDownwardAPI() != null) return "downwardAPI";
        if (v.getEmptyDir() != null) return "emptyDir";
        if (v.getEphemeral() != null) return "ephemeral";
        if (v.getPersistentVolumeClaim() != null) return "persistentVolumeClaim";
        if (v.getProjected() != null) return "projected";
        if (v.getSecret() != null) return "secret";
        if (v.getHostPath() != null) return "hostPath";
        return "other";
    }
}
