#!/usr/bin/env bash
# make loadtest: gunicorn (2 workers, debug off) on loopback with a throwaway SQLite database of the bundled
# articles, then wrk with a mixed load for DURATION seconds (default 60). Prints requests/s and p99 latency;
# exits non-zero on any non-2xx/3xx answer or socket error.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-60}
CONNECTIONS=${CONNECTIONS:-16}
PYTHON=${PYTHON:-.venv/bin/python}
WORK=$(mktemp -d)
SERVER_PID=

cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# Production settings over plain HTTP, nothing shared with the developer's own database or cache.
unset REDIS_URL
export DJANGO_DEBUG=0 DJANGO_HTTPS=0 DJANGO_SECRET_KEY="loadtest-$(date +%s)-not-a-real-secret-key-0123456789abcdef"
export DATABASE_URL="sqlite:///$WORK/db.sqlite3" DJANGO_STATIC_ROOT="$WORK/static" DJANGO_CACHE_DIR="$WORK/cache"

"$PYTHON" manage.py migrate --noinput >/dev/null
"$PYTHON" manage.py import_articles >/dev/null
"$PYTHON" manage.py collectstatic --noinput >/dev/null

PORT=$("$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
"$PYTHON" -m gunicorn neutro_site.wsgi --bind "127.0.0.1:$PORT" --workers 2 --log-level warning &
SERVER_PID=$!

for _ in $(seq 1 100); do
  curl -fsS "$BASE/healthz" >/dev/null 2>&1 && break
  sleep 0.2
done
curl -fsS "$BASE/healthz" >/dev/null

# The checker form is CSRF-protected: take a token and its cookie as a browser would.
PAGE=$(curl -fsS -c "$WORK/cookies" "$BASE/neutrophil-count/")
TOKEN=$(printf '%s' "$PAGE" | sed -n 's/.*name="csrfmiddlewaretoken" value="\([^"]*\)".*/\1/p' | head -n 1)
COOKIE=$(awk '$6 == "csrftoken" { print $7 }' "$WORK/cookies")
if [ -z "$TOKEN" ] || [ -z "$COOKIE" ]; then
  echo "could not read the checker's CSRF token" >&2
  exit 1
fi

echo "wrk: $CONNECTIONS connections for ${DURATION}s against gunicorn (2 workers) at $BASE"
wrk --threads 2 --connections "$CONNECTIONS" --duration "${DURATION}s" --timeout 10s --latency \
  --script loadtest/mixed.lua "$BASE" -- "$TOKEN" "$COOKIE"
