#!/usr/bin/env bash
# Every benchmark of the suite from one build, one after the other, with the sizes below; their
# figures (each with the raw engine's figure of the same run and the ratio, where the benchmark
# measures one) go to docs/benchmarks/results.md. Benchmarks are never part of ./mvnw verify.
#
#   ./bench.sh                 all of them (about 15 minutes on 2 cores)
#   ./bench.sh suite task      only these (names: suite console notification indicator survey task); the
#                              other sections of results.md are kept as they were, each with its own date
#
# What each one measures and how to read it: docs/benchmarks/<name>.md.
set -euo pipefail
cd "$(dirname "$0")"

all=(suite console notification indicator survey task)
if (($#)); then selected=("$@"); else selected=("${all[@]}"); fi
logs=target/bench
results=docs/benchmarks/results.md
mkdir -p "$logs"
mvn=(./mvnw -B -ntp)
started=$(date -u +"%Y-%m-%d %H:%M UTC")
load_at_start=$(cut -d' ' -f1-3 /proc/loadavg)

echo "bench: building and installing every module once (log: $logs/build.log)"
# install, so each benchmark below runs in its own module without rebuilding the others
"${mvn[@]}" install -DskipTests > "$logs/build.log" 2>&1

# name | Maven arguments | file the benchmark writes its figures to
declare -A args files
args[suite]="-pl deploy/system-tests verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=SuiteBenchmarkIT -Dfailsafe.failIfNoSpecifiedTests=false -Dbenchmark=true"
files[suite]=deploy/system-tests/target/benchmark.txt
args[console]="-pl deploy/system-tests verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ConsoleBenchmarkIT -Dfailsafe.failIfNoSpecifiedTests=false -Dbenchmark=true"
files[console]=deploy/system-tests/target/console-benchmark.txt
args[notification]="-pl services/notification-service verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=NotificationBenchmark -Dbenchmark.rate=1000 -Dbenchmark.seconds=10 -Dbenchmark.flood=10000"
files[notification]=services/notification-service/target/benchmark.txt
args[indicator]="-pl services/indicator-service verify -Dtest=IndicatorIngestionBenchmark -Dsurefire.failIfNoSpecifiedTests=false -DskipITs -Dbenchmark.observations=100000"
files[indicator]=services/indicator-service/target/indicator-benchmark.txt
args[survey]="-pl services/survey-service verify -Pbenchmark -DskipTests -Dbench.stored=200000"
files[survey]=services/survey-service/target/benchmark/results.txt
args[task]="-pl services/task-service verify -Dtest=DeadlineBenchmark -Dbenchmark=true -Dsurefire.failIfNoSpecifiedTests=false -DskipITs -Dbenchmark.tasks=200000"
files[task]=services/task-service/target/benchmark/deadline-benchmark.txt

{
    echo "# Benchmark results"
    echo
    echo "Written by \`./bench.sh\` on $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo),"
    echo "$(java -version 2>&1 | head -1). Each section is one run of one benchmark (its heading says when"
    echo "and the load average at the start of that \`./bench.sh\`); the engines' own figures in it (raw broker,"
    echo "raw PostgreSQL) come from the same run. What each measures: the page of the same name in this folder."
} > "$results.tmp"

for name in "${selected[@]}"; do
    [[ -n "${args[$name]:-}" ]] || { echo "bench: no benchmark called $name (${all[*]})"; exit 2; }
done

failed=()
for name in "${all[@]}"; do
    if [[ " ${selected[*]} " != *" $name "* ]]; then
        # not run this time: its section of the previous results.md stays, with its own date
        previous=$(awk -v name="$name" '/^## / { keep = ($2 == name) } keep' "$results" 2>/dev/null || true)
        [[ -n "$previous" ]] && printf '\n%s\n' "$previous" >> "$results.tmp"
        continue
    fi
    echo "bench: $name (log: $logs/$name.log)"
    rm -f "${files[$name]}"
    begin=$SECONDS
    # shellcheck disable=SC2086 # the arguments are words on purpose
    if "${mvn[@]}" ${args[$name]} > "$logs/$name.log" 2>&1 && [[ -s "${files[$name]}" ]]; then
        status="$((SECONDS - begin)) s, $started, load $load_at_start"
    else
        failed+=("$name")
        status="FAILED after $((SECONDS - begin)) s, $started, see $logs/$name.log"
    fi
    {
        echo
        echo "## $name ($status)"
        echo
        echo "\`./mvnw ${args[$name]}\`"
        echo
        echo "| figure |"
        echo "| --- |"
        [[ -s "${files[$name]}" ]] && grep -v '^\s*$' "${files[$name]}" | sed -e 's/|/\\|/g' -e 's/^/| /' -e 's/$/ |/'
    } >> "$results.tmp"
done
mv "$results.tmp" "$results"
echo "bench: figures written to $results"
if ((${#failed[@]})); then
    echo "bench: failed: ${failed[*]}"
    exit 1
fi
