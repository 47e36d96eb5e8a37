"""The scale of bands a result is drawn on: from very severe neutropenia to a high count, with the
edges that this person's age and laboratory range give each band (reference sections 3 and 4)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

from .grading import ADULT_LOW_AT_OR_BELOW, HIGH_ABOVE, LOW_BANDS, LOW_BELOW, AgeGroup, Category
from .wording import Message, _


@dataclass(frozen=True)
class Band:
    """The whole counts (cells/µL) from ``lowest`` to ``highest`` (None: no top) that get ``category``."""

    category: Category
    lowest: int
    highest: int | None

    def holds(self, anc: int) -> bool:
        return self.lowest <= anc and (self.highest is None or anc <= self.highest)

    @property
    def range_text(self) -> Message:
        """The band's counts in words: "below 100", "1,000 to 1,499", "above 7,700"."""
        if self.highest is None:
            return Message(_("above %(count)s"), count=self.lowest - 1)
        if self.lowest == 0:
            return Message(_("below %(count)s"), count=self.highest + 1)
        return Message(_("%(lowest)s to %(highest)s"), lowest=self.lowest, highest=self.highest)


def scale(
    age_group: AgeGroup, lab_lower_limit: Decimal | None = None, lab_upper_limit: Decimal | None = None
) -> tuple[Band, ...]:
    """Return the bands a count can fall in, lowest first, as ``grading.grade`` draws them for whole
    counts; empty for a newborn without a laboratory limit, whose count is not graded. A band that the
    lower limit leaves no counts in (slightly low, for a child) is left out."""
    if lab_lower_limit is not None:
        lowest_usual = math.ceil(lab_lower_limit)  # below the limit is low
    elif age_group is AgeGroup.NEWBORN:
        return ()
    elif age_group is AgeGroup.ADULT:
        lowest_usual = ADULT_LOW_AT_OR_BELOW + 1
    else:
        lowest_usual = LOW_BELOW[age_group]
    if lab_upper_limit is not None:
        highest_usual = math.floor(lab_upper_limit)  # above the limit is high
    elif age_group is AgeGroup.NEWBORN:
        highest_usual = None
    else:
        highest_usual = HIGH_ABOVE
    edges = [lowest for _, lowest in LOW_BANDS if lowest < lowest_usual] + [lowest_usual]
    bands = [
        Band(category, lowest, next_lowest - 1)
        for (category, lowest), next_lowest in zip(LOW_BANDS, edges[1:], strict=False)
    ]
    bands.append(Band(Category.NORMAL, lowest_usual, highest_usual))
    if highest_usual is not None:
        bands.append(Band(Category.HIGH, highest_usual + 1, None))
    return tuple(bands)
