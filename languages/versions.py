"""The addresses of one page in each of the site's languages, for the language switcher and hreflang links."""

from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation


@dataclass(frozen=True)
class LanguageVersion:
    """The page in one language: `exists` is False when there is none and `path` is that language's home."""

    code: str
    name: str
    path: str
    exists: bool
    current: bool

    @property
    def locale(self) -> str:
        """The code as Open Graph writes it: "en_GB", "es"."""
        return translation.to_locale(self.code)


def home_path(code: str) -> str:
    with translation.override(code):
        return reverse("articles:home")


def language_versions(path: str | None, translations: dict[str, str] | None = None) -> list[LanguageVersion]:
    """Return the page at `path` in each language of settings.LANGUAGES, in that order.

    `path` is None on the pages rendered without their request (the 500, 400 and 503 pages): each
    language's version is then its home page.
    `translations` ({code: path}), when a view gives it, is the whole truth: a language missing from it has
    no version of this page (an article not yet translated). Otherwise the page is the same address in each
    language, when that address exists there.
    """
    current = translation.get_language()
    versions = []
    for code, name in settings.LANGUAGES:
        if path is None:
            found = None
        elif code == current:
            found = path
        elif translations is not None:
            found = translations.get(code)
        else:
            translated = translate_url(path, code)
            found = translated if translated != path else None
        versions.append(
            LanguageVersion(
                code=code,
                name=name,
                path=found or home_path(code),
                exists=found is not None,
                current=code == current,
            )
        )
    return versions
