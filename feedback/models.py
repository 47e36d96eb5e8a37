from datetime import timedelta

from django.db import models
from django.db.models import Count, Q
from django.utils import timezone

from articles.models import Article

COMMENT_MAX_LENGTH = 500
RECENT_DAYS = 90


class Feedback(models.Model):
    """One answer to "Is this page useful?", with the visitor's optional comment.

    Only the page, the answer, the comment and the day are kept: nothing about the visitor (no address,
    no time of day, no cookie), so no answer can be traced to a person.
    """

    class Answer(models.TextChoices):
        USEFUL = "useful", "Useful"
        NOT_USEFUL = "not_useful", "Not useful"

    page = models.CharField(max_length=200, help_text="The address of the page the answer is about.")
    article = models.ForeignKey(
        Article,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="feedback",
        help_text="The article that page showed, if it was one.",
    )
    answer = models.CharField(max_length=10, choices=Answer.choices)
    comment = models.TextField(
        "what was wrong or missing", max_length=COMMENT_MAX_LENGTH, blank=True, help_text="As the visitor typed it."
    )
    date = models.DateField(default=timezone.localdate, help_text="The day of the answer (never the time).")
    handled = models.BooleanField(default=False, help_text="Tick once an editor has dealt with the comment.")

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name_plural = "feedback"

    def __str__(self):
        return f"{self.page} ({self.date}): {self.get_answer_display()}"


class CommentQuerySet(models.QuerySet):
    def waiting(self):
        """The comments no editor has marked as handled."""
        return self.filter(handled=False)


class CommentManager(models.Manager.from_queryset(CommentQuerySet)):
    def get_queryset(self):
        return super().get_queryset().exclude(comment="")


class Comment(Feedback):
    """The answers that came with a comment: the editors' queue."""

    objects = CommentManager()

    class Meta:
        proxy = True
        ordering = ["handled", "-date", "-pk"]


class ArticleFeedbackQuerySet(models.QuerySet):
    def with_recent_counts(self, today=None):
        """Annotate each article with `useful` and `not_useful`: its answers of the last RECENT_DAYS days."""
        since = (today or timezone.localdate()) - timedelta(days=RECENT_DAYS)
        recent = Q(feedback__date__gt=since)
        return self.annotate(
            useful=Count("feedback", filter=recent & Q(feedback__answer=Feedback.Answer.USEFUL)),
            not_useful=Count("feedback", filter=recent & Q(feedback__answer=Feedback.Answer.NOT_USEFUL)),
        )


class ArticleFeedback(Article):
    """An article seen for its feedback counts in the admin."""

    objects = ArticleFeedbackQuerySet.as_manager()

    class Meta:
        proxy = True
        verbose_name = "feedback by article"
        verbose_name_plural = "feedback by article"
