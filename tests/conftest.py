import datetime

import pytest
from django.contrib.auth.models import Group, User
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from signoff.models import Approval, ReviewerProfile
from signoff.versions import record
from tests.pages import change_url, form_fields, parse, with_changes


@pytest.fixture(autouse=True)
def plain_static_storage(settings):
    """Serve static files without the manifest, so pages render without running collectstatic first."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Hash test passwords quickly: tests create and sign in users by the hundred, and what a password
    protects behaves the same whatever the hasher."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def empty_cache():
    """Start every test with an empty cache: the database is rolled back between tests, the cache is not."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def make_article(db):
    """Create and return a saved article; keyword arguments override the defaults."""

    def make(**fields):
        count = Article.objects.count() + 1
        defaults = {
            "title": f"Article {count}",
            "slug": f"article-{count}",
            "summary": "A short plain summary.",
            "body": "## First section\n\nSome text.\n\n## Second section\n\nMore text.\n",
            "position": count,
            "status": Article.Status.PUBLISHED,
        }
        defaults.update(fields)
        return Article.objects.create(**defaults)

    return make


@pytest.fixture
def approved_article(make_article):
    """Create a live article with a clinician's recorded approval whose next check is `next_review`."""

    def make(next_review, **fields):
        article = make_article(**fields)
        Approval.objects.create(
            article=article,
            version=record(article, [], None, "As approved"),
            reviewer_name="Rita Reeve",
            reviewer_role="Specialist nurse",
            approved_at=timezone.now() - datetime.timedelta(days=1),
            next_review=next_review,
            published_at=timezone.now(),
        )
        return article

    return make


@pytest.fixture
def editor(db):
    """A staff user in the "Editors" group that `setup_roles` creates: what an editor account is."""
    call_command("setup_roles", verbosity=0)
    user = User.objects.create_user("edith", password="a long editor password", is_staff=True, first_name="Edith")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def editor_client(client, editor):
    """The test client, logged in as the editor."""
    client.force_login(editor)
    return client


@pytest.fixture
def page(client):
    """Fetch a public page with the test client and return its parsed HTML tree (see tests/pages.py)."""

    def get(url, status=200):
        response = client.get(url)
        assert response.status_code == status, f"{url} answered {response.status_code}"
        return parse(response.content)

    return get


@pytest.fixture
def site_url(settings):
    """Give the site a public address, as DJANGO_SITE_URL does, and return it."""
    settings.SITE_URL = "https://neutropenia.example.org"
    return settings.SITE_URL


@pytest.fixture
def reviewer(db):
    """A staff user in the "Clinical reviewers" group that `setup_roles` creates, with a reviewer role."""
    call_command("setup_roles", verbosity=0)
    user = User.objects.create_user(
        "rita", password="a long reviewer password", is_staff=True, first_name="Rita", last_name="Reeve",
        email="rita@example.org",
    )  # fmt: skip
    user.groups.add(Group.objects.get(name="Clinical reviewers"))
    ReviewerProfile.objects.create(user=user, role="Consultant haematologist")
    return user


@pytest.fixture
def reviewer_client(reviewer):
    """A second test client, logged in as the reviewer (the editor keeps the default `client`)."""
    client = Client()
    client.force_login(reviewer)
    return client


@pytest.fixture
def public():
    """A client with no account: what patients get."""
    return Client()


@pytest.fixture
def submit():
    """Open `article`'s change form as `client`, change some fields, press "Submit for clinical review"."""

    def press(client, article, **changes):
        url = change_url(article)
        form = with_changes(form_fields(client.get(url)), **changes)
        return client.post(url, {**form, "_submit_for_review": "Submit for clinical review"})

    return press


@pytest.fixture
def approve():
    """Press "Approve and publish" on `article`'s approval page as `client`; form fields may be given."""

    def press(client, article, **fields):
        url = reverse("admin:articles_article_approve", args=[article.pk])
        form = {"next_review": form_fields(client.get(url), form_id="signoff-form")["next_review"][0], **fields}
        return client.post(url, form)

    return press
