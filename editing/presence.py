"""Who else has an article's change form open, so two editors learn of each other before a save is refused.

The form's script (static/js/editor-presence.js) says "still here" every settings.EDITING_PRESENCE_SECONDS and
"gone" when the page is left; someone not heard from for three times that (fresh_for()) has stopped editing.
"""

import datetime

from django.conf import settings
from django.utils import timezone

from editing.models import EditingPresence


def poll_seconds():
    return settings.EDITING_PRESENCE_SECONDS


def fresh_for():
    """How long after their form last said so someone still counts as editing: three missed calls."""
    return datetime.timedelta(seconds=3 * poll_seconds())


def person(user):
    return user.get_full_name() or user.get_username()


def record(article, user, now=None):
    """Note that `user` has `article`'s form open now, and forget everyone not heard from for fresh_for()."""
    now = now or timezone.now()
    EditingPresence.objects.filter(seen_at__lt=now - fresh_for()).delete()
    EditingPresence.objects.update_or_create(article=article, user=user, defaults={"seen_at": now})


def leave(article, user):
    """`user` closed `article`'s form."""
    EditingPresence.objects.filter(article=article, user=user).delete()


def others_editing(article, user, now=None):
    """The names of the people other than `user` who have `article`'s form open, in the order they opened it."""
    now = now or timezone.now()
    present = EditingPresence.objects.filter(article=article, seen_at__gte=now - fresh_for()).exclude(user=user)
    return [person(presence.user) for presence in present.select_related("user").order_by("pk")]


def notice(names):
    """The sentence the form shows about `names`, or "" when nobody else is editing."""
    if not names:
        return ""
    who = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    verb = "is" if len(names) == 1 else "are"
    return f"{who} {verb} editing this article. If they save before you, your save is stopped and you are shown both versions to merge."
