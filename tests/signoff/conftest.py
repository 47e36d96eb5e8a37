import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from signoff.models import ReviewerProfile
from tests.admin_pages import change_url, form_fields, with_changes


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
