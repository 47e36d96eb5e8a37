"""Links in an article's Markdown to an old address of another article, pointed at its current one.
Pure Python without Django."""

import re
from collections.abc import Collection
from dataclasses import dataclass


@dataclass(frozen=True)
class LineChange:
    line: int  # numbered from 1
    before: str
    after: str


def link_pattern(prefix: str, slugs: Collection[str]) -> re.Pattern:
    """A Markdown link target (inline `](...)` or a reference `[x]: ...`) that is <prefix><slug>/ or
    <prefix><slug> for one of `slugs`, with or without #section or ?query after it."""
    choice = "|".join(re.escape(slug) for slug in sorted(slugs, key=len, reverse=True))
    lead = r"(?P<lead>\]\(\s*|^\s*\[[^\]]+\]:\s*)"
    return re.compile(lead + re.escape(prefix) + "(?:" + choice + r")(?=[/#?)\s]|$)")


def retarget(
    markdown: str, old_slugs: Collection[str], new_slug: str, prefix: str = "/articles/"
) -> tuple[str, list[LineChange]]:
    """`markdown` with its links to <prefix><old slug>/ (any of `old_slugs`; prefix "/articles/" or, for a
    Spanish article, "/es/articles/") pointing at <prefix><new_slug>/, and the lines that changed. Lines in
    fenced code stay as they are: they show Markdown, they do not link."""
    if not old_slugs:
        return markdown, []
    pattern = link_pattern(prefix, old_slugs)
    lines, changes, in_code = [], [], False
    for number, line in enumerate(markdown.split("\n"), start=1):
        if line.lstrip().startswith(("```", "~~~")):
            in_code = not in_code
        changed = line if in_code else pattern.sub(lambda m: f"{m['lead']}{prefix}{new_slug}", line)
        if changed != line:
            changes.append(LineChange(number, line, changed))
        lines.append(changed)
    return "\n".join(lines), changes
