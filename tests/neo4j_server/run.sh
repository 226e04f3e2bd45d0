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
# Class data sharing: once built, the launcher runs a tiny import with -XX:ArchiveClassesAtExit, and later
# starts map the classes that loaded (JDK, kernel, importer, Cypher) from target/launcher.jsa instead of
# reading and verifying them from ~100 jars. A JVM that cannot use the archive starts without it.
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
        rm -f "$target/launcher.jsa" "$target/launcher.jsa.failed"  # made again for the new classes
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
archive="$target/launcher.jsa"
# $1: -Xshare:auto, -XX:SharedArchiveFile=... or -XX:ArchiveClassesAtExit=...; then the launcher's arguments.
# The class path names the launcher's jar, not target/classes (class data sharing refuses a directory).
# JVM warnings go to stderr: stdout carries the READY and IMPORT DONE lines.
java_with() {
    share=$1
    shift
    java "-Xmx$heap" -XX:+UseSerialGC "$share" -Xlog:disable -Xlog:all=warning:stderr \
        --add-opens=java.base/java.nio=ALL-UNNAMED \
        --add-opens=java.base/java.io=ALL-UNNAMED \
        --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
        --add-opens=java.base/java.lang=ALL-UNNAMED \
        --add-opens=java.base/jdk.internal.misc=ALL-UNNAMED \
        -Dio.netty.tryReflectionSetAccessible=true \
        -cp "$target/neo4j-server-1.0.jar:$target/lib/*" foundergraph.Neo4jServer "$@"
}
if [ ! -f "$archive" ] && [ ! -f "$archive.failed" ]; then
    exec 9>"$target/.build.lock"
    flock 9 2>/dev/null || true  # two starts at once make it once
    if [ ! -f "$archive" ] && [ ! -f "$archive.failed" ]; then
        train=$(mktemp -d)
        printf ':ID,key\n0,"a"\n' >"$train/nodes.csv"
        printf ':START_ID,:END_ID,since:datetime,names:string[]\n0,0,2026-01-01T00:00:00Z,"x"\n' >"$train/rels.csv"
        if java_with "-XX:ArchiveClassesAtExit=$archive.tmp" import --data "$train/data" \
                --cypher "CREATE CONSTRAINT cds_key IF NOT EXISTS FOR (n:Cds) REQUIRE n.key IS UNIQUE" \
                -- --id-type=actual "--report-file=$train/import.report" \
                "--nodes=Cds=$train/nodes.csv" "--relationships=CDS=$train/rels.csv" \
                >"$target/archive.log" 2>&1 && [ -s "$archive.tmp" ]; then
            mv "$archive.tmp" "$archive"
        else
            touch "$archive.failed"  # see target/archive.log; starts go on without the archive
        fi
        rm -rf "$train" "$archive.tmp"
    fi
    exec 9>&-
fi
java_run() {
    if [ -f "$archive" ]; then
        java_with "-XX:SharedArchiveFile=$archive" "$@"
    else
        java_with -Xshare:auto "$@"
    fi
    exit $?
}
if [ "${1:-}" = "import" ]; then
    java_run "$@"
fi
java_run --page-cache-mb "${NEO4J_PAGE_CACHE_MB:-$(quarter_mb 256 8192)}" "$@"
