"""Merging after a refused save: the pure pairing of sections (editing/merge.py), and the merge page in the admin,
driven through the test client: both versions side by side, nothing typed lost, the merged text saved the normal way."""

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone
from django.utils.formats import date_format

from articles.models import Article
from editing.merge import join_sections, pair_sections, sections
from signoff.workflow import working_version
from tests.pages import change_url, form_fields, parse, save_article, with_changes

BASE = "Opening words.\n\n## Fever\n\nCall if hot.\n\n## Food\n\nEat well.\n"


def test_a_body_is_cut_before_each_section_heading_but_not_inside_code():
    found = sections("Intro.\n\n## One\n\nText.\n\n```\n## not a heading\n```\n\n## Two ##\n\nMore.\n")
    assert [section.heading for section in found] == ["", "One", "Two"]
    assert found[1].text == "## One\n\nText.\n\n```\n## not a heading\n```"
    assert sections("## Only\n\nText.")[0].heading == "Only"  # no empty opening


@pytest.mark.parametrize(
    ("theirs", "mine", "suggested"),
    [
        (BASE.replace("Call if hot.", "Call at once."), BASE, ["mine", "theirs", "mine"]),
        (BASE, BASE.replace("Eat well.", "Eat little and often."), ["mine", "mine", "mine"]),
        (BASE.replace("Call if hot.", "Theirs."), BASE.replace("Call if hot.", "Mine."), ["mine", "merged", "mine"]),
    ],
)
def test_each_section_suggests_the_side_that_changed_it_since_the_base(theirs, mine, suggested):
    pairs = pair_sections(theirs, mine, BASE)
    assert [pair.label for pair in pairs] == ["Opening, before the first heading", "Fever", "Food"]
    assert [pair.suggested for pair in pairs] == suggested


def test_without_a_base_every_difference_counts_as_changed_by_both():
    pairs = pair_sections(BASE.replace("Eat well.", "A."), BASE.replace("Eat well.", "B."))
    assert [pair.suggested for pair in pairs] == ["mine", "mine", "merged"]


def test_a_section_only_one_side_has_stands_alone():
    theirs = BASE + "\n## Sleep\n\nRest.\n"
    mine = BASE.replace("## Food\n\nEat well.\n", "## Drink\n\nWater.\n")
    pairs = {pair.label: (pair.theirs, pair.mine, pair.suggested) for pair in pair_sections(theirs, mine, BASE)}
    assert pairs["Sleep"] == ("## Sleep\n\nRest.", "", "theirs")  # they added it: keep it
    assert pairs["Drink"] == ("", "## Drink\n\nWater.", "mine")  # you added it
    assert pairs["Food"] == ("## Food\n\nEat well.", "", "mine")  # you removed it: keep it removed


def test_joined_sections_make_the_body_again():
    assert join_sections([s.text for s in sections(BASE)]) == BASE
    assert join_sections(["## A\n\nOne.", "", "## B\n\nTwo.\n"]) == "## A\n\nOne.\n\n## B\n\nTwo.\n"


# The merge page in the admin


@pytest.fixture
def sam(editor):
    user = User.objects.create_user("sam", password="x" * 20, is_staff=True, first_name="Sam")
    user.groups.set(editor.groups.all())
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def refused(editor_client, sam, make_article):
    """Sam opens an article, Edith changes its Fever section and saves, Sam changes its Food section and the
    title and saves: Sam's save is refused. Returns (article, the refused response)."""
    article = make_article(body=BASE)
    opened_by_sam = form_fields(sam.get(change_url(article)))
    assert save_article(editor_client, article, body=BASE.replace("Call if hot.", "Call at once.")).status_code == 302
    sams_body = BASE.replace("Eat well.", "Eat little and often.")
    response = sam.post(change_url(article), with_changes(opened_by_sam, body=sams_body, title="Sam's title"))
    assert response.status_code == 200
    return article, response


def test_a_refused_save_shows_both_versions_part_by_part_with_the_changed_side_chosen(refused):
    article, response = refused
    tree = parse(response.content)
    when = date_format(timezone.localtime(working_version(article).revision.date_created), "DATETIME_FORMAT")
    assert f"changed by Edith on {when}, after you opened it" in tree.find("div", class_="errornote").text()
    legends = [legend.text() for legend in tree.find("form", id="merge-form").find_all("legend")]
    assert legends == ["Title", "Section: Fever (changed by them)", "Section: Food (changed by you)"]
    fields = form_fields(response, form_id="merge-form")
    assert fields["field-title"] == ["mine"]
    assert fields["section-1"] == ["theirs"]
    assert fields["section-2"] == ["mine"]
    assert fields["merged-2"] == ["## Food\n\nEat little and often."]  # Sam's typing is on the page
    assert fields["theirs-1"] == ["## Fever\n\nCall at once."]


def test_saving_the_merge_keeps_both_editors_changes_in_the_working_copy(refused, sam):
    article, response = refused
    merged = sam.post(change_url(article), form_fields(response, form_id="merge-form"))
    assert merged.status_code == 302
    assert merged["Location"] == change_url(article)  # back to the form, to read the result
    saved = working_version(article)
    assert saved.field_dict["body"] == BASE.replace("Call if hot.", "Call at once.").replace(
        "Eat well.", "Eat little and often."
    )
    assert saved.field_dict["title"] == "Sam's title"
    assert saved.revision.user.username == "sam"
    assert Article.objects.get(pk=article.pk).body == BASE  # live: patients still see the approved text


def test_the_merged_text_typed_for_a_section_is_what_is_saved(refused, sam):
    article, response = refused
    fields = with_changes(
        form_fields(response, form_id="merge-form"),
        **{"section-1": "merged", "merged-1": "## Fever\n\nCall your team at once.", "field-title": "theirs"},
    )
    assert sam.post(change_url(article), fields).status_code == 302
    saved = working_version(article).field_dict
    assert "Call your team at once." in saved["body"]
    assert "Eat little and often." in saved["body"]
    assert saved["title"] == Article.objects.get(pk=article.pk).title


def test_a_merge_overtaken_by_yet_another_save_is_refused_again_and_keeps_the_merge(refused, sam, editor_client):
    article, response = refused
    merge = form_fields(response, form_id="merge-form")
    assert save_article(editor_client, article, summary="Edith again.").status_code == 302
    again = sam.post(change_url(article), merge)
    assert again.status_code == 200
    fields = form_fields(again, form_id="merge-form")
    assert fields["mine-summary"] == ["A short plain summary."]
    body = "\n".join(value for name, values in fields.items() if name.startswith("mine-") for value in values)
    assert "Eat little and often." in body
    assert "Call at once." in body  # the first merge's choice of theirs is now Sam's text
    assert working_version(article).field_dict["summary"] == "Edith again."


def test_a_reviewer_who_may_not_change_articles_gets_no_merge(reviewer_client, make_article):
    article = make_article()
    response = reviewer_client.post(change_url(article), {"_merged": "Save the merged text", "sections": "0"})
    assert response.status_code == 403
    assert working_version(article) is None
