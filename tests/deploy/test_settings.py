"""What the environment variables do: a missing secret key stops the site, Django's deployment checks pass
with the production settings, and DJANGO_SITE_URL is read strictly."""

import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from neutro_site.settings import env_site_url
from scripts.production_server import ROOT, site_env


def manage(env, *args):
    """Run manage.py with `env` and return the finished process, failed or not."""
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.mark.slow
def test_debug_off_without_a_secret_key_stops_with_a_clear_message(tmp_path):
    env = site_env(tmp_path)
    del env["DJANGO_SECRET_KEY"]
    result = manage(env, "check")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


@pytest.mark.slow
def test_debug_on_runs_without_a_secret_key(tmp_path):
    env = {**site_env(tmp_path), "DJANGO_DEBUG": "1"}
    del env["DJANGO_SECRET_KEY"]
    assert manage(env, "check").returncode == 0


@pytest.mark.slow
def test_deploy_check_passes_with_debug_off_and_https_on(tmp_path):
    result = manage({**site_env(tmp_path), "DJANGO_HTTPS": "1"}, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.slow
def test_deploy_check_fails_on_a_weak_setting(tmp_path):
    # The check has teeth: a short secret key is reported.
    env = {**site_env(tmp_path), "DJANGO_HTTPS": "1", "DJANGO_SECRET_KEY": "short"}
    result = manage(env, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode != 0
    assert "security.W009" in result.stderr + result.stdout


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("", ""),
        ("https://neutropenia.example.org", "https://neutropenia.example.org"),
        ("https://neutropenia.example.org/", "https://neutropenia.example.org"),
        ("  http://localhost:8000/ ", "http://localhost:8000"),
    ],
)
def test_site_url_setting_is_read_without_its_trailing_slash(monkeypatch, value, expected):
    monkeypatch.setenv("DJANGO_SITE_URL", value)
    assert env_site_url("DJANGO_SITE_URL") == expected


@pytest.mark.parametrize(
    "value",
    [
        "neutropenia.example.org",
        "ftp://example.org",
        "https://example.org/guide",
        "https://example.org?x=1",
        "https://",
    ],
)
def test_a_site_url_that_is_not_a_bare_web_address_is_refused(monkeypatch, value):
    monkeypatch.setenv("DJANGO_SITE_URL", value)
    with pytest.raises(ImproperlyConfigured, match="DJANGO_SITE_URL"):
        env_site_url("DJANGO_SITE_URL")
