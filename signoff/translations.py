"""Whether a translation still says what its source says: each approval of a translation keeps the source's
live version of that moment (Approval.source_version), and a translation whose source's live text changed
since its last approval is out of date until a new translation is approved.

Only recorded approvals count: a translation never approved is "not yet approved", never "up to date".
"""

from dataclasses import dataclass

from django.db import models
from django.urls import reverse
from reversion.models import Version

from articles.models import Article
from signoff import versions
from signoff.models import Approval

# What a translation renders of its source: a change to these makes it out of date. A new slug, position or
# related articles of the source changes nothing a translation says.
TRANSLATED_FIELDS = ("title", "summary", "body")
KEPT_FOR_TRANSLATION = "The live version, kept to compare a translation with"


class Freshness(models.TextChoices):
    NOT_APPROVED = "not_approved", "Not yet approved"
    UP_TO_DATE = "up_to_date", "Up to date"
    OUT_OF_DATE = "out_of_date", "Out of date"
    UNKNOWN = "unknown", "Not known: no record of the source at its approval"


@dataclass(frozen=True)
class TranslationCheck:
    """A translation compared with its source: its Freshness, the approval it was judged by (None when never
    approved), and the source's version live at that approval (None when not recorded)."""

    translation: Article
    source: Article
    freshness: Freshness
    approval: Approval | None = None
    source_then: Version | None = None


def live_version(article):
    """The latest saved Version holding the same content as `article`'s live row now (the approved version that
    went live, an import's, or a later save of the same text), or None when no saved version has it."""
    live = versions.content_of(article)
    for version in Version.objects.get_for_object(article).select_related("revision"):
        if versions.content(version.field_dict) == live:
            return version
    return None


def live_version_kept(article):
    """`article`'s live_version, or a new version of the live row when none has it yet. The new version has no
    user: it records the live text, nobody's edit (so it never counts against the four eyes of a later review)."""
    return live_version(article) or versions.record(
        article, article.related.values_list("pk", flat=True), None, KEPT_FOR_TRANSLATION
    )


def translated_text(values):
    """The TRANSLATED_FIELDS of a version's (or an article's) field values."""
    return {name: values.get(name) for name in TRANSLATED_FIELDS}


def last_approval(translation):
    """The latest recorded approval of `translation`, live or scheduled, or None."""
    return translation.approvals.select_related("source_version__revision").order_by("-approved_at", "-pk").first()


def check(translation):
    """`translation` (an article with a source) compared with its source's live text now."""
    source = translation.translation_of
    approval = last_approval(translation)
    if approval is None:
        return TranslationCheck(translation, source, Freshness.NOT_APPROVED)
    then = approval.source_version
    if then is None or then.object_id != str(source.pk):
        return TranslationCheck(translation, source, Freshness.UNKNOWN, approval)
    changed = translated_text(then.field_dict) != translated_text(versions.current_values(source))
    freshness = Freshness.OUT_OF_DATE if changed else Freshness.UP_TO_DATE
    return TranslationCheck(translation, source, freshness, approval, then)


def translations_in(freshness, queryset=None):
    """The translations (of `queryset`, default every article) whose check says `freshness`."""
    queryset = Article.objects.all() if queryset is None else queryset
    translations = queryset.filter(translation_of__isnull=False).select_related("translation_of")
    return queryset.filter(pk__in=[article.pk for article in translations if check(article).freshness == freshness])


def comparison_address(found):
    """The admin's comparison of the source's version live at the translation's approval with its live
    version now (editing.history.compare), for an out-of-date TranslationCheck `found`."""
    now = live_version_kept(found.source)
    address = reverse("admin:articles_article_compare_versions", args=[found.source.pk])
    return f"{address}?old={found.source_then.pk}&new={now.pk}"
