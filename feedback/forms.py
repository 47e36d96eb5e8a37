"""What a feedback post may hold: which page, the answer, and an optional comment of 500 characters."""

from django import forms
from django.conf import settings
from django.core import signing
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from articles.models import Article
from feedback.models import COMMENT_MAX_LENGTH, Feedback

# A comment follows its answer within this time: the signed note that links them expires after it.
COMMENT_WINDOW_SECONDS = 60 * 60
COMMENT_SALT = "feedback.comment"
THANKS = _("Thank you for your feedback.")
COMMENT_THANKS = _("Thank you. Your comment has been sent to the team that writes this guide.")
UNKNOWN_PAGE = _("We could not tell which page this was about.")
# The pages that ask the question, by URL name; anything else is refused.
ASKING_PAGES = {"articles:detail", "checker:neutrophil_count"}


def comment_token(feedback):
    """A signed, expiring note naming `feedback`, so a comment sent next can be added to that answer."""
    return signing.TimestampSigner(salt=COMMENT_SALT).sign(str(feedback.pk))


def answer_for_token(token):
    """The "No" answer the token names, if the token is genuine and recent and the answer has no comment yet; else None."""
    try:
        pk = signing.TimestampSigner(salt=COMMENT_SALT).unsign(token, max_age=COMMENT_WINDOW_SECONDS)
    except signing.BadSignature:
        return None
    return Feedback.objects.filter(pk=pk, answer=Feedback.Answer.NOT_USEFUL, comment="").first()


class PageField(forms.CharField):
    """The address of a page that asks the question, in any language, cleaned to (path, article or None)."""

    def to_python(self, value):
        path = super().to_python(value)
        language = translation.get_language_from_path(path) or settings.LANGUAGE_CODE
        with translation.override(language):
            try:
                match = resolve(path) if path.startswith("/") else None
            except Resolver404:
                match = None
            if match is None or match.view_name not in ASKING_PAGES:
                raise forms.ValidationError(UNKNOWN_PAGE, code="unknown_page")
            if match.view_name != "articles:detail":
                return path, None
            article = Article.objects.published().filter(language=language, slug=match.kwargs["slug"]).first()
            if article is None:
                raise forms.ValidationError(UNKNOWN_PAGE, code="unknown_page")
            return article.get_absolute_url(), article


class AnswerForm(forms.Form):
    """ "Is this page useful?": the page and Yes or No."""

    page = PageField(max_length=200, error_messages={"required": UNKNOWN_PAGE})
    answer = forms.ChoiceField(
        choices=Feedback.Answer.choices,
        error_messages={
            "required": _("Choose Yes or No to say whether the page was useful."),
            "invalid_choice": _("Choose Yes or No to say whether the page was useful."),
        },
    )

    def save(self):
        path, article = self.cleaned_data["page"]
        return Feedback.objects.create(page=path, article=article, answer=self.cleaned_data["answer"])


class CommentForm(forms.Form):
    """The comment that may follow a "No": the page, the signed note of that answer, and the text."""

    # The box is optional (the answer is saved already), so the browser must not insist on it; an empty
    # post still gets the server's message.
    use_required_attribute = False

    page = PageField(max_length=200, error_messages={"required": UNKNOWN_PAGE})
    token = forms.CharField(max_length=200, widget=forms.HiddenInput)
    comment = forms.CharField(
        label=_("What was wrong or missing?"),
        help_text=_("Do not include your name, contact details or health information."),
        max_length=COMMENT_MAX_LENGTH,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": COMMENT_MAX_LENGTH, "class": "input-text"}),
        error_messages={
            "required": _("Type what was wrong or missing, or leave the page: your answer is already saved."),
            "max_length": _("Use %(limit_value)d characters or fewer (you typed %(show_value)d)."),
        },
    )

    def clean_token(self):
        feedback = answer_for_token(self.cleaned_data["token"])
        if feedback is None:
            raise forms.ValidationError(
                _("This comment box has expired. Your answer was saved; thank you."), code="expired"
            )
        return feedback

    def save(self):
        feedback = self.cleaned_data["token"]
        feedback.comment = self.cleaned_data["comment"]
        feedback.save(update_fields=["comment"])
        return feedback
