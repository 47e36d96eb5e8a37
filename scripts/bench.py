"""`make bench`: how fast an article page is served, side by side with static files, behind nginx and without.

Starts the production shape (scripts/edge.py: nginx in front of gunicorn with 2 workers, debug off, the
file cache) and, where REDIS_URL is set, a second gunicorn site on the Redis cache
(scripts/production_server.py). Then alternates wrk runs, as a browser asks (gzip accepted), on:

- nginx: the article's HTML as a file (nginx's own rate, the ceiling);
- nginx: the article through the edge (nginx's page cache in front of the site);
- gunicorn: the stylesheet under its hashed name (a static file from gunicorn);
- gunicorn: the article from the site's page cache, file cache and (with REDIS_URL) Redis.

Prints every run, the medians side by side with their ratios, the worst 99th-percentile latency, and
how many database queries an uncached article view makes. Exits 1 when the edge is under 0.5 of nginx's
file; the goals (the edge at 0.8 of it, the article from gunicorn's page cache at 0.8 of gunicorn's
static file with the file cache and 0.9 with Redis) are reported. BENCH_ROUNDS (3), BENCH_SECONDS (5),
BENCH_CONNECTIONS (8, for gunicorn) and BENCH_NGINX_CONNECTIONS (32) change the runs.
"""

import contextlib
import gzip
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import urllib.request
from typing import NamedTuple

from scripts.edge import run_edge
from scripts.production_server import ROOT, serve

ARTICLE_PATH = "/articles/overview/"
FILE_PATH = "/static/bench/overview.html"
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "5"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "8"))
NGINX_CONNECTIONS = int(os.environ.get("BENCH_NGINX_CONNECTIONS", "32"))
LATENCY_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


class Run(NamedTuple):
    requests_per_second: float
    p99_ms: float


class Target(NamedTuple):
    name: str
    url: str
    connections: int


class Comparison(NamedTuple):
    measured: str  # a Target's name
    against: str  # the Target's name it is a share of
    minimum: float  # below this, make bench fails; 0 when only a goal
    goal: float


COMPARISONS = [
    Comparison("nginx: article through the edge", "nginx: article HTML as a file", 0.5, 0.8),
    Comparison("gunicorn: article, file cache", "gunicorn: stylesheet, file-cache site", 0.0, 0.8),
    Comparison("gunicorn: article, Redis cache", "gunicorn: stylesheet, Redis site", 0.0, 0.9),
]


def wrk(target):
    """Load `target` with wrk for SECONDS and return its rate and 99th-percentile latency."""
    command = ["wrk", "--threads", "2", "--connections", str(target.connections), "--duration", f"{SECONDS}s"]
    command += ["--latency", "--header", "Accept-Encoding: gzip", target.url]
    output = subprocess.run(command, capture_output=True, text=True, timeout=SECONDS + 60, check=True).stdout
    if "Non-2xx or 3xx responses" in output:
        raise SystemExit(f"wrk got error answers from {target.url}:\n{output}")
    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    p99 = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s)\s*$", output, re.MULTILINE)
    if not rate or not p99:
        raise SystemExit(f"Could not read wrk's output:\n{output}")
    return Run(float(rate[1]), float(p99[1]) * LATENCY_UNITS[p99[2]])


def stylesheet_path(directory):
    manifest = json.loads((directory / "static" / "staticfiles.json").read_text())
    return "/static/" + manifest["paths"]["css/site.css"]


def write_article_file(edge):
    """Save the article's HTML (and its gzip, as collectstatic would) where nginx serves static files."""
    with urllib.request.urlopen(edge.gunicorn_url + ARTICLE_PATH, timeout=30) as response:
        html = response.read()
    folder = edge.directory / "static" / "bench"
    folder.mkdir(exist_ok=True)
    (folder / "overview.html").write_bytes(html)
    (folder / "overview.html.gz").write_bytes(gzip.compress(html, compresslevel=9, mtime=0))


def uncached_query_count(env):
    result = subprocess.run(
        [sys.executable, "-m", "scripts.query_count", ARTICLE_PATH],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return int(result.stdout.strip())


def measure(targets):
    """Warm each target up, then alternate ROUNDS wrk runs over them; return {name: [Run, ...]}."""
    for target in targets:
        subprocess.run(
            ["wrk", "--threads", "1", "--connections", "2", "--duration", "1s", target.url],
            capture_output=True,
            check=True,
        )
    runs = {target.name: [] for target in targets}
    for round_number in range(1, ROUNDS + 1):
        for target in targets:
            run = wrk(target)
            runs[target.name].append(run)
            print(
                f"  round {round_number}  {target.name:40} {run.requests_per_second:9.0f} req/s"
                f"  p99 {run.p99_ms:7.2f} ms",
                flush=True,
            )
    return runs


def report(runs, queries):
    """Print the medians side by side and the comparisons; return how many targets were missed."""
    rates = {name: statistics.median(run.requests_per_second for run in name_runs) for name, name_runs in runs.items()}
    print(f"\n{'':42} {'req/s':>9}  {'worst p99':>10}")
    for name, name_runs in runs.items():
        print(f"{name:42} {rates[name]:9.0f}  {max(run.p99_ms for run in name_runs):7.2f} ms")
    print()
    missed = 0
    for comparison in COMPARISONS:
        if comparison.measured not in rates:
            print(f"{comparison.measured}: not measured (set REDIS_URL to a Redis database)")
            continue
        ratio = rates[comparison.measured] / rates[comparison.against]
        verdict = "meets the goal" if ratio >= comparison.goal else "below the goal"
        if ratio < comparison.minimum:
            verdict = f"BELOW THE TARGET of {comparison.minimum}"
            missed += 1
        print(
            f"{comparison.measured} / {comparison.against.split(': ', 1)[1]}: {ratio:.2f}"
            f" (goal {comparison.goal}): {verdict}"
        )
    print(f"database queries for one uncached article view: {queries}")
    return missed


def main():
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed: apt-get install wrk")
    redis_url = os.environ.get("REDIS_URL", "")
    print(f"wrk: {ROUNDS} rounds of {SECONDS} s, 2 threads, gzip accepted; {NGINX_CONNECTIONS} connections to")
    print(f"nginx, {CONNECTIONS} to gunicorn (2 sync workers); debug off, plain HTTP, on loopback", flush=True)
    with contextlib.ExitStack() as servers:
        edge = servers.enter_context(run_edge(workers=2))
        write_article_file(edge)
        targets = [
            Target("nginx: article HTML as a file", edge.url + FILE_PATH, NGINX_CONNECTIONS),
            Target("nginx: article through the edge", edge.url + ARTICLE_PATH, NGINX_CONNECTIONS),
            Target(
                "gunicorn: stylesheet, file-cache site",
                edge.gunicorn_url + stylesheet_path(edge.directory),
                CONNECTIONS,
            ),
            Target("gunicorn: article, file cache", edge.gunicorn_url + ARTICLE_PATH, CONNECTIONS),
        ]
        if redis_url:
            redis_site = servers.enter_context(serve(workers=2, redis_url=redis_url))
            targets += [
                Target(
                    "gunicorn: stylesheet, Redis site",
                    redis_site.url + stylesheet_path(redis_site.directory),
                    CONNECTIONS,
                ),
                Target("gunicorn: article, Redis cache", redis_site.url + ARTICLE_PATH, CONNECTIONS),
            ]
        runs = measure(targets)
        queries = uncached_query_count(edge.env)
    return 1 if report(runs, queries) else 0


if __name__ == "__main__":
    sys.exit(main())
