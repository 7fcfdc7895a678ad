{{/* The console's objects: name, labels, its public address. */}}
{{- define "parsipas.consoleName" -}}
{{- printf "%s-console" (include "parsipas.fullname" .) -}}
{{- end -}}

{{- define "parsipas.consoleSelectorLabels" -}}
app.kubernetes.io/name: console
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "parsipas.consoleLabels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{ include "parsipas.consolePodLabels" . }}
{{- end -}}

{{/* Labels of the console's pods (see parsipas.podLabels). */}}
{{- define "parsipas.consolePodLabels" -}}
app.kubernetes.io/part-of: parsipas
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{ include "parsipas.consoleSelectorLabels" . }}
app.kubernetes.io/component: console
app.kubernetes.io/version: {{ include "parsipas.imageTag" (dict "root" . "svc" .Values.console) | quote }}
{{- end -}}

{{/* https://<host><prefix> (http without a TLS Secret): where people open the console and e-mails link. */}}
{{- define "parsipas.consoleUrl" -}}
{{- printf "%s://%s%s" (ternary "https" "http" (ne .Values.ingress.tlsSecret "")) .Values.ingress.host .Values.console.pathPrefix -}}
{{- end -}}

{{/* The console's non-secret environment. */}}
{{- define "parsipas.consoleConfig" -}}
{{- $c := .Values.console -}}
QUARKUS_HTTP_PORT: "8080"
QUARKUS_HTTP_NON_APPLICATION_ROOT_PATH: /q
# Requests in flight get this long to finish once the pod stops (after the preStop pause).
QUARKUS_SHUTDOWN_TIMEOUT: {{ printf "%ds" (int .Values.gracefulShutdown.timeoutSeconds) | quote }}
QUARKUS_OIDC_AUTH_SERVER_URL: {{ include "parsipas.realmUrl" . | quote }}
QUARKUS_OIDC_CLIENT_ID: {{ $c.keycloakClient.id | quote }}
# quarkus-oidc compares and builds these with the full request path, root path included.
QUARKUS_OIDC_LOGOUT_PATH: {{ printf "%s/dang-xuat" $c.pathPrefix | quote }}
QUARKUS_OIDC_LOGOUT_POST_LOGOUT_PATH: {{ printf "%s/da-dang-xuat" $c.pathPrefix | quote }}
QUARKUS_OIDC_AUTHENTICATION_ERROR_PATH: {{ printf "%s/loi-dang-nhap" $c.pathPrefix | quote }}
QUARKUS_OIDC_AUTHENTICATION_SESSION_EXPIRED_PATH: {{ printf "%s/het-phien" $c.pathPrefix | quote }}
{{- range $key, $svc := .Values.services }}
QUARKUS_REST_CLIENT_{{ $key | upper }}_URL: {{ printf "http://%s%s" (include "parsipas.serviceFullname" (dict "root" $ "key" $key)) $svc.pathPrefix | quote }}
{{- end }}
{{- include "parsipas.tracingConfig" . }}
{{ include "parsipas.jvmEnv" (dict "root" . "extra" "") }}
{{- range $name, $value := $c.config }}
{{ $name }}: {{ $value | toString | quote }}
{{- end }}
{{- end -}}
