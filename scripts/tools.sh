#!/usr/bin/env bash
# Runs a program of the tools source set, src/tools/java (the benchmark's load generator, the scale data generator
# and benchmark, the page benchmark, the rehearsal's load client and reconciler, the access-token minter): compiles it
# with the tests (none is run) and starts it on the test class path. Tools do not ship in the application jar.
#   scripts/tools.sh <main class> [arguments]   e.g. scripts/tools.sh com.echamado.tickets.ScaleData --tickets 5000
#   scripts/tools.sh --classpath                compiles, then prints the class path (for scripts that run several)
# JAVA_OPTS: options for the program's JVM (for example -Djava.awt.headless=true).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

if [ "$#" -eq 0 ]; then
  sed -n '2,7p' "$0" >&2
  exit 2
fi
echo "[tools] compiling src/tools/java with the tests and resolving the test class path" >&2
./mvnw -q -B -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/tools-classpath.txt -Dmdep.includeScope=test >&2
classpath="$root/target/test-classes:$root/target/classes:$(cat target/tools-classpath.txt)"
if [ "$1" = --classpath ]; then
  printf '%s\n' "$classpath"
  exit 0
fi
main="$1"
shift
echo "[tools] running $main $*" >&2
# shellcheck disable=SC2086  # JAVA_OPTS holds several options, split on purpose
exec java ${JAVA_OPTS:-} -cp "$classpath" "$main" "$@"
