from urllib.parse import urlencode

from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from feedback import throttle
from feedback.forms import COMMENT_THANKS, THANKS, AnswerForm, CommentForm, comment_token
from feedback.models import Feedback
from feedback.origin import from_this_site

NOT_FROM_THIS_SITE = _("Feedback can only be sent from this site's own pages.")
TOO_MANY = _("You have sent a lot of feedback in the last hour. Please try again later.")


# No CSRF token: the question sits on pages served whole from the cache, the same bytes for everyone, so
# no per-visitor token could be right. The Origin check and the throttle stand in for it (README,
# "Page feedback"), and nothing here reads or sets a cookie.
@csrf_exempt
@never_cache
@require_POST
def send(request):
    """Save an answer to "Is this page useful?" (fields page, answer) or the comment after a No (page,
    token, comment).

    A browser without JavaScript is sent back to the page, whose address then says what to show
    (?feedback=thanks, =sent, or the signed token that opens the comment box). The page's script asks
    with `Accept: application/json` and gets {"message", "token"} instead, or {"errors"} with status 400.
    A refused post answers 403 (another site) or 429 (too many), with a message either way.
    """
    wants_json = request.headers.get("Accept", "").startswith("application/json")
    if not from_this_site(request):
        return problem(request, wants_json, NOT_FROM_THIS_SITE, status=403)
    if not throttle.allow(request.META.get("REMOTE_ADDR", "")):
        return problem(request, wants_json, TOO_MANY, status=429)
    form = CommentForm(request.POST) if "comment" in request.POST else AnswerForm(request.POST)
    if not form.is_valid():
        messages = [message for errors in form.errors.values() for message in errors]
        return problem(request, wants_json, *messages, status=400, form=form)
    feedback = form.save()
    asks_for_comment = isinstance(form, AnswerForm) and feedback.answer == Feedback.Answer.NOT_USEFUL
    token = comment_token(feedback) if asks_for_comment else ""
    if wants_json:
        return JsonResponse({"message": COMMENT_THANKS if isinstance(form, CommentForm) else THANKS, "token": token})
    state = token or ("sent" if isinstance(form, CommentForm) else "thanks")
    response = redirect(f"{feedback.page}?{urlencode({'feedback': state})}#page-feedback")
    response.status_code = 303  # See Other: the browser fetches the page with GET
    return response


def problem(request, wants_json, *messages, status, form=None):
    """Answer a refused post with its `messages`: JSON for the script, else a page that links back to the
    page asked about (when it was one) and, for a comment that can still be sent, shows it again to mend.

    Template: feedback/problem.html. Context: `messages`; `page`, the page's address or None;
    `comment_form`, the bound CommentForm or None.
    """
    if wants_json:
        return JsonResponse({"errors": list(messages)}, status=status)
    cleaned = form.cleaned_data if form is not None else {}
    page = cleaned["page"][0] if "page" in cleaned else None
    comment_form = form if isinstance(form, CommentForm) and page and "token" in cleaned else None
    context = {"messages": messages, "page": page, "comment_form": comment_form}
    return render(request, "feedback/problem.html", context, status=status)
