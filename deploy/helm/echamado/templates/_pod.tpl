{{/*
The pod template of the server, shared by the stable Deployment and the optional canary Deployment.
Called as (dict "root" $ "track" "stable"|"canary"). Rendered at column 0; include it with nindent.
The stable track carries the label version=stable only when canary.enabled (the Istio subsets select by it), so the
default render is unchanged.
*/}}
{{- define "echamado.podTemplate" -}}
{{- $root := .root -}}
{{- $values := $root.Values -}}
{{- $canary := eq .track "canary" -}}
metadata:
  labels:
    {{- if $canary }}
    {{- include "echamado.canaryLabels" $root | nindent 4 }}
    {{- else }}
    {{- include "echamado.labels" $root | nindent 4 }}
    {{- if $values.canary.enabled }}
    version: stable
    {{- end }}
    {{- end }}
    {{- with $values.podLabels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  annotations:
    checksum/config: {{ include (print $root.Template.BasePath "/configmap.yaml") $root | sha256sum }}
    {{- if $values.metrics.annotations }}
    prometheus.io/scrape: "true"
    prometheus.io/port: "8080"
    prometheus.io/path: /metrics
    {{- end }}
    {{- with $values.podAnnotations }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  serviceAccountName: {{ include "echamado.serviceAccountName" $root }}
  automountServiceAccountToken: false
  {{- with $values.imagePullSecrets }}
  imagePullSecrets:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  securityContext:
    {{- toYaml $values.podSecurityContext | nindent 4 }}
  # Longer than the preStop sleep plus the graceful-shutdown phase, with a margin for the JVM to exit.
  terminationGracePeriodSeconds: {{ add $values.preStopSleepSeconds $values.config.shutdownTimeoutSeconds 15 }}
  containers:
    - name: echamado
      image: {{ (ternary (include "echamado.canaryImage" $root) (include "echamado.image" $root) $canary) | quote }}
      imagePullPolicy: {{ $values.image.pullPolicy }}
      ports:
        - name: http
          containerPort: 8080
          protocol: TCP
      envFrom:
        - configMapRef:
            name: {{ include "echamado.fullname" $root }}
        - secretRef:
            name: {{ include "echamado.secretName" $root }}
      startupProbe:
        httpGet:
          path: /health/live
          port: http
        periodSeconds: {{ $values.probes.startup.periodSeconds }}
        failureThreshold: {{ $values.probes.startup.failureThreshold }}
      livenessProbe:
        httpGet:
          path: /health/live
          port: http
        periodSeconds: {{ $values.probes.liveness.periodSeconds }}
        timeoutSeconds: {{ $values.probes.liveness.timeoutSeconds }}
        failureThreshold: {{ $values.probes.liveness.failureThreshold }}
      readinessProbe:
        httpGet:
          path: /health/ready
          port: http
        periodSeconds: {{ $values.probes.readiness.periodSeconds }}
        timeoutSeconds: {{ $values.probes.readiness.timeoutSeconds }}
        failureThreshold: {{ $values.probes.readiness.failureThreshold }}
      lifecycle:
        preStop:
          sleep:
            seconds: {{ $values.preStopSleepSeconds }}
      resources:
        {{- toYaml $values.resources | nindent 8 }}
      securityContext:
        {{- toYaml $values.securityContext | nindent 8 }}
      volumeMounts:
        - name: tmp
          mountPath: /tmp
  volumes:
    - name: tmp
      emptyDir:
        sizeLimit: {{ $values.tmpSizeLimit }}
  {{- if $values.topologySpread }}
  topologySpreadConstraints:
    - maxSkew: 1
      topologyKey: kubernetes.io/hostname
      whenUnsatisfiable: ScheduleAnyway
      labelSelector:
        matchLabels:
          {{- include "echamado.selectorLabels" $root | nindent 10 }}
    - maxSkew: 1
      topologyKey: topology.kubernetes.io/zone
      whenUnsatisfiable: ScheduleAnyway
      labelSelector:
        matchLabels:
          {{- include "echamado.selectorLabels" $root | nindent 10 }}
  {{- end }}
  {{- with $values.nodeSelector }}
  nodeSelector:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with $values.affinity }}
  affinity:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with $values.tolerations }}
  tolerations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end }}
