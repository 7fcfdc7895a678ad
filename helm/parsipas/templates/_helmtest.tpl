{{/* The helm test pod (templates/tests/release-check.yaml): name, labels, what it checks. */}}
{{- define "parsipas.helmTestName" -}}
{{- printf "%s-release-check" (include "parsipas.fullname" .) -}}
{{- end -}}

{{- define "parsipas.helmTestSelectorLabels" -}}
app.kubernetes.io/name: release-check
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "parsipas.helmTestLabels" -}}
{{ include "parsipas.commonLabels" . }}
{{ include "parsipas.helmTestSelectorLabels" . }}
app.kubernetes.io/component: helm-test
{{- end -}}

{{/* The image the check runs in: its own when helmTest.image.repository is set, else task-service's (the check is in every service image). */}}
{{- define "parsipas.helmTestImageOwner" -}}
{{- ternary .Values.helmTest .Values.services.task (ne .Values.helmTest.image.repository "") | toJson -}}
{{- end -}}

{{/* <name>=<readiness URL> of every service and, when enabled, the console (Services on port 80, health at /q inside the cluster). */}}
{{- define "parsipas.helmTestReadyUrls" -}}
{{- $urls := list -}}
{{- range $key, $svc := .Values.services -}}
{{- $urls = append $urls (printf "%s=http://%s/q/health/ready" (include "parsipas.app" $key) (include "parsipas.serviceFullname" (dict "root" $ "key" $key))) -}}
{{- end -}}
{{- if .Values.console.enabled -}}
{{- $urls = append $urls (printf "console=http://%s/q/health/ready" (include "parsipas.consoleName" .)) -}}
{{- end -}}
{{- join "," $urls -}}
{{- end -}}
