"""The benchmark: every public page against a bare Django baseline, on a large and a small
data set, under gunicorn with production settings on 127.0.0.1. Run it with `make bench`
(see the README's "Benchmark" section); it writes bench/results/latest.md and latest.json.

Everything runs with DJANGO_SETTINGS_MODULE=bench.settings: the product's settings plus the
bench app, the query-count header and the baseline view's URL. For each data set it creates
(or reuses) a PostgreSQL database, migrates it, loads the data once (`manage.py
load_bench_data`; a rerun with the same size reuses it), collects the static files with the
production storage, starts gunicorn (2 workers, DEBUG off) and then measures each page with
wrk, alternating every page with the baseline view (/bench/baseline/) so each ratio compares
runs seconds apart on the same noisy machine. Absolute numbers vary from machine to machine;
the ratios are what the budgets are about.
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
MAX_QUERIES = 10
PAGE_WEIGHT = 60 * 1024
FRAGMENT_WEIGHT = 25 * 1024
WORKER_MEMORY = 150 * 1024 * 1024
MAX_GROWTH = 1.5  # time per request (relative to the baseline), large data over small


def main():
    args = parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed (apt-get install -y wrk); `make bench` installs it.")
    started = time.monotonic()
    secret = secrets.token_urlsafe(50)
    collectstatic(secret)
    results = {}
    for label, scale, seconds, baseline_seconds, port in (
        ("large", 1.0, args.seconds, args.baseline_seconds, args.port),
        ("small", 0.1, args.small_seconds, args.small_baseline_seconds, args.port + 1),
    ):
        database = args.database if label == "large" else f"{args.database}_small"
        env = server_env(args, database, secret)
        prepare_database(env, database, scale)
        results[label] = measure(args, env, port, seconds, baseline_seconds, label)
    report = build_report(args, results, time.monotonic() - started)
    write_report(report, Path(args.out))


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    number = os.environ.get
    parser.add_argument("--seconds", type=float, default=float(number("BENCH_SECONDS", 6)))
    parser.add_argument(
        "--baseline-seconds", type=float, default=float(number("BENCH_BASELINE_SECONDS", 2))
    )
    parser.add_argument(
        "--small-seconds", type=float, default=float(number("BENCH_SMALL_SECONDS", 2))
    )
    parser.add_argument(
        "--small-baseline-seconds",
        type=float,
        default=float(number("BENCH_SMALL_BASELINE_SECONDS", 1)),
    )
    parser.add_argument("--connections", type=int, default=int(number("BENCH_CONNECTIONS", 8)))
    parser.add_argument("--port", type=int, default=int(number("BENCH_PORT", 8401)))
    parser.add_argument("--database", default=number("BENCH_DATABASE", "razon_benchdata"))
    parser.add_argument(
        "--postgres", default=number("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
    )
    parser.add_argument("--redis", default=number("BENCH_REDIS_URL", "redis://127.0.0.1:6379/10"))
    parser.add_argument("--only", default="", help="measure only pages whose name contains this")
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


def measure(args, env, port, seconds, baseline_seconds, label):
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
    pages = [page for page in pages if args.only in page[0]]
    base_url = f"http://127.0.0.1:{port}"
    server = start_gunicorn(env, port)
    try:
        wait_until_up(base_url)
        step(f"Measuring {len(pages)} pages on the {label} data set ({seconds:g} s each)")
        static_cache = {}
        # A throwaway address warms a worker up before the probes. (The page cache computes
        # when content next changes by schedule once per set of generations, a few queries:
        # each page's first request, its probe, pays for that.)
        http_get(base_url + "/privacy/?bench=warm-up")
        wrk(base_url + "/healthz", "", 1, args.connections)  # every worker connects
        # A first request of each page (uncached: its queries, time and weight) fills the
        # cache and checks it answers.
        probes = {name: probe(base_url, path, target, static_cache) for name, path, target in pages}
        http_get(base_url + BASELINE_PATH)
        results = []
        baselines = [wrk(base_url + BASELINE_PATH, "", baseline_seconds, args.connections)]
        for name, path, target in pages:
            run = wrk(base_url + path, target, seconds, args.connections)
            baselines.append(wrk(base_url + BASELINE_PATH, "", baseline_seconds, args.connections))
            baseline_rps = (baselines[-2]["rps"] + baselines[-1]["rps"]) / 2
            results.append(
                {
                    "name": name,
                    "path": path,
                    "fragment": bool(target),
                    **run,
                    "baseline_rps": round(baseline_rps, 1),
                    "ratio": round(run["rps"] / baseline_rps, 3) if baseline_rps else 0,
                    **probes[name],
                }
            )
            print(
                f"  {name:32} {run['rps']:8.1f} req/s  ratio {results[-1]['ratio']:.2f}"
                f"  queries {probes[name]['queries']}",
                flush=True,
            )
        memory = worker_memory(server.pid)
    finally:
        stop(server)
    return {"pages": results, "worker_memory": memory, "static": static_cache}


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
    html_compressed = len(body) if encoded else len(gzip.compress(html, 6))
    assets = 0
    if not target and b"<html" in html:
        for url in re.findall(
            rb'<(?:link rel="stylesheet"|script) [^>]*?(?:href|src)="([^"]+)"', html
        ):
            assets += static_size(base_url, url.decode(), static_cache)
    return {
        "status": status,
        "first_ms": round(first_ms, 1),  # uncached: the cache was emptied before the run
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
    small_baseline = _mean([page["baseline_rps"] for page in results["small"]["pages"]])
    large_baseline = _mean([page["baseline_rps"] for page in results["large"]["pages"]])
    rows = []
    for page in results["large"]["pages"]:
        other = small.get(page["name"])
        growth = None
        if other and other["ratio"] and page["ratio"]:
            # Time per request relative to the baseline, large data over small data.
            growth = round(other["ratio"] / page["ratio"], 2)
        misses = budget_misses(page, other, growth)
        rows.append({**page, "small": other, "growth": growth, "misses": misses})
    memory = results["large"]["worker_memory"] + results["small"]["worker_memory"]
    memory_miss = [m for m in memory if m >= WORKER_MEMORY]
    return {
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "settings": {
            "seconds": args.seconds,
            "baseline_seconds": args.baseline_seconds,
            "small_seconds": args.small_seconds,
            "small_baseline_seconds": args.small_baseline_seconds,
            "connections": args.connections,
            "workers": 2,
        },
        "elapsed_seconds": round(elapsed),
        "baseline_rps": {"large": round(large_baseline, 1), "small": round(small_baseline, 1)},
        "worker_memory_bytes": {
            "large": results["large"]["worker_memory"],
            "small": results["small"]["worker_memory"],
        },
        "static": results["large"]["static"],
        "pages": rows,
        "misses": [f"{row['name']}: {miss}" for row in rows for miss in row["misses"]]
        + [f"worker memory {m / 2**20:.0f} MB ≥ 150 MB" for m in memory_miss],
    }


def budget_misses(page, small, growth):
    misses = []
    if page["status"] != 200 or page["errors"]:
        misses.append(f"status {page['status']}, {page['errors']} non-2xx responses")
    least = FRAGMENT_RATIO if page["fragment"] else PAGE_RATIO
    if page["ratio"] < least:
        misses.append(f"{page['ratio']:.2f}× the baseline < {least}×")
    if not 0 <= page["queries"] <= MAX_QUERIES:
        misses.append(f"{page['queries']} queries > {MAX_QUERIES}")
    if small and small["queries"] != page["queries"]:
        misses.append(f"queries grow with the data ({small['queries']} → {page['queries']})")
    weight = FRAGMENT_WEIGHT if page["fragment"] else PAGE_WEIGHT
    if page["weight"] > weight:
        misses.append(f"weight {page['weight'] / 1024:.1f} KB > {weight // 1024} KB")
    if growth is not None and growth > MAX_GROWTH:
        misses.append(f"time per request grows {growth}× from small to large data")
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
        f"gunicorn, {s['workers']} workers, production settings, PostgreSQL, Redis; wrk with "
        f"{s['connections']} connections. Large data: {s['seconds']:g} s per page, each page "
        f"alternated with the baseline ({s['baseline_seconds']:g} s); small data (1/10): "
        f"{s['small_seconds']:g} s per page, baseline {s['small_baseline_seconds']:g} s. "
        f"Took {report['elapsed_seconds']} s.",
        "",
        f"Baseline (bare Django view, small template): {report['baseline_rps']['large']} req/s "
        f"on average. Worker memory after the run: "
        + ", ".join(f"{m / 2**20:.0f} MB" for m in memory["large"] + memory["small"])
        + " (budget < 150 MB).",
        "",
        "Served from the page cache, as visitors are after the first request; *uncached ms* "
        "is the time of that first request (one sample, on the large and the small data).",
        "",
        "Budgets: ratio ≥ 0.5 (page) / ≥ 0.7 (fragment, *frag*); ≤ 10 queries, the same on "
        "both data sets; first-load weight (HTML + CSS + JS, gzip) ≤ 60 KB (page) / ≤ 25 KB "
        f"(fragment); growth (time per request vs baseline, large ÷ small) ≤ {MAX_GROWTH}.",
        "",
        "| page | req/s | p50 ms | p99 ms | × baseline | queries (small) | HTML KB | "
        "weight KB gz | growth | uncached ms (small) | budgets |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for row in report["pages"]:
        small = row["small"] or {}
        name = f"{row['name']} *frag*" if row["fragment"] else row["name"]
        lines.append(
            f"| {name} | {row['rps']:.0f} | {row['p50_ms']:.1f} | {row['p99_ms']:.1f} | "
            f"{row['ratio']:.2f} | {row['queries']} ({small.get('queries', '–')}) | "
            f"{row['html_bytes'] / 1024:.1f} | {row['weight'] / 1024:.1f} | "
            f"{row['growth'] if row['growth'] is not None else '–'} | "
            f"{row['first_ms']:.0f} ({small.get('first_ms', '–')}) | "
            f"{'; '.join(row['misses']) or 'met'} |"
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
