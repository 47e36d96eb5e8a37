"""The cache is shared between processes, as between gunicorn workers and app servers: through Redis when
REDIS_URL is set, otherwise through files in DJANGO_CACHE_DIR."""

import os
import secrets
import socket
import subprocess
import sys
from urllib.parse import urlsplit

import pytest

from tests.test_production import ROOT, production_env

# Redis database 4 is this suite's own; CI's REDIS_URL, when set, names the one it may use.
TEST_REDIS_URL = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/4"


def in_new_process(env, code):
    """Run `code` in a fresh Django process with `env`; return what it printed."""
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def redis_reachable(url):
    parts = urlsplit(url)
    try:
        with socket.create_connection((parts.hostname, parts.port or 6379), timeout=2):
            return True
    except OSError:
        return False


WRITE = (
    "from django.core.cache import caches; cache = caches['default']; "
    "cache.set('shared-test-key', {value!r}, 60); print(type(cache).__name__)"
)
READ = "from django.core.cache import cache; print(cache.get('shared-test-key')); cache.delete('shared-test-key')"


def test_without_redis_a_value_one_process_writes_another_reads(tmp_path):
    env = production_env(tmp_path, DJANGO_CACHE_DIR=str(tmp_path / "cache"))
    value = secrets.token_hex(8)
    assert in_new_process(env, WRITE.format(value=value)) == "FileBasedCache"
    assert any((tmp_path / "cache").iterdir()), "the value lives in the cache folder"
    assert in_new_process(env, READ) == value


def test_with_redis_a_value_one_process_writes_another_reads(tmp_path):
    if not redis_reachable(TEST_REDIS_URL):
        reason = f"Redis is not reachable at {TEST_REDIS_URL}"
        if os.environ.get("CI"):
            pytest.fail(f"{reason}: CI must run the shared-cache test")
        pytest.skip(reason)
    # Two different cache folders: only Redis can carry the value from one process to the other.
    writer = production_env(tmp_path, REDIS_URL=TEST_REDIS_URL, DJANGO_CACHE_DIR=str(tmp_path / "a"))
    reader = production_env(tmp_path, REDIS_URL=TEST_REDIS_URL, DJANGO_CACHE_DIR=str(tmp_path / "b"))
    value = secrets.token_hex(8)
    assert in_new_process(writer, WRITE.format(value=value)) == "RedisCache"
    assert in_new_process(reader, READ) == value


def test_separate_cache_folders_share_nothing(tmp_path):
    # The check above has teeth: without a shared store the value does not travel.
    value = secrets.token_hex(8)
    in_new_process(production_env(tmp_path, DJANGO_CACHE_DIR=str(tmp_path / "a")), WRITE.format(value=value))
    assert in_new_process(production_env(tmp_path, DJANGO_CACHE_DIR=str(tmp_path / "b")), READ) == "None"
