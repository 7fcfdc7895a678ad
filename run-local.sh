#!/usr/bin/env bash
# Runs the whole suite on this machine: a real Kafka broker, PostgreSQL and the four services,
# all on 127.0.0.1. Builds what it needs first (a JDK 17 and access to Maven Central are enough).
# Ctrl-C stops everything. `./run-local.sh --demo` also plays the external systems and moves time.
set -euo pipefail
cd "$(dirname "$0")"
./mvnw -B -ntp -q install -DskipTests
exec java -cp "deploy/devstack/target/classes:$(cat deploy/devstack/target/classes/devstack-classpath.txt)" \
  vn.parsipas.devstack.LocalSuite "$PWD" "$@"
