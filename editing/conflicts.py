"""When a save is refused because someone saved the article after the editor opened it (editing.forms), the
editor gets both versions side by side, section by section, to merge without copying by hand.

The merge page is a form holding everything the editor typed: the other fields as hidden inputs, and per body
section their text, yours, a choice of which to keep and an editable merged text. It posts to the change form's
own address, where merged_post() turns it back into the change form's fields, with the version the merge
started from: so the merged text is saved (or refused again, if yet another save came) the normal way.
"""

from dataclasses import dataclass

from django.http import QueryDict
from reversion.models import Version

from editing.forms import version_token
from editing.merge import join_sections, pair_sections
from editing.text import normalise_body
from signoff import versions

MERGED = "_merged"  # the merge page's hidden field, the mark of its POST
MERGE_TOKEN = "merge_token"
# Fields the merge page offers a choice for, besides the body; the rest are carried as the editor typed them.
CHOSEN_FIELDS = {"title": "Title", "slug": "Slug", "summary": "Summary"}
BUTTONS = {"_save", "_continue", "_addanother", "_submit_for_review"}


@dataclass(frozen=True)
class FieldChoice:
    name: str
    label: str
    theirs: str
    mine: str
    suggested: str  # "theirs" or "mine"


def opened_text(article, token):
    """The editor's starting point: the values of the version the form's `token` names (editing.forms.version_token),
    or None when it cannot be told (a token of the article row as it was before a save changed it)."""
    updated, _, working_id = (token or "").partition("/")
    if working_id.isdigit():
        version = Version.objects.filter(pk=int(working_id), object_id=str(article.pk)).first()
        return version.field_dict if version else None
    if article.updated and updated == article.updated.isoformat():
        return {name: getattr(article, name) for name in (*CHOSEN_FIELDS, "body")}
    return None


def merge_context(article, form):
    """What the merge page shows for `form`, a change form of `article` refused because of another save: their
    text (the article's working text now), yours (the form's data), paired section by section."""
    theirs = versions.editors_text(article)
    base = opened_text(article, form.data.get("opened_version"))
    mine = {name: form.data.get(name, "") for name in (*CHOSEN_FIELDS, "body")}
    fields = []
    for name, label in CHOSEN_FIELDS.items():
        their_value = str(getattr(theirs, name) or "")
        if their_value != mine[name]:
            kept = "theirs" if base is not None and str(base.get(name) or "") == mine[name] else "mine"
            fields.append(FieldChoice(name, label, their_value, mine[name], kept))
    base_body = None if base is None else normalise_body(base.get("body") or "")
    sections = pair_sections(theirs.body, normalise_body(mine["body"]), base_body)
    chosen = {field.name for field in fields}
    carried = [
        (name, value)
        for name, values in form.data.lists()
        if name not in {*BUTTONS, *chosen, "body", "opened_version", "csrfmiddlewaretoken"}
        for value in values
    ]
    return {
        "merge_token": version_token(article),
        "merge_fields": fields,
        "merge_sections": sections,
        "merge_carried": carried,
    }


def kept(post, key, sides):
    """The text the merge page keeps for `key` (a section's number or a field's name): that of the side its
    choice `<key's kind>-<key>` names, or of `sides[0]` when no known side was chosen."""
    choice = post.get(key)
    side = choice if choice in sides else sides[0]
    return post.get(f"{side}-{key.split('-', 1)[1]}", "")


def merged_post(post):
    """The change form's fields for the merge page's POST: the body made of the sections kept, each chosen
    field's value kept, the other fields as carried, and the version the merge started from."""
    data = QueryDict(mutable=True)
    for name, values in post.lists():
        if name.startswith(("section-", "theirs-", "mine-", "merged-", "field-")) or name in {MERGED, MERGE_TOKEN}:
            continue
        data.setlist(name, values)
    count = int(post["sections"]) if post.get("sections", "").isdigit() else 0
    data["body"] = join_sections(
        [kept(post, f"section-{index}", ("merged", "theirs", "mine")) for index in range(count)]
    )
    for name in CHOSEN_FIELDS:
        if f"theirs-{name}" in post:
            data[name] = kept(post, f"field-{name}", ("mine", "theirs"))
    data.pop("sections", None)
    data["opened_version"] = post.get(MERGE_TOKEN, "")
    data["_continue"] = "Save and continue editing"
    return data
