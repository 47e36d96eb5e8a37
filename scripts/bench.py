"""`make bench`: how fast one gunicorn serves an article page, next to the site's stylesheet.

Starts the site as production runs it (scripts/production_server.py: 2 workers, debug off), then
alternates wrk runs on an article page and on the stylesheet's hashed address, as a browser asks for
them (gzip accepted). Prints every run, the medians, the ratio of the article's rate to the
stylesheet's (the target is 0.8 or more), the worst 99th-percentile latency, and how many database
queries an uncached article view makes. Exits 1 when the ratio misses the target.

BENCH_ROUNDS (3), BENCH_SECONDS (5) and BENCH_CONNECTIONS (8) change the runs; REDIS_URL benchmarks the
Redis cache instead of the file cache.
"""

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
from typing import NamedTuple

from scripts.production_server import ROOT, serve

ARTICLE_PATH = "/articles/overview/"
TARGET_RATIO = 0.8
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "5"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "8"))
LATENCY_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


class Run(NamedTuple):
    requests_per_second: float
    p99_ms: float


def wrk(url):
    """Load `url` with wrk for SECONDS and return its rate and 99th-percentile latency."""
    command = ["wrk", "--threads", "2", "--connections", str(CONNECTIONS), "--duration", f"{SECONDS}s"]
    command += ["--latency", "--header", "Accept-Encoding: gzip", url]
    output = subprocess.run(command, capture_output=True, text=True, timeout=SECONDS + 60, check=True).stdout
    if "Non-2xx or 3xx responses" in output:
        raise SystemExit(f"wrk got error answers from {url}:\n{output}")
    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    p99 = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s)\s*$", output, re.MULTILINE)
    if not rate or not p99:
        raise SystemExit(f"Could not read wrk's output:\n{output}")
    return Run(float(rate[1]), float(p99[1]) * LATENCY_UNITS[p99[2]])


def stylesheet_path(server):
    manifest = json.loads((server.directory / "static" / "staticfiles.json").read_text())
    return "/static/" + manifest["paths"]["css/site.css"]


def uncached_query_count(server):
    result = subprocess.run(
        [sys.executable, "-m", "scripts.query_count", ARTICLE_PATH],
        cwd=ROOT,
        env=server.env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return int(result.stdout.strip())


def main():
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed: apt-get install wrk")
    redis_url = os.environ.get("REDIS_URL", "")
    with serve(workers=2, redis_url=redis_url) as server:
        pages = {"article": server.url + ARTICLE_PATH, "stylesheet": server.url + stylesheet_path(server)}
        print(f"gunicorn, 2 workers, {'Redis' if redis_url else 'file'} cache, at {server.url}")
        print(f"wrk: {ROUNDS} rounds of {SECONDS} s each, {CONNECTIONS} connections, 2 threads, gzip accepted")
        for url in pages.values():
            wrk_warm_up(url)
        runs = {name: [] for name in pages}
        for round_number in range(1, ROUNDS + 1):
            for name, url in pages.items():
                run = wrk(url)
                runs[name].append(run)
                print(
                    f"  round {round_number} {name:10} {run.requests_per_second:9.0f} req/s  p99 {run.p99_ms:7.2f} ms"
                )
        queries = uncached_query_count(server)
    rates = {name: statistics.median(run.requests_per_second for run in name_runs) for name, name_runs in runs.items()}
    ratio = rates["article"] / rates["stylesheet"]
    print(f"article page {ARTICLE_PATH}: {rates['article']:.0f} req/s (median)")
    print(f"stylesheet {pages['stylesheet'].removeprefix(server.url)}: {rates['stylesheet']:.0f} req/s (median)")
    print(f"ratio article/stylesheet: {ratio:.2f} (target {TARGET_RATIO} or more)")
    for name, name_runs in runs.items():
        print(f"p99 latency, {name}: {max(run.p99_ms for run in name_runs):.2f} ms (worst run)")
    print(f"database queries for one uncached article view: {queries}")
    if ratio < TARGET_RATIO:
        print("BELOW TARGET")
        return 1
    return 0


def wrk_warm_up(url):
    subprocess.run(
        ["wrk", "--threads", "1", "--connections", "2", "--duration", "1s", url], capture_output=True, check=True
    )


if __name__ == "__main__":
    sys.exit(main())
