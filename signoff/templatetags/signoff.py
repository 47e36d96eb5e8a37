from django import template

from editing.forms import language_name
from signoff.models import ReviewRequest
from signoff.workflow import is_reviewer

register = template.Library()


@register.inclusion_tag("admin/signoff/waiting_for_review.html")
def waiting_for_review(user):
    """The review requests waiting for `user`, a clinical reviewer (none for anyone else)."""
    waiting = []
    if is_reviewer(user):
        pending = ReviewRequest.objects.filter(status=ReviewRequest.Status.PENDING).select_related(
            "article", "submitted_by", "version"
        )
        # Each with the language of the text waiting, so a reviewer knows which language they approve.
        waiting = [(request, language_name(request.version.field_dict.get("language"))) for request in pending]
    return {"is_reviewer": is_reviewer(user), "waiting": waiting}
