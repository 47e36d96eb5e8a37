"""Behind nginx the site sees each client's own address: a lockout holds one address, and X-Forwarded-For sent by a
client changes nothing."""

import re
from urllib.parse import urlencode

import pytest

from tests.deploy.edge_client import send

pytestmark = pytest.mark.slow

USERNAME = "locked-editor"
PASSWORD = "the editor's long real password"
FAILURE_LIMIT = 5  # AXES_FAILURE_LIMIT


@pytest.fixture(scope="module")
def staff_account(site_shell):
    site_shell(
        "from django.contrib.auth.models import User\n"
        f"User.objects.create_user({USERNAME!r}, password={PASSWORD!r}, is_staff=True)"
    )


def sign_in(edge, password, source, forwarded_for=None):
    """Sign in to the admin through nginx from `source` (with its own form token); return the status."""
    form = send(edge.url, "/admin/login/", source=source)
    cookie = re.search(r"csrftoken=([^;]+)", form.headers["Set-Cookie"])[1]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text)[1]
    headers = {"Cookie": f"csrftoken={cookie}", "Content-Type": "application/x-www-form-urlencoded"}
    if forwarded_for:
        headers["X-Forwarded-For"] = forwarded_for
    body = urlencode({"csrfmiddlewaretoken": token, "username": USERNAME, "password": password, "next": "/admin/"})
    return send(edge.url, "/admin/login/?next=/admin/", method="POST", headers=headers, body=body, source=source).status


@pytest.fixture(scope="module")
def locked_out_at_127_0_0_2(edge, staff_account):
    statuses = [sign_in(edge, "a wrong password", "127.0.0.2") for _ in range(FAILURE_LIMIT + 1)]
    assert statuses[-1] == 429


def test_a_lockout_at_one_address_leaves_another_address_free(edge, locked_out_at_127_0_0_2):
    assert sign_in(edge, PASSWORD, "127.0.0.3") == 302


def test_a_locked_out_client_cannot_pass_for_another_address(edge, locked_out_at_127_0_0_2):
    assert sign_in(edge, PASSWORD, "127.0.0.2", forwarded_for="127.0.0.3") == 429


def test_a_client_cannot_get_another_address_locked_out(edge, locked_out_at_127_0_0_2):
    assert sign_in(edge, PASSWORD, "127.0.0.4", forwarded_for="127.0.0.2") == 302
