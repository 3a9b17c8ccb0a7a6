#!/usr/bin/env python3
"""Start-up times of the jar, plain and with the JVM's start-up cache (docs/benchmarks.md, "Start-up").

    python3 bench/startup.py                          # target/chitieu-*.jar, the JDKs found
    python3 bench/startup.py --jar OTHER.jar --java /usr/lib/jvm/temurin-25-jdk-amd64/bin/java

Creates a database of its own (dropped at the end), starts the jar once to load the sample district,
then, on that database, for each Java given (default: `java` and, when installed, Temurin 25):
`java -jar` (the reference), and `deploy/start.sh` on the extracted jar — its first start (the training
run, then the start) and the starts after it (with the cache). Time is from the process start to the
readiness probe's 200, the moment a load balancer sends users. Every line is run --runs times,
alternating, and the median printed with the load average. Reports figures, asserts nothing.
"""

import argparse
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TEMURIN_25 = "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java"


def psql(sql):
    subprocess.run(["psql", "-X", "-q", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-c", sql], check=True)


def start(command, env, port, log):
    """Runs the command until the readiness probe answers 200; returns the seconds it took."""
    started = time.monotonic()
    process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    ready = None
    try:
        while time.monotonic() - started < 900 and process.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port + 1}/actuator/health/readiness", timeout=1) as r:
                    if r.status == 200:
                        ready = time.monotonic() - started
                        break
            except OSError:
                pass
            time.sleep(0.05)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(120)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
    if ready is None:
        sys.exit(f"not ready: {' '.join(command)} (see target/startup-bench-app.log)")
    return ready


def main():
    parser = argparse.ArgumentParser(description="Start-up times (docs/benchmarks.md)")
    parser.add_argument("--jar", help="the jar (default: target/chitieu-*.jar)")
    parser.add_argument("--java", action="append", help="a java command to measure (repeatable)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--port", type=int, default=18490)
    args = parser.parse_args()
    jar = args.jar or next((os.path.join(ROOT, "target", j) for j in sorted(os.listdir(os.path.join(ROOT, "target")))
                            if re.fullmatch(r"chitieu-.*\.jar", j)), None)
    if not jar:
        sys.exit("no jar: ./mvnw -q -B -DskipTests package first, or --jar")
    javas = args.java or ["java"] + ([TEMURIN_25] if os.path.exists(TEMURIN_25) else [])
    database = "chitieu_startup_bench"
    env = dict(os.environ, SPRING_DATASOURCE_URL=f"jdbc:postgresql://127.0.0.1:5432/{database}",
               SPRING_DATASOURCE_USERNAME="postgres", SPRING_DATASOURCE_PASSWORD="", CHITIEU_SAMPLE_DATA="true",
               PORT=str(args.port), CHITIEU_MANAGEMENT_PORT=str(args.port + 1), CHITIEU_BACKUP_SCHEDULE="-",
               JAVA_OPTS="-Xmx512m")
    psql(f"drop database if exists {database}")
    psql(f"create database {database} encoding 'UTF8' template template0")
    work = tempfile.mkdtemp(prefix="chitieu-startup-")
    os.makedirs(os.path.join(ROOT, "target"), exist_ok=True)
    lines = []
    try:
        with open(os.path.join(ROOT, "target", "startup-bench-app.log"), "ab") as log:
            first = start(["java", "-Xmx512m", "-jar", jar], env, args.port, log)
            lines.append(("first start ever (the sample district loaded), java -jar", f"{first:.1f} s", ""))
            for java in javas:
                version = subprocess.run([java, "-version"], capture_output=True, text=True).stderr.splitlines()[0]
                directory = os.path.join(work, re.sub(r"\W", "_", java))
                shutil.copy(jar, os.path.join(work, "chitieu-bench.jar"))
                subprocess.run([java, "-Djarmode=tools", "-jar", os.path.join(work, "chitieu-bench.jar"), "extract",
                                "--destination", directory], check=True, capture_output=True)
                cached_env = dict(env, JAVA=java)
                script = [os.path.join(ROOT, "deploy", "start.sh"), directory]
                training = start(script, cached_env, args.port, log)
                plain, cached = [], []
                for _ in range(args.runs):
                    plain.append(start([java, "-Xmx512m", "-jar", jar], env, args.port, log))
                    cached.append(start(script, cached_env, args.port, log))
                loadavg = "%.1f" % os.getloadavg()[0]
                lines.append((f"{version}: java -jar", f"median {statistics.median(plain):.1f} s "
                              f"({', '.join('%.1f' % t for t in plain)})", loadavg))
                lines.append((f"{version}: deploy/start.sh, first start of the build (training run, then start)",
                              f"{training:.1f} s", loadavg))
                lines.append((f"{version}: deploy/start.sh, with the cache", f"median {statistics.median(cached):.1f} s "
                              f"({', '.join('%.1f' % t for t in cached)})", loadavg))
    finally:
        shutil.rmtree(work, ignore_errors=True)
        psql(f"drop database if exists {database} with (force)")
    text = (f"Start-up to ready, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {os.cpu_count()} cores, "
            f"heap 512m, {os.path.basename(jar)}, the sample district's database\n\n"
            "| how | ready after | load average |\n|---|---|---|\n"
            + "".join(f"| {a} | {b} | {c} |\n" for a, b, c in lines))
    with open(os.path.join(ROOT, "target", "startup-bench.md"), "w") as out:
        out.write(text)
    print(text)


if __name__ == "__main__":
    main()
