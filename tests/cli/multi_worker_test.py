#!/usr/bin/python3
"""End-to-end check of several crawl workers sharing one PostgreSQL database.

Serves three generated blogs (three hosts) with linkgraph_test_blog_server,
each logging the requests it serves. Crawls them once with a single process
into SQLite (the baseline), then with three `linkgraph crawl` workers on a
fresh PostgreSQL database, killing one worker (SIGKILL) once the crawl is
under way. Checks that:
  * the two other workers exit 0 within a bounded time;
  * the PostgreSQL export (json) equals the baseline's byte for byte;
  * no URL was fetched twice by the workers, except a URL first fetched
    before the kill (the killed worker's hosts return to the queue after the
    lease) and again after it;
  * the per-host delay held across the workers: on each host, consecutive
    requests (robots.txt included) started at least 0.9 x --delay apart.

The same servers, on the same ports, serve both crawls (a page's URL is part
of what is stored); the workers' requests are the log lines written after the
baseline crawl.

Usage: multi_worker_test.py LINKGRAPH BLOG_SERVER [URI_FILE] [options]
The PostgreSQL server: LINKGRAPH_TEST_PG holds a URI, else URI_FILE or the
file LINKGRAPH_TEST_PG_URI_FILE names holds one. The test creates its own
database there (the role needs CREATEDB) and drops it at the end.
Exit status: 0 passed, 1 failed, 2 usage, 77 skipped (no PostgreSQL server).
"""

import argparse
import difflib
import os
import secrets
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse

SKIP = 77
HOSTS = 3
WORKERS = 3
POSTS = 20  # about 26 requests per host: a crawl of about 5 s at --delay 0.2
COMMENTS_PER_POST = 4
DELAY = 0.2
LEASE_SECONDS = 3
KILL_AFTER_REQUESTS = 15  # the workers' requests, all hosts together
KILL_GRACE = 0.1  # seconds: a request the killed worker sent may be read just after the kill
GAP_FACTOR = 0.9
WORKER_WAIT = 120  # seconds the surviving workers have to finish
START_WAIT = 60  # seconds the workers have to reach KILL_AFTER_REQUESTS
COMMAND_TIMEOUT = 120


class Skip(Exception):
    pass


class Failure(Exception):
    pass


class Terminated(Exception):
    pass


def note(message):
    print(f"multi_worker: {message}", flush=True)


# --- PostgreSQL -------------------------------------------------------------

def find_pg_uri(uri_file):
    uri = os.environ.get("LINKGRAPH_TEST_PG", "").strip()
    if uri:
        return uri
    uri_file = uri_file or os.environ.get("LINKGRAPH_TEST_PG_URI_FILE", "")
    if not uri_file:
        raise Skip("no PostgreSQL test server: set LINKGRAPH_TEST_PG to a URI or "
                   "LINKGRAPH_TEST_PG_URI_FILE to a file holding one "
                   "(scripts/pg-test-server.sh start DIR writes DIR/uri)")
    try:
        with open(uri_file, encoding="utf-8") as file:
            uri = file.read().strip()
    except OSError as error:
        raise Skip(f"no PostgreSQL test server: cannot read {uri_file} ({error.strerror}); "
                   "the postgres fixture skipped or did not run") from None
    if not uri:
        raise Skip(f"no PostgreSQL test server: {uri_file} is empty")
    return uri


def redact(uri):
    """The URI without its password, for messages."""
    parts = urllib.parse.urlsplit(uri)
    if parts.password is None:
        return uri
    netloc = parts.netloc.rsplit("@", 1)
    user = netloc[0].split(":", 1)[0]
    return urllib.parse.urlunsplit(parts._replace(netloc=f"{user}:***@{netloc[1]}"))


def with_database(uri, database):
    parts = urllib.parse.urlsplit(uri)
    return urllib.parse.urlunsplit(parts._replace(path="/" + database))


def psql(uri, sql):
    env = dict(os.environ, PGCONNECT_TIMEOUT="10")
    return subprocess.run(["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", uri,
                           "-c", sql],
                          capture_output=True, text=True, env=env, timeout=60, check=False)


def check_server(uri):
    if shutil.which("psql") is None:
        raise Skip("psql is not installed (postgresql-client); cannot create a database")
    try:
        result = psql(uri, "SELECT 1")
    except subprocess.TimeoutExpired:
        raise Skip(f"the PostgreSQL server at {redact(uri)} did not answer") from None
    if result.returncode != 0:
        raise Skip(f"cannot connect to {redact(uri)}: {result.stderr.strip()}")


def create_database(admin_uri):
    name = f"linkgraph_mw_{os.getpid()}_{secrets.token_hex(4)}"
    result = psql(admin_uri, f'CREATE DATABASE "{name}"')
    if result.returncode != 0:
        raise Skip(f"cannot create a database on {redact(admin_uri)} (the role needs "
                   f"CREATEDB): {result.stderr.strip()}")
    return name


def drop_database(admin_uri, name):
    # FORCE (PostgreSQL 13+) ends a connection a killed worker may have left.
    result = psql(admin_uri, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    if result.returncode != 0:
        result = psql(admin_uri, f'DROP DATABASE IF EXISTS "{name}"')
    if result.returncode != 0:
        print(f"multi_worker: warning: could not drop database {name}: "
              f"{result.stderr.strip()}", file=sys.stderr)


# --- the blog servers and their request logs --------------------------------

class BlogServer:
    def __init__(self, binary, seed, log_path):
        self.log_path = log_path
        # stdin a pipe: the server exits when this process goes, however it goes.
        self.process = subprocess.Popen(
            [binary, "--posts", str(POSTS), "--comments-per-post", str(COMMENTS_PER_POST),
             "--seed", str(seed), "--request-log", log_path],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        ready, _, _ = select.select([self.process.stdout], [], [], 30)
        line = self.process.stdout.readline().strip() if ready else ""
        if not line.startswith("http://"):
            self.stop()
            raise Failure(f"blog server (seed {seed}) did not start: {line!r} "
                          f"{self.process.stderr.read()[:1000] if self.process.stderr else ''}")
        self.base_url = line
        self.host = urllib.parse.urlsplit(line).netloc

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
            if stream:
                stream.close()


def read_requests(servers, offsets):
    """(time, host, target) of every complete line each log holds past its offset."""
    requests = []
    for server in servers:
        with open(server.log_path, "rb") as file:
            file.seek(offsets.get(server.log_path, 0))
            data = file.read()
        for line in data.decode("utf-8", "replace").split("\n")[:-1]:  # complete lines only
            fields = line.split(" ", 2)
            if len(fields) != 3:
                raise Failure(f"{server.log_path}: malformed request log line {line!r}")
            requests.append((float(fields[0]), fields[1], fields[2]))
    requests.sort()
    return requests


def log_sizes(servers):
    time.sleep(0.3)  # the servers write their logs every 10 ms
    return {server.log_path: os.path.getsize(server.log_path) for server in servers}


# --- linkgraph --------------------------------------------------------------

def run_linkgraph(args, what):
    started = time.monotonic()
    try:
        result = subprocess.run(args, capture_output=True, text=True, timeout=COMMAND_TIMEOUT,
                                check=False)
    except subprocess.TimeoutExpired:
        raise Failure(f"{what} did not finish in {COMMAND_TIMEOUT} s") from None
    if result.returncode != 0:
        raise Failure(f"{what} exited {result.returncode}\nstdout: {result.stdout[-2000:]}\n"
                      f"stderr: {result.stderr[-2000:]}")
    return time.monotonic() - started


def export_json(linkgraph, db, out, what):
    run_linkgraph([linkgraph, "export", "--db", db, "--format", "json", "--out", out], what)
    with open(out, "rb") as file:
        return file.read()


def tail(path, limit=1500):
    try:
        with open(path, encoding="utf-8", errors="replace") as file:
            return file.read()[-limit:].strip() or "(empty)"
    except OSError:
        return "(missing)"


def export_diff(expected, actual, limit=60):
    lines = list(difflib.unified_diff(expected.decode("utf-8", "replace").splitlines(),
                                      actual.decode("utf-8", "replace").splitlines(),
                                      "sqlite (baseline)", "postgresql (workers)", lineterm="",
                                      n=2))
    head = "\n".join(lines[:limit])
    if len(lines) > limit:
        head += f"\n... ({len(lines) - limit} more diff lines)"
    return head


# --- the checks on the workers' requests ------------------------------------

def leased_hosts(uri, worker):
    """The hosts a worker holds a live lease on, as "host:port"."""
    result = psql(uri, "SELECT host FROM crawl_hosts WHERE lease_owner = '" + worker +
                  "' AND lease_until > now() ORDER BY host")
    if result.returncode != 0:
        return []  # the schema may not exist yet
    return [line.strip() for line in result.stdout.splitlines() if line.strip()]


def check_duplicates(requests, kill_time, failures, victim_hosts):
    """Returns the number of allowed re-fetches: a URL of a host the killed
    worker held, fetched before the kill and again after it (its claim was
    lost with it). Adds a failure per other duplicate."""
    fetches = {}
    for at, host, target in requests:
        fetches.setdefault((host, target), []).append(at)
    refetches = 0
    bad = []
    for (host, target), times in sorted(fetches.items()):
        if len(times) == 1:
            continue
        if (len(times) == 2 and host in victim_hosts and times[0] <= kill_time + KILL_GRACE
                and times[1] > kill_time):
            refetches += 1
            continue
        offsets = ", ".join(f"{at - kill_time:+.3f} s" for at in times)
        bad.append(f"http://{host}{target} fetched {len(times)} times ({offsets} from the kill)")
    if bad:
        failures.append(f"{len(bad)} URLs fetched more than once (besides a re-fetch of one first "
                        "fetched before the kill):\n  " + "\n  ".join(bad[:30]) +
                        (f"\n  ... and {len(bad) - 30} more" if len(bad) > 30 else ""))
    return refetches


def check_gaps(requests, delay, failures):
    """The smallest gap between consecutive request starts, per host."""
    times_by_host = {}
    for at, host, _ in requests:
        times_by_host.setdefault(host, []).append(at)
    smallest = {}
    for host, times in sorted(times_by_host.items()):
        gaps = [(later - earlier, index) for index, (earlier, later)
                in enumerate(zip(times, times[1:]), start=1)]
        if not gaps:
            continue
        gap, index = min(gaps)
        smallest[host] = gap
        if gap < GAP_FACTOR * delay:
            failures.append(f"host {host}: requests {index} and {index + 1} started {gap:.3f} s "
                            f"apart, less than {GAP_FACTOR} x --delay {delay} s")
    return smallest


def check_takeover(requests, kill_time, victim_hosts, failures):
    """The killed worker's hosts wait for its lease to expire, and no longer
    than a lease (plus the time a surviving worker takes to ask again)."""
    for host in victim_hosts:
        after = [at for at, h, _ in requests if h == host and at > kill_time + KILL_GRACE]
        if not after:
            note(f"{host}: nothing was left to fetch after the kill")
            continue
        wait = after[0] - kill_time
        note(f"{host}: first request after the kill {wait:.2f} s later (lease {LEASE_SECONDS} s)")
        if wait < LEASE_SECONDS / 2:
            failures.append(f"{host}, leased to the killed worker, was fetched again {wait:.2f} s "
                            f"after the kill: before its lease ({LEASE_SECONDS} s) could expire")
        if wait > LEASE_SECONDS + 2:
            failures.append(f"{host}, leased to the killed worker, waited {wait:.2f} s after the "
                            f"kill: more than a lease ({LEASE_SECONDS} s)")


# --- the test ---------------------------------------------------------------

def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("linkgraph")
    parser.add_argument("blog_server")
    parser.add_argument("uri_file", nargs="?", default="",
                        help="file holding the PostgreSQL URI (default: "
                             "$LINKGRAPH_TEST_PG_URI_FILE)")
    parser.add_argument("--lease-option",
                        default=os.environ.get("LINKGRAPH_MW_LEASE_OPTION", "--lease-seconds"),
                        help="the workers' lease option; '' leaves it out "
                             "(default: $LINKGRAPH_MW_LEASE_OPTION or --lease-seconds)")
    parser.add_argument("--keep-temp", action="store_true",
                        help="keep the temporary folder (databases, logs, exports)")
    return parser.parse_args()


def run_test(args, state):
    started = time.monotonic()
    admin_uri = find_pg_uri(args.uri_file)
    check_server(admin_uri)

    temp = state["temp"] = tempfile.mkdtemp(prefix="linkgraph-mw-")
    servers = state["servers"]
    for seed in range(1, HOSTS + 1):
        log_path = os.path.join(temp, f"requests-{seed}.log")
        servers.append(BlogServer(args.blog_server, seed, log_path))
    seeds = [server.base_url + "/" for server in servers]
    crawl_options = ["--delay", str(DELAY), "--quiet"]

    # The baseline: one process, SQLite.
    baseline_db = os.path.join(temp, "baseline.sqlite")
    baseline_seconds = run_linkgraph(
        [args.linkgraph, "crawl", "--db", baseline_db, *crawl_options, *seeds],
        "the baseline crawl (SQLite)")
    baseline = export_json(args.linkgraph, baseline_db, os.path.join(temp, "baseline.json"),
                           "the baseline export")
    offsets = log_sizes(servers)
    baseline_requests = read_requests(servers, {})  # nothing else is fetching now
    note(f"baseline: {len(baseline_requests)} requests, crawl {baseline_seconds:.1f} s, "
         f"export {len(baseline)} bytes")

    # The workers, on a database of their own.
    database = create_database(admin_uri)
    state["drop"] = (admin_uri, database)
    worker_uri = with_database(admin_uri, database)
    worker_args = [args.linkgraph, "crawl", "--db", worker_uri, *crawl_options]
    if args.lease_option:
        worker_args[4:4] = [args.lease_option, str(LEASE_SECONDS)]
    worker_args += seeds
    shown = [redact(arg) if arg == worker_uri else arg for arg in worker_args]
    note(f"{WORKERS} workers: {' '.join(shown)}")
    workers = state["workers"]
    workers_started = time.monotonic()
    for index in range(1, WORKERS + 1):
        out = os.path.join(temp, f"worker-{index}.out")
        named = worker_args[:4] + ["--worker-name", f"w{index}"] + worker_args[4:]
        with open(out, "wb") as output:
            workers.append((subprocess.Popen(named, stdin=subprocess.DEVNULL, stdout=output,
                                             stderr=subprocess.STDOUT), out))

    # Kill a worker once the crawl is under way: the first that holds a host.
    deadline = time.monotonic() + START_WAIT
    victim_hosts = []
    victim_index = 0
    while not victim_index:
        count = len(read_requests(servers, offsets))
        if count >= KILL_AFTER_REQUESTS:
            for index in range(1, WORKERS + 1):
                hosts = leased_hosts(worker_uri, f"w{index}")
                if hosts and workers[index - 1][0].poll() is None:
                    victim_index, victim_hosts = index, hosts
                    break
        exited = [index for index, (worker, _) in enumerate(workers, start=1)
                  if worker.poll() is not None]
        if not victim_index and exited:
            index = exited[0]
            raise Failure(f"worker {index} exited {workers[index - 1][0].returncode} after "
                          f"{count} requests, before the kill: {tail(workers[index - 1][1])}")
        if time.monotonic() > deadline:
            raise Failure(f"no worker held a host after {count} requests, {START_WAIT} s after "
                          "starting the workers")
        time.sleep(0.02)
    # `status` shows who is at the crawl, from any process.
    status = subprocess.run([args.linkgraph, "status", "--db", worker_uri], capture_output=True,
                            text=True, timeout=COMMAND_TIMEOUT)
    workers_line = next((line for line in status.stdout.splitlines()
                         if line.startswith("crawl-workers")), "")
    note(f"status while crawling: {workers_line or '(no crawl-workers line)'}")
    if f"w{victim_index} (" not in workers_line:
        raise Failure(f"status does not name worker w{victim_index}, which holds a host: "
                      f"{status.stdout}{status.stderr}")
    victim, victim_out = workers[victim_index - 1]
    kill_time = time.time()
    victim.send_signal(signal.SIGKILL)
    victim.wait()
    kill_after = time.monotonic() - workers_started
    note(f"killed worker {victim_index} after {count} requests, {kill_after:.1f} s in, holding "
         + ", ".join(victim_hosts))

    failures = []
    deadline = time.monotonic() + WORKER_WAIT
    for index, (worker, out) in enumerate(workers, start=1):
        if index == victim_index:
            continue
        try:
            worker.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()
            failures.append(f"worker {index} did not finish within {WORKER_WAIT} s of the kill "
                            f"(killed): {tail(out)}")
            continue
        if worker.returncode != 0:
            failures.append(f"worker {index} exited {worker.returncode}: {tail(out)}")
    workers_seconds = time.monotonic() - workers_started
    note(f"the other workers done {workers_seconds:.1f} s after the start"
         + (" (not all with 0: see below)" if failures else ", all exited 0"))

    # The export, then the servers' logs: checked even after a failure above,
    # so that one run shows everything that is wrong.
    try:
        actual = export_json(args.linkgraph, worker_uri, os.path.join(temp, "workers.json"),
                             "the PostgreSQL export")
    except Failure as failure:
        failures.append(str(failure))
        actual = None
    if actual is not None and actual != baseline:
        failures.append(f"the PostgreSQL export ({len(actual)} bytes) differs from the "
                        f"SQLite baseline ({len(baseline)} bytes):\n"
                        f"{export_diff(baseline, actual)}")
    requests = read_requests(servers, offsets)
    refetches = check_duplicates(requests, kill_time, failures, victim_hosts)
    check_takeover(requests, kill_time, victim_hosts, failures)
    smallest = check_gaps(requests, DELAY, failures)
    baseline_urls = {(host, target) for _, host, target in baseline_requests}
    worker_urls = {(host, target) for _, host, target in requests}

    gaps = ", ".join(f"{host} {gap:.3f} s" for host, gap in smallest.items())
    note(f"workers: {len(requests)} requests, {len(worker_urls)} distinct URLs "
         f"(baseline {len(baseline_requests)} requests, {len(baseline_urls)} URLs; "
         f"{len(worker_urls - baseline_urls)} URLs only the workers, "
         f"{len(baseline_urls - worker_urls)} only the baseline fetched), "
         f"{refetches} re-fetched after the kill")
    note(f"smallest gaps per host (--delay {DELAY}): {gaps}")
    if failures:
        raise Failure("\n".join(failures))
    note(f"passed in {time.monotonic() - started:.1f} s: the exports are equal "
         f"({len(actual)} bytes)")


def cleanup(state, keep_temp):
    for worker, _ in state["workers"]:
        if worker.poll() is None:
            worker.kill()
            worker.wait()
    for server in state["servers"]:
        server.stop()
    if state.get("drop"):
        drop_database(*state["drop"])
    if state.get("temp"):
        if keep_temp:
            note(f"kept {state['temp']}")
        else:
            shutil.rmtree(state["temp"], ignore_errors=True)


def main():
    args = parse_args()
    for path in (args.linkgraph, args.blog_server):
        if not os.access(path, os.X_OK):
            print(f"multi_worker: {path} is not an executable", file=sys.stderr)
            return 2

    def terminate(signum, _frame):
        raise Terminated(f"signal {signum}")

    signal.signal(signal.SIGTERM, terminate)  # ctest's timeout: clean up all the same
    state = {"servers": [], "workers": []}
    try:
        run_test(args, state)
        return 0
    except Skip as skip:
        print(f"skipped: {skip}", flush=True)
        return SKIP
    except Failure as failure:
        print(f"multi_worker: FAILED: {failure}", file=sys.stderr, flush=True)
        return 1
    except Terminated as terminated:
        print(f"multi_worker: stopped by {terminated}", file=sys.stderr, flush=True)
        return 1
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)  # let the cleanup finish
        cleanup(state, args.keep_temp)


if __name__ == "__main__":
    sys.exit(main())
