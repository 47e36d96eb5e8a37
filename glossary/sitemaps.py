from django.db.models import Max
from django.urls import reverse

from articles.sitemaps import SiteURLSitemap
from glossary.models import Term


class GlossarySitemap(SiteURLSitemap):
    """The glossary page, with the time a term last changed."""

    changefreq = "monthly"

    def items(self):
        return ["glossary:index"] if Term.objects.exists() else []

    def location(self, url_name):
        return reverse(url_name)

    def lastmod(self, url_name):
        return Term.objects.aggregate(latest=Max("updated"))["latest"]
