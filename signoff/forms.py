from django import forms
from django.utils import timezone

from signoff.workflow import default_next_review


class ApprovalForm(forms.Form):
    next_review = forms.DateField(
        label="Next check due",
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
        help_text="A year from today unless you choose otherwise; it must be after today.",
    )
    go_live_at = forms.DateTimeField(
        label="Go live at",
        required=False,
        widget=forms.DateTimeInput(format="%Y-%m-%dT%H:%M", attrs={"type": "datetime-local"}),
        help_text="Leave empty to publish now. A later time schedules it: the publish_scheduled command makes it live then.",
    )
    self_approval_note = forms.CharField(
        label="Why you approve your own edit",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Only for a superuser approving a version they edited (a one-person site). It is kept with the approval.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["next_review"].initial = default_next_review(timezone.localdate())


class RequestChangesForm(forms.Form):
    note = forms.CharField(
        label="What needs to change",
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="The editors see this note on the article's form.",
    )
