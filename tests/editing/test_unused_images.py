"""Images no article uses, in the admin: listed for an administrator, deleted from storage after a
confirmation, and never while an article's body, a working copy or a saved version still names them."""

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from reversion.models import Version

from articles.models import Article
from editing.unused_images import named_images
from signoff.versions import record
from tests.pages import parse, save_article

LIST = reverse("admin:articles_article_unused_images")


def image_name(letter):
    return f"{letter * 32}-40x30.png"


def delete_url(name):
    return reverse("admin:articles_article_delete_image", args=[name])


@pytest.fixture
def images(settings, tmp_path):
    """Four stored images, a to d, in a media folder of the test's own; returns the folder of images."""
    settings.MEDIA_ROOT = tmp_path
    folder = tmp_path / "images"
    folder.mkdir()
    for letter in "abcd":
        (folder / image_name(letter)).write_bytes(b"an image")
    return folder


@pytest.fixture
def admin_client(db):
    """A client of its own (the editor keeps the default `client`), logged in as an administrator."""
    client = Client()
    client.force_login(User.objects.create_superuser("ada", "ada@example.org", "a long admin password"))
    return client


def listed(response):
    return [code.text() for code in parse(response.content).find_all("code")]


def image(letter):
    return f"![A picture]({f'/media/images/{image_name(letter)}'})"


@pytest.fixture
def uses(admin_client, make_article, images):
    """a is in a live article's body; b only in that article's working copy (saved in the admin, waiting for
    review); c only in an older saved version of another article; d nowhere."""
    live = make_article(body=f"## One\n\n{image('a')}\n")
    save_article(admin_client, live, body=f"## One\n\n{image('a')}\n\n{image('b')}\n")
    older = make_article(body=f"## Two\n\n{image('c')}\n")
    record(older, [], None, "The version with the picture")
    Article.objects.filter(pk=older.pk).update(body="## Two\n\nNo picture now.\n")


def test_named_images_finds_stored_names_in_any_text():
    text = f"![x](/media/images/{image_name('a')}) and {image_name('b')} and images/not-a-stored-name.png"
    assert named_images([text, None, ""]) == {image_name("a"), image_name("b")}


def test_only_images_that_nothing_uses_are_listed(admin_client, uses):
    assert Article.objects.filter(body__contains=image_name("b")).count() == 0  # b is only in the working copy
    assert Version.objects.filter(serialized_data__contains=image_name("c")).exists()
    assert listed(admin_client.get(LIST)) == [image_name("d")]


def test_with_every_image_in_use_the_list_says_so(admin_client, make_article, images):
    make_article(body="\n\n".join(image(letter) for letter in "abcd"))
    response = admin_client.get(LIST)
    assert listed(response) == []
    assert "Every uploaded image is in use." in parse(response.content).find("p", class_="no-unused-images").text()


def test_deleting_asks_for_confirmation_then_removes_the_file(admin_client, uses, images):
    confirmation = admin_client.get(delete_url(image_name("d")))
    assert confirmation.status_code == 200
    assert (images / image_name("d")).exists()  # asking deletes nothing
    parse(confirmation.content).find("input", type="submit", value="Yes, delete the image")

    response = admin_client.post(delete_url(image_name("d")), follow=True)
    assert response.redirect_chain == [(LIST, 302)]
    assert not (images / image_name("d")).exists()
    assert f"The image “{image_name('d')}” was deleted." in response.content.decode()
    assert sorted(path.name for path in images.iterdir()) == [image_name(letter) for letter in "abc"]


@pytest.mark.parametrize("letter", ["a", "b", "c"], ids=["live-body", "working-copy", "saved-version"])
def test_an_image_in_use_is_never_deleted(admin_client, uses, images, letter):
    confirmation = admin_client.get(delete_url(image_name(letter)))
    assert confirmation.status_code == 200
    assert parse(confirmation.content).find_all("input", value="Yes, delete the image") == []
    assert "uses it now" in parse(confirmation.content).find("p", class_="errornote").text()

    response = admin_client.post(delete_url(image_name(letter)), follow=True)
    assert (images / image_name(letter)).exists()
    assert "was not deleted" in response.content.decode()


def test_an_image_used_after_the_confirmation_opened_is_kept(admin_client, make_article, images):
    assert admin_client.get(delete_url(image_name("d"))).status_code == 200
    make_article(body=image("d"))  # someone inserts it meanwhile
    admin_client.post(delete_url(image_name("d")))
    assert (images / image_name("d")).exists()


@pytest.mark.parametrize("name", ["settings.py", f"{'e' * 32}-40x30.png", "..", f"{'a' * 32}-40x30.gif"])
def test_only_stored_images_can_be_asked_for(admin_client, images, name):
    assert admin_client.get(delete_url(name)).status_code == 404
    assert admin_client.post(delete_url(name)).status_code == 404


def test_editors_may_neither_list_nor_delete_images(editor_client, images):
    assert editor_client.get(LIST).status_code == 403
    assert editor_client.post(delete_url(image_name("d"))).status_code == 403
    assert (images / image_name("d")).exists()


def test_visitors_are_sent_to_log_in(client, db, images):
    response = client.post(delete_url(image_name("d")))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
    assert (images / image_name("d")).exists()


def test_the_article_list_links_administrators_to_the_unused_images(admin_client, editor_client, db):
    links = parse(admin_client.get(reverse("admin:articles_article_changelist")).content).find_all("a", href=LIST)
    assert [link.text() for link in links] == ["Images no article uses"]
    assert parse(editor_client.get(reverse("admin:articles_article_changelist")).content).find_all("a", href=LIST) == []
