#!/bin/sh
# Start a real Neo4j 5.26 Community server (embedded DBMS, Bolt on 127.0.0.1) without Docker.
#
#   tests/neo4j_server/run.sh [--port N] [--data DIR] [--password PW] [--watch-stdin]
#
# The first run builds the launcher with Maven (downloads ~170 MB of jars from Maven Central into
# ~/.m2, about 45 s on a cold cache); later runs start in a few seconds. Prints
# "NEO4J READY bolt://127.0.0.1:PORT data=DIR" on stdout once Bolt answers; SIGTERM or Ctrl-C stop it.
# JVM heap: NEO4J_JAVA_HEAP (default 1g).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
target="$here/target"
stamp="$target/lib/.complete"

stale() {
    [ ! -f "$stamp" ] || [ "$here/pom.xml" -nt "$stamp" ] \
        || [ "$here/src/main/java/foundergraph/Neo4jServer.java" -nt "$stamp" ]
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

command -v java >/dev/null 2>&1 || { echo "java not found: install Java 17+" >&2; exit 1; }
exec java "-Xmx${NEO4J_JAVA_HEAP:-1g}" -XX:+UseSerialGC \
    --add-opens=java.base/java.nio=ALL-UNNAMED \
    --add-opens=java.base/java.io=ALL-UNNAMED \
    --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
    -Dio.netty.tryReflectionSetAccessible=true \
    -cp "$target/classes:$target/lib/*" foundergraph.Neo4jServer "$@"
