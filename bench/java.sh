#!/usr/bin/env bash
# Runs a main class of the test sources (com.echamado.tickets.ScaleData, ScaleBenchmark) on the test class path.
# Usage: bench/java.sh <class> [arguments]. Used by bench/seed.sh and bench/measure.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
main="$1"
shift
echo "[bench] compiling test classes and resolving the class path"
./mvnw -q -B -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
echo "[bench] running $main $*"
exec java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" "$main" "$@"
