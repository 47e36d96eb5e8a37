"""Every gettext catalogue of the project is complete: a string added to a template or to an app's Python
without its translation (or with only makemessages' fuzzy guess) fails here, so no visitor meets it in
English on a page of another language."""

from pathlib import Path

from django.conf import settings

from languages.catalogues import catalogues, incomplete, read_entries

ROOT = Path(settings.BASE_DIR)

SAMPLE = """msgid ""
msgstr ""
"Language: es\\n"

#: templates/base.html:3
msgid "Done"
msgstr "Hecho"

#, fuzzy
msgid "Search"
msgstr "Buscar"

msgctxt "page"
msgid "Next"
msgstr ""

msgid "%(n)s page"
msgid_plural "%(n)s pages"
msgstr[0] "%(n)s página"
msgstr[1] ""

msgid ""
"Two "
"lines"
msgstr ""
"Dos "
"líneas"
"""


def test_the_reader_finds_each_kind_of_unfinished_entry():
    entries = {(entry.context, entry.msgid): entry for entry in read_entries(SAMPLE)}

    assert [key for key, entry in entries.items() if not entry.is_header and not entry.is_complete] == [
        ("", "Search"),
        ("page", "Next"),
        ("", "%(n)s page"),
    ]
    assert entries[("", "Two lines")].translations == ["Dos líneas"]
    assert entries[("", "%(n)s page")].msgid_plural == "%(n)s pages"


def test_the_project_has_a_catalogue_for_its_templates_and_for_the_apps_with_their_own_strings():
    found = {str(path.relative_to(ROOT)) for path in catalogues(ROOT)}

    assert {
        "locale/es/LC_MESSAGES/django.po",
        "feedback/locale/es/LC_MESSAGES/django.po",
        "glossary/locale/es/LC_MESSAGES/django.po",
        "handouts/locale/es/LC_MESSAGES/django.po",
    } <= found


def test_every_catalogue_is_complete():
    unfinished = {str(path.relative_to(ROOT)): [entry.msgid for entry in incomplete(path)] for path in catalogues(ROOT)}

    assert not {path: msgids for path, msgids in unfinished.items() if msgids}, (
        "Translate these strings (and remove any `#, fuzzy` mark) in their catalogue"
    )
