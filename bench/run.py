"""The benchmark: every public page against a bare Django baseline, on a large and a small
data set, under gunicorn with production settings on 127.0.0.1. Run it with `make bench`
(see the README's "Benchmark" section); it writes bench/results/latest.md and latest.json.

Everything runs with DJANGO_SETTINGS_MODULE=bench.settings: the product's settings plus the
bench app, the query-count header and the baseline view's URL. For each data set it creates
(or reuses) a PostgreSQL database, migrates it, loads the data once (`manage.py
load_bench_data`; a rerun with the same size reuses it), collects the static files with the
production storage, analyses the database (as autovacuum does in production), starts
gunicorn (2 workers, DEBUG off) twice, with the page cache and without it, and then measures
each page with wrk, cached and uncached, alternating every run with the baseline view
(/bench/baseline/) so each ratio compares runs seconds apart on the same noisy machine. The
rush scenario then loads the home page, the agenda and an event page while registrations
arrive (`manage.py bench_rush`). Absolute numbers vary from machine to machine; the ratios
are what the budgets are about.
"""

import argparse
import gzip
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urljoin

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
SETTINGS = "bench.settings"
BASELINE_PATH = "/bench/baseline/"

# The budgets.
PAGE_RATIO = 0.5
FRAGMENT_RATIO = 0.7
UNCACHED_RATIO = 0.05  # every page and fragment rendered without the page cache
RUSH_RATIO = 0.5  # the rush scenario's pages, while registrations arrive
RUSH_PAGES = ("home", "agenda", "event detail")
MAX_QUERIES = 10
PAGE_WEIGHT = 60 * 1024
FRAGMENT_WEIGHT = 25 * 1024
WORKER_MEMORY = 150 * 1024 * 1024
MAX_GROWTH = 1.5  # time per request (relative to the baseline), large data over small
DOWNLOAD_SUFFIXES = (".csv", ".json")  # open-data exports: see is_download()


def main():
    args = parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed (apt-get install -y wrk); `make bench` installs it.")
    started = time.monotonic()
    secret = secrets.token_urlsafe(50)
    collectstatic(secret)
    results = {}
    # The large data set is measured cached and uncached, and under the rush; the small one
    # only uncached (served from the cache a page costs the same at any size): its queries
    # and its time per render against the large one's.
    for label, scale, port in (("large", 1.0, args.port), ("small", 0.1, args.port + 1)):
        database = args.database if label == "large" else f"{args.database}_small"
        env = server_env(args, database, secret)
        prepare_database(env, database, scale)
        results[label] = measure(args, env, port, label)
    report = build_report(args, results, time.monotonic() - started)
    write_report(report, Path(args.out))


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    number = os.environ.get
    # BENCH_QUICK=1: every run 1 s (wrk's shortest), to try a change; not for the report.
    quick = number("BENCH_QUICK", "") not in ("", "0")

    def seconds(name, default):
        return float(number(name, 1 if quick else default))

    parser.add_argument("--seconds", type=float, default=seconds("BENCH_SECONDS", 4))
    parser.add_argument(
        "--uncached-seconds", type=float, default=seconds("BENCH_UNCACHED_SECONDS", 4)
    )
    parser.add_argument(
        "--baseline-seconds", type=float, default=seconds("BENCH_BASELINE_SECONDS", 2)
    )
    parser.add_argument("--small-seconds", type=float, default=seconds("BENCH_SMALL_SECONDS", 2))
    parser.add_argument(
        "--small-baseline-seconds",
        type=float,
        default=seconds("BENCH_SMALL_BASELINE_SECONDS", 1),
    )
    parser.add_argument("--rush-seconds", type=float, default=seconds("BENCH_RUSH_SECONDS", 6))
    parser.add_argument(
        "--rush-rate",
        type=float,
        default=float(number("BENCH_RUSH_RATE", 5)),
        help="registrations per second during the rush",
    )
    parser.add_argument("--connections", type=int, default=int(number("BENCH_CONNECTIONS", 8)))
    parser.add_argument("--port", type=int, default=int(number("BENCH_PORT", 8401)))
    parser.add_argument("--database", default=number("BENCH_DATABASE", "razon_benchdata"))
    parser.add_argument(
        "--postgres", default=number("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
    )
    parser.add_argument("--redis", default=number("BENCH_REDIS_URL", "redis://127.0.0.1:6379/10"))
    parser.add_argument(
        "--only",
        default=number("BENCH_PAGES", ""),
        help="measure only pages whose name contains one of these (comma-separated)",
    )
    parser.add_argument("--out", default=str(ROOT / "bench" / "results"))
    return parser.parse_args()


def server_env(args, database, secret):
    """Production settings, made to run on plain http on 127.0.0.1."""
    return {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": secret,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": f"{args.postgres}/{database}",
        "REDIS_URL": args.redis,
        "DJANGO_SETTINGS_MODULE": SETTINGS,
        "LOG_LEVEL": "WARNING",
        # Each worker's new database connection runs a few set-up queries; keep connections
        # for the whole run so they never land in a page's count (production default: 60 s).
        "DB_CONN_MAX_AGE": "3600",
        "PYTHONDONTWRITEBYTECODE": "1",
        # The rush registers from one address, faster than a person fills in the form.
        "RAZON_REGISTRATION_RATE_LIMIT": "1000000",
        "RAZON_FORM_MIN_SECONDS": "0",
    }


def manage(env, *arguments, capture=False):
    command = [PYTHON, "manage.py", *arguments]
    if capture:
        return subprocess.run(
            command, cwd=ROOT, env=env, check=True, capture_output=True, text=True
        ).stdout
    subprocess.run(command, cwd=ROOT, env=env, check=True)
    return ""


def collectstatic(secret):
    step("Collecting static files (manifest storage, compressed)")
    env = {**os.environ, "DEBUG": "0", "SECRET_KEY": secret, "DJANGO_SETTINGS_MODULE": SETTINGS}
    manage(env, "collectstatic", "--no-input", "--verbosity", "0")


def prepare_database(env, database, scale):
    import psycopg

    step(f"Database {database} (data scale {scale})")
    with psycopg.connect(env["DATABASE_URL"].rsplit("/", 1)[0] + "/postgres", autocommit=True) as c:
        exists = c.execute("SELECT 1 FROM pg_database WHERE datname = %s", [database]).fetchone()
        if not exists:
            c.execute(f'CREATE DATABASE "{database}"')
    manage(env, "migrate", "--no-input", "--verbosity", "0")
    manage(env, "load_bench_data", "--scale", str(scale))
    # Production runs autovacuum, which analyses what was loaded; without statistics the
    # planner guesses (two organisation counts on the overview took 0.32 s each, 1.8 ms
    # analysed). VACUUM also sets the visibility map the index-only scans read.
    with psycopg.connect(env["DATABASE_URL"], autocommit=True) as c:
        c.execute("VACUUM ANALYZE")


def measure(args, env, port, label):
    """Every page on one data set: on the large one cached and uncached, each run followed
    by a baseline run, then the rush; on the small one uncached only."""
    large = label == "large"
    flush_cache(args.redis)
    pages = json.loads(
        manage(
            env,
            "shell",
            "--no-imports",
            "-c",
            "import json; from bench.pages import public_pages; "
            "print(json.dumps([[p.name, p.path, p.target] for p in public_pages()]))",
            capture=True,
        )
    )
    wanted = [name.strip() for name in args.only.split(",") if name.strip()]
    pages = [page for page in pages if not wanted or any(w in page[0] for w in wanted)]
    base_url = f"http://127.0.0.1:{port}"
    uncached_url = f"http://127.0.0.1:{port + 2}"
    server = start_gunicorn(env, port)
    uncached_server = start_gunicorn({**env, "RAZON_PAGE_CACHE": "0"}, port + 2)
    seconds = args.seconds if large else 0
    uncached_seconds = args.uncached_seconds if large else args.small_seconds
    baseline_seconds = args.baseline_seconds if large else args.small_baseline_seconds
    try:
        wait_until_up(base_url)
        wait_until_up(uncached_url)
        step(
            f"Measuring {len(pages)} pages on the {label} data set "
            + (f"(cached {seconds:g} s, " if seconds else "(")
            + f"uncached {uncached_seconds:g} s each)"
        )
        static_cache = {}
        for url in (base_url, uncached_url):
            wrk(url + "/healthz", "", 1, args.connections)  # every worker connects
        # A first request of each page without the cache: its queries (as the query budget
        # test counts them), time and weight.
        probes = {
            name: probe(uncached_url, path, target, static_cache) for name, path, target in pages
        }
        # Then one with it, which fills the cache (and checks it answers).
        for _name, path, target in pages:
            headers = {"HX-Request": "true", "HX-Target": target} if target else {}
            http_get(base_url + path, headers)
        http_get(base_url + BASELINE_PATH)
        results = []

        def baseline():
            return wrk(base_url + BASELINE_PATH, "", baseline_seconds, args.connections)

        baselines = [baseline()]
        for name, path, target in pages:
            row = {"name": name, "path": path, "fragment": bool(target)}
            if seconds:
                run = wrk(base_url + path, target, seconds, args.connections)
                baselines.append(baseline())
                row |= {**run, **_ratio(run, baselines)}
            uncached = wrk(uncached_url + path, target, uncached_seconds, args.connections)
            baselines.append(baseline())
            row["uncached"] = {**uncached, **_ratio(uncached, baselines)}
            row |= probes[name]
            results.append(row)
            print(
                f"  {name:32} "
                + (f"cached {row['ratio']:5.2f}×  " if seconds else "")
                + f"uncached {row['uncached']['ratio']:6.3f}×  queries {row['queries']}",
                flush=True,
            )
        rush = None
        if large and args.rush_seconds:
            rush = measure_rush(args, env, base_url, pages, baseline)
        memory = worker_memory(server.pid) + worker_memory(uncached_server.pid)
    finally:
        stop(server)
        stop(uncached_server)
    return {"pages": results, "worker_memory": memory, "static": static_cache, "rush": rush}


def _ratio(run, baselines):
    """The run's requests/s against the mean of the baseline runs before and after it."""
    baseline_rps = (baselines[-2]["rps"] + baselines[-1]["rps"]) / 2
    return {
        "baseline_rps": round(baseline_rps, 1),
        "ratio": round(run["rps"] / baseline_rps, 3) if baseline_rps else 0,
    }


def measure_rush(args, env, base_url, pages, baseline):
    """The home page, the agenda and an event page, each loaded with wrk while registrations
    arrive at `--rush-rate` per second through the real views (`manage.py bench_rush`: the
    form, then the confirmation link), half of them for the measured event. The baseline
    runs between them run under the same rush."""
    paths = {name: (path, target) for name, path, target in pages if name in RUSH_PAGES}
    if "event detail" not in paths:
        return None
    step(
        f"Rush: {', '.join(paths)} while {args.rush_rate:g} registrations a second arrive "
        f"({args.rush_seconds:g} s each)"
    )
    event_slug = paths["event detail"][0].rstrip("/").rsplit("/", 1)[-1]
    duration = (len(paths) * 2 + 2) * max(args.rush_seconds, args.baseline_seconds) + 5
    registrar = subprocess.Popen(
        [
            PYTHON,
            "manage.py",
            "bench_rush",
            "--url",
            base_url,
            "--event",
            event_slug,
            "--rate",
            str(args.rush_rate),
            "--seconds",
            str(duration),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    rows = []
    try:
        registrar.stdout.readline()  # "started": Django is up, the registrations begin
        time.sleep(2)  # the first registrations are under way
        baselines = [baseline()]
        for name, (path, target) in paths.items():
            run = wrk(base_url + path, target, args.rush_seconds, args.connections)
            baselines.append(baseline())
            rows.append({"name": name, "path": path, **run, **_ratio(run, baselines)})
            print(f"  rush {name:27} {rows[-1]['ratio']:5.2f}×", flush=True)
    finally:
        registrar.send_signal(signal.SIGINT)  # stops and prints what it did
        output, _ = registrar.communicate(timeout=60)
    summary = json.loads(output.strip().splitlines()[-1]) if output.strip() else {}
    return {"pages": rows, "registrations": summary}


def flush_cache(redis_url):
    import redis

    redis.Redis.from_url(redis_url).flushdb()


def start_gunicorn(env, port):
    return subprocess.Popen(
        [
            GUNICORN,
            "razon.wsgi",  # the product's application, with bench.settings from env
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{port}",
            "--no-control-socket",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )


def stop(server):
    server.send_signal(signal.SIGTERM)
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.kill()


def wait_until_up(base_url):
    for _attempt in range(100):
        try:
            http_get(base_url + "/healthz")
            return
        except OSError:
            time.sleep(0.2)
    sys.exit("gunicorn did not start")


def http_get(url, headers=None):
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip", **(headers or {})})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, response.headers, response.read()


def probe(base_url, path, target, static_cache):
    """Status, queries, HTML size and first-load weight (HTML + CSS + JS, compressed)."""
    headers = {"HX-Request": "true", "HX-Target": target} if target else {}
    started = time.perf_counter()
    status, response_headers, body = http_get(base_url + path, headers)
    first_ms = (time.perf_counter() - started) * 1000
    encoded = response_headers.get("Content-Encoding") == "gzip"
    html = gzip.decompress(body) if encoded else body
    html_compressed = len(body)  # what the browser receives: compressed only if the app did
    assets = 0
    if not target and b"<html" in html:
        for url in re.findall(
            rb'<(?:link rel="stylesheet"|script) [^>]*?(?:href|src)="([^"]+)"', html
        ):
            assets += static_size(base_url, url.decode(), static_cache)
    return {
        "status": status,
        "first_ms": round(first_ms, 1),  # uncached: the server runs without the page cache
        "queries": int(response_headers.get("X-Bench-Queries", -1)),
        "html_bytes": len(html),
        "weight": html_compressed + assets,
        "vary": response_headers.get("Vary", ""),
    }


def static_size(base_url, url, static_cache):
    """The compressed size of a static file as WhiteNoise serves it, and its caching header."""
    if url not in static_cache:
        _status, headers, body = http_get(urljoin(base_url, url))
        static_cache[url] = {
            "bytes": len(body),
            "encoding": headers.get("Content-Encoding", ""),
            "cache_control": headers.get("Cache-Control", ""),
        }
    return static_cache[url]["bytes"]


FRAGMENT_CSRF_COOKIE = secrets.token_hex(16)  # 32 characters, as Django's CSRF secret
LATENCY = re.compile(r"^\s+(50|99)(?:\.000)?%\s+([\d.]+)(us|ms|s)\s*$", re.M)


def wrk(url, target, seconds, connections):
    command = ["wrk", "-t1", f"-c{connections}", f"-d{seconds:g}s", "--latency", url]
    if target:
        # An htmx request comes from a page the browser has loaded, which set the CSRF
        # cookie: send one, as browsers do (pages are measured as a first visit, without).
        command[1:1] = ["-H", "HX-Request: true", "-H", f"HX-Target: {target}"]
        command[1:1] = ["-H", f"Cookie: csrftoken={FRAGMENT_CSRF_COOKIE}"]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latencies = {
        percentile: float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
        for percentile, value, unit in LATENCY.findall(output)
    }
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": rps,
        "p50_ms": round(latencies.get("50", 0), 2),
        "p99_ms": round(latencies.get("99", 0), 2),
        "errors": int(errors.group(1)) if errors else 0,
    }


def worker_memory(master_pid):
    """Resident memory of each gunicorn worker (the master's children), in bytes."""
    memory = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text()
        except OSError:
            continue
        if re.search(rf"^PPid:\s+{master_pid}$", text, re.M):
            memory.append(int(re.search(r"^VmRSS:\s+(\d+) kB", text, re.M).group(1)) * 1024)
    return sorted(memory)


def build_report(args, results, elapsed):
    small = {page["name"]: page for page in results["small"]["pages"]}
    rows = []
    for page in results["large"]["pages"]:
        other = small.get(page["name"])
        growth = None
        if other and other["uncached"]["ratio"] and page["uncached"]["ratio"]:
            # Time per render relative to the baseline, large data over small data.
            growth = round(other["uncached"]["ratio"] / page["uncached"]["ratio"], 2)
        misses = budget_misses(page, other, growth)
        rows.append({**page, "small": other, "growth": growth, "misses": misses})
    rush = results["large"]["rush"]
    rush_misses = [
        f"rush {row['name']}: {row['ratio']:.2f}× the baseline < {RUSH_RATIO}×"
        + (f", {row['errors']} non-2xx responses" if row["errors"] else "")
        for row in (rush or {}).get("pages", [])
        if row["ratio"] < RUSH_RATIO or row["errors"]
    ]
    reached = (rush or {}).get("registrations", {}).get("rate")
    if reached is not None and reached < 0.9 * args.rush_rate:
        rush_misses.append(f"rush: {reached} registrations a second < {args.rush_rate:g}")
    memory = results["large"]["worker_memory"] + results["small"]["worker_memory"]
    memory_miss = [m for m in memory if m >= WORKER_MEMORY]
    return {
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "settings": {
            "seconds": args.seconds,
            "uncached_seconds": args.uncached_seconds,
            "baseline_seconds": args.baseline_seconds,
            "small_seconds": args.small_seconds,
            "small_baseline_seconds": args.small_baseline_seconds,
            "rush_seconds": args.rush_seconds,
            "rush_rate": args.rush_rate,
            "connections": args.connections,
            "workers": 2,
        },
        "elapsed_seconds": round(elapsed),
        "baseline_rps": {
            "large": round(_mean([p["uncached"]["baseline_rps"] for p in rows]), 1),
            "small": round(
                _mean([p["uncached"]["baseline_rps"] for p in results["small"]["pages"]]), 1
            ),
        },
        "worker_memory_bytes": {
            "large": results["large"]["worker_memory"],
            "small": results["small"]["worker_memory"],
        },
        "static": results["large"]["static"],
        "pages": rows,
        "rush": rush,
        "misses": [f"{row['name']}: {miss}" for row in rows for miss in row["misses"]]
        + rush_misses
        + [f"worker memory {m / 2**20:.0f} MB ≥ 150 MB" for m in memory_miss],
    }


def is_download(path):
    """An open-data export (razon/exports.py): the whole filtered list in one file, so its
    size and its uncached time grow with the data by nature. It keeps the query budget and
    the cached one; the weight, uncached and growth budgets are for pages."""
    return path.split("?")[0].endswith(DOWNLOAD_SUFFIXES)


def budget_misses(page, small, growth):
    misses = []
    uncached = page["uncached"]
    errors = page.get("errors", 0) + uncached["errors"]
    if page["status"] != 200 or errors:
        misses.append(f"status {page['status']}, {errors} non-2xx responses")
    least = FRAGMENT_RATIO if page["fragment"] else PAGE_RATIO
    if "ratio" in page and page["ratio"] < least:
        misses.append(f"cached {page['ratio']:.2f}× the baseline < {least}×")
    if is_download(page["path"]):
        if not 0 <= page["queries"] <= MAX_QUERIES:
            misses.append(f"{page['queries']} queries > {MAX_QUERIES}")
        if small and small["queries"] != page["queries"]:
            misses.append(f"queries grow with the data ({small['queries']} → {page['queries']})")
        return misses
    if uncached["ratio"] < UNCACHED_RATIO:
        misses.append(f"uncached {uncached['ratio']:.3f}× the baseline < {UNCACHED_RATIO}×")
    if not 0 <= page["queries"] <= MAX_QUERIES:
        misses.append(f"{page['queries']} queries > {MAX_QUERIES}")
    if small and small["queries"] != page["queries"]:
        misses.append(f"queries grow with the data ({small['queries']} → {page['queries']})")
    weight = FRAGMENT_WEIGHT if page["fragment"] else PAGE_WEIGHT
    if page["weight"] > weight:
        misses.append(f"weight {page['weight'] / 1024:.1f} KB > {weight // 1024} KB")
    if growth is not None and growth > MAX_GROWTH:
        misses.append(f"time per render grows {growth}× from small to large data")
    return misses


def _mean(values):
    return sum(values) / len(values) if values else 0


def write_report(report, out):
    out.mkdir(parents=True, exist_ok=True)
    (out / "latest.json").write_text(json.dumps(report, indent=2) + "\n")
    markdown = to_markdown(report)
    (out / "latest.md").write_text(markdown)
    print()
    print(markdown)
    print(f"Written to {out}/latest.md and latest.json")


def to_markdown(report):
    s = report["settings"]
    memory = report["worker_memory_bytes"]
    lines = [
        f"# Benchmark {report['generated_at']}",
        "",
        f"gunicorn, {s['workers']} workers, production settings, PostgreSQL (analysed after "
        f"loading), Redis; wrk with {s['connections']} connections. Large data: each page "
        f"{s['seconds']:g} s from the page cache and {s['uncached_seconds']:g} s without it (a "
        f"second gunicorn with RAZON_PAGE_CACHE=0), each run followed by the baseline "
        f"({s['baseline_seconds']:g} s); small data (1/10): uncached {s['small_seconds']:g} s "
        f"per page, baseline {s['small_baseline_seconds']:g} s. Took "
        f"{report['elapsed_seconds']} s.",
        "",
        f"Baseline (bare Django view, small template): {report['baseline_rps']['large']} req/s "
        f"on average. Worker memory after the run: "
        + ", ".join(f"{m / 2**20:.0f} MB" for m in memory["large"] + memory["small"])
        + " (budget < 150 MB).",
        "",
        f"Budgets: cached ≥ {PAGE_RATIO}× the baseline (page) / ≥ {FRAGMENT_RATIO}× (fragment, "
        f"*frag*); uncached ≥ {UNCACHED_RATIO}×; ≤ {MAX_QUERIES} queries, the same on both "
        "data sets; first-load weight (HTML + CSS + JS, gzip) ≤ 60 KB (page) / ≤ 25 KB "
        f"(fragment); growth (uncached time per render vs baseline, large ÷ small) ≤ "
        f"{MAX_GROWTH}. *first ms*: the first, uncached request (one sample). Open-data "
        "exports (.csv, .json) hold the whole filtered list: only the cached and query "
        "budgets apply to them.",
        "",
        "| page | cached req/s | cached × | uncached req/s | uncached × | uncached p50 ms | "
        "queries (small) | HTML KB | weight KB gz | growth | first ms | budgets |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for row in report["pages"]:
        small = row["small"] or {}
        uncached = row["uncached"]
        name = f"{row['name']} *frag*" if row["fragment"] else row["name"]
        lines.append(
            f"| {name} | {row.get('rps', 0):.0f} | {row.get('ratio', 0):.2f} | "
            f"{uncached['rps']:.0f} | {uncached['ratio']:.3f} | {uncached['p50_ms']:.1f} | "
            f"{row['queries']} ({small.get('queries', '–')}) | "
            f"{row['html_bytes'] / 1024:.1f} | {row['weight'] / 1024:.1f} | "
            f"{row['growth'] if row['growth'] is not None else '–'} | "
            f"{row['first_ms']:.0f} | "
            f"{'; '.join(row['misses']) or 'met'} |"
        )
    rush = report.get("rush")
    if rush:
        done = rush["registrations"]
        lines += [
            "",
            f"Rush ({s['rush_seconds']:g} s per page, budget ≥ {RUSH_RATIO}× the baseline, "
            f"measured under the same rush): {done.get('registered', 0)} registrations and "
            f"{done.get('confirmed', 0)} confirmations through the form and the link in "
            f"{done.get('seconds', 0):.0f} s ({done.get('rate', 0):.1f} registrations a second, "
            f"{done.get('failed', 0)} failed; one took {done.get('registration_p50_s', 0):g} s, "
            f"at most {done.get('registration_max_s', 0):g} s).",
            "",
            "| page | req/s | p50 ms | p99 ms | × baseline |",
            "| --- | ---: | ---: | ---: | ---: |",
        ]
        for row in rush["pages"]:
            lines.append(
                f"| {row['name']} | {row['rps']:.0f} | {row['p50_ms']:.1f} | "
                f"{row['p99_ms']:.1f} | {row['ratio']:.2f} |"
            )
    lines += ["", "Static files (first load):", ""]
    for url, info in report["static"].items():
        lines.append(
            f"- `{url}`: {info['bytes'] / 1024:.1f} KB {info['encoding'] or 'uncompressed'}, "
            f"Cache-Control `{info['cache_control']}`"
        )
    lines += [
        "",
        "**All budgets met.**"
        if not report["misses"]
        else "**Missed budgets:**\n\n" + "\n".join(f"- {miss}" for miss in report["misses"]),
        "",
    ]
    return "\n".join(lines)


def step(text):
    print(f"==> {text}", flush=True)


if __name__ == "__main__":
    try:
        main()
    except urllib.error.HTTPError as error:
        sys.exit(f"{error.url}: {error}")
