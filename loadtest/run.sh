#!/usr/bin/env bash
# make loadtest: gunicorn (2 workers, debug off) on loopback with a throwaway SQLite database of the bundled
# articles, then wrk with a mixed load for DURATION seconds (default 60). Prints requests/s and p99 latency;
# exits non-zero on any non-2xx/3xx answer or socket error.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-60}
CONNECTIONS=${CONNECTIONS:-16}
PYTHON=${PYTHON:-.venv/bin/python}

# The site comes from the helper that make bench, make audit and the tests use; it runs this script again
# with SERVER_URL and SERVER_DIRECTORY set, and stops gunicorn when the script ends.
if [ -z "${SERVER_URL:-}" ]; then
  exec "$PYTHON" -m scripts.production_server --workers 2 "$0"
fi
BASE=$SERVER_URL
COOKIES="$SERVER_DIRECTORY/loadtest-cookies"

# The checker form is CSRF-protected: take a token and its cookie as a browser would.
PAGE=$(curl -fsS -c "$COOKIES" "$BASE/neutrophil-count/")
TOKEN=$(printf '%s' "$PAGE" | sed -n 's/.*name="csrfmiddlewaretoken" value="\([^"]*\)".*/\1/p' | head -n 1)
COOKIE=$(awk '$6 == "csrftoken" { print $7 }' "$COOKIES")
if [ -z "$TOKEN" ] || [ -z "$COOKIE" ]; then
  echo "could not read the checker's CSRF token" >&2
  exit 1
fi

echo "wrk: $CONNECTIONS connections for ${DURATION}s against gunicorn (2 workers) at $BASE"
wrk --threads 2 --connections "$CONNECTIONS" --duration "${DURATION}s" --timeout 10s --latency \
  --script loadtest/mixed.lua "$BASE" -- "$TOKEN" "$COOKIE"
