from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from articles.models import Article


class SiteURLSitemap(Sitemap):
    """A sitemap whose addresses start with DJANGO_SITE_URL when it is set, else with the request's.

    django.contrib.sites is not installed: the sitemap view passes the request's host and scheme,
    which these two methods replace with the configured site address.
    """

    def get_protocol(self, protocol=None):
        if settings.SITE_URL:
            return settings.SITE_URL.split("://", 1)[0]
        return super().get_protocol(protocol)

    def get_domain(self, site=None):
        if settings.SITE_URL:
            return settings.SITE_URL.split("://", 1)[1]
        return super().get_domain(site)


class ArticleSitemap(SiteURLSitemap):
    """Every published article, with the time it last changed."""

    changefreq = "monthly"

    def items(self):
        return Article.objects.published().in_guide_order().only("slug", "updated")

    def lastmod(self, article):
        return article.updated


class PageSitemap(SiteURLSitemap):
    """The site's fixed pages, by URL name."""

    changefreq = "monthly"

    def items(self):
        return ["articles:home", "checker:neutrophil_count"]

    def location(self, url_name):
        return reverse(url_name)


sitemaps = {"pages": PageSitemap, "articles": ArticleSitemap}
