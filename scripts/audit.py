"""`make audit`: Lighthouse scores for the home page, an article and the count checker, in English and in
Spanish, and for the Spanish glossary.

Starts the site as production runs it (scripts/production_server.py), runs the pinned Lighthouse
(node_modules, `npm ci`) with Debian's Chromium headless on each page, prints the four scores per page
and every audit that cost points, keeps the JSON reports in reports/lighthouse/, and exits 1 when any
score is under 100.

The site is served over plain HTTP on loopback: Lighthouse treats localhost as a secure origin, so no
score is lost for the missing HTTPS.
"""

import json
import os
import subprocess
import sys

from scripts.production_server import ROOT, serve

PAGES = {
    "home": "/",
    "article": "/articles/overview/",
    "checker": "/neutrophil-count/",
    "home-es": "/es/",
    "article-es": "/es/articles/que-es-la-neutropenia/",
    "checker-es": "/es/neutrophil-count/",
    "glossary-es": "/es/glossary/",
}
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
REPORTS = ROOT / "reports" / "lighthouse"
ATTEMPTS = 3
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run"


def lighthouse(url, report_path):
    """Run Lighthouse on `url`, write its JSON report to `report_path`, and return the report."""
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    command = [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report_path}"]
    command += [f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"]
    for attempt in range(1, ATTEMPTS + 1):
        # Lighthouse sometimes fails to record the trace on a busy machine (NO_NAVSTART) and says to run it again.
        if subprocess.run(command, env=env, timeout=300).returncode == 0:
            return json.loads(report_path.read_text())
        print(f"    Lighthouse failed on {url} (attempt {attempt} of {ATTEMPTS})")
    raise SystemExit(f"Lighthouse could not audit {url}")


def lost_points(report, category):
    """The titles of the audits of `category` that scored under full marks (weighted or not)."""
    audits = report["audits"]
    titles = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = audits[ref["id"]]
        if audit.get("score") is not None and audit["score"] < 1 and audit.get("scoreDisplayMode") != "informative":
            titles.append(f"{audit['title']} (score {audit['score']}, weight {ref['weight']})")
    return titles


def main():
    if not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is not installed: run npm ci")
    REPORTS.mkdir(parents=True, exist_ok=True)
    failed = False
    with serve(workers=2) as server:
        print(f"Lighthouse on gunicorn at {server.url} (debug off, plain HTTP on loopback)")
        print(f"{'page':12}" + "".join(f"{name:>16}" for name in CATEGORIES))
        for page, path in PAGES.items():
            report = lighthouse(server.url + path, REPORTS / f"{page}.json")
            scores = {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}
            print(f"{page:12}" + "".join(f"{scores[name]:>16}" for name in CATEGORIES))
            for name in CATEGORIES:
                for title in lost_points(report, name):
                    print(f"    {name}: {title}")
            failed = failed or any(score < 100 for score in scores.values())
    print("Reports: reports/lighthouse/*.json")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
