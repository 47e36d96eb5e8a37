"""Two versions of an article's body side by side, section by section, for an editor whose save was refused
because someone else saved first. Pure Python without Django.

A section starts at a `## ` heading (the text before the first one is the opening). The two versions'
sections are paired by heading; a section only one of them has is paired with nothing. When the version
both started from is known, each pair says who changed it, so the merge can keep the changed side.
"""

import difflib
import re
from dataclasses import dataclass

SECTION_HEADING = re.compile(r"^##\s+(?P<title>.*?)\s*#*\s*$")
OPENING = "Opening, before the first heading"


@dataclass(frozen=True)
class Section:
    heading: str  # the heading's words, or "" for the opening
    text: str  # the section's Markdown, its heading line included, without trailing blank lines


@dataclass(frozen=True)
class SectionPair:
    """One section of theirs and of yours ("" where that version lacks it), and which one to keep by default:
    "theirs", "mine", or "merged" when both changed it (the merged text starts as yours)."""

    label: str
    theirs: str
    mine: str
    suggested: str

    @property
    def differs(self) -> bool:
        return self.theirs != self.mine


def sections(markdown: str) -> list[Section]:
    """The body cut before each `## ` heading, outside fenced code; the opening only when it has text."""
    found, lines, heading, in_code = [], [], "", False
    for line in (markdown or "").splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            in_code = not in_code
        match = None if in_code else SECTION_HEADING.match(line)
        if match:
            found.append(Section(heading, "\n".join(lines).rstrip()))
            lines, heading = [], match["title"]
        lines.append(line)
    found.append(Section(heading, "\n".join(lines).rstrip()))
    return [section for section in found if section.heading or section.text]


def suggestion(theirs: str, mine: str, base: str | None) -> str:
    """Which side to keep: the one that changed since `base` (None: unknown, so a difference counts as both)."""
    if theirs == mine or base == theirs:
        return "mine"
    if base == mine:
        return "theirs"
    return "merged"


def pair_sections(theirs: str, mine: str, base: str | None = None) -> list[SectionPair]:
    """Their body's and your body's sections paired by heading, in your order with theirs fitted in."""
    their_sections, my_sections = sections(theirs), sections(mine)
    base_text = None if base is None else {section.heading: section.text for section in sections(base)}
    matcher = difflib.SequenceMatcher(
        a=[s.heading for s in their_sections], b=[s.heading for s in my_sections], autojunk=False
    )
    pairs = []
    for tag, a_from, a_to, b_from, b_to in matcher.get_opcodes():
        if tag == "equal":
            couples = zip(their_sections[a_from:a_to], my_sections[b_from:b_to], strict=True)
        else:  # sections under headings only one version has (or renamed): each stands alone
            couples = [(section, None) for section in their_sections[a_from:a_to]]
            couples += [(None, section) for section in my_sections[b_from:b_to]]
        for their, my in couples:
            heading = (their or my).heading
            start = None if base_text is None else base_text.get(heading, "")
            their_text, my_text = their.text if their else "", my.text if my else ""
            pairs.append(SectionPair(heading or OPENING, their_text, my_text, suggestion(their_text, my_text, start)))
    return pairs


def join_sections(texts: list[str]) -> str:
    """The body made of these sections' texts in order (empty ones left out), a blank line between them."""
    return "\n\n".join(text.strip("\n") for text in texts if text.strip()) + "\n"
