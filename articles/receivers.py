"""What follows a change to an article, wherever the change comes from: an editor's save, an import, or a
saved version restored by django-reversion (which writes the row back without calling Article.save).

Connected in articles/apps.py.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.dispatch import receiver

from articles.models import Article, OldSlug
from page_cache.invalidation import clear as clear_page_cache


@receiver(pre_save, sender=Article, dispatch_uid="articles_note_replaced_slug")
def note_replaced_slug(sender, instance, **kwargs):
    """Note the slug and language the saved row had, for keep_replaced_slug to keep as an old address."""
    stored = Article.objects.filter(pk=instance.pk).values_list("slug", "language").first() if instance.pk else None
    instance.replaced_slug, instance.replaced_language = stored or (None, None)


@receiver(post_save, sender=Article, dispatch_uid="articles_keep_replaced_slug")
def keep_replaced_slug(sender, instance, **kwargs):
    """Keep the slug an article just stopped using as a redirect to it (see OldSlug)."""
    OldSlug.record_change(
        instance, getattr(instance, "replaced_slug", None), getattr(instance, "replaced_language", None)
    )


# Every cached page lists articles (the guide, related links, sitemap, feed), so any change to any article
# clears them all.


@receiver(post_save, sender=Article, dispatch_uid="articles_clear_pages_on_save")
@receiver(post_delete, sender=Article, dispatch_uid="articles_clear_pages_on_delete")
def clear_pages_on_change(sender, **kwargs):
    clear_page_cache()


@receiver(m2m_changed, sender=Article.related.through, dispatch_uid="articles_clear_pages_on_relink")
def clear_pages_on_relink(sender, action, **kwargs):
    # m2m_changed also fires before a change (pre_add, pre_remove, pre_clear): the post_ one is enough.
    if action.startswith("post_"):
        clear_page_cache()
