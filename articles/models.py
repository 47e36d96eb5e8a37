from django.db import models
from django.urls import reverse
from markdownx.models import MarkdownxField

from articles.markdown import render


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """The articles the public may see."""
        return self.filter(status=Article.Status.PUBLISHED)

    def in_guide_order(self):
        return self.order_by("position", "title")


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    title = models.CharField(max_length=200, help_text="The page heading, in plain words.")
    slug = models.SlugField(
        max_length=100,
        unique=True,
        help_text="The last part of the page's address: /articles/<slug>/. Lower case, words joined by hyphens.",
    )
    summary = models.TextField(
        max_length=300,
        help_text="One or two plain sentences with the page's main message. Shown in lists and link previews.",
    )
    body = MarkdownxField(
        help_text="Markdown. Use ## for sections; the title is printed for you, so do not start with #."
    )
    body_html = models.TextField(editable=False, default="")
    body_text = models.TextField(
        editable=False, default="", help_text="The body's words without markup, for search and its passages."
    )
    sections = models.JSONField(
        editable=False, default=list, help_text="The body's ## sections as [id, title] pairs, in page order."
    )
    position = models.PositiveIntegerField(
        "position in the guide", default=0, help_text="Articles are listed from the lowest number up."
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    related = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        help_text="Other articles a reader of this one should see next.",
    )
    last_reviewed = models.DateField(null=True, blank=True, help_text="When a clinician last checked this page.")
    next_review = models.DateField(null=True, blank=True, help_text="When this page must be checked again.")
    reviewer = models.CharField(
        max_length=100, blank=True, help_text='The reviewer\'s role, such as "Consultant haematologist".'
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["position", "title"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        rendered = render(self.body)
        self.body_html = rendered.html
        self.body_text = rendered.text
        self.sections = [list(section) for section in rendered.sections]
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "body" in update_fields:
            kwargs["update_fields"] = {*update_fields, "body_html", "body_text", "sections"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("articles:detail", kwargs={"slug": self.slug})

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED
