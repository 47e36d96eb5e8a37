"""Security headers on every kind of response, and pages a strict Content-Security-Policy can hold."""

import pytest

from tests.pages import CHECKER, CHECKER_ANSWERS, parse

pytestmark = pytest.mark.django_db

DISABLED_FEATURES = ["camera", "microphone", "geolocation", "payment", "usb"]


def csp_directives(response):
    """The Content-Security-Policy header as {directive: [values]}."""
    header = response.headers["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


@pytest.fixture
def responses(client, make_article, admin_user, settings):
    """One response of each kind: a page, a 404, a static file, the admin login and a logged-in admin page."""
    # Whitenoise serves from the finders in tests (no collectstatic); it reads this on the first request.
    settings.WHITENOISE_USE_FINDERS = True
    article = make_article()
    static = client.get("/static/css/site.css")
    found = {
        "page": client.get(article.get_absolute_url()),
        "not found": client.get("/articles/no-such-page/"),
        "static": static,
        "admin login": client.get("/admin/login/"),
        "checker": client.get("/neutrophil-count/"),
        "health": client.get("/healthz"),
    }
    client.force_login(admin_user)
    found["admin page"] = client.get(f"/admin/auth/user/{admin_user.pk}/change/")
    return found


def test_every_kind_of_response_carries_the_security_headers(responses):
    for kind, response in responses.items():
        assert response.status_code == (404 if kind == "not found" else 200), kind
        headers = response.headers
        assert "Content-Security-Policy" in headers, kind
        assert headers["X-Frame-Options"] == "DENY", kind
        assert headers["X-Content-Type-Options"] == "nosniff", kind
        assert headers["Referrer-Policy"] == "same-origin", kind
        assert headers["Cross-Origin-Opener-Policy"] == "same-origin", kind
        assert "Permissions-Policy" in headers, kind


def test_static_files_are_served_by_whitenoise_with_the_headers(responses):
    # Whitenoise answers before the view layer; the headers come from middleware placed above it.
    static = responses["static"]
    assert static.status_code == 200
    assert b"".join(static.streaming_content)
    assert "script-src 'self'" in static.headers["Content-Security-Policy"]


def test_content_security_policy_allows_only_the_sites_own_scripts(client, make_article):
    directives = csp_directives(client.get(make_article().get_absolute_url()))
    assert directives["script-src"] == ["'self'"]
    assert directives["default-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'none'"]
    assert directives["form-action"] == ["'self'"]
    for values in directives.values():
        assert "'unsafe-inline'" not in values
        assert "'unsafe-eval'" not in values
        assert not any(value.startswith("'nonce-") for value in values), "pages are cached whole: no nonces"


def test_permissions_policy_turns_off_the_devices_the_site_never_uses(client):
    policy = client.get("/").headers["Permissions-Policy"]
    features = dict(item.strip().split("=", 1) for item in policy.split(","))
    for feature in DISABLED_FEATURES:
        assert features[feature] == "()", feature
    assert "clipboard-write" not in features, "the section links copy their address"


def test_https_redirects_every_page_but_the_health_check(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/").status_code == 301
    assert client.get("/healthz").status_code == 200


# No inline code, so the policy needs no 'unsafe-inline' and no nonces (pages are cached whole).


@pytest.mark.parametrize(
    ("url", "posted"),
    [
        ("/", None),
        ("/articles/first/", None),
        ("/search/", None),
        ("/search/?q=page", None),
        ("/search/?q=%25", None),
        ("/nowhere/", None),
        ("/neutrophil-count/", None),
        *((CHECKER, answer) for answer in CHECKER_ANSWERS.values()),
    ],
)
def test_pages_hold_no_inline_script_style_or_handler(client, make_article, url, posted):
    make_article(title="First page", slug="first")
    response = client.get(url) if posted is None else client.post(url, posted)
    for element in parse(response.content).iter():
        assert element.tag != "style"
        assert "style" not in element.attrs, f"<{element.tag}> has a style attribute"
        assert not [name for name in element.attrs if name.startswith("on")], f"<{element.tag}> has a handler"
        if element.tag == "script":
            assert element.attrs.get("type") == "application/ld+json" or (
                element.attrs.get("src") and not element.raw_text().strip()
            )
