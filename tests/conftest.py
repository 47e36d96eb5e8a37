import pytest
from django.contrib.auth.models import Group, User
from django.core.cache import cache
from django.core.management import call_command

from articles.models import Article
from tests.pages import parse


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
