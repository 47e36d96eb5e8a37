"""Search the published articles of one language by the words in their title, summary and body.

On PostgreSQL this is the database's full-text search in that language's configuration (SEARCH_CONFIGS):
stemming ("infections" finds "infection"; the Spanish stemmer also drops acute accents, so "medula" finds
"médula"), web-search syntax (quoted phrases, "or", -word), title matches weighted above summary
matches above body matches, and the passage chosen by ts_headline; when whole words find nothing,
the words are tried as the starts of words ("chemo"). On other databases (SQLite) a plain
fallback: every word of the query must appear, whatever its case and accents (articles/accents.py), in
the title, summary or body; pages rank by where the words appear. Either way a result carries a short passage with the matching words
in <mark>, as safe HTML.
"""

import re
import unicodedata
from dataclasses import dataclass
from html import escape

from django import forms
from django.conf import settings
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import TextField, Value
from django.db.models.functions import Concat
from django.utils.translation import gettext, gettext_lazy

from articles.accents import fold, loose_pattern
from articles.models import Article
from neutro_site.error_summary import ErrorSummaryMixin

MAX_QUERY_LENGTH = 200
MAX_RESULTS = 50
PASSAGE_WORDS = 30
# PostgreSQL's text-search configuration for each language's articles; a language without one of its own
# gets "simple" (words as written, no stemming).
SEARCH_CONFIGS = {"en-gb": "english", "es": "spanish"}
# Private-use characters mark matches inside the database's passage; they are turned into <mark> only
# after the passage is escaped, so nothing in an article can pass as markup.
MATCH_START, MATCH_END = "\ue000", "\ue001"
WORD = re.compile(r"[^\W_]+")
# A line that ends without punctuation (a heading, a list item) gets a dot after it in a passage, so
# "Medicines" and "Cancer medicines…" do not read as one sentence.
UNPUNCTUATED_LINE_END = re.compile(r"(?<![.!?:;,…])[ \t]*\n")


class SearchForm(ErrorSummaryMixin, forms.Form):
    """The site's search box. A search is not health data: it may sit in the address as ?q=."""

    q = forms.CharField(
        label=gettext_lazy("Words to search for"),
        help_text=gettext_lazy("Type a word or two, such as “fever”, “mouth care” or “G-CSF”."),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        error_messages={
            "max_length": gettext_lazy(
                "Your search is too long. Use %(limit_value)d characters or fewer: a few words work best, "
                "such as “fever after chemotherapy”."
            ),
            "null_characters_not_allowed": gettext_lazy(
                "Your search holds a character that cannot be searched for. Type the words again and search."
            ),
        },
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off", "class": "input-search"}),
    )

    def clean_q(self):
        query = " ".join(self.cleaned_data["q"].split())
        if query and not query_words(query):
            raise forms.ValidationError(gettext("Search for words or numbers, such as “fever” or “G-CSF”."))
        return query


@dataclass(frozen=True)
class Result:
    """One matching article and the passage that matched (safe HTML, matches in <mark>)."""

    article: Article
    passage: str


def query_words(query: str) -> list[str]:
    """Return the distinct words (letters and digits) of `query`, lower-cased, in the order typed."""
    return list(dict.fromkeys(word.lower() for word in WORD.findall(query)))


def search(query: str, language: str = settings.LANGUAGE_CODE) -> list[Result]:
    """Return the published articles in `language` that match `query`, best match first (at most
    MAX_RESULTS).

    A query without words (only punctuation, say) matches nothing. Any text is safe to pass: quotes,
    operators and LIKE wildcards are taken as plain characters, never as syntax that can fail.
    """
    query = query.replace("\x00", " ")  # PostgreSQL text cannot hold NUL
    if not query_words(query):
        return []
    articles = Article.objects.published().filter(language=language)
    if connection.vendor == "postgresql":
        return _full_text_search(query, articles, SEARCH_CONFIGS.get(language, "simple"))
    return _word_search(query, articles)


def _full_text_search(query: str, articles, config: str) -> list[Result]:
    results = _ranked(SearchQuery(query, search_type="websearch", config=config), articles, config)
    if not results:
        # Nothing for whole words: try them as the starts of words, so "chemo" finds "chemotherapy".
        # query_words holds only letters and digits, none of which is tsquery syntax.
        prefixes = " & ".join(f"{word}:*" for word in query_words(query))
        results = _ranked(SearchQuery(prefixes, search_type="raw", config=config), articles, config)
    return results


def _ranked(search_query: SearchQuery, articles, config: str) -> list[Result]:
    vector = (
        SearchVector("title", weight="A", config=config)
        + SearchVector("summary", weight="B", config=config)
        + SearchVector("body_text", weight="C", config=config)
    )
    articles = (
        articles.annotate(
            document=vector,
            rank=SearchRank(vector, search_query),
            marked_passage=SearchHeadline(
                Concat("summary", Value("\n"), "body_text", output_field=TextField()),
                search_query,
                config=config,
                start_sel=MATCH_START,
                stop_sel=MATCH_END,
                max_words=PASSAGE_WORDS,
                min_words=PASSAGE_WORDS // 2,
                max_fragments=2,
                fragment_delimiter=" … ",
            ),
        )
        .filter(document=search_query)
        .order_by("-rank", "position", "title")
        .defer("body", "body_html")[:MAX_RESULTS]
    )
    return [Result(article, _marked_to_html(_one_line(article.marked_passage))) for article in articles]


def _word_search(query: str, articles) -> list[Result]:
    words = query_words(query)
    patterns = [re.compile(loose_pattern(word), re.IGNORECASE) for word in words]
    # Every article of the language is read and matched here, in Python: SQLite's LIKE ignores neither
    # accents nor, beyond ASCII, case, so it cannot narrow the list without losing "médula" to "medula".
    # The guide is tens of pages.
    scored = []
    for article in articles.defer("body", "body_html"):
        # Typed text is precomposed ("é" one character), as loose_pattern expects; a pasted text may not be.
        title, summary, body = (
            unicodedata.normalize("NFC", text) for text in (article.title, article.summary, article.body_text)
        )
        if all(pattern.search(f"{title}\n{summary}\n{body}") for pattern in patterns):
            scored.append((_score(title, summary, body, patterns), article))
    scored.sort(key=lambda pair: (-pair[0], pair[1].position, pair[1].title))
    return [
        Result(article, passage(f"{article.summary}\n{article.body_text}", words))
        for _, article in scored[:MAX_RESULTS]
    ]


def _score(title: str, summary: str, body: str, patterns: list[re.Pattern]) -> int:
    """Weigh each word by where it appears: the title counts most, then the summary, then the body."""
    score = 0
    for pattern in patterns:
        score += 10 if pattern.search(title) else 0
        score += 4 if pattern.search(summary) else 0
        score += min(len(pattern.findall(body)), 5)
    return score


def passage(text: str, words: list[str], length: int = PASSAGE_WORDS) -> str:
    """Return the `length`-word stretch of plain `text` holding most of `words`, escaped, matches in <mark>.

    Words match whatever their case and accents anywhere inside a word of the text ("infect" marks
    "infection", "medula" marks "médula").
    """
    tokens = _one_line(unicodedata.normalize("NFC", text)).split()
    if not tokens or not words:
        return escape(" ".join(tokens[:length]))
    longest_first = sorted(words, key=len, reverse=True)
    pattern = re.compile("|".join(loose_pattern(word) for word in longest_first), re.IGNORECASE)
    found = [{fold(match) for match in pattern.findall(token)} for token in tokens]
    best_start, best_count = 0, 0
    for index, matches in enumerate(found):
        if not matches:
            continue
        start = max(0, index - length // 4)
        count = len(set().union(*found[start : start + length]))
        if count > best_count:
            best_start, best_count = start, count
    window = " ".join(tokens[best_start : best_start + length]).replace(MATCH_START, "").replace(MATCH_END, "")
    marked = pattern.sub(lambda match: f"{MATCH_START}{match[0]}{MATCH_END}", window)
    before = "… " if best_start > 0 else ""
    after = " …" if best_start + length < len(tokens) else ""
    return before + _marked_to_html(marked) + after


def _one_line(text: str) -> str:
    """Join the lines of plain `text` into one, with " · " where a line ended without punctuation."""
    return UNPUNCTUATED_LINE_END.sub(" · ", text.strip()).replace("\n", " ")


def _marked_to_html(text: str) -> str:
    """Escape `text`, turning each MATCH_START…MATCH_END stretch into <mark>…</mark> (always balanced)."""
    chunks = text.split(MATCH_START)
    html = [escape(chunks[0].replace(MATCH_END, ""))]
    for chunk in chunks[1:]:
        inside, _, after = chunk.partition(MATCH_END)
        html.append(f"<mark>{escape(inside)}</mark>{escape(after.replace(MATCH_END, ''))}")
    return "".join(html)
