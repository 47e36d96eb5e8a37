from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import translation


class Term(models.Model):
    """A medical word of the guide with a plain definition. The first use of each term in an article's
    body links to its entry on the glossary page."""

    language = models.CharField(
        max_length=7,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text="The glossary this term belongs to: articles in this language link to it.",
    )
    term = models.CharField(max_length=100, help_text="The word as patients meet it, such as “neutrophil”.")
    anchor = models.SlugField(
        max_length=100,
        help_text="The entry's place on the glossary page: /glossary/#<anchor> (/es/glossary/#<anchor> in "
        "Spanish). Keep it once published: links and bookmarks point at it.",
    )
    other_names = models.CharField(
        max_length=300,
        blank=True,
        help_text="Other words for the same thing, separated by commas, such as “neutrophils, polys”. These link too.",
    )
    definition = models.TextField(
        max_length=500, help_text="One or two plain sentences. No medical words that need a glossary of their own."
    )
    related_article = models.ForeignKey(
        "articles.Article",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="glossary_terms",
        help_text="The article that says most about this term, if any.",
    )
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["term"]
        constraints = [
            models.UniqueConstraint(
                fields=["language", "term"],
                name="one_term_per_language",
                violation_error_message="This glossary already has this term.",
            ),
            models.UniqueConstraint(
                fields=["language", "anchor"],
                name="one_anchor_per_language",
                violation_error_message="Another term of this glossary has this anchor: choose another.",
            ),
        ]

    def __str__(self):
        return self.term

    def get_absolute_url(self):
        """The entry on its own language's glossary page, whatever language the page asking is in."""
        with translation.override(self.language):
            return reverse("glossary:index") + f"#{self.anchor}"

    def clean(self):
        """Refuse a related article in another language than the term's: its glossary page would send
        readers to a page in a language they did not choose."""
        if self.related_article is not None and self.related_article.language != self.language:
            raise ValidationError(
                {"related_article": "Choose an article in the same language as the term, or none."},
                code="other_language",
            )

    @property
    def names(self):
        """The term and its other names, as written."""
        return [self.term, *(name.strip() for name in self.other_names.split(",") if name.strip())]

    @property
    def alternate_names(self):
        return self.names[1:]
