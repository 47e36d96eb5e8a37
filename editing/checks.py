"""Checks before publishing: what in an article's Markdown a reader would stumble on, each with its line.

Pure Python without Django: the caller passes the lookups (which articles exist, the medical word list of
the article's language), so the rules are tested as plain functions. Problems are advice, except those marked `blocks`: an image
without a description and a link to an article that does not exist stop an article being published
(signoff/workflow.py). Long sentences are the plain-language panel's (editing/readability.py), not here.

"Nearby", for a medical word: the first time the word is used, the same sentence also gives its plain
alternative, or the word stands in brackets after the plain words ("a type of white blood cell
(neutrophil)", as ../shared/content-guide.md asks), or brackets open right after it ("G-CSF (a
medicine ...)"), or the sentence defines it ("Neutropenia means ..."). Later uses are not checked: the
reader has been told. A word the glossary defines is explained by the link the renderer puts on its first
use, so it is never reported: the glossary feeds this check, and the word list only adds plain words for
what the glossary does not define.
"""

import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass

from articles.markdown import DECORATIVE_MARK, describes_nothing


@dataclass(frozen=True)
class LinkedArticle:
    """What a link's slug leads to: the article's current slug, and whether it is live."""

    slug: str
    live: bool


# What stops an article being published; every other kind of problem is advice.
BLOCKING = {"undescribed_image", "missing_article"}


@dataclass(frozen=True)
class Problem:
    line: int
    kind: str
    message: str
    address: str = ""  # what a link or image points at, when the problem is about one

    @property
    def blocks(self) -> bool:
        return self.kind in BLOCKING


IMAGE = re.compile(r"!\[(?P<text>[^\]]*)\]\((?P<href>[^)\s]*)[^)]*\)")
LINK = re.compile(r"(?<!!)\[(?P<text>[^\]]+)\]\((?P<href>[^)\s]*)[^)]*\)")
HEADING = re.compile(r"^(?P<marks>#{1,6})\s+(?P<title>.*?)\s*#*\s*$")
FENCE = re.compile(r"^\s*(```|~~~)")
# An article's address in the default language (/articles/<slug>/) or under a language's prefix (/es/articles/...).
ARTICLE_ADDRESS = re.compile(r"^(?P<prefix>/[a-z]{2}(?:-[a-z]{2,8})?)?/articles/(?P<slug>[-\w]+)/?(?:[#?].*)?$")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
BARE_ADDRESS = re.compile(r"^(https?://|www\.)\S+$", re.IGNORECASE)
VAGUE_LINK_TEXTS = {"click here", "read more", "here", "this page", "more", "link", "this link", "click"}


def check(
    markdown: str,
    find_article: Callable[[str, str], LinkedArticle | None],
    medical_words: Mapping[str, str],
    defined: Collection[str] = (),
):
    """Every problem in `markdown`, in line order. `find_article(prefix, slug)` says where
    <prefix>/articles/<slug>/ leads (None: nowhere), `prefix` being "" or a language's ("/es"); `medical_words` maps each medical word to its plain alternative; `defined` holds the
    words the glossary defines, in lower case."""
    lines = list(prose_lines(markdown))
    problems = []
    for number, line in lines:
        problems += image_problems(number, line)
        problems += link_text_problems(number, line)
        problems += article_link_problems(number, line, find_article)
    problems += heading_problems(lines)
    undefined = {word: plain for word, plain in medical_words.items() if word.lower() not in defined}
    problems += medical_word_problems(lines, undefined)
    return sorted(problems, key=lambda problem: problem.line)


def prose_lines(markdown: str):
    """(line number, line) for each line outside fenced code, numbered from 1."""
    in_code = False
    for number, line in enumerate((markdown or "").splitlines(), start=1):
        if FENCE.match(line):
            in_code = not in_code
        elif not in_code:
            yield number, line


def image_problems(number, line):
    for image in IMAGE.finditer(line):
        decorative = not image["text"].strip() and line.startswith(DECORATIVE_MARK, image.end())
        if describes_nothing(image["text"]) and not decorative:
            message = f"Image {image['href']} has no description: write what it shows between the square brackets."
            yield Problem(number, "undescribed_image", message)


def link_text_problems(number, line):
    for link in LINK.finditer(line):
        text = link["text"].strip()
        if text.lower().strip(" .:!") in VAGUE_LINK_TEXTS:
            yield Problem(
                number, "vague_link", f"The link text “{text}” says nothing out of context: say where it leads."
            )
        elif BARE_ADDRESS.match(text) or text == link["href"]:
            yield Problem(
                number, "vague_link", f"The link text “{text}” is a bare address: say in words where it leads."
            )


def article_link_problems(number, line, find_article):
    for link in LINK.finditer(line):
        address = ARTICLE_ADDRESS.match(link["href"])
        if address is None:
            continue
        prefix, slug = address["prefix"] or "", address["slug"]
        article = find_article(prefix, slug)
        path = f"{prefix}/articles/{slug}/"
        if article is None:
            message = f"The link to {path} leads to no article: correct or remove it."
            yield Problem(number, "missing_article", message, link["href"])
        elif article.slug != slug:
            yield Problem(
                number,
                "old_address",
                f"{path} is an old address: link to {prefix}/articles/{article.slug}/ instead.",
            )
        elif not article.live:
            yield Problem(number, "not_live", f"{path} is not live yet: readers will find nothing there.")


def heading_problems(lines):
    previous_level = 1  # the page's title is the only level-1 heading
    for number, line in lines:
        heading = HEADING.match(line)
        if heading is None:
            continue
        level = len(heading["marks"])
        if level == 1:
            yield Problem(number, "heading", "A # heading in the body: the page's title is its only # heading; use ##.")
        elif level > previous_level + 1:
            wanted = "#" * (previous_level + 1)
            yield Problem(
                number, "heading", f"A {heading['marks']} heading with no {wanted} above it: headings go in order."
            )
        previous_level = max(level, 1)


def medical_word_problems(lines, medical_words):
    sentences = [(number, sentence) for number, line in lines for sentence in SENTENCE_END.split(line)]
    for word, plain in medical_words.items():
        used = re.compile(
            rf"(?P<before>\(\s*)?(?<![\w-]){re.escape(word)}s?(?![\w-])(?P<after>\s*\(|\s+means\b)?", re.I
        )
        for number, sentence in sentences:
            first_use = used.search(sentence)
            if first_use is None:
                continue
            if not (first_use["before"] or first_use["after"]) and plain.lower() not in sentence.lower():
                message = f"“{first_use[0].strip(' (')}” is a medical word: explain it here, for example “{plain}”."
                yield Problem(number, "medical_word", message)
            break
