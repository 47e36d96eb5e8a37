"""The admin's article form: the markdownx editor, an article's language and source, and the check that stops
two editors overwriting each other."""

from django import forms
from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.html import format_html
from markdownx.widgets import AdminMarkdownxWidget
from reversion.models import Version

from articles.models import Article
from editing.text import normalise_body
from signoff.models import WorkingCopy

CHANGED_SINCE_OPENED = (
    "This article was changed{by} on {when}, after you opened it, so your changes have not been saved yet. "
    "Their version and yours are below, side by side, part by part: choose what to keep, then save the merged text."
)
SLUG_HELP = "The last part of the page's address, {address}. Lower case, words joined by hyphens."
RELATED_TO_ITSELF = "An article cannot be related to itself: choose other articles a reader should see next."
SAME_LANGUAGE_AS_SOURCE = (
    "A translation is in another language than the article it translates: “{source}” is in {language}. "
    "Choose the translation's own language, or leave “Translation of” empty."
)
TRANSLATION_TAKEN = (
    "“{source}” already has a translation in {language}: “{other}”. Each article has one translation per "
    "language: edit that one instead."
)
SOURCE_HAS_TRANSLATIONS = (
    "This article has translations ({titles}), so it is a source: it cannot itself be a translation, and it "
    "stays in {language}."
)
SLUG_TAKEN = "Another article in {language} has this slug: choose another."
NOT_A_SOURCE = "Choose an article in {language} that is not itself a translation: translations are of those only."


def version_token(article):
    """What the form carries to say which saved state of `article` (its live row and its working copy) the
    editor started from."""
    if not article.updated:
        return ""
    working = WorkingCopy.objects.filter(article=article.pk).values_list("version", flat=True).first()
    return f"{article.updated.isoformat()}/{working or ''}"


class DeskWidget(AdminMarkdownxWidget):
    """markdownx's editor laid out as the editor's desk (editing/desk.html): the text and its
    preview side by side, or Write and Preview tabs on a narrow screen (static/js/editor-desk.js), the
    preview in a frame styled by the public stylesheet, and the "Add image" button with its description
    dialog (static/js/editor-images.js)."""

    template_name = "editing/desk.html"


class BodyField(forms.CharField):
    """The body as the editor typed it, normalised (editing.text.normalise_body), so a body that only
    changed its line endings or final newline is neither saved as a change nor logged as one."""

    def __init__(self, **kwargs):
        super().__init__(**{**kwargs, "strip": False})

    def to_python(self, value):
        return normalise_body(super().to_python(value))

    def has_changed(self, initial, data):
        return super().has_changed(normalise_body(initial or ""), data)


class ArticleAdminForm(forms.ModelForm):
    opened_version = forms.CharField(
        widget=forms.HiddenInput,
        required=False,
        help_text="When the article was last saved, as the editor opened it.",
    )

    class Meta:
        model = Article
        fields = [
            "title", "language", "translation_of", "slug", "summary", "body", "position", "related", "expires_at",
        ]  # fmt: skip
        widgets = {"body": DeskWidget}
        field_classes = {"body": BodyField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:  # not there for someone who may only read the article
            self.fields["slug"].help_text = slug_help(self.instance.slug or "your-slug", self.instance.language)
        if self.instance.pk:
            self.fields["opened_version"].initial = version_token(self.instance)
        if "expires_at" in self.fields:  # the admin's two inputs show "Date:" and "Time:" but are not labelled
            date, time = self.fields["expires_at"].widget.widgets
            date.attrs["aria-label"], time.attrs["aria-label"] = "Withdraw after: date", "Withdraw after: time"
        if "body" in self.fields:  # the body's language, for spelling, screen readers and the desk's preview
            self.fields["body"].widget.attrs["lang"] = self.instance.language
        if hasattr(self.instance, "related_ids"):  # a working copy (signoff.versions.as_article)
            self.initial["related"] = self.instance.related_ids
        if "translation_of" in self.fields:
            # Translations are of the sources in the default language, never of another translation.
            sources = Article.objects.filter(language=settings.LANGUAGE_CODE, translation_of__isnull=True)
            self.fields["translation_of"].queryset = sources.exclude(pk=self.instance.pk).order_by("position", "title")
            self.fields["translation_of"].error_messages["invalid_choice"] = NOT_A_SOURCE.format(
                language=language_name(settings.LANGUAGE_CODE)
            )

    def clean(self):
        """Refuse the save when the article was saved by anyone since this editor opened it, a translation that
        breaks the rules of translations (translation_problem), and a slug another article of the same language
        has."""
        cleaned_data = super().clean()
        if self.instance.pk and self.instance.pk in [article.pk for article in cleaned_data.get("related", [])]:
            self.add_error("related", forms.ValidationError(RELATED_TO_ITSELF, code="related_to_itself"))
        language, slug = cleaned_data.get("language"), cleaned_data.get("slug")
        if language:
            problem = translation_problem(self.instance, language, cleaned_data.get("translation_of"))
            if problem is not None:
                self.add_error(*problem)
            if slug and Article.objects.exclude(pk=self.instance.pk).filter(language=language, slug=slug).exists():
                message = SLUG_TAKEN.format(language=language_name(language))
                self.add_error("slug", forms.ValidationError(message, code="slug_taken"))
        if self.instance.pk is None:
            return cleaned_data
        current = Article.objects.filter(pk=self.instance.pk)
        if transaction.get_connection().in_atomic_block:
            # Hold the row until this save commits, so two saves cannot both pass the check.
            current = current.select_for_update()
        article = current.first()
        if article is not None and cleaned_data.get("opened_version") != version_token(article):
            raise forms.ValidationError(changed_since_opened(article), code="changed_since_opened")
        return cleaned_data


def language_name(code):
    """The name settings.LANGUAGES gives the language `code` ("Español")."""
    return dict(settings.LANGUAGES).get(code, code)


def translation_problem(article, language, source):
    """Why `article` may not be in `language` as a translation of `source` (None: no source), as (field,
    ValidationError), or None when it may: a translation is in another language than its source, a source has
    one translation per language, and an article with translations cannot itself be one (nor leave the
    default language its translations are from)."""
    translations = list(article.translations.exclude(pk=article.pk)) if article.pk else []
    if translations and (source is not None or language != settings.LANGUAGE_CODE):
        titles = ", ".join(f"“{translated}”" for translated in translations)
        message = SOURCE_HAS_TRANSLATIONS.format(titles=titles, language=language_name(settings.LANGUAGE_CODE))
        return "translation_of" if source is not None else "language", forms.ValidationError(
            message, code="source_has_translations"
        )
    if source is None:
        return None
    if source.language == language:
        message = SAME_LANGUAGE_AS_SOURCE.format(source=source, language=language_name(language))
        return "language", forms.ValidationError(message, code="same_language_as_source")
    taken = source.translations.filter(language=language).exclude(pk=article.pk).first()
    if taken is not None:
        message = TRANSLATION_TAKEN.format(source=source, language=language_name(language), other=taken)
        return "translation_of", forms.ValidationError(message, code="translation_taken")
    return None


def slug_help(slug, language=settings.LANGUAGE_CODE):
    """The slug's help text, naming the page's full address in `language` with `slug` in it (the admin shows
    help as HTML)."""
    with translation.override(language):
        address = settings.SITE_URL + reverse("articles:detail", kwargs={"slug": slug})
    return format_html(SLUG_HELP, address=address)


def changed_since_opened(article):
    """The message for an editor whose save was refused because `article` changed meanwhile."""
    latest = Version.objects.get_for_object(article).select_related("revision__user").first()
    user = latest.revision.user if latest else None
    by = f" by {user.get_full_name() or user.get_username()}" if user else ""
    # A live article's row keeps its time while the change waits in the working copy: the version says when.
    when = date_format(
        timezone.localtime(latest.revision.date_created if latest else article.updated), "DATETIME_FORMAT"
    )
    return CHANGED_SINCE_OPENED.format(by=by, when=when)
