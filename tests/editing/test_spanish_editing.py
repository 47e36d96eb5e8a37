"""The editor's panels in the article's language: the reading level measured with INFLESZ for Spanish, the
medical words of the article's language, and the preview linking to that language's glossary."""

from io import StringIO

import pytest
import yaml
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse

from editing.models import MedicalWord
from editing.readability import inflesz_band
from glossary.models import Term
from tests.pages import change_url, parse

pytestmark = pytest.mark.django_db

PLAIN_SPANISH = "## Fiebre\n\nSi tiene fiebre, llame ya. No espere. Tome su temperatura dos veces al día.\n"
HARD_SPANISH = (
    "## Consideraciones\n\nLa administración profiláctica de factores estimuladores de colonias granulocíticas "
    "disminuye significativamente la incidencia de complicaciones infecciosas potencialmente mortales "
    "en determinados pacientes oncológicos sometidos a quimioterapia mielosupresora intensiva.\n"
)


def panel_rows(tree):
    return {
        row.find("dt").text(): row.find("dd").text() for row in tree.find("dl", class_="plain-language").find_all("div")
    }


def inflesz_shown(rows):
    """The score and band the panel shows, as (float, band)."""
    score, band = rows["Reading ease (INFLESZ, for Spanish)"].split(", ", 1)
    return float(score), band


def test_a_spanish_articles_panel_shows_its_inflesz_score_band_and_target(editor_client, make_article):
    article = make_article(language="es", slug="fiebre", body=PLAIN_SPANISH)
    tree = parse(editor_client.get(change_url(article)).content)
    rows = panel_rows(tree)
    score, band = inflesz_shown(rows)
    assert score >= 65
    assert band == inflesz_band(score)
    assert band in {"bastante fácil", "muy fácil"}
    assert rows["Target"] == "65 or above (bastante fácil)"
    assert "Reading age" not in rows
    assert not tree.find_all("p", class_="below-target")


def test_a_hard_spanish_text_is_marked_below_the_target(editor_client):
    response = editor_client.post(reverse("editor_reading_level"), {"content": HARD_SPANISH, "language": "es"})
    tree = parse(response.content)
    score, band = inflesz_shown(panel_rows(tree))
    assert score < 55
    assert band in {"algo difícil", "muy difícil"}
    assert "Below the target" in tree.find("p", class_="below-target").text()
    assert [item.text() for item in tree.find("ol", class_="long-sentences").find_all("li")] == [
        HARD_SPANISH.split("\n\n")[1].strip()
    ]


@pytest.mark.parametrize("language", ["en-gb", "", "xx"])
def test_the_reading_level_is_english_unless_the_form_says_spanish(editor_client, language):
    response = editor_client.post(reverse("editor_reading_level"), {"content": PLAIN_SPANISH, "language": language})
    rows = panel_rows(parse(response.content))
    assert set(rows) == {"Reading age", "Reading grade (Flesch-Kincaid)", "Sentences over 20 words"}


def test_an_english_articles_panel_is_unchanged(editor_client, make_article):
    article = make_article(body="## Fever\n\nCall us now. Do not wait.\n")
    rows = panel_rows(parse(editor_client.get(change_url(article)).content))
    assert set(rows) == {"Reading age", "Reading grade (Flesch-Kincaid)", "Sentences over 20 words"}


def test_the_bundled_spanish_word_list_has_the_starter_words_each_with_plain_words():
    path = settings.BASE_DIR / "editing" / "content" / "es" / "medical_words.yaml"
    words = {entry["word"]: entry["plain"] for entry in yaml.safe_load(path.read_text(encoding="utf-8"))}
    for word in [
        "neutropenia",
        "neutrófilo",
        "febril",
        "hematólogo",
        "G-CSF",
        "quimioterapia",
        "sepsis",
        "médula ósea",
    ]:
        assert words[word].strip(), word


def test_the_bundled_import_loads_each_languages_words():
    out = StringIO()
    call_command("import_medical_words", stdout=out)
    assert MedicalWord.objects.filter(language="es", word="hematólogo").exists()
    assert MedicalWord.objects.filter(language="en-gb", word="haematologist").exists()
    assert not MedicalWord.objects.filter(language="en-gb", word="hematólogo").exists()
    assert "in es from medical_words.yaml" in out.getvalue()
    count = MedicalWord.objects.count()
    call_command("import_medical_words", stdout=StringIO())
    assert MedicalWord.objects.count() == count


def checks(client, content, language):
    tree = parse(client.post(reverse("editor_publishing_checks"), {"content": content, "language": language}).content)
    return [item.text() for item in tree.find_all("li")]


def test_the_medical_word_check_uses_the_words_of_the_articles_language(editor_client):
    call_command("import_medical_words", stdout=StringIO())
    spanish_text = "## Su equipo\n\nLe verá un hematólogo pronto."
    assert any("“hematólogo” is a medical word" in problem for problem in checks(editor_client, spanish_text, "es"))
    assert checks(editor_client, spanish_text, "en-gb") == []
    # The plain words beside the medical word satisfy the check.
    assert checks(editor_client, "## Su equipo\n\nLe verá un hematólogo, un médico de la sangre.", "es") == []
    assert checks(editor_client, "## Your team\n\nA haematologist will see you.", "es") == []


def test_a_spanish_articles_change_form_checks_its_spanish_words(editor_client, make_article):
    call_command("import_medical_words", stdout=StringIO())
    article = make_article(language="es", slug="tratamiento", body="## Opciones\n\nPuede necesitar profilaxis.\n")
    panel = parse(editor_client.get(change_url(article)).content).find("div", class_="publishing-checks-panel")
    assert "“profilaxis” is a medical word" in panel.text()


def test_the_spanish_glossary_defines_words_the_check_then_leaves_alone(editor_client):
    MedicalWord.objects.create(language="es", word="sepsis", plain="pone en peligro la vida")
    text = "## Peligro\n\nLa sepsis es grave."
    assert checks(editor_client, text, "es") != []
    Term.objects.create(language="es", term="Sepsis", anchor="sepsis", definition="Una reacción muy grave.")
    assert checks(editor_client, text, "es") == []


def test_links_to_spanish_articles_are_checked_in_spanish(editor_client, make_article):
    make_article(language="es", slug="fiebre")
    assert checks(editor_client, "[Fiebre](/es/articles/fiebre/)", "es") == []
    (problem,) = checks(editor_client, "[Fiebre](/es/articles/fever/)", "es")
    assert "/es/articles/fever/ leads to no article" in problem


def test_the_preview_links_glossary_words_to_the_glossary_of_the_language_in_its_address(editor_client):
    Term.objects.create(term="Sepsis", anchor="sepsis", definition="A life-threatening reaction.")
    Term.objects.create(language="es", term="Sepsis", anchor="sepsis", definition="Una reacción muy grave.")
    spanish = editor_client.post(reverse("editor_preview") + "?language=es", {"content": "La sepsis es grave."})
    assert [a.attrs["href"] for a in parse(spanish.content).find_all("a")] == ["/es/glossary/#sepsis"]
    english = editor_client.post(reverse("editor_preview"), {"content": "Sepsis is serious."})
    assert [a.attrs["href"] for a in parse(english.content).find_all("a")] == ["/glossary/#sepsis"]
