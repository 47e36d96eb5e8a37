"""Images dropped into the editor, and the live preview: staff only, checked, re-encoded, served safely."""

import io
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image

from articles.image_names import STORED_NAME
from editing import images
from tests.pages import parse

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def image_bytes(kind, size=(40, 30), **save_options):
    out = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(out, kind, **save_options)
    return out.getvalue()


def upload(client, content, name="picture.png", content_type="image/png"):
    file = SimpleUploadedFile(name, content, content_type=content_type)
    return client.post(reverse("editor_upload_image"), {"image": file}, headers={"x-requested-with": "XMLHttpRequest"})


def stored_files(media_root):
    return sorted(path.relative_to(media_root).as_posix() for path in Path(media_root).rglob("*") if path.is_file())


def uploaded_url(response):
    code = response.json()["image_code"]
    assert code.startswith("![")
    assert code.endswith(")")
    return code[code.index("](") + 2 : -1]


@pytest.mark.parametrize(
    ("kind", "extension", "content_type"),
    [("PNG", "png", "image/png"), ("JPEG", "jpg", "image/jpeg"), ("WEBP", "webp", "image/webp")],
)
def test_an_editor_uploads_png_jpeg_and_webp_re_encoded_under_a_name_the_server_chooses(
    editor_client, media_root, kind, extension, content_type
):
    original = image_bytes(kind, exif=Image.Exif()) if kind == "JPEG" else image_bytes(kind)
    response = upload(
        editor_client, original + b"trailing bytes", name="../../evil name.html", content_type=content_type
    )
    assert response.status_code == 200
    url = uploaded_url(response)
    name = url.rsplit("/", 1)[1]
    assert url == f"/media/images/{name}"
    assert STORED_NAME.fullmatch(name)
    assert name.endswith(f"-40x30.{extension}")
    (stored,) = stored_files(media_root)
    assert stored == f"images/{name}"
    data = (media_root / stored).read_bytes()
    assert b"trailing bytes" not in data
    with Image.open(io.BytesIO(data)) as saved:
        assert saved.format == kind
        assert saved.size == (40, 30)


def test_the_inserted_markdown_asks_for_alt_text(editor_client):
    code = upload(editor_client, image_bytes("PNG")).json()["image_code"]
    assert code.startswith("![Describe the image for someone who cannot see it](")


def test_the_upload_also_answers_the_image_address_for_the_desk_to_write_its_description(editor_client):
    answer = upload(editor_client, image_bytes("PNG")).json()
    assert answer["image_code"].endswith(f"]({answer['image_url']})")
    assert STORED_NAME.fullmatch(answer["image_url"].removeprefix("/media/images/"))


@pytest.mark.parametrize(
    ("content", "name", "content_type", "message"),
    [
        (
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "chart.svg",
            "image/svg+xml",
            "this file is an SVG drawing",
        ),
        (b"GIF89a" + image_bytes("GIF")[6:], "anim.gif", "image/gif", "this file is a GIF image"),
        (b"<html><script>alert(document.cookie)</script></html>", "photo.png", "image/png", "a web page (HTML)"),
        (b"\x89PNG\r\n\x1a\n<script>alert(1)</script>", "photo.png", "image/png", "this file is"),
        (b"just some text", "notes.jpg", "image/jpeg", "this file is not an image"),
        (b"", "empty.png", "image/png", "The file is empty"),
    ],
    ids=["svg", "gif", "html-disguised-as-png", "png-header-then-script", "text", "empty"],
)
def test_anything_but_png_jpeg_and_webp_is_refused_with_a_clear_message(
    editor_client, media_root, content, name, content_type, message
):
    response = upload(editor_client, content, name=name, content_type=content_type)
    assert response.status_code == 400
    assert message in response.json()["error"]
    assert stored_files(media_root) == []


def test_a_damaged_image_is_refused(editor_client, media_root):
    response = upload(editor_client, image_bytes("PNG")[:60])
    assert response.status_code == 400
    assert "damaged or incomplete" in response.json()["error"]
    assert stored_files(media_root) == []


def test_an_image_over_5_mb_is_refused(editor_client, media_root):
    oversized = image_bytes("PNG") + b"\0" * (5 * 1024 * 1024)
    response = upload(editor_client, oversized)
    assert response.status_code == 400
    assert "larger than 5 MB" in response.json()["error"]
    assert stored_files(media_root) == []


def test_a_wide_image_is_scaled_to_the_column_width(editor_client):
    url = uploaded_url(upload(editor_client, image_bytes("PNG", size=(3200, 800))))
    assert url.endswith(f"-{images.MAX_WIDTH}x400.png")


def test_anonymous_visitors_cannot_upload(client, media_root):
    response = upload(client, image_bytes("PNG"))
    assert response.status_code == 403
    assert response.json() == {"error": "Log in to the admin as an editor to use the editor."}
    assert stored_files(media_root) == []


def test_staff_without_the_upload_permission_cannot_upload(client, media_root):
    client.force_login(User.objects.create_user("helper", password="x" * 20, is_staff=True))
    assert upload(client, image_bytes("PNG")).status_code == 403
    assert stored_files(media_root) == []


def test_the_upload_endpoint_accepts_only_post(editor_client):
    assert editor_client.get(reverse("editor_upload_image")).status_code == 405


def test_an_uploaded_image_is_served_with_debug_off_and_safe_headers(settings, editor_client):
    assert settings.DEBUG is False
    url = uploaded_url(upload(editor_client, image_bytes("WEBP")))
    response = Client().get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/webp"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert "immutable" in response["Cache-Control"]
    with Image.open(io.BytesIO(b"".join(response.streaming_content))) as served:
        assert served.format == "WEBP"


@pytest.mark.parametrize(
    "path",
    [
        "/media/images/" + "0" * 32 + "-10x10.png",  # well-formed, but no such file
        "/media/images/notes.html",
        "/media/images/..%2f..%2fsettings.py",
        "/media/other/" + "0" * 32 + "-10x10.png",
    ],
)
def test_only_stored_images_are_served(client, path):
    assert client.get(path).status_code == 404


def test_an_uploaded_image_gets_its_width_and_height_on_the_public_page(editor_client, make_article):
    url = uploaded_url(upload(editor_client, image_bytes("PNG", size=(64, 48))))
    article = make_article(body=f"## Chart\n\n![A chart of counts]({url})")
    tree = parse(Client().get(article.get_absolute_url()).content)
    image = tree.find("div", class_="article-body").find("img")
    assert (image.attrs["src"], image.attrs["width"], image.attrs["height"]) == (url, "64", "48")
    assert Client().get(image.attrs["src"]).status_code == 200


def test_the_preview_returns_the_sanitised_html_of_the_public_page(editor_client):
    body = '## Care\n\nCall us.\n\n<script>alert(1)</script>\n\n<img src="x" onerror="alert(1)">\n\n[bad](javascript:alert(1))'
    response = editor_client.post(reverse("editor_preview"), {"content": body})
    assert response.status_code == 200
    html = response.content.decode()
    assert '<h2 id="care">' in html
    assert "<p>Call us.</p>" in html
    for unsafe in ["<script", "onerror", "javascript:"]:
        assert unsafe not in html


def test_the_preview_refuses_anonymous_visitors_and_non_editors(client):
    assert client.post(reverse("editor_preview"), {"content": "## Hi"}).status_code == 403
    client.force_login(User.objects.create_user("reader", password="x" * 20))
    assert client.post(reverse("editor_preview"), {"content": "## Hi"}).status_code == 403


def test_the_preview_of_nothing_is_empty_not_an_error(editor_client):
    response = editor_client.post(reverse("editor_preview"))
    assert response.status_code == 200
    assert response.content == b""


def test_markdownx_own_urls_are_not_mounted(client):
    assert client.post("/markdownx/markdownify/", {"content": "<script>x</script>"}).status_code == 404
    assert client.post("/markdownx/upload/").status_code == 404
