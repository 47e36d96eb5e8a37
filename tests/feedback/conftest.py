import pytest
from django.test import Client

ORIGIN = "http://testserver"


@pytest.fixture
def fever(make_article):
    return make_article(title="Fever", slug="fever")


@pytest.fixture
def send_feedback():
    """Post to the feedback endpoint as a browser on one of the site's pages would (its Origin, no
    cookies); `json=True` asks as the page's script does. Returns the response."""

    def send(json=False, origin=ORIGIN, address="127.0.0.1", **fields):
        headers = {"REMOTE_ADDR": address}
        if origin:
            headers["HTTP_ORIGIN"] = origin
        if json:
            headers["HTTP_ACCEPT"] = "application/json"
        return Client().post("/feedback/", fields, **headers)

    return send
