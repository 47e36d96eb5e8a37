"""The sign-off through the admin, as each role: an editor saves and submits, a clinical reviewer approves or
sends back, and nothing reaches the public page before an approval."""

import datetime

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from signoff.models import Approval, ReviewerProfile, ReviewRequest
from signoff.reviews import State
from tests.pages import change_url, parse, save_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def live(make_article):
    return make_article(title="Preventing infections", body="## Hands\n\nWash your hands often.\n")


def public_text(client, article):
    """The paragraphs of `article`'s page as `client` gets it."""
    body = parse(client.get(article.get_absolute_url()).content).find("div", class_="article-body")
    return [paragraph.text() for paragraph in body.find_all("p")]


def test_an_editors_save_of_a_live_article_waits_in_the_working_copy(editor_client, public, live):
    assert save_article(editor_client, live, body="## Hands\n\nNew unreviewed advice.\n").status_code == 302
    live.refresh_from_db()
    assert live.body == "## Hands\n\nWash your hands often.\n"
    assert public_text(public, live) == ["Wash your hands often."]
    # Staff read the working copy at the article's address, under a banner saying it is not live.
    tree = parse(editor_client.get(live.get_absolute_url()).content)
    assert "New unreviewed advice." in tree.find("div", class_="article-body").text()
    assert tree.find("div", class_="draft-banner").text().startswith("Not live:")
    assert tree.meta("robots") == "noindex"


def test_the_change_form_reopens_on_the_working_copy(editor_client, live, make_article):
    causes = make_article(title="Causes")
    save_article(editor_client, live, body="## Hands\n\nSecond text.\n", related=[str(causes.pk)])
    response = editor_client.get(change_url(live))
    tree = parse(response.content)
    assert tree.find("textarea", name="body").raw_text().strip() == "## Hands\n\nSecond text."
    assert [
        o.attrs["value"] for o in tree.find("select", name="related").find_all("option") if "selected" in o.attrs
    ] == [str(causes.pk)]
    assert list(Article.objects.get(pk=live.pk).related.all()) == []


def test_an_editor_submits_and_cannot_approve(editor_client, live, submit, approve):
    assert submit(editor_client, live, body="## Hands\n\nChecked advice.\n").status_code == 302
    (request,) = ReviewRequest.objects.all()
    assert request.status == ReviewRequest.Status.PENDING
    tree = parse(editor_client.get(change_url(live)).content)
    assert "Changes waiting for review" in tree.find("h2", id="signoff-heading").text()
    assert tree.find_all("a", href=reverse("admin:articles_article_approve", args=[live.pk])) == []
    assert editor_client.get(reverse("admin:articles_article_approve", args=[live.pk])).status_code == 403
    assert editor_client.post(reverse("admin:articles_article_approve", args=[live.pk]), {}).status_code == 403
    assert not Approval.objects.exists()


def test_a_reviewer_approves_and_the_page_shows_the_change_and_who_checked_it(
    editor_client, reviewer_client, public, live, submit, approve
):
    submit(editor_client, live, body="## Hands\n\nChecked advice.\n")
    index = parse(reviewer_client.get(reverse("admin:index")).content).find("div", id="waiting-for-review")
    assert "Preventing infections" in index.text()
    today = timezone.localdate()
    assert f"sent {today.day} {today:%b %Y} by Edith" in index.text()  # the admin's one date format
    response = approve(reviewer_client, live)
    assert response.status_code == 302, response.content.decode()
    assert public_text(public, live) == ["Checked advice."]
    line = parse(public.get(live.get_absolute_url()).content).find("p", class_="review-dates").text()
    next_year = today.replace(year=today.year + 1)
    assert line == (
        f"Checked by Rita Reeve, Consultant haematologist, on {today:%-d %B %Y}; next check due {next_year:%-d %B %Y}."
    )
    approval = Approval.objects.get()
    assert (approval.reviewer_name, approval.reviewer_role, approval.next_review) == (
        "Rita Reeve",
        "Consultant haematologist",
        next_year,
    )
    assert approval.version == ReviewRequest.objects.get().version
    approval_page = reviewer_client.get(reverse("admin:signoff_approval_change", args=[approval.pk]))
    assert f"Consultant haematologist, on {today.day} {today:%b %Y}" in parse(approval_page.content).find("h2").text()


def test_a_reviewer_requests_changes_and_the_editor_sees_the_note(editor_client, reviewer_client, live, submit):
    submit(editor_client, live, body="## Hands\n\nDubious advice.\n")
    url = reverse("admin:articles_article_request_changes", args=[live.pk])
    empty = reviewer_client.post(url, {"note": "  "})
    assert empty.status_code == 200
    assert "This field is required." in empty.content.decode()
    assert reviewer_client.post(url, {"note": "Say how often to wash hands."}).status_code == 302
    tree = parse(editor_client.get(change_url(live)).content)
    assert "Changes requested" in tree.find("h2", id="signoff-heading").text()
    assert "Say how often to wash hands." in tree.find("div", class_="signoff-note").text()
    assert Article.objects.get(pk=live.pk).body == "## Hands\n\nWash your hands often.\n"


def test_nobody_approves_a_version_they_edited(reviewer, reviewer_client, live, submit, approve):
    reviewer.groups.add(Group.objects.get(name="Editors"))  # a reviewer who also edits
    submit(reviewer_client, live, body="## Hands\n\nMy own edit.\n")
    response = approve(reviewer_client, live)
    assert response.status_code == 200
    assert "another clinical reviewer must approve it" in response.content.decode()
    assert not Approval.objects.exists()


def test_a_superuser_may_approve_their_own_edit_with_a_note_that_is_kept(client, live, submit, approve):
    boss = User.objects.create_superuser("sam", password="x" * 20, first_name="Sam")
    ReviewerProfile.objects.create(user=boss, role="Specialist nurse")
    client.force_login(boss)
    submit(client, live, body="## Hands\n\nOne-person site.\n")
    refused = approve(client, live)
    assert "say why you approve it yourself" in refused.content.decode()
    assert approve(client, live, self_approval_note="Only clinician on this site.").status_code == 302
    assert Approval.objects.get().self_approval_note == "Only clinician on this site."
    assert Article.objects.get(pk=live.pk).body.strip() == "## Hands\n\nOne-person site."


def test_the_next_review_is_never_before_the_approval(editor_client, reviewer_client, live, submit, approve):
    submit(editor_client, live, body="## Hands\n\nNew.\n")
    response = approve(reviewer_client, live, next_review=str(timezone.localdate() - datetime.timedelta(days=1)))
    assert "The next review must be after the approval" in response.content.decode()
    assert not Approval.objects.exists()


def test_saving_again_after_submitting_withdraws_the_request(editor_client, reviewer_client, live, submit, approve):
    submit(editor_client, live, body="## Hands\n\nFirst go.\n")
    save_article(editor_client, live, body="## Hands\n\nSecond go.\n")
    assert ReviewRequest.objects.get().status == ReviewRequest.Status.WITHDRAWN
    response = approve(reviewer_client, live)
    assert "not waiting for review" in response.content.decode()


def test_a_new_article_is_a_draft_at_the_end_of_the_guide_until_approved(editor_client, public, make_article):
    make_article(position=7)
    add = reverse("admin:articles_article_add")
    tree = parse(editor_client.get(add).content)
    assert tree.find("input", name="position").attrs["value"] == "8"
    form = {"title": "New page", "language": "en-gb", "slug": "new-page", "summary": "S.", "body": "## A\n\nText."}
    form["position"] = "8"
    assert editor_client.post(add, {**form, "opened_version": ""}).status_code == 302
    new = Article.objects.get(slug="new-page")
    assert new.status == Article.Status.DRAFT
    assert public.get(new.get_absolute_url()).status_code == 404


def test_an_article_cannot_be_related_to_itself(editor_client, live):
    response = save_article(editor_client, live, related=[str(live.pk)])
    assert response.status_code == 200
    assert "cannot be related to itself" in response.content.decode()


def test_a_slug_change_waits_for_approval_then_keeps_the_old_address(
    editor_client, reviewer_client, public, live, submit, approve
):
    old_url = live.get_absolute_url()
    submit(editor_client, live, slug="infections")
    assert public.get(old_url).status_code == 200
    assert public.get("/articles/infections/").status_code == 404
    approve(reviewer_client, live)
    assert public.get("/articles/infections/").status_code == 200
    assert public.get(old_url)["Location"] == "/articles/infections/"


@pytest.mark.parametrize(
    ("state", "titles"),
    [
        ("live", ["Live page"]),
        ("live_with_draft", ["Edited page"]),
        ("waiting", ["Waiting page"]),
        ("draft", ["Draft page"]),
    ],
)
def test_the_list_shows_and_filters_each_state(editor_client, make_article, submit, state, titles):
    make_article(title="Live page")
    save_article(editor_client, make_article(title="Edited page"), body="## A\n\nNot submitted yet.")
    submit(editor_client, make_article(title="Waiting page"), body="## A\n\nNew.")
    make_article(title="Draft page", status=Article.Status.DRAFT)
    tree = parse(editor_client.get(reverse("admin:articles_article_changelist") + f"?state={state}").content)
    rows = tree.find("table", id="result_list").find("tbody").find_all("tr")
    assert [row.find("th").text() for row in rows] == titles
    assert {row.find("td", class_="field-state").text() for row in rows} == {dict(State.choices)[state]}


def test_an_administrator_gives_a_reviewer_their_role_on_the_user_page(admin_client, reviewer):
    page = parse(admin_client.get(reverse("admin:auth_user_change", args=[reviewer.pk])).content)
    assert page.find("input", name="reviewer_profile-0-role").attrs["value"] == "Consultant haematologist"


def test_the_editor_is_told_the_save_waits_for_review(editor_client, live):
    response = save_article(editor_client, live, summary="New summary.")
    messages = parse(editor_client.get(response["Location"]).content).find("ul", class_="messagelist").text()
    assert "Patients still see the live version until a clinical reviewer approves the changes" in messages
