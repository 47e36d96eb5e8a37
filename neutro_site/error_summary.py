"""What the error summary above every form (``templates/includes/error_summary.html``) needs of a form."""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS


class ErrorSummaryMixin:
    """Gives a form ``error_links()``: each error with the id of the input it is about, so that each link
    of the summary moves the focus to the input to mend (the first button of a set of radio buttons)."""

    # The id a form-wide error links to.
    non_field_error_target = ""

    def error_links(self):
        """Each error, as (id of its input, message), in the form's order."""
        return [(self.error_target(name), error) for name, errors in self.errors.items() for error in errors]

    def error_target(self, name):
        """The id of the input the errors of field ``name`` are about."""
        if name == NON_FIELD_ERRORS or name not in self.fields:
            return self.non_field_error_target
        field = self[name]
        return f"{field.auto_id}_0" if isinstance(field.field.widget, forms.RadioSelect) else field.auto_id
