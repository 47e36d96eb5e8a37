"""Compare two versions of an article, field by field, as a readable diff: the lines that changed, and
within a changed line the words that changed.

Pure Python (difflib), without Django: it compares two dicts of field values written as text.
"""

import difflib
import re
from dataclasses import dataclass

# Words, runs of spaces and single punctuation marks: the pieces a changed line is compared in.
WORD = re.compile(r"\w+|\s+|[^\w\s]")


@dataclass(frozen=True)
class Part:
    """A piece of a line's text; `changed` when it is not in the line it was paired with."""

    text: str
    changed: bool = False


@dataclass(frozen=True)
class DiffLine:
    """One line of a diff. `kind` is "added", "removed", "same" or "gap" (unchanged lines left out);
    `parts` is its text in pieces, the changed words marked when the line replaced (or was replaced by) another."""

    kind: str
    text: str
    parts: tuple[Part, ...] = ()


@dataclass(frozen=True)
class FieldChange:
    """How one field differs: its label, and its diff lines (empty when it is the same in both)."""

    label: str
    lines: list[DiffLine]

    @property
    def changed(self) -> bool:
        return bool(self.lines)


def word_parts(old: str, new: str) -> tuple[tuple[Part, ...], tuple[Part, ...]]:
    """`old` and `new` cut into parts, each marked changed where it is not in the other line."""
    old_words, new_words = WORD.findall(old), WORD.findall(new)
    old_parts, new_parts = [], []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old_words, new_words, autojunk=False).get_opcodes():
        changed = tag != "equal"
        if i2 > i1:
            old_parts.append(Part("".join(old_words[i1:i2]), changed))
        if j2 > j1:
            new_parts.append(Part("".join(new_words[j1:j2]), changed))
    return tuple(old_parts), tuple(new_parts)


def replaced_lines(old: list[str], new: list[str]) -> list[DiffLine]:
    """Lines `old` replaced by lines `new`: all the removed, then all the added, the words that changed marked
    in each pair of lines at the same place in the two runs."""
    removed = [DiffLine("removed", line, (Part(line),)) for line in old]
    added = [DiffLine("added", line, (Part(line),)) for line in new]
    for index, (before, after) in enumerate(zip(old, new, strict=False)):
        before_parts, after_parts = word_parts(before, after)
        removed[index] = DiffLine("removed", before, before_parts)
        added[index] = DiffLine("added", after, after_parts)
    return removed + added


def diff_lines(old: str, new: str, context: int = 2) -> list[DiffLine]:
    """The lines that differ between `old` and `new`, with `context` unchanged lines around each change, a
    "gap" line before each run of changes."""
    old_lines, new_lines = old.splitlines(), new.splitlines()
    if old_lines == new_lines:
        return []
    lines = []
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for group in matcher.get_grouped_opcodes(context):
        lines.append(DiffLine("gap", "…"))
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                lines += [DiffLine("same", line, (Part(line),)) for line in old_lines[i1:i2]]
            else:
                lines += replaced_lines(old_lines[i1:i2], new_lines[j1:j2])
    return lines


def compare(old: dict[str, str], new: dict[str, str], labels: dict[str, str]) -> list[FieldChange]:
    """Compare the fields named in `labels` (name → label, in display order) of `old` and `new`."""
    return [FieldChange(label, diff_lines(old.get(name, ""), new.get(name, ""))) for name, label in labels.items()]
