"""nginx serves /static/ and /media/ itself, with the headers the site gives them, and its own error pages
with the site's security headers."""

import io

import pytest
from PIL import Image

from editing.images import clean_image
from tests.deploy.edge_client import SECURITY_HEADERS, policy, send

pytestmark = pytest.mark.slow

# What a browser relies on, beyond the security headers.
FILE_HEADERS = ["Cache-Control", "Access-Control-Allow-Origin", "Vary", "Content-Encoding", "Content-Length"]


def content_type(answer):
    return answer.headers["Content-Type"].replace('"', "").lower()


def assert_same_headers(nginx, gunicorn, names):
    for name in [*names, *SECURITY_HEADERS]:
        assert nginx.headers[name] == gunicorn.headers[name], name
    assert policy(nginx.headers["Content-Security-Policy"]) == policy(gunicorn.headers["Content-Security-Policy"])
    assert content_type(nginx) == content_type(gunicorn)


@pytest.mark.parametrize("accept_encoding", ["gzip", "identity"])
@pytest.mark.parametrize("hashed", [True, False], ids=["hashed name", "plain name"])
def test_nginx_serves_static_files_with_the_headers_the_site_gives_them(edge, stylesheet, hashed, accept_encoding):
    path = stylesheet if hashed else "/static/css/site.css"
    headers = {"Accept-Encoding": accept_encoding}
    nginx, gunicorn = send(edge.url, path, headers=headers), send(edge.gunicorn_url, path, headers=headers)
    assert nginx.status == gunicorn.status == 200
    assert nginx.headers["Server"] == "nginx"
    assert nginx.body == gunicorn.body
    assert_same_headers(nginx, gunicorn, FILE_HEADERS)
    assert ("immutable" in nginx.headers["Cache-Control"]) is hashed


@pytest.fixture(scope="module")
def upload(edge):
    """An image stored as the editor's upload stores it: its address."""
    out = io.BytesIO()
    Image.new("RGB", (12, 8), "teal").save(out, "PNG")
    image = clean_image(out.getvalue())
    folder = edge.directory / "media" / "images"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / image.name).write_bytes(image.content)
    return f"/media/images/{image.name}"


def test_nginx_serves_uploads_sandboxed_as_the_site_does(edge, upload):
    nginx, gunicorn = send(edge.url, upload), send(edge.gunicorn_url, upload)
    assert nginx.status == gunicorn.status == 200
    assert nginx.headers["Server"] == "nginx"
    assert nginx.body == gunicorn.body
    assert nginx.headers["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert_same_headers(nginx, gunicorn, ["Cache-Control", "Content-Length"])


@pytest.mark.parametrize("name", ["page.html", "photo.png", "0123456789abcdef0123456789abcdef-1x1.svg"])
def test_nginx_serves_no_upload_under_a_name_the_upload_did_not_choose(edge, name):
    folder = edge.directory / "media" / "images"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text("<script>alert(1)</script>")
    answer = send(edge.url, f"/media/images/{name}")
    assert answer.status == 404
    assert b"<script>" not in answer.body


@pytest.mark.parametrize(
    ("path", "method", "headers", "status"),
    [
        ("/static/css/missing.css", "GET", {}, 404),
        ("/media/images/missing.png", "GET", {}, 404),
        # Larger than any upload may be: refused before a byte of the body is read.
        ("/editor/images/", "POST", {"Content-Length": str(7 * 1024 * 1024)}, 413),
    ],
    ids=["missing static file", "missing upload", "body too large"],
)
def test_nginx_error_pages_carry_the_sites_security_headers(edge, path, method, headers, status):
    answer = send(edge.url, path, method=method, headers=headers)
    page = send(edge.gunicorn_url, "/healthz")
    assert answer.status == status
    assert answer.headers["Server"] == "nginx"
    assert "Neutropenia guide" in answer.text
    for name in SECURITY_HEADERS:
        assert answer.headers[name] == page.headers[name], name
    assert policy(answer.headers["Content-Security-Policy"]) == policy(page.headers["Content-Security-Policy"])
