from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Guide articles"

    def ready(self):
        from articles.models import Article
        from articles.page_cache import clear_on_article_change

        # Every cached page lists articles (the guide, related links, sitemap, feed), so any change to
        # any article clears them all.
        post_save.connect(clear_on_article_change, sender=Article, dispatch_uid="page_cache_save")
        post_delete.connect(clear_on_article_change, sender=Article, dispatch_uid="page_cache_delete")
        m2m_changed.connect(clear_on_article_change, sender=Article.related.through, dispatch_uid="page_cache_related")
