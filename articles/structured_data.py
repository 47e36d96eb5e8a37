"""Schema.org descriptions of pages (JSON-LD), for search engines and link previews.

Each function returns plain data; templates print it with the `json_ld` filter, which escapes it so
no text inside (an article title, say) can close the script element.
"""

from django.urls import reverse

SITE_NAME = "Neutropenia guide"
CONDITION = {"@type": "MedicalCondition", "name": "Neutropenia"}


def website(root: str) -> dict:
    """The site as a schema.org `WebSite` with its search, for the home page. `root` is the site's address."""
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": SITE_NAME,
        "url": root + reverse("articles:home"),
        "inLanguage": "en-GB",
        "about": CONDITION,
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
    """A published `article` as a schema.org `MedicalWebPage` with its breadcrumb trail, and its review when
    `approval` (a signoff Approval of this text) is given: a review is never claimed without one."""
    url = root + article.get_absolute_url()
    page = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": article.title,
        "headline": article.title,
        "description": article.summary,
        "url": url,
        "inLanguage": "en-GB",
        "dateModified": article.updated.isoformat(),
        "about": CONDITION,
        "audience": {"@type": "MedicalAudience", "audienceType": "Patient"},
        "isPartOf": {"@type": "WebSite", "name": SITE_NAME, "url": root + reverse("articles:home")},
        "breadcrumb": {
            "@type": "BreadcrumbList",
            "itemListElement": [
                {"@type": "ListItem", "position": 1, "name": "Guide", "item": root + reverse("articles:home")},
                {"@type": "ListItem", "position": 2, "name": article.title, "item": url},
            ],
        },
    }
    if approval is not None:
        page["lastReviewed"] = approval.approved_on.isoformat()
        page["reviewedBy"] = {"@type": "Person", "name": approval.reviewer_name, "jobTitle": approval.reviewer_role}
    return page
