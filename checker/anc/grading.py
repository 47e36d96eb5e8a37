"""When a count is low or high for an age or a laboratory's range, and how a low count is graded
(reference sections 3 and 4)."""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

from .wording import Message, _


class AgeGroup(StrEnum):
    """Age groups with their own idea of a low count (reference section 3), oldest first."""

    ADULT = "adult"
    CHILD = "child"
    INFANT = "infant"
    YOUNG_INFANT = "young_infant"
    NEWBORN = "newborn"

    @property
    def label(self) -> str:
        return _AGE_GROUP_LABELS[self]

    @property
    def is_under_3_months(self) -> bool:
        """Whether a fever is an emergency by itself, whatever the count (NICE NG143)."""
        return self in (AgeGroup.YOUNG_INFANT, AgeGroup.NEWBORN)


_AGE_GROUP_LABELS = {
    AgeGroup.ADULT: _("Adult, 18 or older"),
    AgeGroup.CHILD: _("Child, 1 to 17 years"),
    AgeGroup.INFANT: _("Baby, 3 months to under 1 year"),
    AgeGroup.YOUNG_INFANT: _("Baby, 2 weeks to under 3 months"),
    AgeGroup.NEWBORN: _("Newborn baby, under 2 weeks"),
}

ADULT_LOW_AT_OR_BELOW = 1_700
LOW_BELOW = {AgeGroup.CHILD: 1_500, AgeGroup.INFANT: 1_000, AgeGroup.YOUNG_INFANT: 1_000}
# Neutrophilia: two standard deviations above the adult mean (StatPearls, "Neutrophilia", NBK570571).
HIGH_ABOVE = 7_700


def is_low(anc: Decimal | int, age_group: AgeGroup, lab_lower_limit: Decimal | None = None) -> bool | None:
    """Say whether a count (cells/µL) is low for this age, or against the report's lower limit.

    A laboratory limit wins at any age: below it is low. Without one: adults at 1,700 or fewer,
    children below 1,500, babies from 2 weeks to under 1 year below 1,000. Returns None for a newborn
    without a laboratory limit, whose count is not graded.
    """
    if lab_lower_limit is not None:
        return anc < lab_lower_limit
    if age_group is AgeGroup.NEWBORN:
        return None
    if age_group is AgeGroup.ADULT:
        return anc <= ADULT_LOW_AT_OR_BELOW
    return anc < LOW_BELOW[age_group]


def is_high(anc: Decimal | int, age_group: AgeGroup, lab_upper_limit: Decimal | None = None) -> bool:
    """Say whether a count (cells/µL) is above the usual range: above the report's upper limit when it is
    given, otherwise above 7,700. The 7,700 is an adult figure that says nothing about a newborn's count,
    so a newborn's count is high only against its own report's upper limit."""
    if lab_upper_limit is not None:
        return anc > lab_upper_limit
    return age_group is not AgeGroup.NEWBORN and anc > HIGH_ABOVE


def range_rules(
    age_group: AgeGroup, lab_lower_limit: Decimal | None = None, lab_upper_limit: Decimal | None = None
) -> tuple[str | Message, ...]:
    """Say in plain words which rules decided whether the count is low, and whether it is high."""
    if lab_lower_limit is None and age_group is AgeGroup.NEWBORN:
        return (_LOW_RULES[age_group],)
    if lab_lower_limit is None:
        low: str | Message = _LOW_RULES[age_group]
    else:
        low = Message(
            _("We used the lower limit from your report: a count below %(limit)s cells/µL is low."),
            limit=lab_lower_limit,
        )
    if lab_upper_limit is not None:
        high = Message(
            _(
                "We used the upper limit from your report: a count above %(limit)s cells/µL is higher than the usual range."
            ),
            limit=lab_upper_limit,
        )
    elif age_group is AgeGroup.NEWBORN:
        return (low,)
    else:
        high = Message(
            _("A count above %(limit)s cells/µL is higher than the usual range for adults."), limit=HIGH_ABOVE
        )
    return (low, high)


_LOW_RULES = {
    AgeGroup.ADULT: _("For adults, this site counts 1,700 cells/µL or fewer as low."),
    AgeGroup.CHILD: _("For children aged 1 to 17, a count below 1,500 cells/µL is low."),
    AgeGroup.INFANT: _("For babies from 3 months to 1 year, a count below 1,000 cells/µL is low."),
    AgeGroup.YOUNG_INFANT: _("For babies from 2 weeks to 3 months, a count below 1,000 cells/µL is low."),
    AgeGroup.NEWBORN: _("In the first 2 weeks of life, counts change too much from day to day to say what is low."),
}


class Category(StrEnum):
    """What a count means (reference section 4), lowest count first; the value is ``data-category``."""

    PROFOUND = "profound"
    SEVERE = "severe"
    MODERATE = "moderate"
    MILD = "mild"
    BORDERLINE = "borderline"
    NORMAL = "normal"
    HIGH = "high"
    NOT_GRADED = "not-graded"

    @property
    def label(self) -> str:
        """The plain words for the category."""
        return _CATEGORY_FACTS[self][0]

    @property
    def band_name(self) -> str:
        """The category's short name on the scale of bands."""
        return _CATEGORY_FACTS[self][1]

    @property
    def ctcae_grade(self) -> int | None:
        """The NCI CTCAE v5 grade of "neutrophil count decreased", or None when it has none."""
        return _CATEGORY_FACTS[self][2]

    @property
    def infection_risk(self) -> str:
        """What the category means, for the risk of infection above all, in plain words."""
        return _CATEGORY_FACTS[self][3]

    @property
    def is_neutropenia(self) -> bool:
        return self not in (Category.NORMAL, Category.HIGH, Category.NOT_GRADED)


_CATEGORY_FACTS: dict[Category, tuple[str, str, int | None, str]] = {
    Category.HIGH: (
        _("higher than the usual range"),
        _("High"),
        None,
        _(
            "This is not neutropenia. A high count most often comes with an infection, inflammation, stress, "
            "smoking, pregnancy or medicines such as steroids or G-CSF. This guide is about low counts, "
            "so ask your care team what a high count means for you."
        ),
    ),
    Category.NORMAL: (
        _("in the usual range"),
        _("Usual range"),
        0,
        _("Your count is not low, so it does not add to your risk of infection."),
    ),
    Category.BORDERLINE: (
        _("slightly low"),
        _("Slightly low"),
        1,
        _(
            "Your count is below the lower limit, but not below 1,500. On its own, it adds little to your "
            "risk of infection."
        ),
    ),
    Category.MILD: (
        _("mild neutropenia"),
        _("Mild"),
        2,
        _("Your risk of infection may be a little higher than usual. The risk rises as the count falls."),
    ),
    Category.MODERATE: (
        _("moderate neutropenia"),
        _("Moderate"),
        3,
        _("Your risk of infection is higher than usual. The risk rises as the count falls, and is highest below 500."),
    ),
    Category.SEVERE: (
        _("severe neutropenia"),
        _("Severe"),
        4,
        _("Your count is below 500, where the risk of serious infection is highest."),
    ),
    Category.PROFOUND: (
        _("very severe (profound) neutropenia"),
        _("Very severe"),
        4,
        _("Your count is below 100. The risk of serious infection is at its highest."),
    ),
    Category.NOT_GRADED: (
        _("not graded for newborn babies"),
        _("Not graded"),
        None,
        _(
            "A newborn baby's count changes a lot from day to day, so we cannot say what it means "
            "for the risk of infection. The baby's care team can."
        ),
    ),
}

# Shown only when the site's adult rule decided, never when the person's own laboratory limit did.
BORDERLINE_BY_THE_ADULT_RULE = _(
    "Your count is a little under the usual range. Many laboratories put the lower limit "
    "at 1,500 and would call it normal. On its own, it adds little to your risk of infection."
)


def meaning(category: Category, age_group: AgeGroup, lab_lower_limit: Decimal | None = None) -> str:
    """What a result means in plain words; a slightly low count decided by the adult rule names the
    1,500 most laboratories use."""
    if category is Category.BORDERLINE and age_group is AgeGroup.ADULT and lab_lower_limit is None:
        return BORDERLINE_BY_THE_ADULT_RULE
    return category.infection_risk


# The lowest count of each low band (cells/µL), lowest band first.
LOW_BANDS = (
    (Category.PROFOUND, 0),
    (Category.SEVERE, 100),
    (Category.MODERATE, 500),
    (Category.MILD, 1_000),
    (Category.BORDERLINE, 1_500),
)


def grade_low_count(anc: Decimal | int) -> Category:
    """Grade a count already known to be low, by its value alone (cells/µL)."""
    return next(category for category, lowest in reversed(LOW_BANDS) if anc >= lowest)


def grade(
    anc: Decimal | int,
    age_group: AgeGroup,
    lab_lower_limit: Decimal | None = None,
    lab_upper_limit: Decimal | None = None,
) -> Category:
    """Return the category of a count (cells/µL) for this age and laboratory range."""
    low = is_low(anc, age_group, lab_lower_limit)
    if low is None:
        return Category.NOT_GRADED
    if low:
        return grade_low_count(anc)
    return Category.HIGH if is_high(anc, age_group, lab_upper_limit) else Category.NORMAL
