from django import forms

from articles.search import MAX_QUERY_LENGTH, query_words


class SearchForm(forms.Form):
    """The site's search box. A search is not health data: it may sit in the address as ?q=."""

    q = forms.CharField(
        label="Words to search for",
        required=False,
        max_length=MAX_QUERY_LENGTH,
        error_messages={
            "max_length": (
                f"Your search is too long. Use {MAX_QUERY_LENGTH} characters or fewer: a few words work best, "
                "such as “fever after chemotherapy”."
            ),
            "null_characters_not_allowed": (
                "Your search holds a character that cannot be searched for. Type the words again and search."
            ),
        },
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off", "spellcheck": "true"}),
    )

    def clean_q(self):
        query = " ".join(self.cleaned_data["q"].split())
        if query and not query_words(query):
            raise forms.ValidationError("Search for words or numbers, such as “fever” or “G-CSF”.")
        return query
