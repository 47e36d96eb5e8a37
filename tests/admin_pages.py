"""Read an admin form the way a browser would submit it, so tests post exactly what an editor's browser sends."""

from django.urls import reverse

from tests.html_tree import parse


def form_fields(response, form_id="article_form"):
    """Return {name: [values]} of the form `form_id` in `response`: inputs, textareas and selected options."""
    form = parse(response.content).find("form", id=form_id)
    fields = {}
    for element in form.iter():
        name = element.attrs.get("name")
        if not name or "disabled" in element.attrs:
            continue
        if element.tag == "input":
            kind = element.attrs.get("type", "text")
            if kind in {"submit", "button", "file", "image", "reset"}:
                continue
            if kind in {"checkbox", "radio"} and "checked" not in element.attrs:
                continue
            default = "on" if kind in {"checkbox", "radio"} else ""
            fields.setdefault(name, []).append(element.attrs.get("value", default))
        elif element.tag == "textarea":
            # A browser drops the one newline that follows <textarea>; Django writes one there.
            fields.setdefault(name, []).append(element.raw_text().removeprefix("\r\n").removeprefix("\n"))
        elif element.tag == "select":
            chosen = [
                option.attrs.get("value", option.text())
                for option in element.find_all("option")
                if "selected" in option.attrs
            ]
            if "multiple" not in element.attrs and not chosen:
                options = element.find_all("option")
                chosen = [options[0].attrs.get("value", "")] if options else []
            fields[name] = chosen
    return fields


def with_changes(fields, **changes):
    """`fields` with some values replaced (a list for a multiple choice, else one value)."""
    updated = dict(fields)
    for name, value in changes.items():
        updated[name] = value if isinstance(value, list) else [value]
    return updated


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def save_article(client, article, **changes):
    """Open `article`'s change form as `client`, change some fields, press Save; return the response."""
    form = form_fields(client.get(change_url(article)))
    return client.post(change_url(article), with_changes(form, **changes))
