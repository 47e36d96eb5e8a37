"""Feedback is throttled per address, counted in the cache under a keyed hash: no address is stored."""

import pytest
from django.core.cache import cache

from feedback.models import Feedback
from feedback.throttle import throttle_key

pytestmark = pytest.mark.django_db


def test_an_address_over_the_hourly_limit_is_refused_with_a_message(fever, send_feedback, settings):
    settings.FEEDBACK_POSTS_PER_HOUR = 3
    for _ in range(3):
        assert send_feedback(page="/articles/fever/", answer="useful", address="10.0.0.1").status_code == 303
    refused = send_feedback(page="/articles/fever/", answer="useful", address="10.0.0.1")
    assert refused.status_code == 429
    assert "Please try again later." in refused.content.decode()
    assert send_feedback(json=True, page="/articles/fever/", answer="useful", address="10.0.0.1").json() == {
        "errors": ["You have sent a lot of feedback in the last hour. Please try again later."]
    }
    assert send_feedback(page="/articles/fever/", answer="useful", address="10.0.0.2").status_code == 303
    assert Feedback.objects.count() == 4


def test_the_cache_holds_a_hash_of_the_address_not_the_address(fever, send_feedback):
    send_feedback(page="/articles/fever/", answer="useful", address="10.9.8.7")
    key = throttle_key("10.9.8.7")
    assert cache.get(key) == 1
    assert "10.9.8.7" not in key


def test_answers_are_saved_while_the_cache_is_down(fever, send_feedback, settings):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:9/0"}
    }
    assert send_feedback(page="/articles/fever/", answer="useful").status_code == 303
    assert Feedback.objects.count() == 1
