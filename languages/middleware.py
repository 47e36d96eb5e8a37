"""Which language a page is in: the one its address names, and nothing else."""

from django.conf import settings
from django.utils import translation


class LanguageFromAddressMiddleware:
    """Use the language the address names (/es/... is Spanish), and the default language everywhere else.

    Django's LocaleMiddleware would also pick the admin's and other unprefixed addresses' language from
    the browser's Accept-Language header and a cookie, and mark every unprefixed answer
    "Vary: Accept-Language": the page cache and nginx would then keep no English page, and a shared link
    could open in another language than the one shared. The language is never chosen from the browser.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
        # override() puts the thread's language back afterwards: a thread serving /es/ must not answer its
        # next piece of work (a command, a test, a request without this middleware) in Spanish.
        with translation.override(language):
            request.LANGUAGE_CODE = translation.get_language()
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
        return response
