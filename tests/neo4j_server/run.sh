#!/bin/sh
# Start a real Neo4j 5.26 Community server (embedded DBMS, Bolt on 127.0.0.1) without Docker,
# or bulk-load a stopped, empty database folder with Neo4j's offline importer.
#
#   tests/neo4j_server/run.sh [--port N] [--data DIR] [--password PW] [--watch-stdin]
#   tests/neo4j_server/run.sh import --data DIR [--database NAME] [--cypher STATEMENT]... -- IMPORTER_OPTIONS...
#
# The first run builds the launcher with Maven (downloads ~170 MB of jars from Maven Central into
# ~/.m2, about 45 s on a cold cache); later runs start in a few seconds. Prints
# "NEO4J READY bolt://127.0.0.1:PORT data=DIR" on stdout once Bolt answers; SIGTERM or Ctrl-C stop it.
#
# import runs `neo4j-admin database import full NAME IMPORTER_OPTIONS` (the importer of the
# neo4j-import-tool jar) on DIR's database (the one a server started with --data DIR uses), refusing
# a database that holds any node; then runs each --cypher statement (the constraints) on it. Prints
# "IMPORT DONE import_ms=N schema_ms=N" on stdout; "REFUSED: ..." on stderr and exit 3 when refused.
#
# Memory, sized from the machine unless set: NEO4J_JAVA_HEAP (JVM heap, default a quarter of RAM
# between 1g and 8g) and NEO4J_PAGE_CACHE_MB (server page cache, default a quarter of RAM between
# 256 and 8192 MiB). Several servers at once (the tests) only commit the memory they use.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
target="$here/target"
stamp="$target/lib/.complete"

stale() {
    [ ! -f "$stamp" ] || [ "$here/pom.xml" -nt "$stamp" ] \
        || [ -n "$(find "$here/src" -newer "$stamp" -type f 2>/dev/null | head -n 1)" ]
}

if stale; then
    command -v mvn >/dev/null 2>&1 || { echo "mvn not found: install Maven 3.8+ and Java 17+" >&2; exit 1; }
    mkdir -p "$target"
    exec 9>"$target/.build.lock"
    flock 9 2>/dev/null || true   # two starts at once build once
    if stale; then
        echo "building the Neo4j launcher (first time downloads jars from Maven Central; log: $target/build.log)" >&2
        # A new pom may change versions: start from an empty classpath (a running server keeps its open jars).
        if [ ! -f "$stamp" ] || [ "$here/pom.xml" -nt "$stamp" ]; then rm -rf "$target/lib"; fi
        if ! mvn -q -B -f "$here/pom.xml" package >"$target/build.log" 2>&1; then
            echo "Maven build of the Neo4j launcher failed; last lines of $target/build.log:" >&2
            tail -n 25 "$target/build.log" >&2
            exit 1
        fi
        touch "$stamp"
    fi
    exec 9>&-
fi

# A quarter of the machine's memory in MiB, between $1 and $2.
quarter_mb() {
    total_kb=$(awk '/^MemTotal:/ {print $2}' /proc/meminfo 2>/dev/null || echo 0)
    mb=$(( ${total_kb:-0} / 4096 ))
    [ "$mb" -ge "$1" ] || mb=$1
    [ "$mb" -le "$2" ] || mb=$2
    echo "$mb"
}
heap="${NEO4J_JAVA_HEAP:-$(quarter_mb 1024 8192)m}"

command -v java >/dev/null 2>&1 || { echo "java not found: install Java 17+" >&2; exit 1; }
java_run() {
    exec java "-Xmx$heap" -XX:+UseSerialGC \
        --add-opens=java.base/java.nio=ALL-UNNAMED \
        --add-opens=java.base/java.io=ALL-UNNAMED \
        --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
        --add-opens=java.base/java.lang=ALL-UNNAMED \
        --add-opens=java.base/jdk.internal.misc=ALL-UNNAMED \
        -Dio.netty.tryReflectionSetAccessible=true \
        -cp "$target/classes:$target/lib/*" foundergraph.Neo4jServer "$@"
}
if [ "${1:-}" = "import" ]; then
    java_run "$@"
fi
java_run --page-cache-mb "${NEO4J_PAGE_CACHE_MB:-$(quarter_mb 256 8192)}" "$@"
