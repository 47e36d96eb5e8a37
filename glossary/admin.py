from django.contrib import admin

from glossary.models import Term


@admin.register(Term)
class TermAdmin(admin.ModelAdmin):
    list_display = ["term", "language", "other_names", "anchor", "related_article", "updated"]
    search_fields = ["term", "other_names", "definition"]
    list_filter = ["language", "related_article"]
    prepopulated_fields = {"anchor": ["term"]}
    autocomplete_fields = ["related_article"]
    fields = ["language", "term", "anchor", "other_names", "definition", "related_article"]
