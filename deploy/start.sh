#!/bin/sh
# Starts Chỉ tiêu from its extracted form with the JVM's start-up cache (issue 16).
#
#   deploy/start.sh DIR                  # the server, with the cache
#   deploy/start.sh DIR --restore=FILE   # a one-off command: run as it is, without the cache
#
# DIR holds the application in extracted form (`java -Djarmode=tools -jar chitieu.jar extract
# --destination DIR`: DIR/chitieu*.jar and DIR/lib/). The first start of a build makes a
# training run first: the application starts up to the end of its context refresh (the database
# is migrated, plans and users are read, nothing is served) and stops, and the JVM writes what it
# loaded and linked into a cache file beside the jar; every later start maps that file and is
# ready in about half the time (docs/benchmarks.md, "Start-up"). The cache belongs to one build
# and one Java version: its name carries the jar's checksum and the Java version, so a new build
# makes a new one. Java 25 or later uses the AOT cache (JEP 483/514); Java 17 to 24, class-data
# sharing (CDS). If the training run fails (the database is not reachable yet, ...), the
# application starts without a cache and the next start tries again.
#
# Environment: JAVA (default: java), JAVA_OPTS (options for both runs), CHITIEU_STARTUP_CACHE=off
# (start without any cache).
set -eu

dir=${1:?usage: deploy/start.sh DIR [--restore=FILE]}
shift
java=${JAVA:-java}
jar=$(ls "$dir"/chitieu*.jar "$dir"/app.jar 2> /dev/null | head -n 1)
[ -n "$jar" ] || { echo "start.sh: no chitieu*.jar or app.jar in $dir (extract the jar there first)" >&2; exit 2; }

# A one-off command (e.g. --restore=FILE) runs as it is: never twice, never in a training run.
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
if [ "${CHITIEU_STARTUP_CACHE:-on}" = off ] || [ $# -gt 0 ]; then
    exec "$java" ${JAVA_OPTS:-} -jar "$jar" "$@"
fi

version=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.runtime\.version = //p' | tr -c 'A-Za-z0-9.\n' '_')
sum=$(cksum "$jar" | cut -d ' ' -f 1)
if "$java" -XX:+PrintFlagsFinal -version 2> /dev/null | grep -q ' AOTCacheOutput '; then
    cache="$dir/chitieu-$sum-$version.aot"
    train="-XX:AOTCacheOutput=$cache"
    use="-XX:AOTCache=$cache"
else
    cache="$dir/chitieu-$sum-$version.jsa"
    train="-XX:ArchiveClassesAtExit=$cache"
    use="-XX:SharedArchiveFile=$cache"
fi

if [ ! -s "$cache" ]; then
    echo "start.sh: first start of this build: a training run for the start-up cache ($cache)" >&2
    rm -f "$dir"/chitieu-*.aot "$dir"/chitieu-*.jsa
    # shellcheck disable=SC2086
    if ! "$java" ${JAVA_OPTS:-} "$train" -Dspring.context.exit=onRefresh -jar "$jar" > "$dir/training-run.log" 2>&1; then
        echo "start.sh: the training run failed (see $dir/training-run.log): starting without the cache" >&2
        rm -f "$cache"
    fi
fi
if [ -s "$cache" ]; then
    # shellcheck disable=SC2086
    exec "$java" ${JAVA_OPTS:-} "$use" -jar "$jar"
fi
# shellcheck disable=SC2086
exec "$java" ${JAVA_OPTS:-} -jar "$jar"
