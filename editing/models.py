from django.conf import settings
from django.db import models


class MedicalWord(models.Model):
    """A medical word that needs a plain explanation where an article first uses it, and the plain words
    for it. The checks before publishing (editing/checks.py) point out a first use without them in the
    articles of the word's language."""

    language = models.CharField(
        max_length=7,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text="The language of the articles this word is looked for in.",
    )
    word = models.CharField(
        max_length=100,
        help_text="The medical word as an article would write it, such as “neutropenia”. A plural with -s matches too.",
    )
    plain = models.CharField(
        max_length=200,
        help_text="Plain words for it that an article can use in the same sentence, such as “low neutrophil count”.",
    )

    class Meta:
        ordering = ["language", "word"]
        constraints = [
            models.UniqueConstraint(
                fields=["language", "word"],
                name="one_medical_word_per_language",
                violation_error_message="This word is already on the list for this language.",
            )
        ]

    def __str__(self):
        return self.word


class EditingPresence(models.Model):
    """Someone has an article's change form open: when their browser last said so. Rows older than
    editing.presence.fresh_for() count for nothing and are deleted as others are recorded."""

    article = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    seen_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["article", "user"], name="one_presence_per_editor")]

    def __str__(self):
        return f"{self.user} on {self.article}"
