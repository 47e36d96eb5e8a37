"""Slug renames: the message after the save, and updating other articles' links to the old address through the
sign-off (working copies, sent for clinical review), as an editor does it in the admin."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from articles.models import Article, OldSlug
from editing.link_updates import retarget
from signoff.models import ReviewRequest
from signoff.workflow import pending_request, working_version
from tests.pages import change_url, parse, save_article


def test_links_to_an_old_address_are_pointed_at_the_new_one_line_by_line():
    markdown = (
        "See [the causes](/articles/causes/) first.\n"
        "Then [why](/articles/causes#why) and [more](/articles/causes-more/).\n"
        "```\n[code](/articles/causes/)\n```\n"
        "[ref]: /articles/causes/\n"
        "Not a link: /articles/causes/ in prose."
    )
    body, changes = retarget(markdown, ["causes"], "why-it-happens")
    assert [change.line for change in changes] == [1, 2, 6]
    assert changes[1].after == "Then [why](/articles/why-it-happens#why) and [more](/articles/causes-more/)."
    assert "[code](/articles/causes/)" in body  # code shows Markdown, it does not link
    assert body.endswith("Not a link: /articles/causes/ in prose.")
    assert retarget(markdown, [], "x") == (markdown, [])


def test_a_spanish_articles_links_are_retargeted_under_its_own_prefix_only():
    markdown = "[Fiebre](/es/articles/fiebre/) y [fever](/articles/fiebre/)."
    body, _ = retarget(markdown, ["fiebre"], "fiebre-alta", "/es/articles/")
    assert body == "[Fiebre](/es/articles/fiebre-alta/) y [fever](/articles/fiebre/)."


@pytest.fixture
def renamed_draft(make_article, editor_client):
    """A draft renamed from "causes" to "why-it-happens" by the editor; returns (article, the save's response)."""
    article = make_article(slug="causes", status=Article.Status.DRAFT)
    response = save_article(editor_client, article, slug="why-it-happens")
    assert response.status_code == 302
    return Article.objects.get(pk=article.pk), response


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_renaming_a_draft_says_the_old_address_now_redirects_and_offers_the_link_update(make_article, editor_client):
    linking = make_article(body="## Why\n\nRead [the causes](/articles/causes/).\n")
    article = make_article(slug="causes", status=Article.Status.DRAFT)
    response = save_article(editor_client, article, slug="why-it-happens")
    [message] = [text for text in messages_of(response) if "address" in text]
    assert "The address changed from /articles/causes/ to /articles/why-it-happens/" in message
    assert "the old address now redirects" in message
    assert f'href="{reverse("admin:articles_article_update_links", args=[article.pk])}"' in message
    assert "1 other article(s) link to the old address" in message
    assert working_version(linking) is None  # nothing changes until the editor confirms


def test_renaming_a_live_article_says_the_redirect_comes_with_the_approval(make_article, editor_client):
    article = make_article(slug="causes")
    response = save_article(editor_client, article, slug="why-it-happens")
    [message] = [text for text in messages_of(response) if "address" in text]
    assert message.startswith(
        "The new address /articles/why-it-happens/ takes effect when a clinical reviewer approves"
    )
    assert not OldSlug.objects.exists()  # the live page keeps its address until then


def test_the_update_page_shows_each_article_and_line_that_would_change(renamed_draft, make_article, editor_client):
    article, _ = renamed_draft
    make_article(
        title="Fever", body="## Call\n\nSee [causes](/articles/causes/).\n\nAnd [again](/articles/causes/#top).\n"
    )
    make_article(title="Food", body="## Eat\n\nNothing linked.\n")
    tree = parse(editor_client.get(reverse("admin:articles_article_update_links", args=[article.pk])).content)
    assert [heading.text() for heading in tree.find_all("h2") if heading.find_all("a")] == ["Fever"]
    rows = [
        [cell.text() for cell in row.find_all("td")]
        for row in tree.find("table", class_="link-changes").find("tbody").find_all("tr")
    ]
    assert rows == [
        ["3", "See [causes](/articles/causes/).", "See [causes](/articles/why-it-happens/)."],
        ["5", "And [again](/articles/causes/#top).", "And [again](/articles/why-it-happens/#top)."],
    ]
    assert working_version(Article.objects.get(title="Fever")) is None  # showing changes nothing


def test_confirming_saves_working_copies_and_sends_live_articles_for_review(renamed_draft, make_article, editor_client):
    article, _ = renamed_draft
    live = make_article(title="Fever", body="## Call\n\nSee [causes](/articles/causes/).\n")
    response = editor_client.post(reverse("admin:articles_article_update_links", args=[article.pk]))
    assert response.status_code == 302
    assert response["Location"] == change_url(article)
    live.refresh_from_db()
    assert "/articles/causes/" in live.body  # patients still see the approved text
    copy = working_version(live)
    assert "See [causes](/articles/why-it-happens/)." in copy.field_dict["body"]
    assert copy.revision.user.username == "edith"
    assert "now go to /articles/why-it-happens/" in copy.revision.comment
    assert pending_request(live).version == copy  # waiting for a clinician, not published
    assert any("sent for clinical review in “Fever”" in text for text in messages_of(response))


def test_an_article_with_other_unsubmitted_changes_keeps_them_all_unsubmitted(
    renamed_draft, make_article, editor_client
):
    article, _ = renamed_draft
    other = make_article(title="Fever", body="## Call\n\nSee [causes](/articles/causes/).\n")
    assert save_article(editor_client, other, summary="Work in progress.").status_code == 302
    response = editor_client.post(reverse("admin:articles_article_update_links", args=[article.pk]))
    copy = working_version(other).field_dict
    assert copy["summary"] == "Work in progress."
    assert "/articles/why-it-happens/" in copy["body"]
    assert pending_request(other) is None
    assert any("other changes not yet submitted" in text for text in messages_of(response))


def test_an_article_waiting_for_review_is_sent_again_with_the_new_links(
    renamed_draft, make_article, editor_client, submit
):
    article, _ = renamed_draft
    other = make_article(title="Fever", body="## Call\n\nSee [causes](/articles/causes/).\n")
    submit(editor_client, other, summary="Submitted change.")
    first = pending_request(other)
    editor_client.post(reverse("admin:articles_article_update_links", args=[article.pk]))
    first.refresh_from_db()
    assert first.status == ReviewRequest.Status.WITHDRAWN
    again = pending_request(other).version.field_dict
    assert again["summary"] == "Submitted change."
    assert "/articles/why-it-happens/" in again["body"]


def test_the_form_offers_the_update_while_links_to_an_old_address_remain(renamed_draft, make_article, editor_client):
    article, _ = renamed_draft
    tree = parse(editor_client.get(change_url(article)).content)
    assert tree.find_all("p", class_="old-address-links") == []
    make_article(body="## Call\n\nSee [causes](/articles/causes/).\n")
    offer = parse(editor_client.get(change_url(article)).content).find("p", class_="old-address-links")
    assert offer.text().startswith("1 other article still links to an old address")


def test_a_reviewer_who_may_not_change_articles_cannot_update_links(renamed_draft, make_article, reviewer_client):
    article, _ = renamed_draft
    other = make_article(body="## Call\n\nSee [causes](/articles/causes/).\n")
    url = reverse("admin:articles_article_update_links", args=[article.pk])
    assert reviewer_client.get(url).status_code == 403
    assert reviewer_client.post(url).status_code == 403
    assert working_version(other) is None
