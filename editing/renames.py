"""After an article's slug changes: the links in other articles that still point at one of its old addresses,
and updating them through the sign-off's review path, as an editor's save would (signoff.workflow).

A live article's change is saved in its working copy; a draft's row is saved too, as the admin saves drafts.
An article that was waiting for review, or live with nothing else changed, is submitted for clinical review
again; one with other unsubmitted changes keeps them in its working copy for its editor to submit.
"""

from dataclasses import dataclass, field

from django.db import transaction

from articles.models import Article
from editing.link_updates import LineChange, retarget
from signoff import versions, workflow


@dataclass
class LinkUpdate:
    article: Article  # the article's working text (signoff.versions.editors_text)
    body: str  # its body with the links updated
    changes: list[LineChange]


@dataclass
class Updated:
    """What updating the links did: the articles submitted for review, and those kept in their working copy
    with the reason (other unsubmitted changes, or what stops a submission)."""

    submitted: list[Article] = field(default_factory=list)
    kept: list[tuple[Article, str]] = field(default_factory=list)


def address_prefix(article):
    """The part of `article`'s address before its slug: "/articles/" (or the Spanish guide's "/es/articles/")."""
    return article.get_absolute_url().removesuffix(f"{article.slug}/")


def old_addresses(article):
    return [f"{address_prefix(article)}{slug}/" for slug in article.old_slugs.values_list("slug", flat=True)]


def link_updates(article):
    """For each other article whose working text links to an old address of `article`, those links pointed at
    its current address, in guide order."""
    old_slugs = list(article.old_slugs.values_list("slug", flat=True))
    if not old_slugs:
        return []
    updates = []
    for other in Article.objects.exclude(pk=article.pk).in_guide_order():
        text = versions.editors_text(other)
        body, changes = retarget(text.body, old_slugs, article.slug, address_prefix(article))
        if changes:
            updates.append(LinkUpdate(text, body, changes))
    return updates


KEPT_UNSUBMITTED = "it has other changes not yet submitted: submit them with this one when they are ready"


@transaction.atomic
def update_links(article, user):
    """Point every link to an old address of `article` at its current one, in each article's working copy
    (see the module's docstring); return what was done."""
    done = Updated()
    comment = f"Links to {', '.join(old_addresses(article))} now go to {article.get_absolute_url()}."
    for update in link_updates(article):
        row = Article.objects.select_for_update().get(pk=update.article.pk)
        edited = update.article
        edited.body = update.body
        related_ids = getattr(edited, "related_ids", None)
        if related_ids is None:
            related_ids = list(row.related.values_list("pk", flat=True))
        was_pending = workflow.pending_request(row) is not None
        had_other_changes = workflow.working_version(row) is not None and not was_pending
        if row.status != Article.Status.PUBLISHED:
            edited.save()
        workflow.save_working_copy(row, edited, related_ids, user, comment)
        if had_other_changes or not (was_pending or row.status == Article.Status.PUBLISHED):
            done.kept.append((row, KEPT_UNSUBMITTED if had_other_changes else "it is a draft"))
            continue
        try:
            workflow.submit(row, user)
        except workflow.Refused as refusal:
            done.kept.append((row, str(refusal)))
        else:
            done.submitted.append(row)
    return done
