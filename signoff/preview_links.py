"""Read-only preview links for reviewers without an account: signed with Django's signing framework, naming
one version, expiring (7 days by default) and revocable (the link's row must still be usable)."""

import datetime

from django.core import signing
from django.urls import reverse
from django.utils import timezone

from signoff.models import PreviewLink

SALT = "signoff.preview-link"
LIFETIME = datetime.timedelta(days=7)


def create(article, version, user, lifetime=LIFETIME):
    """A new PreviewLink to `version` of `article`, usable for `lifetime`."""
    now = timezone.now()
    return PreviewLink.objects.create(
        article=article, version=version, created_by=user, created_at=now, expires_at=now + lifetime
    )


def address(link):
    """The path of `link`'s preview page, carrying its signed token."""
    token = signing.dumps({"link": link.pk, "version": link.version_id}, salt=SALT)
    return reverse("signoff:preview", kwargs={"token": token})


class Unusable(Exception):
    """The link is tampered with, expired or revoked; the message says which, for the person holding it."""


def find(token):
    """The PreviewLink that `token` names, or raise Unusable."""
    try:
        signed = signing.loads(token, salt=SALT, max_age=LIFETIME)
    except signing.SignatureExpired:
        raise Unusable("This preview link has expired. Ask the editor for a new one.") from None
    except signing.BadSignature:
        raise Unusable("This preview link is not valid. Check that you copied all of it.") from None
    link = PreviewLink.objects.filter(pk=signed.get("link"), version_id=signed.get("version")).first()
    if link is None or link.revoked_at is not None:
        raise Unusable("This preview link was withdrawn. Ask the editor for a new one.")
    if link.expires_at <= timezone.now():
        raise Unusable("This preview link has expired. Ask the editor for a new one.")
    return link


def revoke(link):
    if link.revoked_at is None:
        link.revoked_at = timezone.now()
        link.save(update_fields=["revoked_at"])
