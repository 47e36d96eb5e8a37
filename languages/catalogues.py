"""The site's gettext catalogues (.po files) read as their entries, to tell whether each one is complete.

A small reader of the parts of the PO format that makemessages writes: comments and flags, msgctxt, msgid,
msgid_plural and msgstr (or msgstr[n]), each a quoted string continued on following quoted lines.
"""

import ast
from dataclasses import dataclass, field
from pathlib import Path

# Folders that hold other projects' catalogues (the installed packages'), never this site's.
NOT_OURS = {".venv", "node_modules"}


@dataclass
class Entry:
    """One message: its English `msgid` (and `msgid_plural`), its `context`, its translations by form
    (one for a message without plural), and whether makemessages marked it fuzzy (a guess to check)."""

    msgid: str = ""
    msgid_plural: str = ""
    context: str = ""
    translations: list[str] = field(default_factory=list)
    fuzzy: bool = False

    @property
    def is_header(self) -> bool:
        return self.msgid == "" and not self.context

    @property
    def is_complete(self) -> bool:
        """Translated in every form and not fuzzy."""
        return not self.fuzzy and bool(self.translations) and all(self.translations)


def read_entries(text: str) -> list[Entry]:
    """The entries of the PO `text`, header included, in file order; obsolete (#~) entries are left out."""
    entries = []
    for block in text.split("\n\n"):
        entry, key, found = Entry(), None, False
        for line in block.splitlines():
            line = line.strip()
            if line.startswith("#,") and "fuzzy" in line:
                entry.fuzzy = True
            if not line or line.startswith("#"):
                continue
            if line.startswith('"'):
                _add(entry, key, ast.literal_eval(line))
                continue
            key, _, value = line.partition(" ")
            if key.startswith("msgstr"):
                entry.translations.append("")
            _add(entry, key, ast.literal_eval(value))
            found = True
        if found:
            entries.append(entry)
    return entries


def _add(entry: Entry, key: str, text: str) -> None:
    if key == "msgid":
        entry.msgid += text
    elif key == "msgid_plural":
        entry.msgid_plural += text
    elif key == "msgctxt":
        entry.context += text
    else:  # msgstr or msgstr[n]
        entry.translations[-1] += text


def incomplete(path: Path) -> list[Entry]:
    """The messages of the catalogue at `path` without a translation, or only a fuzzy one."""
    return [
        entry
        for entry in read_entries(path.read_text(encoding="utf-8"))
        if not entry.is_header and not entry.is_complete
    ]


def catalogues(root: Path) -> list[Path]:
    """Every catalogue of the project at `root`: its own locale/ and each app's (`<app>/locale/`), in every
    language."""
    folders = [root, *(child for child in root.iterdir() if child.is_dir() and child.name not in NOT_OURS)]
    return sorted(path for folder in folders for path in (folder / "locale").glob("*/LC_MESSAGES/*.po"))
