"""An article's versions as the sign-off uses them: a working copy saved without touching the live row,
an Article built from a version for previews, and a version made live.

Versions are django-reversion's, in its JSON format, so the admin's history and compare pages list them
with every other saved version.
"""

import json

from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.db import DEFAULT_DB_ALIAS
from django.utils import timezone
from reversion.models import Revision, Version

from articles.models import Article
from editing.versions import current_values
from signoff.models import WorkingCopy

# What a version carries to the live page; status and dates are the sign-off's, not the editor's. The language
# and the source of a translation are reviewed with the text: a reviewer approves a text in one language.
CONTENT_FIELDS = ("title", "language", "translation_of_id", "slug", "summary", "body", "position")
# The content fields whose empty value is a value (an article that translates nothing).
NULLABLE_CONTENT_FIELDS = ("translation_of_id",)


def record(article, related_ids, user, comment):
    """Save `article` as it is in memory (its related articles being `related_ids`) as a new version, without
    saving the article itself; return the Version."""
    article.render_body()
    fields = [field.name for field in Article._meta.concrete_fields if not field.primary_key]
    data = json.loads(serializers.serialize("json", [article], fields=fields))
    data[0]["fields"]["related"] = sorted(pk for pk in related_ids if pk != article.pk)
    revision = Revision.objects.create(date_created=timezone.now(), user=user, comment=comment)
    return Version.objects.create(
        revision=revision,
        content_type=ContentType.objects.get_for_model(Article),
        object_id=str(article.pk),
        db=DEFAULT_DB_ALIAS,
        format="json",
        serialized_data=json.dumps(data),
        object_repr=str(article)[:191],
    )


def content(values):
    """The part of a version's (or an article's) field values that patients see: CONTENT_FIELDS and related."""
    shown = {name: values.get(name) for name in CONTENT_FIELDS}
    shown["related"] = sorted(values.get("related") or [])
    return shown


def content_of(article):
    """The content of the article row as it is in the database now."""
    return content(current_values(article))


def as_article(version, live):
    """An unsaved Article holding `version`'s content on top of the `live` row (status, dates), rendered, with
    `related_ids` set to the version's related articles."""
    article = Article.objects.get(pk=live.pk)
    values = content(version.field_dict)
    for name in CONTENT_FIELDS:
        if values[name] is not None or name in NULLABLE_CONTENT_FIELDS:
            setattr(article, name, values[name])
    article.render_body()
    article.related_ids = [pk for pk in values["related"] if pk != article.pk]
    return article


def editors_text(article):
    """What editors are working on: `article`'s working copy (see as_article) when it has one, else the row."""
    copy = WorkingCopy.objects.filter(article=article).select_related("version").first()
    return as_article(copy.version, article) if copy else article


def make_live(article, version):
    """Write `version`'s content into the article row (rendered, the old slug kept as a redirect) and publish it."""
    preview = as_article(version, article)
    for name in CONTENT_FIELDS:
        setattr(article, name, getattr(preview, name))
    article.status = Article.Status.PUBLISHED
    article.save()
    article.related.set(Article.objects.filter(pk__in=preview.related_ids))
