import reversion
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.urls import reverse
from django.utils import timezone, translation
from markdownx.models import MarkdownxField

from articles.markdown import render
from glossary.terms import glossary_terms


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """The articles the public may see: live and not past their expiry."""
        live = self.filter(status=Article.Status.PUBLISHED)
        return live.filter(models.Q(expires_at__isnull=True) | models.Q(expires_at__gt=timezone.now()))

    def named_by(self, object_id):
        """The article whose primary key is `object_id`, text from an address (the admin's), or None when
        no article has it, a number or not."""
        try:
            return self.filter(pk=object_id).first()
        except (ValueError, ValidationError):
            return None

    def in_guide_order(self):
        return self.order_by("position", "title")

    def visible_to(self, user):
        """The articles `user` may read on the public pages: all of them for staff who may view articles
        (so editors can preview drafts at their real address), otherwise the published ones."""
        return self.all() if may_preview(user) else self.published()

    def render_again(self):
        """Render these articles' bodies again with the current renderer and glossary, saving only those
        whose rendering changed (their text, versions and "updated" time stay). Returns how many changed."""
        changed = 0
        for article in self.select_for_update():
            stored = (article.body_html, article.body_text, article.sections)
            article.render_body()
            if (article.body_html, article.body_text, article.sections) != stored:
                article.save(update_fields=Article.RENDERED_FIELDS)
                changed += 1
        return changed


def article_or_404(object_id):
    """The article whose primary key is `object_id` (text from an address); "not found" when none has it."""
    article = Article.objects.named_by(object_id)
    if article is None:
        raise Http404("No article has this address.")
    return article


def may_preview(user):
    """Whether `user` is staff who may read drafts and working copies at the articles' public addresses."""
    return user.is_active and user.is_staff and user.has_perm("articles.view_article")


@reversion.register()
class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    title = models.CharField(max_length=200, help_text="The page heading, in plain words.")
    language = models.CharField(
        max_length=7,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text="The language the article is written in.",
    )
    translation_of = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="translations",
        help_text="For a translation: the article it translates.",
    )
    slug = models.SlugField(
        max_length=100,
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
    expires_at = models.DateTimeField(
        "withdraw after",
        null=True,
        blank=True,
        help_text="Optional. After this time the page is withdrawn: the public get “not found”; editors still see it listed.",
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()

    # What save() renders from the body.
    RENDERED_FIELDS = ("body_html", "body_text", "sections")

    class Meta:
        ordering = ["position", "title"]
        constraints = [
            models.UniqueConstraint(fields=["language", "slug"], name="one_slug_per_language"),
            models.UniqueConstraint(fields=["translation_of", "language"], name="one_translation_per_language"),
        ]
        permissions = [
            ("publish_article", "Can publish articles"),
            ("upload_image", "Can upload images into articles"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        """Render the body into the stored HTML, text and sections (articles/receivers.py keeps a replaced
        slug as a redirect)."""
        self.render_body()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "body" in update_fields:
            kwargs["update_fields"] = {*update_fields, *self.RENDERED_FIELDS}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        """The article's address in its own language (/articles/<slug>/, /es/articles/<slug>/), whatever
        language the current page is in."""
        with translation.override(self.language):
            return reverse("articles:detail", kwargs={"slug": self.slug})

    def render_body(self):
        """Fill the RENDERED_FIELDS from the body with the current renderer (articles/markdown.py) and the
        current glossary (its terms' first uses link to their entries), the words the renderer adds (a care
        card's hidden urgency, the section links' names) in the article's language."""
        with translation.override(self.language):
            rendered = render(self.body, glossary_terms(self.language))
        self.body_html = rendered.html
        self.body_text = rendered.text
        self.sections = [list(section) for section in rendered.sections]

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED and not self.is_expired

    @property
    def is_expired(self):
        return self.expires_at is not None and self.expires_at <= timezone.now()


class OldSlug(models.Model):
    """An address an article had before its slug changed; it answers a permanent redirect to the article.

    An old slug belongs to the language whose addresses it was in (/articles/<slug>/ or /es/articles/<slug>/),
    as slugs do. Every old slug points straight at the article (never at the next slug), so a chain of
    renames costs one redirect, and a slug taken back by any article of its language stops being "old", so
    no redirect can loop.
    """

    language = models.CharField(
        max_length=7,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text="The language whose addresses the slug was in.",
    )
    slug = models.SlugField(max_length=100)
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="old_slugs")
    replaced = models.DateTimeField(auto_now=True, help_text="When the article stopped using this slug.")

    class Meta:
        verbose_name = "old slug"
        constraints = [models.UniqueConstraint(fields=["language", "slug"], name="one_old_slug_per_language")]

    def __str__(self):
        return f"{self.slug} → {self.article.slug}"

    @classmethod
    def record_change(cls, article, previous_slug, previous_language=None):
        """Keep `previous_slug` (in `previous_language`, by default the article's) as an old address of
        `article` when it differs from the current address, and drop the current slug from its language's
        old addresses (it is live again)."""
        previous_language = previous_language or article.language
        cls.objects.filter(language=article.language, slug=article.slug).delete()
        if previous_slug and (previous_slug, previous_language) != (article.slug, article.language):
            cls.objects.update_or_create(language=previous_language, slug=previous_slug, defaults={"article": article})
