"""When a count is low for an age or a laboratory limit, and how a low count is graded (reference
sections 3 and 4)."""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

from .counts import format_number


class AgeGroup(StrEnum):
    """Age groups with their own idea of a low count (reference section 3)."""

    ADULT = "adult"
    CHILD = "child"
    INFANT = "infant"
    NEWBORN = "newborn"

    @property
    def label(self) -> str:
        return _AGE_GROUP_LABELS[self]


_AGE_GROUP_LABELS = {
    AgeGroup.ADULT: "Adult, 18 or older",
    AgeGroup.CHILD: "Child, 1 to 17 years",
    AgeGroup.INFANT: "Baby, 2 weeks to under 1 year",
    AgeGroup.NEWBORN: "Newborn baby, under 2 weeks",
}

ADULT_LOW_AT_OR_BELOW = 1_700
LOW_BELOW = {AgeGroup.CHILD: 1_500, AgeGroup.INFANT: 1_000}


def is_low(anc: Decimal | int, age_group: AgeGroup, lab_lower_limit: Decimal | None = None) -> bool | None:
    """Say whether a count (cells/µL) is low for this age, or against the report's lower limit.

    A laboratory limit wins at any age: below it is low. Without one: adults at 1,700 or fewer,
    children below 1,500, babies below 1,000. Returns None for a newborn without a laboratory limit,
    whose count is not graded.
    """
    if lab_lower_limit is not None:
        return anc < lab_lower_limit
    if age_group is AgeGroup.NEWBORN:
        return None
    if age_group is AgeGroup.ADULT:
        return anc <= ADULT_LOW_AT_OR_BELOW
    return anc < LOW_BELOW[age_group]


def low_rule(age_group: AgeGroup, lab_lower_limit: Decimal | None = None) -> str:
    """Say in plain words which rule decided whether the count is low."""
    if lab_lower_limit is not None:
        limit = format_number(lab_lower_limit)
        return f"We used the lower limit from your report: a count below {limit} cells/µL is low."
    return _LOW_RULES[age_group]


_LOW_RULES = {
    AgeGroup.ADULT: "For adults, this site counts 1,700 cells/µL or fewer as low. Many laboratories use 1,500.",
    AgeGroup.CHILD: "For children aged 1 to 17, a count below 1,500 cells/µL is low.",
    AgeGroup.INFANT: "For babies from 2 weeks to 1 year, a count below 1,000 cells/µL is low.",
    AgeGroup.NEWBORN: "In the first 2 weeks of life, counts change too much from day to day to say what is low.",
}


class Category(StrEnum):
    """What a count means (reference section 4), mildest first; the value is ``data-category``."""

    NORMAL = "normal"
    BORDERLINE = "borderline"
    MILD = "mild"
    MODERATE = "moderate"
    SEVERE = "severe"
    PROFOUND = "profound"
    NOT_GRADED = "not-graded"

    @property
    def label(self) -> str:
        """The plain words for the category."""
        return _CATEGORY_FACTS[self][0]

    @property
    def ctcae_grade(self) -> int | None:
        """The NCI CTCAE v5 grade of "neutrophil count decreased", or None when not graded."""
        return _CATEGORY_FACTS[self][1]

    @property
    def infection_risk(self) -> str:
        """What the category means for the risk of infection, in plain words."""
        return _CATEGORY_FACTS[self][2]

    @property
    def is_neutropenia(self) -> bool:
        return self not in (Category.NORMAL, Category.NOT_GRADED)


_CATEGORY_FACTS: dict[Category, tuple[str, int | None, str]] = {
    Category.NORMAL: (
        "in the usual range",
        0,
        "Your count is not low, so it does not add to your risk of infection.",
    ),
    Category.BORDERLINE: (
        "slightly low",
        1,
        "Your count is a little under the usual range. Many laboratories put the lower limit "
        "at 1,500 and would call it normal. On its own, it adds little to your risk of infection.",
    ),
    Category.MILD: (
        "mild neutropenia",
        2,
        "Your risk of infection may be a little higher than usual. The risk rises as the count falls.",
    ),
    Category.MODERATE: (
        "moderate neutropenia",
        3,
        "Your risk of infection is higher than usual. The risk rises as the count falls, and is highest below 500.",
    ),
    Category.SEVERE: (
        "severe neutropenia",
        4,
        "Your count is below 500, where the risk of serious infection is highest.",
    ),
    Category.PROFOUND: (
        "very severe (profound) neutropenia",
        4,
        "Your count is below 100. The risk of serious infection is at its highest.",
    ),
    Category.NOT_GRADED: (
        "not graded for newborn babies",
        None,
        "A newborn baby's count changes a lot from day to day, so we cannot say what it means "
        "for the risk of infection. The baby's care team can.",
    ),
}


def grade_low_count(anc: Decimal | int) -> Category:
    """Grade a count already known to be low, by its value alone (cells/µL)."""
    if anc >= 1_500:
        return Category.BORDERLINE
    if anc >= 1_000:
        return Category.MILD
    if anc >= 500:
        return Category.MODERATE
    if anc >= 100:
        return Category.SEVERE
    return Category.PROFOUND


def grade(anc: Decimal | int, age_group: AgeGroup, lab_lower_limit: Decimal | None = None) -> Category:
    """Return the category of a count (cells/µL) for this age and laboratory limit."""
    low = is_low(anc, age_group, lab_lower_limit)
    if low is None:
        return Category.NOT_GRADED
    return grade_low_count(anc) if low else Category.NORMAL
