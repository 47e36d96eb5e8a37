"""Schema.org descriptions of pages (JSON-LD), for search engines and link previews.

Each function returns plain data; templates print it with the `json_ld` filter, which escapes it so
no text inside (an article title, say) can close the script element.
"""

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, gettext_lazy

SITE_NAME = gettext_lazy("Neutropenia guide")


def language_tag(code: str) -> str:
    """The BCP 47 tag schema.org's inLanguage takes for a Django language code: "en-gb" → "en-GB", "es" → "es"."""
    language, _, region = code.partition("-")
    return f"{language}-{region.upper()}" if region else language


def condition() -> dict:
    return {"@type": "MedicalCondition", "name": gettext("Neutropenia")}


def website(root: str) -> dict:
    """The site in the current language as a schema.org `WebSite` with its search, for the home page.
    `root` is the site's address."""
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": str(SITE_NAME),
        "url": root + reverse("articles:home"),
        "inLanguage": language_tag(translation.get_language()),
        "about": condition(),
        "potentialAction": {
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": root + reverse("articles:search") + "?q={search_term_string}",
            },
            "query-input": "required name=search_term_string",
        },
    }


def medical_web_page(article, root: str, approval=None) -> dict:
    """A published `article` as a schema.org `MedicalWebPage` in its language, with its breadcrumb trail, and
    its review when `approval` (a signoff Approval of this text) is given: a review is never claimed without one."""
    with translation.override(article.language):
        return _medical_web_page(article, root, approval)


def _medical_web_page(article, root: str, approval) -> dict:
    url = root + article.get_absolute_url()
    page = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": article.title,
        "headline": article.title,
        "description": article.summary,
        "url": url,
        "inLanguage": language_tag(article.language),
        "dateModified": article.updated.isoformat(),
        "about": condition(),
        "audience": {"@type": "MedicalAudience", "audienceType": "Patient"},
        "isPartOf": {"@type": "WebSite", "name": str(SITE_NAME), "url": root + reverse("articles:home")},
        "breadcrumb": {
            "@type": "BreadcrumbList",
            "itemListElement": [
                {"@type": "ListItem", "position": 1, "name": gettext("Guide"), "item": root + reverse("articles:home")},
                {"@type": "ListItem", "position": 2, "name": article.title, "item": url},
            ],
        },
    }
    if approval is not None:
        page["lastReviewed"] = approval.approved_on.isoformat()
        page["reviewedBy"] = {"@type": "Person", "name": approval.reviewer_name, "jobTitle": approval.reviewer_role}
    return page
