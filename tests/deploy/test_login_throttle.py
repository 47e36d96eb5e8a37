"""Admin sign-in throttling (django-axes): repeated failures lock one account from one address out."""

import logging
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.utils import timezone

from tests.pages import parse

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-editor-password-42"
LIMIT = settings.AXES_FAILURE_LIMIT


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user("editor", password=PASSWORD, is_staff=True)


@pytest.fixture
def sign_in(client):
    """Post the admin login form from `address` and return the response."""

    def post(password, username="editor", address="203.0.113.7"):
        return client.post(
            "/admin/login/?next=/admin/",
            {"username": username, "password": password, "next": "/admin/"},
            REMOTE_ADDR=address,
        )

    return post


def test_the_lock_lifts_after_30_minutes(editor, sign_in):
    for _ in range(LIMIT):
        sign_in("wrong password")
    assert sign_in(PASSWORD).status_code == 429
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=31))
    assert sign_in(PASSWORD).status_code == 302


def test_wrong_passwords_below_the_limit_get_the_login_form_again(editor, sign_in):
    for _ in range(LIMIT - 1):
        response = sign_in("wrong password")
        assert response.status_code == 200
        assert b"Please enter the correct username and password" in response.content
    assert sign_in(PASSWORD).status_code == 302


def test_repeated_failures_lock_the_account_out_with_a_clear_page(editor, sign_in):
    for _ in range(LIMIT):
        sign_in("wrong password")
    response = sign_in(PASSWORD)
    assert response.status_code == 429
    tree = parse(response.content)
    assert tree.find("h1").text() == "Too many failed sign-in attempts"
    assert "try again in 30 minutes" in tree.find("main").text()
    assert response.headers["Content-Security-Policy"]


def test_a_locked_out_correct_password_does_not_sign_in(editor, sign_in, client):
    for _ in range(LIMIT):
        sign_in("wrong password")
    sign_in(PASSWORD)
    assert client.get("/admin/").status_code == 302, "still sent to the login page"


def test_the_lockout_is_for_that_account_from_that_address(editor, django_user_model, sign_in):
    django_user_model.objects.create_user("other", password=PASSWORD, is_staff=True)
    for _ in range(LIMIT):
        sign_in("wrong password")
    assert sign_in(PASSWORD, address="198.51.100.9").status_code == 302
    assert sign_in(PASSWORD, username="other").status_code == 302


def test_a_successful_sign_in_clears_the_failures(editor, sign_in, client):
    for _ in range(LIMIT - 1):
        sign_in("wrong password")
    assert sign_in(PASSWORD).status_code == 302
    client.logout()
    for _ in range(LIMIT - 1):
        sign_in("wrong password")
    assert sign_in(PASSWORD).status_code == 302


def test_the_lockout_is_logged_without_the_password(editor, sign_in, caplog):
    # axes masks the account and address in the log line; the admin's "Access attempts" list names them.
    caplog.set_level(logging.DEBUG)
    for _ in range(LIMIT):
        sign_in("wrong password")
    lockouts = [r for r in caplog.records if "Locking out" in r.getMessage()]
    assert len(lockouts) == 1
    assert lockouts[0].levelno == logging.WARNING
    assert "/admin/login/" in lockouts[0].getMessage()
    assert not any("wrong password" in r.getMessage() for r in caplog.records)


def test_the_admin_lists_the_locked_out_attempt(editor, sign_in, admin_client):
    for _ in range(LIMIT):
        sign_in("wrong password")
    response = admin_client.get("/admin/axes/accessattempt/")
    assert response.status_code == 200
    assert b"203.0.113.7" in response.content
