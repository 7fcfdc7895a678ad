{{/* Data of a service's ConfigMap (its non-secret environment). Context: dict root, key, svc. */}}
{{- define "parsipas.serviceConfig" -}}
{{- $db := .svc.database -}}
{{- $dbAddress := printf "%s:%v/%s?sslmode=%s" $db.host $db.port $db.name $db.sslMode -}}
{{- $dbCa := include "parsipas.dbCaPath" .svc -}}
QUARKUS_HTTP_PORT: "8080"
# Requests in flight get this long to finish once the pod stops (after the preStop pause).
QUARKUS_SHUTDOWN_TIMEOUT: {{ printf "%ds" (int $.root.Values.gracefulShutdown.timeoutSeconds) | quote }}
# The API lives under the service's prefix on the ingress; health and metrics stay at /q.
QUARKUS_HTTP_ROOT_PATH: {{ $.svc.pathPrefix | quote }}
QUARKUS_HTTP_NON_APPLICATION_ROOT_PATH: /q
KAFKA_BOOTSTRAP_SERVERS: {{ $.root.Values.kafka.bootstrapServers | quote }}
KAFKA_SECURITY_PROTOCOL: {{ include "parsipas.kafkaSecurityProtocol" $.root }}
PARSIPAS_KAFKA_CREATE_TOPICS: {{ not $.root.Values.kafka.strimzi.topics.enabled | quote }}
{{- with $.root.Values.kafka.externalProducers }}
# Whose own topics (<channel>.from.<client id>) the services create when Strimzi does not.
PARSIPAS_KAFKA_EXTERNAL_PRODUCERS: {{ include "parsipas.externalProducerIds" $.root | quote }}
{{- end }}
{{- if $.root.Values.kafka.sasl.enabled }}
KAFKA_SASL_MECHANISM: OAUTHBEARER
KAFKA_SASL_JAAS_CONFIG: "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required;"
KAFKA_SASL_LOGIN_CALLBACK_HANDLER_CLASS: org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginCallbackHandler
KAFKA_SASL_OAUTHBEARER_TOKEN_ENDPOINT_URL: {{ include "parsipas.tokenEndpoint" $.root | quote }}
KAFKA_SASL_OAUTHBEARER_CLIENT_CREDENTIALS_CLIENT_ID: {{ $.svc.keycloakClient.id | quote }}
{{- with $.root.Values.kafka.sasl.scope }}
KAFKA_SASL_OAUTHBEARER_SCOPE: {{ . | quote }}
{{- end }}
{{- end }}
{{- if and $.root.Values.kafka.tls.enabled $.root.Values.kafka.tls.caSecret }}
KAFKA_SSL_TRUSTSTORE_TYPE: PEM
KAFKA_SSL_TRUSTSTORE_LOCATION: /etc/parsipas/kafka-ca/{{ $.root.Values.kafka.tls.caKey }}
{{- end }}
QUARKUS_DATASOURCE_JDBC_URL: {{ printf "jdbc:postgresql://%s%s" $dbAddress (ternary (printf "&sslrootcert=%s" $dbCa) "" (ne $dbCa "")) | quote }}
QUARKUS_DATASOURCE_REACTIVE_URL: {{ printf "postgresql://%s" $dbAddress | quote }}
{{- with $dbCa }}
QUARKUS_DATASOURCE_REACTIVE_TRUST_CERTIFICATE_PEM: "true"
QUARKUS_DATASOURCE_REACTIVE_TRUST_CERTIFICATE_PEM_CERTS: {{ . | quote }}
{{- end }}
{{- if eq $db.sslMode "verify-full" }}
QUARKUS_DATASOURCE_REACTIVE_HOSTNAME_VERIFICATION_ALGORITHM: HTTPS
{{- end }}
# The pool fits database.maxConnections at the autoscaler's maximum.
QUARKUS_DATASOURCE_REACTIVE_MAX_SIZE: {{ include "parsipas.reactivePoolSize" . | quote }}
{{- if $db.migration.existingSecret }}
# The schema belongs to the migration user, which migrates in the pod's init container.
QUARKUS_FLYWAY_MIGRATE_AT_START: "false"
{{- end }}
QUARKUS_OIDC_AUTH_SERVER_URL: {{ include "parsipas.realmUrl" $.root | quote }}
QUARKUS_OIDC_CLIENT_ID: {{ $.svc.keycloakClient.id | quote }}
{{- if and (eq $.key "notification") $.root.Values.console.enabled }}
# E-mails and webhooks link to the alert's page in the agency console.
PARSIPAS_NOTIFICATION_PUBLIC_URL: {{ include "parsipas.consoleUrl" $.root | quote }}
{{- end }}
{{- if and (has $.key (list "task" "notification")) $.root.Values.webhooks.blockedRanges }}
PARSIPAS_WEBHOOK_BLOCKED_RANGES: {{ join "," $.root.Values.webhooks.blockedRanges | quote }}
{{- end }}
{{- if $.svc.citizenFormPath }}
# The client address for the form's rate limits: X-Forwarded-For only from the ingress controller.
PARSIPAS_SURVEY_FORM_LIMITS_TRUSTED_PROXIES: {{ join "," $.root.Values.ingress.trustedProxies | quote }}
{{- end }}
{{- if eq $.key "notification" }}
{{- with $.root.Values.smtp }}
QUARKUS_MAILER_HOST: {{ .host | quote }}
QUARKUS_MAILER_PORT: {{ .port | quote }}
QUARKUS_MAILER_START_TLS: {{ .startTls | quote }}
QUARKUS_MAILER_TLS: {{ .tls | quote }}
QUARKUS_MAILER_FROM: {{ .from | quote }}
{{- end }}
{{- end }}
{{- include "parsipas.tracingConfig" $.root }}
{{- $kafkaOptions := "" }}
{{- if $.root.Values.kafka.sasl.enabled }}
{{- /* Kafka clients 4.x refuse token endpoints that this system property does not list. */}}
{{- $kafkaOptions = printf "-Dorg.apache.kafka.sasl.oauthbearer.allowed.urls=%s" (include "parsipas.tokenEndpoint" $.root) }}
{{- end }}
{{ include "parsipas.jvmEnv" (dict "root" $.root "extra" $kafkaOptions) }}
{{- range $name, $value := $.svc.config }}
{{ $name }}: {{ $value | toString | quote }}
{{- end }}
{{- end -}}


{{/* Where the database server's CA is mounted, when the service verifies the server. Context: svc. */}}
{{- define "parsipas.dbCaPath" -}}
{{- if and (has .database.sslMode (list "verify-ca" "verify-full")) .database.caSecret -}}
/etc/parsipas/db-ca/{{ .database.caKey }}
{{- end -}}
{{- end -}}


{{/* Tracing: the OTLP exporter of a service or the console, when tracing.otlpEndpoint is set. Context: root. */}}
{{- define "parsipas.tracingConfig" -}}
{{- with .Values.tracing }}
{{- if .otlpEndpoint }}
# Tracing on: spans to the OTLP collector (tracing.otlpEndpoint).
QUARKUS_OTEL_SDK_DISABLED: "false"
QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: {{ .otlpEndpoint | quote }}
QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: {{ .protocol | quote }}
QUARKUS_OTEL_TRACES_SAMPLER: parentbased_traceidratio
QUARKUS_OTEL_TRACES_SAMPLER_ARG: {{ .samplerRatio | toString | quote }}
{{- end }}
{{- end }}
{{- end -}}
