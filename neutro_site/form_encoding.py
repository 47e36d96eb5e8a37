"""A form posted in another encoding than UTF-8 gets a 400 page in the site's layout and one log line.

Django refuses such a form (`application/x-www-form-urlencoded` is always UTF-8) by raising BadRequest
whenever request.POST is read: the CSRF check reads it first, then Django's own 400 and 500 views read it
again for their CSRF token and fail too, so gunicorn answered with a bare 500 and two tracebacks. This
middleware answers before anything reads the form; Django logs the 400 in one line ("Bad Request: <path>").
"""

from django.conf import settings
from django.http import HttpResponseBadRequest
from django.template import loader
from django.utils import translation

FORM_TYPE = "application/x-www-form-urlencoded"


class FormEncodingMiddleware:
    """Answer 400 (template 400.html) to a form whose declared charset is not UTF-8."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.content_type == FORM_TYPE and request.encoding and request.encoding.lower() != "utf-8":
            # Drawn without the request's context, as Django draws its own error pages, in the language
            # its address names (this runs before the language middleware).
            with translation.override(translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE):
                return HttpResponseBadRequest(loader.render_to_string("400.html"))
        return self.get_response(request)
