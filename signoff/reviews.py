"""What the sign-off records say about an article: its approval on the live text, its state, its next check."""

import datetime
from typing import NamedTuple

from django.db import models
from django.utils import timezone

from articles.models import Article
from signoff import versions
from signoff.models import Approval, ReviewRequest, WorkingCopy


class State(models.TextChoices):
    LIVE = "live", "Live"
    LIVE_WITH_DRAFT = "live_with_draft", "Live, with draft changes"
    DRAFT = "draft", "Draft"
    WAITING = "waiting", "Changes waiting for review"
    CHANGES_REQUESTED = "changes_requested", "Changes requested"
    SCHEDULED = "scheduled", "Scheduled"
    EXPIRED = "expired", "Withdrawn (expired)"


def current_approval(article):
    """The recorded approval of exactly the text that is live, or None: an article changed after its
    approval (by an import, say) is never shown as checked."""
    if not article.is_published:
        return None
    approval = article.approvals.published().exclude(version=None).select_related("version").first()
    if approval is None or versions.content(approval.version.field_dict) != versions.content_of(article):
        return None
    return approval


def state_of(article):
    """The article's State, as the admin's list shows it."""
    if article.is_expired:
        return State.EXPIRED
    if article.approvals.scheduled().exists():
        return State.SCHEDULED
    copy = WorkingCopy.objects.filter(article=article).first()
    if copy is not None:
        asked = article.review_requests.filter(version=copy.version).first()
        if asked is not None and asked.status == ReviewRequest.Status.PENDING:
            return State.WAITING
        if asked is not None and asked.status == ReviewRequest.Status.CHANGES_REQUESTED:
            return State.CHANGES_REQUESTED
        return State.LIVE_WITH_DRAFT if article.is_published else State.DRAFT
    return State.LIVE if article.is_published else State.DRAFT


def in_state(queryset, state):
    """The articles of `queryset` in `state` (the same rules as state_of, as a query)."""
    now = timezone.now()
    expired = models.Q(expires_at__lte=now)
    scheduled = models.Exists(Approval.objects.scheduled().filter(article=models.OuterRef("pk")))
    asked = ReviewRequest.objects.filter(
        article=models.OuterRef("pk"), version=models.OuterRef("working_copy__version")
    )
    waiting = models.Exists(asked.filter(status=ReviewRequest.Status.PENDING))
    sent_back = models.Exists(asked.filter(status=ReviewRequest.Status.CHANGES_REQUESTED))
    has_copy = models.Q(working_copy__isnull=False)
    live = models.Q(status=Article.Status.PUBLISHED)
    not_before = ~expired & ~scheduled
    draft_copy = has_copy & ~waiting & ~sent_back
    rules = {
        State.EXPIRED: expired,
        State.SCHEDULED: ~expired & scheduled,
        State.WAITING: not_before & has_copy & waiting,
        State.CHANGES_REQUESTED: not_before & has_copy & sent_back,
        State.DRAFT: not_before & ~live & (draft_copy | ~has_copy),
        State.LIVE_WITH_DRAFT: not_before & live & draft_copy,
        State.LIVE: not_before & live & ~has_copy,
    }
    return queryset.filter(rules[state])


class DueCheck(NamedTuple):
    """A live article whose clinical check is due: `due` is None when no clinician has checked it yet."""

    article: Article
    due: datetime.date | None

    def days_overdue(self, today):
        return None if self.due is None else (today - self.due).days


def due_for_review(today=None, within_days=30):
    """The live articles that have never been checked or whose next check is due within `within_days` of
    `today` (default the local date), overdue ones first."""
    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(days=within_days)
    due = []
    for article in Article.objects.published().in_guide_order():
        approval = current_approval(article)
        if approval is None:
            due.append(DueCheck(article, None))
        elif approval.next_review <= horizon:
            due.append(DueCheck(article, approval.next_review))
    return sorted(due, key=lambda check: (check.due is not None, check.due or today, check.article.position))
