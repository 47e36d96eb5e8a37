"""Read and write the guide's article files: YAML front matter between `---` lines, then Markdown.

Pure Python (no Django), so the format's rules test in microseconds. Example:

    ---
    title: What is neutropenia?
    slug: overview
    summary: A low number of the white blood cells that fight bacteria.
    order: 1
    status: published
    related: [causes, symptoms]
    approved_by: Dr A. Example
    approver_role: Consultant haematologist
    approved_on: 2026-11-01
    next_review: 2027-11-01
    ---
    The body, in Markdown.

A translation also names its language and the English article it translates (its file lives in the
folder named by its language, articles/content/es/):

    lang: es
    translation_of: overview

`lang` is omitted for English, the default; `related` names articles of the file's own language.

The four approval keys come together or not at all: they carry a clinician's recorded approval of this
text from one site to another (export_articles writes them only from a real approval). A file without
them describes a page no clinician has checked.
"""

import datetime
import re
from dataclasses import dataclass, field

import yaml

APPROVAL_KEYS = ("approved_by", "approver_role", "approved_on", "next_review")
KEYS = ("title", "slug", "lang", "translation_of", "summary", "order", "status", "related", *APPROVAL_KEYS)
# The language of a file without `lang`, and the only one a translation can be of.
DEFAULT_LANGUAGE = "en-gb"
# Keys of the old format, whose review dates and reviewer no approval stood behind.
UNRECORDED_REVIEW_KEYS = ("last_reviewed", "reviewer")
STATUSES = ("published", "draft")
SLUG_PATTERN = re.compile(r"^[-a-zA-Z0-9_]+$")
FRONT_MATTER_PATTERN = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)(.*)\Z", re.DOTALL)


class _Loader(yaml.SafeLoader):
    """YAML's safe loader, but dates stay text so that a bad date gets a clear message here."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class FrontMatterError(ValueError):
    """The file breaks the format; the message says how, in words an editor understands."""


@dataclass
class FileApproval:
    """A clinician's approval of the file's text, as recorded where it was exported."""

    approved_by: str
    approver_role: str
    approved_on: datetime.date
    next_review: datetime.date


@dataclass
class ArticleFile:
    """One article as written in a file."""

    title: str
    slug: str
    body: str
    language: str = DEFAULT_LANGUAGE
    translation_of: str = ""
    summary: str = ""
    order: int = 0
    status: str = "published"
    related: list[str] = field(default_factory=list)
    approval: FileApproval | None = None


def parse(text: str, languages: tuple[str, ...] | list[str] = (DEFAULT_LANGUAGE,)) -> ArticleFile:
    """Return the article that `text` describes, or raise FrontMatterError saying what is wrong.

    `languages` are the codes `lang` may name (the site's settings.LANGUAGES).
    """
    match = FRONT_MATTER_PATTERN.match(text.lstrip("\ufeff"))
    if not match:
        raise FrontMatterError("no front matter: the file must start with a '---' line and close it with another")
    front, body = match.groups()
    try:
        data = yaml.load(front, Loader=_Loader)
    except yaml.YAMLError as error:
        raise FrontMatterError(f"the front matter is not valid YAML ({_first_line(error)})") from None
    if not isinstance(data, dict):
        raise FrontMatterError("the front matter must be 'key: value' lines")
    unrecorded = [key for key in UNRECORDED_REVIEW_KEYS if key in data]
    if unrecorded:
        raise FrontMatterError(
            f"{', '.join(unrecorded)} can no longer be set by hand: a page shows a review only from a recorded "
            f"approval ({', '.join(APPROVAL_KEYS)}, as export_articles writes them). Remove {', '.join(unrecorded)}"
        )
    unknown = sorted(str(key) for key in data if key not in KEYS)
    if unknown:
        raise FrontMatterError(f"unknown key(s) {', '.join(unknown)}; the keys are {', '.join(KEYS)}")

    title = _text(data, "title", required=True)
    slug = _text(data, "slug", required=True)
    if not SLUG_PATTERN.match(slug):
        raise FrontMatterError(f"slug {slug!r} may only hold letters, digits, hyphens and underscores")
    language, translation_of = _language(data, languages)
    status = _text(data, "status") or "published"
    if status not in STATUSES:
        raise FrontMatterError(f"status {status!r} must be one of: {', '.join(STATUSES)}")
    order = data.get("order", 0)
    if isinstance(order, bool) or not isinstance(order, int) or order < 0:
        raise FrontMatterError(f"order {order!r} must be a whole number, 0 or more")
    related = data.get("related") or []
    if not isinstance(related, list) or not all(isinstance(item, str) and item.strip() for item in related):
        raise FrontMatterError("related must be a list of article slugs")

    return ArticleFile(
        title=title,
        slug=slug,
        body=body.strip() + "\n",
        language=language,
        translation_of=translation_of,
        summary=_text(data, "summary"),
        order=order,
        status=status,
        related=[item.strip() for item in related],
        approval=_approval(data),
    )


def dump(article: ArticleFile) -> str:
    """Return the file text for `article`; `parse(dump(article))` gives the same article back."""
    data = {"title": article.title, "slug": article.slug}
    if article.language != DEFAULT_LANGUAGE:
        data["lang"] = article.language
    if article.translation_of:
        data["translation_of"] = article.translation_of
    data |= {
        "summary": article.summary,
        "order": article.order,
        "status": article.status,
        "related": list(article.related),
    }
    if article.approval is not None:
        data.update(vars(article.approval))
    front = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    return f"---\n{front}---\n{article.body.strip()}\n"


def _language(data: dict, languages) -> tuple[str, str]:
    """The file's (language, slug of the article it translates or "")."""
    language = (_text(data, "lang") or DEFAULT_LANGUAGE).lower()
    if language not in languages:
        raise FrontMatterError(f"lang {language!r} is not one of the site's languages: {', '.join(languages)}")
    translation_of = _text(data, "translation_of")
    if translation_of and language == DEFAULT_LANGUAGE:
        raise FrontMatterError(
            f"translation_of is for a translation: give its lang, or remove translation_of from this "
            f"{DEFAULT_LANGUAGE} article"
        )
    if translation_of and not SLUG_PATTERN.match(translation_of):
        raise FrontMatterError(f"translation_of {translation_of!r} must be the slug of the {DEFAULT_LANGUAGE} article")
    return language, translation_of


def _approval(data: dict) -> FileApproval | None:
    given = [key for key in APPROVAL_KEYS if data.get(key) not in (None, "")]
    if not given:
        return None
    missing = [key for key in APPROVAL_KEYS if key not in given]
    if missing:
        raise FrontMatterError(f"an approval needs all of {', '.join(APPROVAL_KEYS)}; missing {', '.join(missing)}")
    approval = FileApproval(
        approved_by=_text(data, "approved_by"),
        approver_role=_text(data, "approver_role"),
        approved_on=_date(data, "approved_on"),
        next_review=_date(data, "next_review"),
    )
    if approval.next_review <= approval.approved_on:
        raise FrontMatterError("next_review must be after approved_on")
    return approval


def _text(data: dict, key: str, required: bool = False) -> str:
    value = data.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise FrontMatterError(f"missing {key}")
        return ""
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        raise FrontMatterError(f"{key} must be text")
    return str(value).strip()


def _date(data: dict, key: str) -> datetime.date | None:
    value = data.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value).strip())
    except ValueError:
        raise FrontMatterError(f"{key} {value!r} is not a date in the form YYYY-MM-DD") from None


def _first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0]
