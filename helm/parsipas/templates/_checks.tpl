{{/*
Refuses values that would render an insecure release, objects the API server rejects or a pool the
database cannot serve. values.schema.json checks each value alone; these compare values.
*/}}
{{- define "parsipas.checks" -}}
{{- $v := .Values -}}
{{- if not $v.insecureLocalOnly }}
{{- $insecure := list }}
{{- if not $v.kafka.tls.enabled }}
{{- $insecure = append $insecure "kafka.tls.enabled=false (Kafka traffic and login tokens in clear)" }}
{{- end }}
{{- if not $v.kafka.sasl.enabled }}
{{- $insecure = append $insecure "kafka.sasl.enabled=false (anyone who reaches the broker may write every topic)" }}
{{- end }}
{{- if not (hasPrefix "https://" $v.keycloak.url) }}
{{- $insecure = append $insecure (printf "keycloak.url=%s (tokens and client secrets over plain http)" $v.keycloak.url) }}
{{- end }}
{{- with $v.kafka.sasl.tokenEndpointUrl }}
{{- if not (hasPrefix "https://" .) }}
{{- $insecure = append $insecure (printf "kafka.sasl.tokenEndpointUrl=%s (client secrets over plain http)" .) }}
{{- end }}
{{- end }}
{{- if and $v.ingress.enabled (not $v.ingress.tlsSecret) }}
{{- $insecure = append $insecure "ingress.tlsSecret empty (bearer tokens and citizens' answers over plain http)" }}
{{- end }}
{{- range $key, $svc := $v.services }}
{{- if ne $svc.database.sslMode "verify-full" }}
{{- $insecure = append $insecure (printf "services.%s.database.sslMode=%s (the database server is not verified)" $key $svc.database.sslMode) }}
{{- end }}
{{- end }}
{{- with $insecure }}
{{- fail (printf "insecure settings: %s. Fix them, or set insecureLocalOnly: true for a throwaway cluster on one machine" (join "; " .)) }}
{{- end }}
{{- end }}
{{- if and $v.kafka.strimzi.users.enabled (not $v.kafka.sasl.enabled) }}
{{- fail "kafka.strimzi.users.enabled needs kafka.sasl.enabled: the ACLs name authenticated principals, and without SASL every service connects as ANONYMOUS and is denied" }}
{{- end }}
{{- $workloads := dict -}}
{{- range $key, $svc := $v.services }}
{{- $_ := set $workloads (printf "services.%s" $key) $svc }}
{{- end }}
{{- if $v.console.enabled }}
{{- $_ := set $workloads "console" $v.console }}
{{- end }}
{{- if $v.helmTest.enabled }}
{{- $_ := set $workloads "helmTest" $v.helmTest }}
{{- end }}
{{- range $path, $workload := $workloads }}
{{- with $workload.autoscaling }}
{{- if and .enabled (gt (int .minReplicas) (int .maxReplicas)) }}
{{- fail (printf "%s.autoscaling: minReplicas %d is above maxReplicas %d" $path (int .minReplicas) (int .maxReplicas)) }}
{{- end }}
{{- end }}
{{- range $resource := list "cpu" "memory" }}
{{- $request := get $workload.resources.requests $resource }}
{{- $limit := get $workload.resources.limits $resource }}
{{- if and $request $limit (gt (include "parsipas.quantity" $request | float64) (include "parsipas.quantity" $limit | float64)) }}
{{- fail (printf "%s.resources: the %s request %v is above its limit %v" $path $resource $request $limit) }}
{{- end }}
{{- end }}
{{- end }}
{{- end -}}

{{/* A Kubernetes quantity (250m, 1, 0.5Gi, 384Mi) as a plain number of cores or bytes. */}}
{{- define "parsipas.quantity" -}}
{{- $quantity := toString . -}}
{{- $number := regexFind "^[0-9]+(\\.[0-9]+)?" $quantity -}}
{{- $factors := dict "" 1.0 "m" 0.001 "k" 1e3 "M" 1e6 "G" 1e9 "T" 1e12 "Ki" 1024.0 "Mi" 1048576.0 "Gi" 1073741824.0 "Ti" 1099511627776.0 -}}
{{- mulf (float64 $number) (get $factors (trimPrefix $number $quantity)) -}}
{{- end -}}

{{/*
The reactive pool of one pod: database.maxConnections shared by the autoscaler's maximum plus the
one pod a rolling update adds, less what else a pod holds (2 JDBC connections for Flyway, up to 2
LISTEN connections), at most the services' default of 20. Context: dict key, svc.
*/}}
{{- define "parsipas.reactivePoolSize" -}}
{{- $pods := add1 (ternary .svc.autoscaling.maxReplicas .svc.replicas .svc.autoscaling.enabled | int) -}}
{{- $maxConnections := int .svc.database.maxConnections -}}
{{- $pool := sub (div $maxConnections $pods) 4 | int -}}
{{- if lt $pool 2 }}
{{- fail (printf "services.%s.database.maxConnections %d leaves %d connections to each of %d pods (the most replicas and one surge pod), and a pod needs 4 besides a pool of at least 2: raise it or lower the replicas" .key $maxConnections (div $maxConnections $pods) $pods) }}
{{- end }}
{{- min $pool 20 -}}
{{- end -}}
