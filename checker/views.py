from django.db import transaction
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django.views.decorators.http import require_http_methods

from checker import anc
from checker.forms import CountForm


@never_cache
@sensitive_post_parameters(*CountForm.base_fields)
@require_http_methods(["GET", "HEAD", "POST"])
@transaction.non_atomic_requests
@sensitive_variables()
def neutrophil_count(request):
    """The count checker: GET shows the form; POST answers on the same page, above the form again.

    Template: articles/neutrophil_count.html. Context: `form`, a CountForm; `question`, an
    anc.UnitQuestion when a number looks written in the other unit; `result`, an anc.Interpretation
    when the form was valid and no question is open; `emergency_card`, the anc.CareCard the answer opens
    with, or None; `standing_card`, anc.STANDING_FEVER on every answer to a posted form (result, question
    or errors), None on GET; `sources`, anc.SOURCES.

    What is typed is health data: it arrives only by POST, is never stored or logged, is hidden from
    error reports (every local variable of every frame under this view too), and the page is sent with
    Cache-Control: no-store. It needs no database, so it is left out of ATOMIC_REQUESTS and keeps
    working while the database is down.
    """
    form = CountForm(request.POST if request.method == "POST" else None)
    context = {"form": form, "question": None, "result": None, "emergency_card": None, "standing_card": None}
    if form.is_bound:
        if form.is_valid():
            context["question"] = form.unit_question
            context["result"] = None if form.unit_question else form.interpret()
        context["emergency_card"] = form.emergency_card()
        context["standing_card"] = anc.STANDING_FEVER
    return render(request, "articles/neutrophil_count.html", {**context, "sources": anc.SOURCES})
