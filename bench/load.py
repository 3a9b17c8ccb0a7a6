#!/usr/bin/env python3
"""Load test of the running application (docs/benchmarks.md, "Load test").

    python3 bench/load.py                 # build the jar if missing, start it, measure, stop it
    python3 bench/load.py --jar OTHER.jar # another build, e.g. the version before a change
    python3 bench/load.py --only surge    # one row, or a few: --only surge,startup

Starts the jar on a database of its own (created and dropped here, on the PostgreSQL server
of --db) with the sample district, then measures each row of issue 16's table through real
HTTP with wrk (Debian's package; installed with apt-get when missing) and plain HTTP
clients, and prints one table (also written to target/load-bench.md). Every row is measured
side by side with a reference in the same run: the machine is shared, so compare the lines
of one run, not runs of different days. It reports figures and asserts nothing.

Needs: java, psql, wrk (installed if missing and allowed), python 3.8 or later (standard
library only). Requests go to 127.0.0.1 only and every loop is bounded in count and time.
"""

import argparse
import base64
import concurrent.futures
import gzip
import hashlib
import html.parser
import http.cookiejar
import json
import os
import re
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PLAN = "KH-157-UBND-2022"
YEAR = "2024-2025"
OVERVIEW = f"/progress/{PLAN}?year={YEAR}"
INDICATOR = f"/progress/{PLAN}/indicators/TH-04?year={YEAR}"
API = f"/api/v1/plans/{PLAN}/progress?year={YEAR}"
REFERENCE = "/img/favicon.svg"
PASSWORD = "chitieu-mau"  # the sample district's logins (SampleDataLoader)

# The rows of the table, in the order they are measured (--only picks some).
ROWS = ("overview", "indicator", "api", "approval", "weight", "surge", "startup")

WRK_SCRIPT = r"""
done = function(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout
  io.write(string.format("WRKJSON {\"requests\": %d, \"seconds\": %.3f, \"p50\": %.3f, \"p95\": %.3f, \"p99\": %.3f, \"errors\": %d, \"bytes\": %d}\n",
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, errors, summary.bytes))
end
"""


def log(text):
    print(text, file=sys.stderr, flush=True)


def load():
    return "%.1f" % os.getloadavg()[0]


def ensure_wrk():
    if shutil.which("wrk"):
        return
    log("wrk is missing: installing Debian's package 'wrk' (apt-get install -y wrk)")
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    subprocess.run(sudo + ["apt-get", "install", "-y", "wrk"], check=False)
    if not shutil.which("wrk"):
        sys.exit("wrk could not be installed: install Debian's package 'wrk' and run again")


def psql(db, sql, database=None):
    args = ["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-h", db["host"], "-p", db["port"], "-U", db["user"],
            "-d", database or db["name"], "-c", sql]
    return subprocess.run(args, check=True, capture_output=True, text=True,
                          env=dict(os.environ, PGPASSWORD=db["password"])).stdout.strip()


class App:
    """The jar, started on the bench database; its start-up timings."""

    def __init__(self, args, db, extra_java=()):
        self.base = f"http://127.0.0.1:{args.port}"
        self.management = f"http://127.0.0.1:{args.port + 1}"
        env = dict(os.environ, SPRING_DATASOURCE_URL=f"jdbc:postgresql://{db['host']}:{db['port']}/{db['name']}",
                   SPRING_DATASOURCE_USERNAME=db["user"], SPRING_DATASOURCE_PASSWORD=db["password"],
                   CHITIEU_SAMPLE_DATA="false" if getattr(args, "scale", "district") == "city" else "true",
                   PORT=str(args.port), CHITIEU_MANAGEMENT_PORT=str(args.port + 1),
                   CHITIEU_BACKUP_SCHEDULE="-",
                   # A loaded machine (the load test beside builds) must not fail the start.
                   CHITIEU_DB_CONNECTION_TIMEOUT_MS="30000")
        self.log_file = open(os.path.join(ROOT, "target", "load-bench-app.log"), "ab")
        self.started = time.monotonic()
        command = ["java", f"-Xmx{args.heap}", *extra_java, *args.java_opt, "-jar", args.jar]
        self.process = subprocess.Popen(command, env=env, stdout=self.log_file, stderr=subprocess.STDOUT)
        self.first_answer = None  # the first answer of /login, whatever it was
        self.first_login_status = None
        self.ready = None  # readiness probe UP
        deadline = time.monotonic() + 1800
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                sys.exit("the application stopped during start-up: see target/load-bench-app.log")
            if self.first_answer is None:
                status = status_of(self.base + "/login")
                if status:
                    self.first_answer = time.monotonic() - self.started
                    self.first_login_status = status
            if status_of(self.management + "/actuator/health/readiness") == 200:
                self.ready = time.monotonic() - self.started
                break
            time.sleep(0.1)
        else:
            self.stop()
            sys.exit("the application was not ready within 30 minutes")

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(60)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.log_file.close()


def status_of(url, headers=None):
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers or {}), timeout=5) as answer:
            return answer.status
    except urllib.error.HTTPError as error:
        return error.code
    except (urllib.error.URLError, ConnectionError, OSError):
        return None


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Session:
    """A browser's session: cookies, the login form, its CSRF token."""

    def __init__(self, base):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        self.plain = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect)

    def get(self, path, headers=None):
        with self.opener.open(urllib.request.Request(self.base + path, headers=headers or {}), timeout=60) as answer:
            return answer.status, answer.read(), answer.headers

    def post(self, path, fields, follow=True, headers=None):
        data = urllib.parse.urlencode([tuple(f) for f in fields] if isinstance(fields, list) else fields).encode()
        opener = self.opener if follow else self.plain
        try:
            with opener.open(urllib.request.Request(self.base + path, data=data, headers=headers or {}),
                             timeout=60) as answer:
                return answer.status, answer.read()
        except urllib.error.HTTPError as error:
            return error.code, b""

    def login(self, username, password=PASSWORD):
        _, page, _ = self.get("/login")
        token = re.search(rb'name="_csrf" value="([^"]+)"', page).group(1).decode()
        status, _ = self.post("/login", {"username": username, "password": password, "_csrf": token}, follow=False)
        if status != 302 or not self.cookie("JSESSIONID"):
            raise RuntimeError(f"login of {username} failed ({status})")
        return self

    def cookie(self, name):
        return next((c.value for c in self.jar if c.name == name), None)

    def cookie_header(self):
        return "; ".join(f"{c.name}={c.value}" for c in self.jar)


def wrk(base, path, headers, connections, seconds):
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT)
    try:
        command = ["wrk", "-t", str(min(connections, 2)), "-c", str(connections), "-d", f"{seconds}s",
                   "--timeout", "30s", "-s", script.name]
        for name, value in headers.items():
            command += ["-H", f"{name}: {value}"]
        out = subprocess.run(command + [base + path], check=True, capture_output=True, text=True).stdout
    finally:
        os.unlink(script.name)
    result = json.loads(out.split("WRKJSON", 1)[1])
    result["rate"] = result["requests"] / result["seconds"]
    return result


class Table:
    def __init__(self):
        self.rows = []

    def add(self, what, figure, reference, loadavg):
        self.rows.append((what, figure, reference, loadavg))
        log(f"  {what}: {figure} | reference: {reference} | load {loadavg}")

    def markdown(self):
        lines = ["| what | measured | reference in the same run | load average |", "|---|---|---|---|"]
        lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in self.rows]
        return "\n".join(lines)


def fmt(result):
    text = f"p50 {result['p50']:.1f} ms, p95 {result['p95']:.1f} ms, {result['rate']:.0f} req/s"
    if result["errors"]:
        text += f", {result['errors']} errors"
    return text


def side_by_side(table, what, base, path, headers, connections, seconds, reference=REFERENCE,
                 reference_headers=None, reference_name="static file", cold=False):
    """Warm-up, then the row and its reference, one after the other. With cold: first one request alone,
    timed (what is not computed yet is computed by it), then a warm-up until a request answers quickly."""
    first = None
    if cold:
        started = time.monotonic()
        request = urllib.request.Request(base + path, headers=headers)
        with urllib.request.urlopen(request, timeout=120) as answer:
            answer.read()
        first = (time.monotonic() - started) * 1000
    wrk(base, path, headers, connections, 2)
    loadavg = load()
    measured = wrk(base, path, headers, connections, seconds)
    ref = wrk(base, reference, reference_headers if reference_headers is not None else headers, connections, seconds)
    figure = fmt(measured) + (f" (before: the first request alone, computed cold, {first:.0f} ms)" if cold else "")
    table.add(f"{what}, {connections} concurrent", figure, f"{reference_name}: {fmt(ref)}", loadavg)
    return measured


def prometheus_count(app, name, kind):
    try:
        with urllib.request.urlopen(app.management + "/actuator/prometheus", timeout=10) as answer:
            text = answer.read().decode()
    except (urllib.error.URLError, OSError):
        return None
    total = 0.0
    for line in text.splitlines():
        if line.startswith(name + "{") and f'view="{kind}"' in line:
            total += float(line.rsplit(" ", 1)[1])
    return total


def after_change(table, app, db, office, rounds):
    """The first overview after an approval (one school's report, submitted then approved, as the Office
    does), alone and with 8 users; beside it, the same after the year's counter moved by hand (no unit's:
    the whole year is read again, as before V29)."""
    headers = {"Cookie": office.cookie_header()}
    year = int(YEAR[:4])

    def timed():
        started = time.monotonic()
        status, body, _ = office.get(OVERVIEW, headers)
        return (time.monotonic() - started) * 1000

    approved = psql(db, f"select s.id from submission s join org_unit u on u.id = s.unit_id "
                        f"where s.school_year = {year} and s.status = 'APPROVED' and u.kind = 'SCHOOL' "
                        f"order by s.id limit {3 * rounds}").split()
    turn = iter(approved * 3)

    def approval():
        """A report submitted (and shown once), then approved: the change the measure follows."""
        submission = next(turn)
        psql(db, f"update submission set status = 'SUBMITTED' where id = {submission}")
        timed()
        psql(db, f"update submission set status = 'APPROVED' where id = {submission}")

    def bump():
        psql(db, f"select data_version_bump_years(array[{year}])")

    for _ in range(3):
        timed()
    loadavg = load()
    alone, cached, whole = [], [], []
    for _ in range(rounds):
        approval()
        alone.append(timed())
        cached.append(timed())
        bump()
        whole.append(timed())
    crowd, computations = [], []
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        for _ in range(rounds):
            approval()
            before = prometheus_count(app, "chitieu_progress_compute_seconds_count", "overview")
            barrier = threading.Barrier(8)

            def together():
                barrier.wait()
                return timed()

            times = list(pool.map(lambda _: together(), range(8)))
            crowd.append(max(times))
            after = prometheus_count(app, "chitieu_progress_compute_seconds_count", "overview")
            if before is not None and after is not None:
                computations.append(after - before)
    table.add("first overview after an approval, alone",
              f"median {statistics.median(alone):.0f} ms, slowest {max(alone):.0f} ms ({rounds} rounds)",
              f"the next request (cached): median {statistics.median(cached):.0f} ms; after the year's counter "
              f"moved by hand (the whole year read again): median {statistics.median(whole):.0f} ms", loadavg)
    counted = (f", computations per round: {statistics.median(computations):.0f}" if computations else "")
    table.add("first overview after an approval, 8 users at once",
              f"slowest of the 8: median {statistics.median(crowd):.0f} ms{counted}",
              f"alone: median {statistics.median(alone):.0f} ms", load())


class FormParser(html.parser.HTMLParser):
    """The fields of the form with the save button, with what a browser would send: a select's
    selected option (else its first), a textarea's text, checked boxes only."""

    def __init__(self):
        super().__init__()
        self.forms, self.current = [], None
        self.select = None  # [name, selected value, first value] of the open <select>
        self.textarea = None  # the field of the open <textarea>

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.current = {"action": a.get("action"), "fields": [], "save": False}
            self.forms.append(self.current)
        elif self.current is None:
            return
        elif tag == "select" and a.get("name"):
            self.select = [a["name"], None, None]
        elif tag == "option" and self.select is not None:
            value = a.get("value") or ""
            if self.select[2] is None:
                self.select[2] = value
            if "selected" in a:
                self.select[1] = value
        elif tag == "textarea" and a.get("name"):
            self.textarea = [a["name"], ""]
            self.current["fields"].append(self.textarea)
        elif tag == "input" and a.get("name"):
            if a.get("type") in ("checkbox", "radio") and "checked" not in a:
                return
            self.current["fields"].append([a["name"], a.get("value") or ""])
        elif tag == "button" and a.get("name") == "action" and a.get("value") == "save":
            self.current["save"] = True

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.current = None
        elif tag == "select" and self.select is not None:
            name, selected, first = self.select
            if self.current is not None:
                self.current["fields"].append([name, selected if selected is not None else (first or "")])
            self.select = None
        elif tag == "textarea":
            self.textarea = None


def form_fields(page):
    """The fields of a form page's save form, with its first whole number raised by one (or a first figure)."""
    parser = FormParser()
    parser.feed(page.decode())
    fields = next(f for f in parser.forms if f["save"])["fields"]
    numbers = [f for f in fields if f[0].startswith("f.") and f[1].strip().isdigit()]
    if numbers:
        numbers[0][1] = str(int(numbers[0][1]) + 1)
    else:  # a school with nothing entered yet: its first figure
        numbers = [next(f for f in fields if f[0].startswith("f."))]
        numbers[0][1] = "1"
    return fields


def in_rounds(work, entries, rounds, connections):
    """Runs work over every entry, `connections` at a time, `rounds` times: the entries per second of each
    round, the last round's times (sorted, ms) and how many failed in all."""
    per_round, times, failed = [], [], 0
    for _ in range(rounds):
        started = time.monotonic()
        with concurrent.futures.ThreadPoolExecutor(connections) as pool:
            results = list(pool.map(work, entries))
        per_round.append(len(entries) / (time.monotonic() - started))
        times = sorted(t for t, _ in results)
        failed += sum(1 for _, ok in results if not ok)
    return per_round, times, failed


def save_surge(table, app, db, connections, max_schools, rounds):
    """Every school saves its draft, `connections` at a time, as the deadline nears: `rounds` times, each
    from the form the previous save brought back (the first rounds also warm the JVM up: each is reported).
    Then the same with the form's script (autosave: one field, a JSON answer)."""
    year = int(YEAR[:4])
    psql(db, f"update submission set status = 'DRAFT' where school_year = {year} "
             f"and unit_id in (select id from org_unit where kind = 'SCHOOL')")
    schools = [line.split("|") for line in psql(db, "select id, lower(code) from org_unit where kind = 'SCHOOL' "
                                                     "order by id").splitlines()][:max_schools]

    def prepare(school):
        unit, username = school
        session = Session(app.base).login(username)
        path = f"/schools/{unit}/figures/{YEAR}"
        _, page, _ = session.get(path)
        return [session, path, form_fields(page) + [["action", "save"]]]

    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        prepared = list(pool.map(prepare, schools))
    before = psql(db, f"select count(*) from audit_event")

    def save(entry):
        session, path, fields = entry
        started = time.monotonic()
        status, body = session.post(path, fields)  # the save and the form it redirects to
        ok = status == 200 and b'class="alert alert-success"' in body
        if ok:
            entry[2] = form_fields(body) + [["action", "save"]]
        return (time.monotonic() - started) * 1000, ok

    loadavg = load()
    per_round, times, failed = in_rounds(save, prepared, rounds, connections)
    events = int(psql(db, "select count(*) from audit_event")) - int(before)
    # The reference: the same users opening their forms (a read of the same pages).
    started = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(connections) as pool:
        opened = list(pool.map(lambda e: e[0].get(e[1])[1], prepared))
    reads = time.monotonic() - started
    table.add(f"deadline surge: {len(prepared)} schools saving, {connections} concurrent, {rounds} rounds",
              f"{per_round[-1]:.0f} saves/s in the last round (rounds: "
              f"{', '.join(f'{r:.0f}' for r in per_round)}; save + form reload p50 {statistics.median(times):.0f} ms, "
              f"p95 {times[int(len(times) * 0.95) - 1]:.0f} ms), {failed} not saved, {events} audit events "
              f"(one changed figure each)",
              f"opening the same forms: {len(prepared) / reads:.0f} forms/s", loadavg)

    # The same schools again, as the form's script saves while a figure is typed (app.js): one field, its
    # value when the form was opened, the version; a JSON answer, no page.
    def autosave_fields(page):
        parser = FormParser()
        parser.feed(page.decode())
        fields = next(f for f in parser.forms if f["save"])["fields"]
        value = dict((name, v) for name, v in fields)
        number = next((name for name, v in fields if name.startswith("f.") and v.strip().isdigit()), None)
        if number is None or "o." + number[2:] not in value:
            return None
        return {"_csrf": value["_csrf"], "version": value["version"], "openedAt": value["openedAt"],
                "field": number, "value": int(value[number])}

    autosaves = [[entry[0], entry[1] + "/autosave", autosave_fields(page)] for entry, page in zip(prepared, opened)]
    autosaves = [a for a in autosaves if a[2] is not None]

    def autosave(entry):
        session, path, state = entry
        name = state["field"]
        sent = [["_csrf", state["_csrf"]], ["version", str(state["version"])], ["openedAt", str(state["openedAt"])],
                [name, str(state["value"] + 1)], ["o." + name[2:], str(state["value"])]]
        started = time.monotonic()
        status, body = session.post(path, sent, follow=False, headers={"Accept": "application/json"})
        ok = status == 200 and b'"saved"' in body
        if ok:
            answer = json.loads(body)
            state.update(version=answer["version"], openedAt=answer["openedAt"], value=state["value"] + 1)
        return (time.monotonic() - started) * 1000, ok

    loadavg = load()
    per_round, times, failed = in_rounds(autosave, autosaves, rounds, connections)
    table.add(f"deadline surge, autosave: {len(autosaves)} schools (the form's script), {connections} concurrent, "
              f"{rounds} rounds",
              f"{per_round[-1]:.0f} saves/s in the last round (rounds: {', '.join(f'{r:.0f}' for r in per_round)}; "
              f"p50 {statistics.median(times):.0f} ms, p95 {times[int(len(times) * 0.95) - 1]:.0f} ms), "
              f"{failed} not saved",
              "the save with its form reload: the row above", loadavg)


def page_weight(table, app, office):
    headers = {"Cookie": office.cookie_header()}
    _, plain, _ = office.get(OVERVIEW, headers)
    request = urllib.request.Request(app.base + OVERVIEW, headers=dict(headers, **{"Accept-Encoding": "gzip"}))
    with urllib.request.urlopen(request, timeout=60) as answer:
        sent = answer.read()
        encoding = answer.headers.get("Content-Encoding") or "none"
    _, page, _ = office.get(OVERVIEW)
    statics = sorted(set(re.findall(rb'(?:href|src)="(/(?:css|js|img|webjars)/[^"]+)"', page)))
    caching = []
    for path in statics:
        with urllib.request.urlopen(urllib.request.Request(app.base + path.decode(),
                                                           headers={"Accept-Encoding": "gzip"}), timeout=30) as a:
            caching.append(f"{path.decode()}: {a.headers.get('Cache-Control')}")
    table.add("page weight (overview)",
              f"{len(plain) / 1024:.0f} KB of HTML, sent {len(sent) / 1024:.0f} KB (Content-Encoding {encoding})",
              "static files: " + "; ".join(caching), load())


def startup(table, args, db):
    app = App(args, db)
    try:
        office = Session(app.base).login("phonggd")
        status, _, _ = office.get(OVERVIEW)
        first_page = time.monotonic() - app.started
    finally:
        app.stop()
    table.add("start-up, second start (data already there)",
              f"ready {app.ready:.1f} s, first overview page {first_page:.1f} s",
              f"/login first answered {app.first_login_status} at {app.first_answer:.1f} s", load())


def main():
    parser = argparse.ArgumentParser(description="Load test (docs/benchmarks.md)")
    parser.add_argument("--jar", help="the jar to run (default: target/chitieu-*.jar, built when missing)")
    parser.add_argument("--db", default=os.environ.get("BENCH_DB", "postgresql://postgres@127.0.0.1:5432/chitieu_bench"),
                        help="the PostgreSQL server and the name of the database to create and drop")
    parser.add_argument("--port", type=int, default=18090, help="the application's port (the next one: management)")
    parser.add_argument("--heap", default="512m")
    parser.add_argument("--seconds", type=int, default=10, help="how long each wrk run lasts")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=5, help="rounds of the after-an-approval measures")
    parser.add_argument("--schools", type=int, default=150, help="at most this many schools save in the surge")
    parser.add_argument("--surge-rounds", type=int, default=3,
                        help="how many times every school saves in the surge (each round reported)")
    parser.add_argument("--java-opt", action="append", default=[], help="an extra JVM option (repeatable)")
    parser.add_argument("--keep", action="store_true", help="keep the database")
    parser.add_argument("--reuse", action="store_true",
                        help="with --scale city: use the city kept by an earlier run with --keep instead of "
                             "generating it again (compare two jars on the same data)")
    parser.add_argument("--scale", choices=["district", "city"], default="district",
                        help="district: the sample district (every row); city: 3,000 schools generated by "
                             "ProgressBenchmark (the overview, indicator page and after-an-approval rows)")
    parser.add_argument("--only", default=",".join(ROWS),
                        help="measure only these rows, a comma list of " + ", ".join(ROWS) + " (default: all)")
    parser.add_argument("--jfr", help="record the first start with Java Flight Recorder into this file "
                                      "(then: jfr print --events jdk.ExecutionSample FILE)")
    args = parser.parse_args()
    only = {row.strip() for row in args.only.split(",") if row.strip()}
    if not only or only - set(ROWS):
        parser.error(f"--only: one or more of {', '.join(ROWS)}")

    ensure_wrk()
    os.makedirs(os.path.join(ROOT, "target"), exist_ok=True)
    if not args.jar:
        jars = [j for j in os.listdir(os.path.join(ROOT, "target")) if re.fullmatch(r"chitieu-.*\.jar", j)]
        if not jars:
            log("building the jar (./mvnw -q -B -DskipTests package)")
            subprocess.run([os.path.join(ROOT, "mvnw"), "-q", "-B", "-DskipTests", "-Djacoco.skip=true", "package"],
                           cwd=ROOT, check=True)
            jars = [j for j in os.listdir(os.path.join(ROOT, "target")) if re.fullmatch(r"chitieu-.*\.jar", j)]
        args.jar = os.path.join(ROOT, "target", jars[0])
    url = urllib.parse.urlparse(args.db)
    db = {"host": url.hostname or "127.0.0.1", "port": str(url.port or 5432), "user": url.username or "postgres",
          "password": url.password or os.environ.get("PGPASSWORD", ""), "name": url.path.lstrip("/")}
    if args.scale == "city":
        return run_city(args, db)
    psql(db, f"drop database if exists {db['name']}", "postgres")
    psql(db, f"create database {db['name']} encoding 'UTF8' template template0", "postgres")
    table = Table()
    log(f"{args.jar}, database {db['name']}, heap {args.heap}, load average {load()}")
    try:
        app = App(args, db, [f"-XX:StartFlightRecording=filename={args.jfr},settings=profile"] if args.jfr else [])
        log(f"first start (the sample district loaded): ready in {app.ready:.1f} s")
        # The planner's statistics of the freshly loaded data, as autovacuum would gather them
        # soon after on a server that runs it (a CI machine may not): every row measured on them.
        psql(db, "analyze")
        try:
            office = Session(app.base).login("phonggd")
            cookie = {"Cookie": office.cookie_header()}
            if "overview" in only:
                side_by_side(table, "district overview", app.base, OVERVIEW, cookie, args.connections, args.seconds)
            if "indicator" in only:
                side_by_side(table, "indicator page (TH-04, every primary school)", app.base, INDICATOR, cookie,
                             args.connections, args.seconds)
            basic = {"Authorization": "Basic " + base64.b64encode(f"lanhdao:{PASSWORD}".encode()).decode()}
            if "api" in only:
                side_by_side(table, "JSON API, HTTP Basic", app.base, API, basic, args.connections, args.seconds)
                token = api_token(db)
                if token:
                    bearer = {"Authorization": "Bearer " + token}
                    side_by_side(table, "JSON API, bearer token", app.base, API, bearer, args.connections,
                                 args.seconds, reference=API, reference_headers=basic,
                                 reference_name="the same call with HTTP Basic")
            if "approval" in only:
                after_change(table, app, db, office, args.rounds)
            if "weight" in only:
                page_weight(table, app, office)
            if "surge" in only:
                save_surge(table, app, db, args.connections, args.schools, args.surge_rounds)
        finally:
            app.stop()
        if "startup" in only:
            startup(table, args, db)
    finally:
        if not args.keep:
            psql(db, f"drop database if exists {db['name']}", "postgres")
    report(table, "Load test", args, "load-bench.md")


def report(table, title, args, name):
    """Prints the table under its heading and writes it to target/NAME."""
    heading = (f"{title}, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {os.cpu_count()} cores, "
               f"heap {args.heap}, {os.path.basename(args.jar)}, wrk {args.seconds} s per measure")
    text = heading + "\n\n" + table.markdown() + "\n"
    with open(os.path.join(ROOT, "target", name), "w") as out:
        out.write(text)
    print(text)


def api_token(db):
    """A token for the VIEWER login, stored as the administrator's page stores it (V27)."""
    exists = psql(db, "select count(*) from information_schema.tables where table_name = 'api_token'")
    if exists != "1":
        return None
    token = "ctk_" + secrets.token_urlsafe(32)
    digest = hashlib.sha256(token.encode()).hexdigest()
    psql(db, "insert into api_token (user_id, name, token_hash, created_by) "
             f"select id, 'load test', '{digest}', 'bench' from app_user where username = 'lanhdao'")
    return token


# ---------------------------------------------------------------------------- the city (--scale city)

CITY_SCHOOLS = 3000
CITY_USER, CITY_PASSWORD = "bench", "benchmark-password"  # the OFFICE login ProgressBenchmark creates


def city_database(db):
    """The synthetic city (3,000 schools, 280 wards, 753,340 figures) in the database of --db, generated by
    ProgressBenchmark's own generator through Maven ("generate only and keep" mode)."""
    server = f"jdbc:postgresql://{db['host']}:{db['port']}/postgres"
    env = dict(os.environ, SPRING_DATASOURCE_URL=server, SPRING_DATASOURCE_USERNAME=db["user"],
               SPRING_DATASOURCE_PASSWORD=db["password"])
    log(f"generating the city ({CITY_SCHOOLS} schools) into {db['name']} with ProgressBenchmark: a few minutes")
    started = time.monotonic()
    subprocess.run([os.path.join(ROOT, "mvnw"), "-q", "-B", "-Pbenchmark", "test", "-Dtest=ProgressBenchmark",
                    "-Dsurefire.failIfNoSpecifiedTests=false", f"-Dbenchmark.scales={CITY_SCHOOLS}",
                    f"-Dbenchmark.generateOnly={db['name']}"], cwd=ROOT, env=env, check=True)
    log(f"city generated in {time.monotonic() - started:.0f} s")
    psql(db, "analyze")  # the planner's statistics, as after the district's first start


def run_city(args, db):
    """The rows of issue 16's table measured on the city: overview, indicator page (TH-04 lists every public
    primary school, about 900), the first overview after an approval, and the page weight."""
    if args.reuse and psql(db, f"select count(*) from pg_database where datname = '{db['name']}'", "postgres") == "1":
        log(f"using the city kept in {db['name']}")
    else:
        city_database(db)
    table = Table()
    log(f"{args.jar}, city database {db['name']}, heap {args.heap}, load average {load()}")
    try:
        app = App(args, db, [f"-XX:StartFlightRecording=filename={args.jfr},settings=profile"] if args.jfr else [])
        log(f"start on the city: ready in {app.ready:.1f} s")
        try:
            office = Session(app.base).login(CITY_USER, CITY_PASSWORD)
            cookie = {"Cookie": office.cookie_header()}
            side_by_side(table, "city overview", app.base, OVERVIEW, cookie, args.connections, args.seconds,
                         cold=True)
            side_by_side(table, "city indicator page (TH-04, first page of its breakdown)", app.base, INDICATOR,
                         cookie, args.connections, args.seconds, cold=True)
            after_change(table, app, db, office, args.rounds)
            page_weight(table, app, office)
            _, page, _ = office.get(INDICATOR)
            table.add("city indicator page (TH-04): weight", f"{len(page) / 1024:.0f} KB of HTML", "", load())
        finally:
            app.stop()
    finally:
        if not args.keep:
            psql(db, f"drop database if exists {db['name']}", "postgres")
    report(table, f"Load test (city, {CITY_SCHOOLS} schools)", args, "load-bench-city.md")


if __name__ == "__main__":
    main()
