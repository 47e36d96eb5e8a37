"""The admin's article form: the markdownx editor, and the check that stops two editors overwriting each other."""

from django import forms
from django.db import transaction
from django.utils import timezone
from django.utils.dateformat import format as format_date
from markdownx.widgets import AdminMarkdownxWidget
from reversion.models import Version

from articles.models import Article
from signoff.models import WorkingCopy

CHANGED_SINCE_OPENED = (
    "This article was changed{by} at {when}, after you opened it, so your changes have not been saved. "
    "They are still in the form below. Open the article again in a new tab, copy your changes into it, "
    "and save there."
)
RELATED_TO_ITSELF = "An article cannot be related to itself: choose other articles a reader should see next."


def version_token(article):
    """What the form carries to say which saved state of `article` (its live row and its working copy) the
    editor started from."""
    if not article.updated:
        return ""
    working = WorkingCopy.objects.filter(article=article.pk).values_list("version", flat=True).first()
    return f"{article.updated.isoformat()}/{working or ''}"


class ArticleAdminForm(forms.ModelForm):
    opened_version = forms.CharField(
        widget=forms.HiddenInput,
        required=False,
        help_text="When the article was last saved, as the editor opened it.",
    )

    class Meta:
        model = Article
        fields = [
            "title", "slug", "summary", "body", "position", "related", "expires_at",
        ]  # fmt: skip
        widgets = {"body": AdminMarkdownxWidget}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["opened_version"].initial = version_token(self.instance)
        if "expires_at" in self.fields:  # the admin's two inputs show "Date:" and "Time:" but are not labelled
            date, time = self.fields["expires_at"].widget.widgets
            date.attrs["aria-label"], time.attrs["aria-label"] = "Withdraw after: date", "Withdraw after: time"
        if hasattr(self.instance, "related_ids"):  # a working copy (signoff.versions.as_article)
            self.initial["related"] = self.instance.related_ids

    def clean(self):
        """Refuse the save when the article was saved by anyone since this editor opened it, and refuse to
        publish an article with an image that has no description."""
        cleaned_data = super().clean()
        if self.instance.pk and self.instance.pk in [article.pk for article in cleaned_data.get("related", [])]:
            self.add_error("related", forms.ValidationError(RELATED_TO_ITSELF, code="related_to_itself"))
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


def changed_since_opened(article):
    """The message for an editor whose save was refused because `article` changed meanwhile."""
    latest = Version.objects.get_for_object(article).select_related("revision__user").first()
    user = latest.revision.user if latest else None
    by = f" by {user.get_full_name() or user.get_username()}" if user else ""
    when = format_date(timezone.localtime(article.updated), "H:i, j F Y")
    return CHANGED_SINCE_OPENED.format(by=by, when=when)
