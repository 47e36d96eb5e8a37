from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language, gettext

from articles.addresses import site_root
from articles.models import Article
from articles.structured_data import SITE_NAME

FEED_LENGTH = 30


class PlainSummaryAtom1Feed(Atom1Feed):
    """An Atom feed whose entry summaries are plain text (`type="text"`), as the articles' summaries are.

    Django's Atom feed sends an item's description as HTML, so a summary such as "Counts < 500" would
    reach a feed reader as broken markup.
    """

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("summary", item["summary"], {"type": "text"})


class ArticleUpdatesFeed(Feed):
    """An Atom feed of the published articles in the page's language (/feed/, /es/feed/), the most recently
    changed first, for clinicians who follow updates. Its own words are in that language too.

    An article keeps one entry id (its address) for life; a change moves it up with a new `updated` time.
    """

    feed_type = PlainSummaryAtom1Feed

    # One feed object serves every language: what it says is looked up in the request's language each time.
    def title(self):
        return gettext("%(site)s: updated pages") % {"site": SITE_NAME}

    def subtitle(self):
        return gettext("Pages of the neutropenia guide, newest changes first.")

    def author_name(self):
        return str(SITE_NAME)

    def get_object(self, request):
        # The feed object is shared by every request: the request's site address travels as the "object".
        return site_root(request)

    def link(self, root):
        return root + reverse("articles:home")

    def feed_url(self, root):
        return root + reverse("articles:feed")

    def items(self, root):
        articles = list(
            Article.objects.published()
            .filter(language=get_language())
            .order_by("-updated", "position")
            .defer("body", "body_html", "body_text")[:FEED_LENGTH]
        )
        for article in articles:
            article.absolute_url = root + article.get_absolute_url()
        return articles

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return None  # the summary goes out as text, through item_extra_kwargs

    def item_extra_kwargs(self, article):
        return {"summary": article.summary}

    def item_link(self, article):
        return article.absolute_url

    def item_pubdate(self, article):
        return article.created

    def item_updateddate(self, article):
        return article.updated
