"""Every public page, checker answer and the 404 and 500 pages, in English and in Spanish, as the site serves
them, passes the Nu HTML Checker (vnu-jar from npm, run with Java) without errors.

The pages are fetched with the test client and checked in one vnu run: the JVM takes seconds to start.
Without Java or vnu-jar these tests skip with the reason, except under CI=true, where they fail.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import Client, override_settings
from django.utils.text import slugify

from tests.pages import public_pages

# pytest-django sets up the test database only for the databases marked tests use; without the mark the
# module fixture would reach the real one.
pytestmark = [pytest.mark.slow, pytest.mark.django_db]

VNU_JAR = Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# A page the checker must fault, checked in the same run: proof that the run read the files at all
# (vnu passes over a file it cannot find in silence).
BROKEN_SAMPLE = "broken-sample"
PLAIN_STATIC = {
    **settings.STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}


def skip_or_fail(reason):
    if os.environ.get("CI"):
        pytest.fail(f"{reason}: CI must validate the HTML")
    pytest.skip(reason)


def served_pages(folder):
    """Write every public page of the imported guide and the 500 page in each language to `folder`; return
    {page name: file}.

    The articles are imported in a transaction that is rolled back, leaving the database as it was.
    """
    files = {}
    client = Client()
    with override_settings(STORAGES=PLAIN_STATIC), transaction.atomic():
        call_command("import_articles", verbosity=0)
        call_command("import_glossary", verbosity=0)
        for site_page in public_pages():
            if site_page.answer is None:
                response = client.get(site_page.path)
            else:
                # As a browser on the page would post it (the feedback endpoint checks where posts come from).
                origin = {"HTTP_ORIGIN": "http://testserver"}
                response = client.post(site_page.action or site_page.path, site_page.answer, **origin)
            assert response.status_code == site_page.status, f"{site_page.name} answered {response.status_code}"
            files[site_page.name] = folder / f"{slugify(site_page.name)}.html"
            files[site_page.name].write_bytes(response.content)
        transaction.set_rollback(True)
    for name, path in [("500 page", "/boom/"), ("Spanish 500 page", "/es/boom/")]:
        with override_settings(STORAGES=PLAIN_STATIC, ROOT_URLCONF="tests.urls"):
            response = Client(raise_request_exception=False).get(path)
        assert response.status_code == 500
        files[name] = folder / f"{slugify(name)}.html"
        files[name].write_bytes(response.content)
    cache.clear()
    return files


@pytest.fixture(scope="module")
def vnu_errors(django_db_setup, django_db_blocker, tmp_path_factory):
    """The checker's errors by page name (every page has an entry, empty when it is valid)."""
    java = shutil.which("java")
    if java is None:
        skip_or_fail("Java is not installed (apt-get install default-jre-headless)")
    if not VNU_JAR.exists():
        skip_or_fail(f"{VNU_JAR} is missing (npm ci --omit=dev installs it; make test runs that)")
    folder = tmp_path_factory.mktemp("served-pages")
    with django_db_blocker.unblock():
        files = served_pages(folder)
    files[BROKEN_SAMPLE] = folder / f"{BROKEN_SAMPLE}.html"
    files[BROKEN_SAMPLE].write_text("<p>No doctype, no title, <div>misnested</p>\n")
    command = [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--stdout", *map(str, files.values())]
    run = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    report = json.loads(run.stdout)
    by_file = {file.as_uri(): name for name, file in files.items()}
    errors = {name: [] for name in files}
    for message in report["messages"]:
        name = by_file[Path(message["url"].removeprefix("file:")).as_uri()]
        errors[name].append(
            f"line {message.get('lastLine')}: {message['message']} [{message.get('extract', '').strip()}]"
        )
    return errors


def test_the_checker_reports_errors_in_a_broken_page(vnu_errors):
    assert vnu_errors[BROKEN_SAMPLE]


def test_every_served_page_is_valid_html(vnu_errors):
    invalid = {name: found for name, found in vnu_errors.items() if found and name != BROKEN_SAMPLE}
    assert len(vnu_errors) > 20
    assert not invalid, "The Nu HTML Checker found errors:\n" + "\n".join(
        f"{name}: {error}" for name, found in invalid.items() for error in found
    )
