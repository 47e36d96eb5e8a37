"""The sign-off workflow: save a working copy, submit it, approve or send it back, publish on time.

Every function checks who may do it and raises Refused with a message for that person when they may not.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from reversion.models import Version

from articles.markdown import undescribed_images
from articles.models import Article
from editing.publishing_checks import MISSING_ARTICLE_LINKS, missing_article_links
from signoff import translations, versions
from signoff.models import Approval, ReviewRequest, WorkingCopy

UNDESCRIBED_IMAGES = (
    "Describe every image before this page goes to patients, for readers who cannot see it: in "
    "![description](address), write what the image shows between the square brackets. Still to describe: "
    "{addresses}. Your changes are saved in the working copy."
)


class Refused(Exception):
    """The action is not allowed; the message says why, to the person who tried."""


def person(user):
    return user.get_full_name() or user.get_username()


def role_of(user):
    """The clinical role on `user`'s reviewer profile, or ""."""
    profile = getattr(user, "reviewer_profile", None)
    return profile.role if profile else ""


def is_reviewer(user):
    """Whether `user` may approve articles and send them back: a clinical reviewer, or a superuser."""
    return user.is_active and user.is_staff and user.has_perm("articles.publish_article")


def default_next_review(approved_on):
    """One year after `approved_on` (28 February for an approval on 29 February)."""
    try:
        return approved_on.replace(year=approved_on.year + 1)
    except ValueError:
        return approved_on.replace(year=approved_on.year + 1, day=28)


def save_working_copy(article, edited, related_ids, user, comment):
    """Keep `edited` (the article with an editor's changes, unsaved) as `article`'s working copy; a review
    request still open for the previous working copy is withdrawn: the reviewers must see the new text."""
    version = versions.record(edited, related_ids, user, comment)
    ReviewRequest.objects.filter(article=article, status=ReviewRequest.Status.PENDING).update(
        status=ReviewRequest.Status.WITHDRAWN
    )
    WorkingCopy.objects.update_or_create(
        article=article, defaults={"version": version, "saved_by": user, "saved_at": timezone.now()}
    )
    return version


def working_version(article):
    """The Version of `article` that editors are working on, or None when the live row is all there is."""
    copy = WorkingCopy.objects.filter(article=article).select_related("version").first()
    return copy.version if copy else None


def pending_request(article):
    return article.review_requests.filter(status=ReviewRequest.Status.PENDING).select_related("version").first()


@transaction.atomic
def submit(article, user):
    """Freeze `article`'s working copy for clinical review; return the ReviewRequest."""
    if pending_request(article):
        raise Refused("This article is already waiting for clinical review.")
    version = working_version(article)
    if version is None:
        if article.is_published:
            raise Refused("There are no changes to submit: the live version is the latest.")
        version = versions.record(article, article.related.values_list("pk", flat=True), user, "Submitted as it was")
        WorkingCopy.objects.create(article=article, version=version, saved_by=user)
    refuse_what_blocks_publishing(version)
    return ReviewRequest.objects.create(article=article, version=version, submitted_by=user)


def refuse_what_blocks_publishing(version):
    """Refuse a version with an image that has no description or a link to an article that does not exist."""
    body = version.field_dict.get("body") or ""
    addresses = undescribed_images(body)
    if addresses:
        raise Refused(UNDESCRIBED_IMAGES.format(addresses=", ".join(addresses)))
    missing = missing_article_links(body)
    if missing:
        raise Refused(
            MISSING_ARTICLE_LINKS.format(
                links=", ".join(f"{problem.address} (line {problem.line})" for problem in missing)
            )
        )


def refuse_what_another_article_holds(version, article):
    """Refuse a version of `article` whose slug another article of its language has, or that translates an
    article which has a translation in its language already: both were taken while it waited for review."""
    try:
        versions.as_article(version, article).validate_constraints()
    except ValidationError as error:
        raise Refused(
            "Another article took this version's place while it waited for review ("
            + " ".join(error.messages)
            + "). Change the slug or the translation in the article's form, and submit it again."
        ) from None


def source_live_version(version):
    """For a version of a translation, the live version of the article it translates, as the approval keeps it
    (signoff.translations); None for a version that translates nothing."""
    source = Article.objects.filter(pk=version.field_dict.get("translation_of_id")).first()
    return translations.live_version_kept(source) if source else None


def editors_of(article, version):
    """The ids of the users who saved `article`'s versions since its last live approval, up to `version`."""
    edits = Version.objects.get_for_object(article).filter(pk__lte=version.pk)
    last_live = article.approvals.published().exclude(version=None).first()
    if last_live is not None:
        edits = edits.filter(pk__gt=last_live.version_id)
    return set(edits.exclude(revision__user=None).values_list("revision__user", flat=True))


@transaction.atomic
def approve(review_request, reviewer, next_review=None, go_live_at=None, self_approval_note=""):
    """Record `reviewer`'s approval of the version `review_request` froze and make it live now (or at
    `go_live_at`); return the Approval. Nobody approves a version they edited, except a superuser who says why.
    """
    review_request = ReviewRequest.objects.select_for_update().get(pk=review_request.pk)
    article = review_request.article
    if not is_reviewer(reviewer):
        raise Refused("Only a clinical reviewer can approve and publish an article.")
    if review_request.status != ReviewRequest.Status.PENDING:
        raise Refused("This version is no longer waiting for review: it was edited, approved or sent back.")
    refuse_what_blocks_publishing(review_request.version)
    refuse_what_another_article_holds(review_request.version, article)
    role = role_of(reviewer)
    if not role:
        raise Refused("Add your clinical role to your reviewer profile first: it is shown with your approval.")
    note = self_approval_note.strip()
    if reviewer.pk in editors_of(article, review_request.version):
        if not reviewer.is_superuser:
            raise Refused("You edited this version, so another clinical reviewer must approve it (four eyes).")
        if not note:
            raise Refused(
                "You edited this version: say why you approve it yourself. The note is kept with the approval."
            )
    now = timezone.now()
    approved_on = timezone.localdate(now)
    next_review = next_review or default_next_review(approved_on)
    if next_review <= approved_on:
        raise Refused("The next review must be after the approval, not on or before it.")
    approval = Approval.objects.create(
        article=article,
        version=review_request.version,
        review_request=review_request,
        reviewer=reviewer,
        reviewer_name=person(reviewer),
        reviewer_role=role,
        approved_at=now,
        next_review=next_review,
        go_live_at=go_live_at if go_live_at and go_live_at > now else None,
        self_approval_note=note,
        source_version=source_live_version(review_request.version),
    )
    review_request.status = ReviewRequest.Status.APPROVED
    review_request.decided_by, review_request.decided_at = reviewer, now
    review_request.save()
    if approval.go_live_at is None:
        publish(approval)
    return approval


def publish(approval):
    """Make `approval`'s version the live article now (which clears the page cache)."""
    article = approval.article
    versions.make_live(article, approval.version)
    approval.published_at = timezone.now()
    approval.save(update_fields=["published_at"])
    WorkingCopy.objects.filter(article=article, version=approval.version).delete()
    # A later scheduled approval of an older text must not overwrite this one.
    article.approvals.scheduled().exclude(pk=approval.pk).filter(approved_at__lt=approval.approved_at).delete()


@transaction.atomic
def request_changes(review_request, reviewer, note):
    """Send the version back to the editors with `note`, which they see on the article's form."""
    if not is_reviewer(reviewer):
        raise Refused("Only a clinical reviewer can request changes.")
    if not note.strip():
        raise Refused("Say what needs to change: the editor sees your note on the article's form.")
    if review_request.status != ReviewRequest.Status.PENDING:
        raise Refused("This version is no longer waiting for review.")
    review_request.status = ReviewRequest.Status.CHANGES_REQUESTED
    review_request.decided_by, review_request.decided_at = reviewer, timezone.now()
    review_request.note = note.strip()
    review_request.save()


def publish_scheduled(now=None):
    """Make live every approved version whose go-live time has come, and withdraw every live article past its
    expiry; return (published approvals, withdrawn articles)."""
    now = now or timezone.now()
    published = []
    for approval in Approval.objects.scheduled().filter(go_live_at__lte=now).order_by("go_live_at", "pk"):
        with transaction.atomic():
            publish(approval)
        published.append(approval)
    withdrawn = list(Article.objects.filter(status=Article.Status.PUBLISHED, expires_at__lte=now))
    for article in withdrawn:
        article.status = Article.Status.DRAFT
        article.save(update_fields=["status", "updated"])
    return published, withdrawn
