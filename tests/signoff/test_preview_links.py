"""Signed preview links for outside reviewers: valid, expired, revoked, tampered."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from signoff import preview_links
from signoff.models import PreviewLink
from tests.pages import parse, save_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def link(editor_client, make_article):
    """A preview link an editor made in the admin for a live article's working copy."""
    article = make_article(title="Fever", body="## Fever\n\nLive text.")
    save_article(editor_client, article, body="## Fever\n\nProposed text.")
    url = reverse("admin:articles_article_preview_links", args=[article.pk])
    assert editor_client.post(url, {"create": "1"}).status_code == 302
    return PreviewLink.objects.get()


def test_a_valid_link_shows_the_version_it_names_without_an_account(public, link):
    response = public.get(preview_links.address(link))
    assert response.status_code == 200
    tree = parse(response.content)
    assert "Proposed text." in tree.find("div", class_="article-body").text()
    banner = tree.find("div", class_="draft-banner").text()
    assert banner.startswith(f"Preview for review: this is version {link.version_id} of this page")
    assert tree.meta("robots") == "noindex"
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"]
    assert "Live text." in public.get(link.article.get_absolute_url()).content.decode()


def test_an_expired_link_says_so(public, link):
    PreviewLink.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    response = public.get(preview_links.address(link))
    assert response.status_code == 404
    assert "This preview link has expired." in response.content.decode()


def test_a_link_older_than_seven_days_has_expired_even_if_its_row_says_otherwise(public, link, monkeypatch):
    address = preview_links.address(link)
    PreviewLink.objects.update(expires_at=timezone.now() + datetime.timedelta(days=30))
    later = timezone.now() + datetime.timedelta(days=7, seconds=1)
    monkeypatch.setattr("time.time", lambda: later.timestamp())
    assert "This preview link has expired." in public.get(address).content.decode()


def test_a_revoked_link_no_longer_opens(editor_client, public, link):
    url = reverse("admin:articles_article_preview_links", args=[link.article.pk])
    assert editor_client.post(url, {"revoke": str(link.pk)}).status_code == 302
    response = public.get(preview_links.address(link))
    assert response.status_code == 404
    assert "This preview link was withdrawn." in response.content.decode()


def test_a_tampered_link_is_refused(public, link):
    address = preview_links.address(link)
    token = address.split("/")[-2]
    tampered = address.replace(token, token[:-2] + ("AA" if not token.endswith("AA") else "BB"))
    response = public.get(tampered)
    assert response.status_code == 404
    assert "This preview link is not valid." in response.content.decode()
    assert "no-store" in response["Cache-Control"]
