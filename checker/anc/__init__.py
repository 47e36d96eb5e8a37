"""The rules for reading a neutrophil count: units, the absolute count, when it is low, its grade, fever.

Pure Python with no Django in it, so the rules are tested on their own. Every number comes from
``shared/clinical-reference.md``; ``SOURCES`` says where each rule comes from, and the checker page lists
them under "How we worked this out".

Counts are ``Decimal`` cells per microlitre (cells/µL) unless a name says otherwise, and arithmetic on
them is exact. A count that is computed or converted is rounded to the nearest whole cell/µL, halves
up, before it is graded: the whole number is what the page shows, so the grade always matches it.

Every word an answer shows is English here, marked for translation, and every number is a number: the page
puts both in its own language (``wording``, ``numbers``).

The modules, by reference section: ``numbers`` (reading and writing numbers), ``wording`` (sentences
with numbers in them), ``counts`` (1 and 2), ``grading`` (3 and 4), ``scale`` (the bands
of 3 and 4 as a result draws them), ``fever`` (6), ``care_cards`` (6), ``interpretation`` (5 and 6,
the whole answer), ``sources``.
"""

from .care_cards import EMERGENCY, EMERGENCY_BABY, STANDING_FEVER, CareCard, Urgency, emergency_card
from .counts import (
    ANC_RANGE,
    ANC_SUSPECT_BELOW_CELLS_PER_UL,
    LAB_LOWER_LIMIT_RANGE,
    LAB_UPPER_LIMIT_RANGE,
    PERCENT_RANGE,
    WBC_RANGE,
    Measure,
    PlausibleRange,
    Reading,
    Unit,
    UnitQuestion,
    anc_formula,
    compute_anc,
    format_both_units,
    format_count,
    from_cells_per_ul,
    in_unit,
    open_unit_questions,
    reading_units,
    to_cells_per_ul,
    unit_question,
    whole_cells,
)
from .fever import TEMPERATURE_RANGE_C, Temperature, TemperatureUnit, has_fever_signs
from .grading import (
    ADULT_LOW_AT_OR_BELOW,
    HIGH_ABOVE,
    LOW_BELOW,
    AgeGroup,
    Category,
    grade,
    grade_low_count,
    is_high,
    is_low,
    meaning,
    range_rules,
)
from .interpretation import Interpretation, Note, RelatedArticle, interpret_count, related_articles
from .numbers import ENGLISH, NumberStyle, Unreadable, UnreadableNumber, format_number, format_typed, read_number
from .scale import Band, scale
from .sources import SOURCES, Source
from .wording import Message, Typed, say

__all__ = [
    "ADULT_LOW_AT_OR_BELOW",
    "ANC_RANGE",
    "ANC_SUSPECT_BELOW_CELLS_PER_UL",
    "EMERGENCY",
    "EMERGENCY_BABY",
    "ENGLISH",
    "HIGH_ABOVE",
    "LAB_LOWER_LIMIT_RANGE",
    "LAB_UPPER_LIMIT_RANGE",
    "LOW_BELOW",
    "PERCENT_RANGE",
    "SOURCES",
    "STANDING_FEVER",
    "TEMPERATURE_RANGE_C",
    "WBC_RANGE",
    "AgeGroup",
    "Band",
    "CareCard",
    "Category",
    "Interpretation",
    "Measure",
    "Message",
    "Note",
    "NumberStyle",
    "PlausibleRange",
    "Reading",
    "RelatedArticle",
    "Source",
    "Temperature",
    "TemperatureUnit",
    "Typed",
    "Unit",
    "UnitQuestion",
    "Unreadable",
    "UnreadableNumber",
    "Urgency",
    "anc_formula",
    "compute_anc",
    "emergency_card",
    "format_both_units",
    "format_count",
    "format_number",
    "format_typed",
    "from_cells_per_ul",
    "grade",
    "grade_low_count",
    "has_fever_signs",
    "in_unit",
    "interpret_count",
    "is_high",
    "is_low",
    "meaning",
    "open_unit_questions",
    "range_rules",
    "read_number",
    "reading_units",
    "related_articles",
    "say",
    "scale",
    "to_cells_per_ul",
    "unit_question",
    "whole_cells",
]
