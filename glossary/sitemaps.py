from django.conf import settings
from django.db.models import Max
from django.urls import reverse

from articles.sitemaps import SiteURLSitemap
from glossary.models import Term


class GlossarySitemap(SiteURLSitemap):
    """The glossary page in each language that has terms, each listing the others as alternates (and English
    as x-default), with the time a term last changed."""

    changefreq = "monthly"
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return ["glossary:index"] if Term.objects.exists() else []

    def get_languages_for_item(self, url_name):
        with_terms = set(Term.objects.values_list("language", flat=True))
        return [code for code, _name in settings.LANGUAGES if code in with_terms]

    def location(self, url_name):
        return reverse(url_name)

    def lastmod(self, url_name):
        # Django passes no language here, so each page shows the latest change to any glossary.
        return Term.objects.aggregate(latest=Max("updated"))["latest"]
