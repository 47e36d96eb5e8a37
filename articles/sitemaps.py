from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from articles.models import Article
from articles.translations import translations_of_each


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
    """Every published article in every language, with the time it last changed and its alternates: its
    own address and its published translations' (xhtml:link hreflang), the English one as x-default.

    Django's `i18n` sitemaps list one item at its address in each language; an article and its translation
    are two rows with their own slugs, so each item's alternates are filled in here instead.
    """

    changefreq = "monthly"

    def items(self):
        return (
            Article.objects.published()
            .order_by("language", "position", "title")
            .only("slug", "language", "translation_of", "updated")
        )

    def lastmod(self, article):
        return article.updated

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page, site, protocol)
        root = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        every_translation = translations_of_each(Article.objects.published())
        for url in urls:
            addresses = every_translation[url["item"].pk]
            url["alternates"] = [{"lang_code": code, "location": root + path} for code, path in addresses.items()]
            if settings.LANGUAGE_CODE in addresses:
                url["alternates"].append(
                    {"lang_code": "x-default", "location": root + addresses[settings.LANGUAGE_CODE]}
                )
        return urls


class PageSitemap(SiteURLSitemap):
    """The site's fixed pages, by URL name, at their address in each language with the others as alternates."""

    changefreq = "monthly"
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return ["articles:home", "checker:neutrophil_count"]

    def location(self, url_name):
        return reverse(url_name)


sitemaps = {"pages": PageSitemap, "articles": ArticleSitemap}
