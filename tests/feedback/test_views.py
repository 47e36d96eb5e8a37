"""The feedback endpoint through the test client: what it saves, where it sends the browser, what it refuses."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import timezone

from feedback.models import COMMENT_MAX_LENGTH, Feedback
from tests.pages import parse

pytestmark = pytest.mark.django_db


def state_in(response):
    """The ?feedback= value of the address a 303 sends the browser to."""
    return parse_qs(urlsplit(response["Location"]).query)["feedback"][0]


def test_a_yes_is_saved_with_the_page_and_the_day_only(fever, send_feedback):
    response = send_feedback(page="/articles/fever/", answer="useful")
    assert response.status_code == 303
    assert response["Location"] == "/articles/fever/?feedback=thanks#page-feedback"
    saved = Feedback.objects.get()
    assert (saved.page, saved.article, saved.answer, saved.comment) == ("/articles/fever/", fever, "useful", "")
    assert saved.date == timezone.localdate()
    assert not response.cookies


def test_the_checker_page_takes_answers_too(send_feedback):
    response = send_feedback(page="/neutrophil-count/", answer="not_useful")
    assert response.status_code == 303
    assert Feedback.objects.get().page == "/neutrophil-count/"


def test_a_no_opens_the_comment_box_and_the_comment_joins_that_answer(fever, send_feedback, client):
    answered = send_feedback(page="/articles/fever/", answer="not_useful")
    token = state_in(answered)
    page = parse(client.get(answered["Location"]).content)
    comment_form = page.find("form", class_="page-feedback-comment")
    assert "hidden" not in comment_form.attrs
    assert comment_form.find("input", name="token").attrs["value"] == token
    sent = send_feedback(page="/articles/fever/", token=token, comment="  The page does not say what G-CSF is. ")
    assert sent["Location"] == "/articles/fever/?feedback=sent#page-feedback"
    saved = Feedback.objects.get()
    assert (saved.answer, saved.comment) == ("not_useful", "The page does not say what G-CSF is.")


def test_the_page_thanks_the_reader_after_an_answer(fever, client):
    page = parse(client.get("/articles/fever/?feedback=thanks").content)
    assert page.find("p", class_="page-feedback-status").text() == "Thank you for your feedback."
    assert "hidden" in page.find("form", class_="page-feedback-answer").attrs


def test_the_script_gets_json_and_a_token_after_a_no(fever, send_feedback):
    response = send_feedback(json=True, page="/articles/fever/", answer="not_useful")
    assert response.status_code == 200
    body = response.json()
    assert body["message"] == "Thank you for your feedback."
    commented = send_feedback(json=True, page="/articles/fever/", token=body["token"], comment="Too long.")
    assert commented.json() == {
        "message": "Thank you. Your comment has been sent to the team that writes this guide.",
        "token": "",
    }
    assert Feedback.objects.get().comment == "Too long."


def test_a_yes_gives_no_comment_token(fever, send_feedback):
    assert send_feedback(json=True, page="/articles/fever/", answer="useful").json()["token"] == ""


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"page": "/articles/fever/"}, "Choose Yes or No to say whether the page was useful."),
        ({"page": "/articles/fever/", "answer": "maybe"}, "Choose Yes or No to say whether the page was useful."),
        ({"answer": "useful"}, "We could not tell which page this was about."),
        ({"page": "/admin/", "answer": "useful"}, "We could not tell which page this was about."),
        ({"page": "/articles/no-such-page/", "answer": "useful"}, "We could not tell which page this was about."),
        ({"page": "https://elsewhere.example/", "answer": "useful"}, "We could not tell which page this was about."),
        ({"page": "/articles/fever/" + "x" * 300, "answer": "useful"}, "We could not tell which page this was about."),
    ],
    ids=[
        "no answer",
        "unknown answer",
        "no page",
        "not a page that asks",
        "no such article",
        "another site",
        "too long",
    ],
)
def test_a_bad_answer_is_refused_with_a_clear_message(fever, send_feedback, fields, message):
    for json in (False, True):
        response = send_feedback(json=json, **fields)
        assert response.status_code == 400
        if json:
            assert message in response.json()["errors"]
        else:
            assert message in parse(response.content).find("div", class_="error-summary").text()
    assert not Feedback.objects.exists()


def test_a_draft_article_takes_no_answers(make_article, send_feedback):
    make_article(slug="later", status="draft")
    assert send_feedback(page="/articles/later/", answer="useful").status_code == 400


def test_an_oversized_comment_is_refused_and_kept_in_the_form(fever, send_feedback):
    token = send_feedback(json=True, page="/articles/fever/", answer="not_useful").json()["token"]
    typed = "word " * 120
    response = send_feedback(page="/articles/fever/", token=token, comment=typed)
    assert response.status_code == 400
    page = parse(response.content)
    assert f"Use {COMMENT_MAX_LENGTH} characters or fewer (you typed 599)." in page.text()
    assert page.find("textarea", name="comment").text() == typed.strip()
    assert Feedback.objects.get().comment == ""


def test_an_empty_comment_is_refused_with_a_clear_message(fever, send_feedback):
    token = send_feedback(json=True, page="/articles/fever/", answer="not_useful").json()["token"]
    response = send_feedback(json=True, page="/articles/fever/", token=token, comment="   ")
    assert response.status_code == 400
    assert response.json()["errors"] == [
        "Type what was wrong or missing, or leave the page: your answer is already saved."
    ]


@pytest.mark.parametrize("token", ["", "12", "1:forged:signature"])
def test_a_comment_without_a_genuine_token_is_refused(fever, send_feedback, token):
    send_feedback(page="/articles/fever/", answer="not_useful")
    response = send_feedback(json=True, page="/articles/fever/", token=token, comment="Hello")
    assert response.status_code == 400
    assert Feedback.objects.get().comment == ""


def test_a_second_comment_on_one_answer_is_refused(fever, send_feedback):
    token = send_feedback(json=True, page="/articles/fever/", answer="not_useful").json()["token"]
    send_feedback(json=True, page="/articles/fever/", token=token, comment="First")
    again = send_feedback(json=True, page="/articles/fever/", token=token, comment="Second")
    assert again.status_code == 400
    assert Feedback.objects.get().comment == "First"


@pytest.mark.parametrize(
    "headers",
    [{"origin": "https://elsewhere.example"}, {"origin": None}, {"origin": "null"}],
    ids=["another origin", "no origin or referer", "opaque origin"],
)
def test_a_post_not_from_this_site_is_refused(fever, send_feedback, headers):
    response = send_feedback(page="/articles/fever/", answer="useful", **headers)
    assert response.status_code == 403
    assert "Feedback can only be sent from this site's own pages." in parse(response.content).text()
    assert not Feedback.objects.exists()


def test_a_browser_that_sends_only_a_referer_is_accepted(fever, client):
    response = client.post(
        "/feedback/", {"page": "/articles/fever/", "answer": "useful"}, HTTP_REFERER="http://testserver/articles/fever/"
    )
    assert response.status_code == 303


def test_the_site_address_counts_as_this_site(fever, send_feedback, site_url):
    assert send_feedback(page="/articles/fever/", answer="useful", origin=site_url).status_code == 303


def test_only_post_is_answered(client):
    assert client.get("/feedback/").status_code == 405


JUNK = ["\x00", "é" * 5000, "' OR 1=1 --", "<script>alert(1)</script>", "../../admin/", "%00"]


@pytest.mark.parametrize("junk", JUNK)
def test_junk_in_any_field_gets_an_answer_never_a_server_error(fever, send_feedback, junk):
    for fields in ({"page": junk, "answer": "useful"}, {"page": "/articles/fever/", "answer": junk}):
        assert send_feedback(**fields).status_code == 400
    token = send_feedback(json=True, page="/articles/fever/", answer="not_useful").json()["token"]
    for fields in ({"token": junk, "comment": "Hi"}, {"token": token, "comment": junk}):
        assert send_feedback(page="/articles/fever/", **fields).status_code in {303, 400}
