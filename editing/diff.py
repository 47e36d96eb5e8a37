"""Compare a saved version of an article with the current one, field by field, as a readable diff.

Pure Python (difflib), without Django: it compares two dicts of field values written as text.
"""

import difflib
from dataclasses import dataclass


@dataclass(frozen=True)
class DiffLine:
    """One line of a diff. `kind` is "added", "removed", "same" or "gap" (unchanged lines left out)."""

    kind: str
    text: str


@dataclass(frozen=True)
class FieldChange:
    """How one field differs: its label, and its diff lines (empty when it is the same in both)."""

    label: str
    lines: list[DiffLine]

    @property
    def changed(self) -> bool:
        return bool(self.lines)


def diff_lines(old: str, new: str, context: int = 2) -> list[DiffLine]:
    """The lines that differ between `old` and `new`, with `context` unchanged lines around each change."""
    if old == new:
        return []
    lines = []
    diff = difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=context)
    for line in list(diff)[2:]:  # skip the "---" and "+++" file headers
        if line.startswith("@@"):
            lines.append(DiffLine("gap", "…"))
        elif line.startswith("+"):
            lines.append(DiffLine("added", line[1:]))
        elif line.startswith("-"):
            lines.append(DiffLine("removed", line[1:]))
        else:
            lines.append(DiffLine("same", line[1:]))
    return lines


def compare(old: dict[str, str], new: dict[str, str], labels: dict[str, str]) -> list[FieldChange]:
    """Compare the fields named in `labels` (name → label, in display order) of `old` and `new`."""
    return [FieldChange(label, diff_lines(old.get(name, ""), new.get(name, ""))) for name, label in labels.items()]
