from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class GlossaryConfig(AppConfig):
    name = "glossary"
    verbose_name = "Glossary"

    def ready(self):
        from glossary.models import Term
        from glossary.relinking import relink_on_term_change

        post_save.connect(relink_on_term_change, sender=Term, dispatch_uid="glossary_relink_save")
        post_delete.connect(relink_on_term_change, sender=Term, dispatch_uid="glossary_relink_delete")
