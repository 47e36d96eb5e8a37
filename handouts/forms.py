import re

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from handouts.codes import MAX_PICKS, OPENING, Pick, section_key
from handouts.sections import parts
from neutro_site.error_summary import ErrorSummaryMixin

PHONE_NUMBER = re.compile(r"\+?[0-9][0-9 ()\-.]*[0-9]")
MAX_PHONE_LENGTH = 30
PHONE_ATTRS = {"autocomplete": "off", "inputmode": "tel", "class": "input-phone", "spellcheck": "false"}


class PhoneNumberField(forms.CharField):
    """A telephone number as people write it: digits, spaces, brackets, dashes, dots and a leading +.

    `error_messages` names the number in each message, whole sentences so that each language can word
    them its own way: "required", "max_length" (with %(limit_value)d) and "invalid" (not a number).
    """

    def __init__(self, **kwargs):
        super().__init__(
            max_length=MAX_PHONE_LENGTH, widget=forms.TextInput(attrs={**PHONE_ATTRS, "type": "tel"}), **kwargs
        )

    def validate(self, value):
        super().validate(value)
        if value and (not PHONE_NUMBER.fullmatch(value) or sum(c.isdigit() for c in value) < 3):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")


class FeverCardForm(ErrorSummaryMixin, forms.Form):
    """The numbers printed on a fever card. They are never stored: the card is drawn in the answer."""

    care_team_number = PhoneNumberField(
        label=gettext_lazy("Your care team's 24-hour number"),
        help_text=gettext_lazy("The number your hospital or care team gave you to call at any time, day or night."),
        error_messages={
            "required": gettext_lazy("Enter your care team's 24-hour number"),
            "max_length": gettext_lazy(
                "Your care team's 24-hour number is too long: use %(limit_value)d characters or fewer"
            ),
            "invalid": gettext_lazy(
                "Enter your care team's 24-hour number using digits, like 020 7946 0000 or +44 20 7946 0000"
            ),
        },
    )
    treatment_centre_number = PhoneNumberField(
        label=gettext_lazy("Your treatment centre's number (optional)"),
        required=False,
        error_messages={
            "max_length": gettext_lazy(
                "Your treatment centre's number is too long: use %(limit_value)d characters or fewer"
            ),
            "invalid": gettext_lazy(
                "Enter your treatment centre's number using digits, like 020 7946 0000 or +44 20 7946 0000"
            ),
        },
    )


class HandoutForm(ErrorSummaryMixin, forms.Form):
    """The builder's ticks: whole articles or some of their parts, and each article's place in the handout.

    Built from the published articles: `articles` is a list of (article, [(key, title), ...]). The labels
    and messages are in the language active when the form is made.
    """

    def __init__(self, *args, articles, **kwargs):
        super().__init__(*args, **kwargs)
        self.articles = articles
        for position, (article, choices) in enumerate(articles, start=1):
            title = {"title": article.title}
            self.fields[f"whole-{article.pk}"] = forms.BooleanField(label=_("The whole article"), required=False)
            self.fields[f"parts-{article.pk}"] = forms.MultipleChoiceField(
                label=_("Or only these parts of “%(title)s”") % title,
                choices=choices,
                required=False,
                widget=forms.CheckboxSelectMultiple,
                error_messages={
                    "invalid_choice": _("Choose parts of “%(title)s” from its list: that page has changed") % title,
                    "invalid_list": _("Choose parts of “%(title)s” from its list") % title,
                },
            )
            self.fields[f"order-{article.pk}"] = forms.IntegerField(
                label=_("Place in the handout"),
                initial=position,
                min_value=1,
                max_value=99,
                required=False,
                widget=forms.NumberInput(attrs={"class": "input-number input-order"}),
                error_messages={
                    "invalid": _("Enter the place of “%(title)s” as a number, like 1") % title,
                    "min_value": _("Enter the place of “%(title)s” as a number from 1 to 99") % title,
                    "max_value": _("Enter the place of “%(title)s” as a number from 1 to 99") % title,
                },
            )

    def article_rows(self):
        """Per article, in guide order: `article` and its bound fields `whole`, `parts` and `order`."""
        return [
            {
                "article": article,
                "whole": self[f"whole-{article.pk}"],
                "parts": self[f"parts-{article.pk}"],
                "order": self[f"order-{article.pk}"],
            }
            for article, _ in self.articles
        ]

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        chosen = []
        for position, (article, choices) in enumerate(self.articles, start=1):
            ticked = set(data.get(f"parts-{article.pk}") or ())
            parts = () if data.get(f"whole-{article.pk}") else tuple(key for key, _ in choices if key in ticked)
            if data.get(f"whole-{article.pk}") or parts:
                order = data.get(f"order-{article.pk}") or position
                chosen.append((order, position, Pick(article.pk, parts)))
        if not chosen:
            raise forms.ValidationError(_("Tick at least one article or part of an article"), code="empty")
        if len(chosen) > MAX_PICKS:
            raise forms.ValidationError(_("Choose %(limit)d articles or fewer") % {"limit": MAX_PICKS}, code="too_many")
        data["picks"] = [pick for _, _, pick in sorted(chosen)]
        return data

    def error_target(self, name):
        """A form-wide error (nothing ticked, too many) is about the first article's box."""
        if name in self.fields or not self.articles:
            return super().error_target(name)
        return self[f"whole-{self.articles[0][0].pk}"].auto_id


def article_parts(article):
    """An article's parts as (key, title) choices, in page order: its opening (if it has one), then each
    `##` section."""
    opening = [(OPENING, _("The opening, before the first section"))] if OPENING in parts(article.body_html) else []
    return [*opening, *((section_key(section_id), title) for section_id, title in article.sections)]
