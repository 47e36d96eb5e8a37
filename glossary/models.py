from django.db import models
from django.urls import reverse


class Term(models.Model):
    """A medical word of the guide with a plain definition. The first use of each term in an article's
    body links to its entry on the glossary page."""

    term = models.CharField(
        max_length=100, unique=True, help_text="The word as patients meet it, such as “neutrophil”."
    )
    anchor = models.SlugField(
        max_length=100,
        unique=True,
        help_text="The entry's place on the glossary page: /glossary/#<anchor>. Keep it once published: "
        "links and bookmarks point at it.",
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

    def __str__(self):
        return self.term

    def get_absolute_url(self):
        return reverse("glossary:index") + f"#{self.anchor}"

    @property
    def names(self):
        """The term and its other names, as written."""
        return [self.term, *(name.strip() for name in self.other_names.split(",") if name.strip())]

    @property
    def alternate_names(self):
        return self.names[1:]
