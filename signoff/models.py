"""The clinical sign-off of articles: who may check them, what was sent for review, what was approved.

An article's row is its live version (what patients see). Changes to it wait in a working copy, kept as
a django-reversion Version, until a clinical reviewer approves that exact version.
"""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format

from articles.models import Article


class ReviewerProfile(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reviewer_profile")
    role = models.CharField(
        max_length=100,
        help_text='The clinical role shown with this person\'s name on the pages they approve, such as "Consultant haematologist" or "Specialist nurse".',
    )

    class Meta:
        verbose_name = "reviewer profile"

    def __str__(self):
        return f"{self.user.get_full_name() or self.user.get_username()}, {self.role}"


class WorkingCopy(models.Model):
    """The saved changes to an article that are not live yet: the version editors are working on."""

    article = models.OneToOneField(Article, on_delete=models.CASCADE, related_name="working_copy")
    version = models.ForeignKey("reversion.Version", on_delete=models.CASCADE, related_name="+")
    saved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    saved_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "working copy"
        verbose_name_plural = "working copies"

    def __str__(self):
        return f"Working copy of {self.article}"


class ReviewRequest(models.Model):
    """A working copy frozen and sent to the clinical reviewers, and what they decided."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for review"
        APPROVED = "approved", "Approved"
        CHANGES_REQUESTED = "changes_requested", "Changes requested"
        WITHDRAWN = "withdrawn", "Withdrawn (edited again after submitting)"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="review_requests")
    version = models.ForeignKey("reversion.Version", on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    submitted_at = models.DateTimeField(default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    note = models.TextField(blank=True, help_text="What the reviewer asks to change.")

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        verbose_name = "review request"

    def __str__(self):
        return f"{self.article}: {self.get_status_display()}"


class ApprovalQuerySet(models.QuerySet):
    def published(self):
        """The approvals whose version went live."""
        return self.filter(published_at__isnull=False)

    def scheduled(self):
        """The approvals waiting for their go-live time."""
        return self.filter(published_at__isnull=True, go_live_at__isnull=False)


class Approval(models.Model):
    """A clinician's approval of one version of an article: who, in what role, when, and the next check."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="approvals")
    version = models.ForeignKey("reversion.Version", null=True, on_delete=models.SET_NULL, related_name="+")
    review_request = models.OneToOneField(ReviewRequest, null=True, blank=True, on_delete=models.SET_NULL)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Empty for an approval imported from another site.",
    )
    # Kept as they were at the time of approval, so a later change of name or role does not rewrite history.
    reviewer_name = models.CharField(max_length=150)
    reviewer_role = models.CharField(max_length=100)
    approved_at = models.DateTimeField(default=timezone.now)
    next_review = models.DateField(help_text="When a clinician must check the page again.")
    go_live_at = models.DateTimeField(null=True, blank=True, help_text="Empty: live as soon as it is approved.")
    published_at = models.DateTimeField(null=True, blank=True, help_text="When the approved version went live.")
    self_approval_note = models.TextField(
        blank=True, help_text="Why a superuser approved a version they edited themselves."
    )
    imported = models.BooleanField(default=False, help_text="Recorded on another site and carried by import_articles.")
    source_version = models.ForeignKey(
        "reversion.Version",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="For a translation: the live version of the article it translates when this was approved, so "
        "the admin can tell when the source changed since.",
    )

    objects = ApprovalQuerySet.as_manager()

    class Meta:
        ordering = ["-approved_at", "-pk"]

    def __str__(self):
        return (
            f"{self.article} approved by {self.reviewer_name}, {self.reviewer_role}, on {date_format(self.approved_on)}"
        )

    @property
    def approved_on(self) -> datetime.date:
        return timezone.localdate(self.approved_at)


class PreviewLink(models.Model):
    """A signed, read-only link to one version of an article, for a reviewer without an account."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="preview_links")
    version = models.ForeignKey("reversion.Version", on_delete=models.CASCADE, related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "preview link"

    def __str__(self):
        return f"Preview of {self.article} (version {self.version_id})"

    @property
    def is_usable(self):
        return self.revoked_at is None and self.expires_at > timezone.now()
