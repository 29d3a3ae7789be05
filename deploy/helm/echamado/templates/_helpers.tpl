{{/* Chart name. */}}
{{- define "echamado.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Full name: release-chart unless the release already contains the chart name. */}}
{{- define "echamado.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* Selector labels: stable for the life of a release. */}}
{{- define "echamado.selectorLabels" -}}
app.kubernetes.io/name: {{ include "echamado.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* Standard labels, without the component. */}}
{{- define "echamado.commonLabels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "echamado.selectorLabels" . }}
app.kubernetes.io/version: {{ (default .Chart.AppVersion .Values.image.tag) | trunc 63 | quote }}
app.kubernetes.io/part-of: echamado
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/* Standard labels of the server's objects (with the blue-green slot, when set). */}}
{{- define "echamado.labels" -}}
{{ include "echamado.commonLabels" . }}
app.kubernetes.io/component: server
{{- with .Values.slot }}
echamado.io/slot: {{ . }}
{{- end }}
{{- end }}

{{- define "echamado.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "echamado.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* The Secret the pods read: existingSecret, or the chart-managed one. */}}
{{- define "echamado.secretName" -}}
{{- if .Values.existingSecret }}
{{- .Values.existingSecret }}
{{- else if .Values.secretValues }}
{{- include "echamado.fullname" . }}
{{- else }}
{{- fail "set existingSecret (recommended) or secretValues: the prod profile does not start without its secrets" }}
{{- end }}
{{- end }}

{{- define "echamado.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{/* Image of the canary track: the same repository, canary.tag. */}}
{{- define "echamado.canaryImage" -}}
{{- printf "%s:%s" .Values.image.repository .Values.canary.tag }}
{{- end }}

{{/* Labels of the canary track: the server's, with the canary's version and the track label version=canary. */}}
{{- define "echamado.canaryLabels" -}}
{{- $labels := include "echamado.labels" . | fromYaml }}
{{- $_ := set $labels "app.kubernetes.io/version" (.Values.canary.tag | trunc 63) }}
{{- $_ := set $labels "version" "canary" }}
{{- toYaml $labels }}
{{- end }}

{{/* The Service that the Ingress routes to: the blue-green live Service when enabled, else the release's. */}}
{{- define "echamado.routedServiceName" -}}
{{- if .Values.liveService.enabled }}
{{- .Values.liveService.name }}
{{- else }}
{{- include "echamado.fullname" . }}
{{- end }}
{{- end }}

{{/* Fully qualified host of that Service: the Istio VirtualService and DestinationRule route it. */}}
{{- define "echamado.canaryHost" -}}
{{- printf "%s.%s.svc.cluster.local" (include "echamado.routedServiceName" .) .Release.Namespace }}
{{- end }}

{{/* Security context, resources and mounts shared by the backup job's containers. */}}
{{- define "echamado.backupContainerBase" -}}
securityContext:
  allowPrivilegeEscalation: false
  readOnlyRootFilesystem: true
  capabilities:
    drop:
      - ALL
resources:
  requests:
    cpu: 100m
    memory: 256Mi
  limits:
    cpu: "1"
    memory: 1Gi
volumeMounts:
  - name: backup
    mountPath: /backup
  - name: tmp
    mountPath: /tmp
{{- end }}

{{/*
Connection budget (docs/operations.md#connection-budget): every pod that can run at the same time holds up to
config.dbPoolSize connections, and they must fit PostgreSQL's max_connections minus its reserved ones:
  (live pods at most + maxSurge) x pool      the slot that takes traffic, at autoscaling.maxReplicas, mid-rollout
  + idle slot pods x pool                    blue-green (slot set): the other release at its autoscaling.minReplicas
  + canary.replicas x pool                   when canary.enabled
  + 1                                        the backup job's pg_dump, when backup.enabled
  + database.reservedConnections             superuser_reserved_connections (and whatever else connects)
Rendering fails when the sum exceeds database.maxConnections.
*/}}
{{- define "echamado.connectionBudget" -}}
{{- $v := .Values -}}
{{- $pool := int $v.config.dbPoolSize -}}
{{- $live := ternary (int $v.autoscaling.maxReplicas) (int $v.replicaCount) $v.autoscaling.enabled -}}
{{- $idle := ternary (ternary (int $v.autoscaling.minReplicas) (int $v.replicaCount) $v.autoscaling.enabled) 0 (ne $v.slot "") -}}
{{- $canary := ternary (int $v.canary.replicas) 0 $v.canary.enabled -}}
{{- $backup := ternary 1 0 $v.backup.enabled -}}
{{- $total := add (mul (add $live (int $v.rollingUpdate.maxSurge) $idle $canary) $pool) $backup (int $v.database.reservedConnections) -}}
{{- if gt (int $total) (int $v.database.maxConnections) -}}
{{- fail (printf "connection budget %d exceeds database.maxConnections %d: ((%d live + %d surge + %d idle slot + %d canary) pods x %d pool) + %d backup + %d reserved; lower config.dbPoolSize or autoscaling.maxReplicas, or raise max_connections (and database.maxConnections)" (int $total) (int $v.database.maxConnections) $live (int $v.rollingUpdate.maxSurge) $idle $canary $pool $backup (int $v.database.reservedConnections)) -}}
{{- end -}}
{{- $total -}}
{{- end }}
