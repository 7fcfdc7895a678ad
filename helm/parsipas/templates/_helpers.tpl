{{/* Prefix of every object name: the release name, or <release>-parsipas. */}}
{{- define "parsipas.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* Labels on every object, but app.kubernetes.io/instance. */}}
{{- define "parsipas.commonLabels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/part-of: parsipas
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{/* Labels of the objects that belong to no single service. */}}
{{- define "parsipas.labels" -}}
{{ include "parsipas.commonLabels" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* The application name of a service ("task" -> "task-service"): its Quarkus name and consumer group. */}}
{{- define "parsipas.app" -}}
{{- printf "%s-service" . -}}
{{- end -}}

{{/* Name of a service's objects. Context: dict root, key. */}}
{{- define "parsipas.serviceFullname" -}}
{{- printf "%s-%s" (include "parsipas.fullname" .root) (include "parsipas.app" .key) -}}
{{- end -}}

{{/* Labels selecting a service's pods. Context: dict root, key. */}}
{{- define "parsipas.selectorLabels" -}}
app.kubernetes.io/name: {{ include "parsipas.app" .key }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{/* All labels of a service's objects. Context: dict root, key. */}}
{{- define "parsipas.serviceLabels" -}}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version | replace "+" "_" }}
{{ include "parsipas.podLabels" . }}
{{- end -}}

{{/*
Labels of a service's pods: no helm.sh/chart, so a chart version bump alone restarts nothing, and the
version the image runs. Context: dict root, key.
*/}}
{{- define "parsipas.podLabels" -}}
app.kubernetes.io/part-of: parsipas
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
{{ include "parsipas.selectorLabels" . }}
app.kubernetes.io/component: {{ .key }}
app.kubernetes.io/version: {{ include "parsipas.imageTag" (dict "root" .root "svc" (index .root.Values.services .key)) | quote }}
{{- end -}}

{{/* Keycloak realm URL = OIDC auth server URL. */}}
{{- define "parsipas.realmUrl" -}}
{{- printf "%s/realms/%s" (trimSuffix "/" .Values.keycloak.url) .Values.keycloak.realm -}}
{{- end -}}

{{/* Token endpoint for Kafka OAUTHBEARER. */}}
{{- define "parsipas.tokenEndpoint" -}}
{{- default (printf "%s/protocol/openid-connect/token" (include "parsipas.realmUrl" .)) .Values.kafka.sasl.tokenEndpointUrl -}}
{{- end -}}

{{/* Kafka security.protocol from the TLS and SASL switches. */}}
{{- define "parsipas.kafkaSecurityProtocol" -}}
{{- if .Values.kafka.sasl.enabled -}}
{{- ternary "SASL_SSL" "SASL_PLAINTEXT" .Values.kafka.tls.enabled -}}
{{- else -}}
{{- ternary "SSL" "PLAINTEXT" .Values.kafka.tls.enabled -}}
{{- end -}}
{{- end -}}

{{/* The contracts' AsyncAPI document (files/asyncapi.yaml links to contracts/asyncapi.yaml). */}}
{{- define "parsipas.asyncapi" -}}
{{- $doc := .Files.Get "files/asyncapi.yaml" -}}
{{- if not $doc -}}
{{- fail "files/asyncapi.yaml (the contracts' AsyncAPI document) is missing from the chart" -}}
{{- end -}}
{{- $doc -}}
{{- end -}}

{{/*
Who writes and reads each channel, from the AsyncAPI operations, as JSON:
{"produces": {"<actor>": [channels]}, "consumes": {"<actor>": [channels]}, "perProducer": [channels]}
where <actor> is a service's application name or "external" for external systems, and a channel is
its topic's name, or for the channels in perProducer (address <channel>.from.{producer}) the stem of
each producer's own topic. The actor is the first words of the operation's summary
("task-service publishes to ...", "external systems publishes to ...").
*/}}
{{- define "parsipas.topicAccess" -}}
{{- $api := include "parsipas.asyncapi" . | fromYaml -}}
{{- $access := dict "produces" (dict) "consumes" (dict) "perProducer" (list) -}}
{{- range $opName, $op := $api.operations -}}
{{- $channel := index $api.channels (trimPrefix "#/channels/" (index $op.channel "$ref")) -}}
{{- $name := trimSuffix ".from.{producer}" $channel.address -}}
{{- if and (ne $name $channel.address) (not (has $name $access.perProducer)) -}}
{{- $_ := set $access "perProducer" (append $access.perProducer $name) -}}
{{- end -}}
{{- $actor := "" -}}
{{- if hasPrefix "external systems " $op.summary -}}
{{- $actor = "external" -}}
{{- else -}}
{{- $actor = regexFind "^[a-z]+-service" $op.summary -}}
{{- end -}}
{{- if not $actor -}}
{{- fail (printf "AsyncAPI operation %s: its summary must start with the service name or \"external systems\"" $opName) -}}
{{- end -}}
{{- $side := ternary "produces" "consumes" (eq $op.action "send") -}}
{{- $topics := get (get $access $side) $actor | default (list) -}}
{{- $_ := set (get $access $side) $actor (append $topics $name) -}}
{{- end -}}
{{- toJson $access -}}
{{- end -}}

{{/* The image of a service. Context: dict root, svc. */}}
{{- define "parsipas.image" -}}
{{- $repo := .svc.image.repository -}}
{{- if .root.Values.image.registry -}}
{{- $repo = printf "%s/%s" (trimSuffix "/" .root.Values.image.registry) $repo -}}
{{- end -}}
{{- printf "%s:%s" $repo (include "parsipas.imageTag" .) -}}
{{- end -}}

{{/* The tag an image runs: its own, else the chart's appVersion. Context: dict root, svc. */}}
{{- define "parsipas.imageTag" -}}
{{- default .root.Chart.AppVersion .svc.image.tag -}}
{{- end -}}

{{/*
Pull policy: as set, else Always for a -SNAPSHOT tag (mutable: a node would keep the first one it
pulled), else IfNotPresent. Context: dict root, svc.
*/}}
{{- define "parsipas.pullPolicy" -}}
{{- if .root.Values.image.pullPolicy -}}
{{- .root.Values.image.pullPolicy -}}
{{- else if hasSuffix "-SNAPSHOT" (include "parsipas.imageTag" .) -}}
Always
{{- else -}}
IfNotPresent
{{- end -}}
{{- end -}}

{{/* Port of a URL (explicit, else 443 for https and 80 for http). */}}
{{- define "parsipas.urlPort" -}}
{{- $url := urlParse . -}}
{{- $hostPort := splitList ":" $url.host -}}
{{- if gt (len $hostPort) 1 -}}
{{- last $hostPort -}}
{{- else -}}
{{- ternary "443" "80" (eq $url.scheme "https") -}}
{{- end -}}
{{- end -}}

{{/* An egress rule to peers (none = any address) on ports (at least one). Context: dict peers, ports, protocols (default TCP). */}}
{{- define "parsipas.egressRule" -}}
{{- $protocols := .protocols | default (list "TCP") -}}
{{- if not .ports }}
{{- fail "an egress rule needs at least one port: without ports it would allow every port" }}
{{- end }}
- {{- with .peers }}
  to:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  ports:
    {{- range $port := uniq .ports }}
    {{- range $protocol := $protocols }}
    - port: {{ int $port }}
      protocol: {{ $protocol }}
    {{- end }}
    {{- end }}
{{- end -}}

{{/* A topic configuration value of the AsyncAPI binding as Kafka expects it: lists joined with commas, whole numbers without exponent. */}}
{{- define "parsipas.topicConfigValue" -}}
{{- if kindIs "slice" . -}}
{{- join "," . -}}
{{- else if kindIs "float64" . -}}
{{- if eq (float64 (int64 .)) . }}{{ int64 . }}{{ else }}{{ . }}{{ end -}}
{{- else -}}
{{- toString . -}}
{{- end -}}
{{- end -}}

{{/* The volumes of a service's pods: a writable /tmp and the CAs it verifies servers with. Context: dict root, svc. */}}
{{- define "parsipas.volumes" -}}
# The root file system is read-only; Quarkus and Vert.x write their caches here.
- name: tmp
  emptyDir:
    sizeLimit: 128Mi
{{- with .root.Values.kafka.tls }}
{{- if and .enabled .caSecret }}
- name: kafka-ca
  secret:
    secretName: {{ .caSecret }}
    items:
      - key: {{ .caKey }}
        path: {{ .caKey }}
{{- end }}
{{- end }}
{{- if include "parsipas.dbCaPath" .svc }}
# Only the certificate: CloudNativePG keeps the CA's private key in the same Secret.
- name: db-ca
  secret:
    secretName: {{ .svc.database.caSecret }}
    items:
      - key: {{ .svc.database.caKey }}
        path: {{ .svc.database.caKey }}
{{- end }}
{{- end -}}

{{/* Where the volumes of parsipas.volumes are mounted. Context: dict root, svc. */}}
{{- define "parsipas.volumeMounts" -}}
- name: tmp
  mountPath: /tmp
{{- if and .root.Values.kafka.tls.enabled .root.Values.kafka.tls.caSecret }}
- name: kafka-ca
  mountPath: /etc/parsipas/kafka-ca
  readOnly: true
{{- end }}
{{- if include "parsipas.dbCaPath" .svc }}
- name: db-ca
  mountPath: /etc/parsipas/db-ca
  readOnly: true
{{- end }}
{{- end -}}

{{/* The client ids of kafka.externalProducers, comma-separated. */}}
{{- define "parsipas.externalProducerIds" -}}
{{- $ids := list -}}
{{- range .Values.kafka.externalProducers }}{{ $ids = append $ids .clientId }}{{ end -}}
{{- join "," $ids -}}
{{- end -}}

{{/*
The JVM settings of every pod: files/jvm.yaml (which the local run and the system tests read too),
then javaOptions, then what the caller adds. The image's launcher (run-java.sh) takes the collector
from GC_CONTAINER_OPTIONS instead of adding its own; -Xmx here wins over its MaxRAMPercentage.
Context: dict root, extra.
*/}}
{{- define "parsipas.jvmEnv" -}}
{{- $jvm := .root.Files.Get "files/jvm.yaml" | fromYaml -}}
GC_CONTAINER_OPTIONS: {{ $jvm.gc | quote }}
JAVA_TOOL_OPTIONS: {{ list $jvm.options .root.Values.javaOptions .extra | compact | join " " | quote }}
{{- end -}}
