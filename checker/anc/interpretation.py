"""What a count means, put together: the grade, its place on the scale, the emergency, the notes and the
articles to read (reference sections 5 and 6)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from .care_cards import CareCard, emergency_card
from .counts import (
    ANC_RANGE,
    LAB_LOWER_LIMIT_RANGE,
    LAB_UPPER_LIMIT_RANGE,
    PERCENT_RANGE,
    WBC_RANGE,
    Unit,
    anc_formula,
    compute_anc,
    format_count,
    from_cells_per_ul,
    whole_cells,
)
from .fever import Temperature, has_fever_signs
from .grading import AgeGroup, Category, grade, meaning, range_rules
from .scale import Band, scale
from .wording import Message, _


class Note(StrEnum):
    """A note that comes with a result (reference sections 3 and 5)."""

    LAB_RANGE = "lab-range"
    DUFFY_NULL = "duffy-null"
    NEWBORN = "newborn"
    YOUNG_RANGES = "young-ranges"

    @property
    def text(self) -> str:
        return _NOTE_TEXTS[self]


_NOTE_TEXTS = {
    Note.LAB_RANGE: _(
        "Laboratories set their own normal ranges. The range printed on your report is the one that counts."
    ),
    Note.DUFFY_NULL: _(
        "Some people have a lower count that is normal and healthy for them. "
        "This is common in people of African or Middle Eastern family background who carry "
        "a gene variant called Duffy-null. Doctors call it Duffy-null associated neutrophil count "
        "(it used to be called benign ethnic neutropenia). Your care team can tell you "
        "if this might apply to you."
    ),
    Note.NEWBORN: _(
        "A newborn baby's count changes a lot from day to day in the first weeks "
        "of life. Talk to your baby's care team about what this result means."
    ),
    Note.YOUNG_RANGES: _(
        "Children's and babies' ranges are different from adults'. Their care team "
        "can tell you what this count means for them."
    ),
}


@dataclass(frozen=True)
class RelatedArticle:
    slug: str
    link_text: str


PRECAUTIONS = RelatedArticle("precautions", _("How to lower your risk of infection"))
TREATMENT = RelatedArticle("treatment", _("How neutropenia is treated"))
DIAGNOSIS = RelatedArticle("diagnosis", _("What the blood test shows"))
BLOOD_TEST = RelatedArticle("blood-test", _("How to read your blood test report"))
CHILDREN = RelatedArticle("children", _("Neutropenia in babies and children"))
FEVER = RelatedArticle("fever", _("Fever and when to get help"))


def related_articles(category: Category, age_group: AgeGroup) -> tuple[RelatedArticle, ...]:
    """Return the articles that matter for a result: what the test means always, prevention and
    treatment for any neutropenia, the children's article for anyone under 18, fever always."""
    related = [DIAGNOSIS, BLOOD_TEST]
    if category.is_neutropenia:
        related[:0] = [PRECAUTIONS, TREATMENT]
    if age_group is not AgeGroup.ADULT:
        related.append(CHILDREN)
    related.append(FEVER)
    return tuple(related)


@dataclass(frozen=True)
class Interpretation:
    """What a count means. ``anc`` is the whole number of cells/µL that is shown and graded; ``scale``
    holds the bands it is drawn on (empty when the count is not graded)."""

    anc: int
    category: Category
    rules: tuple[str | Message, ...]
    meaning: str
    formula: Message | None
    emergency_card: CareCard | None
    notes: tuple[Note, ...]
    related: tuple[RelatedArticle, ...]
    scale: tuple[Band, ...]

    @property
    def emergency(self) -> bool:
        return self.emergency_card is not None

    @property
    def computed(self) -> bool:
        return self.formula is not None

    @property
    def band(self) -> Band | None:
        """The band of the scale that holds the count."""
        return next((band for band in self.scale if band.holds(self.anc)), None)

    @property
    def anc_cells_per_ul(self) -> Message:
        return format_count(self.anc, Unit.CELLS_PER_UL)

    @property
    def anc_x10e9_per_l(self) -> Message:
        return format_count(self.anc, Unit.X10E9_PER_L)


def interpret_count(
    *,
    anc: Decimal | None = None,
    wbc: Decimal | None = None,
    wbc_unit: Unit = Unit.CELLS_PER_UL,
    segs_pct: Decimal | None = None,
    bands_pct: Decimal | None = None,
    age_group: AgeGroup = AgeGroup.ADULT,
    lab_lower_limit: Decimal | None = None,
    lab_upper_limit: Decimal | None = None,
    temperature: Temperature | None = None,
    feels_unwell: bool = False,
) -> Interpretation:
    """Interpret a count given either as ``anc`` or as ``wbc`` with ``segs_pct`` (and ``bands_pct``,
    0 when None). Counts and the laboratory's limits are in cells/µL; ``wbc_unit`` is the unit the white
    cell count was typed in, for the formula.

    Raises ValueError unless exactly one way of giving the count is used, every number lies in its
    plausible range and the upper limit is above the lower one (reference section 2).
    """
    if (anc is None) == (wbc is None or segs_pct is None):
        raise ValueError("Give either the ANC or the white cell count with a percentage.")
    bands = Decimal(0) if bands_pct is None else bands_pct
    _require(anc is None or anc in ANC_RANGE, "ANC out of range")
    _require(lab_lower_limit is None or lab_lower_limit in LAB_LOWER_LIMIT_RANGE, "lower limit out of range")
    _require(lab_upper_limit is None or lab_upper_limit in LAB_UPPER_LIMIT_RANGE, "upper limit out of range")
    _require(
        lab_lower_limit is None or lab_upper_limit is None or lab_lower_limit < lab_upper_limit,
        "upper limit not above the lower limit",
    )
    _require(temperature is None or temperature.plausible, "temperature out of range")

    formula = None
    if anc is None:
        assert wbc is not None
        assert segs_pct is not None
        _require(wbc in WBC_RANGE, "WBC out of range")
        _require(
            segs_pct in PERCENT_RANGE and bands in PERCENT_RANGE and segs_pct + bands <= 100,
            "percentages out of range",
        )
        anc = compute_anc(wbc, segs_pct, bands)
        formula = anc_formula(from_cells_per_ul(wbc, wbc_unit), wbc_unit, segs_pct, bands_pct)

    shown = whole_cells(anc)
    category = grade(shown, age_group, lab_lower_limit, lab_upper_limit)
    notes = [Note.LAB_RANGE]
    if category in (Category.BORDERLINE, Category.MILD):
        notes.append(Note.DUFFY_NULL)
    if category is Category.HIGH and age_group is not AgeGroup.ADULT:
        notes.append(Note.YOUNG_RANGES)
    if age_group is AgeGroup.NEWBORN:
        notes.append(Note.NEWBORN)
    fever_signs = has_fever_signs(temperature, feels_unwell)
    return Interpretation(
        anc=shown,
        category=category,
        rules=range_rules(age_group, lab_lower_limit, lab_upper_limit),
        meaning=meaning(category, age_group, lab_lower_limit),
        formula=formula,
        emergency_card=emergency_card(fever_signs=fever_signs, age_group=age_group, categories=(category,)),
        notes=tuple(notes),
        related=related_articles(category, age_group),
        scale=scale(age_group, lab_lower_limit, lab_upper_limit),
    )


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise ValueError(message)
