"""`{% page_feedback %}`: the "Is this page useful?" question at the foot of a page."""

from django import template

from feedback.forms import COMMENT_THANKS, THANKS, CommentForm

register = template.Library()


@register.inclusion_tag("feedback/question.html", takes_context=True)
def page_feedback(context):
    """The question for the page being shown, in the state its address names after a post without
    JavaScript: ?feedback=thanks (answered), =sent (comment sent), or a signed token (answered No: the
    comment box is open). A page served from the cache has no query string: the question is unanswered."""
    request = context["request"]
    state = request.GET.get("feedback", "")
    token = "" if state in {"", "thanks", "sent"} else state
    return {
        "page": request.path,
        "answered": bool(state),
        "status": (COMMENT_THANKS if state == "sent" else THANKS) if state else "",
        "comment_form": CommentForm(initial={"page": request.path, "token": token}, auto_id="page-feedback-%s"),
        "comment_open": bool(token),
    }
