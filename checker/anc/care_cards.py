"""The care cards every answer carries (reference section 6): the emergency card first when it applies,
then the standing fever card on every answer to the form, be it a result, a unit question or a page
of errors. Each card has the NHS shape: a heading that is the action, at most five bullets, and the
urgency named for screen readers."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from enum import StrEnum

from .grading import AgeGroup, Category
from .wording import _


class Urgency(StrEnum):
    """How urgent a card is; the value is the card's ``data-urgency``."""

    EMERGENCY = "emergency"
    URGENT = "urgent"

    @property
    def spoken(self) -> str:
        """The words a screen reader says before the card's heading, as on NHS care cards and the
        site's articles."""
        return _("Immediate action required:") if self is Urgency.EMERGENCY else _("Urgent advice:")


@dataclass(frozen=True)
class CareCard:
    urgency: Urgency
    heading: str
    bullets: tuple[str, ...]


# Written for someone who has, or may have, a low count: it also opens answers whose count is unknown.
EMERGENCY = CareCard(
    Urgency.EMERGENCY,
    _("Get medical help now"),
    (
        _("Call your care team's 24-hour number now, or call emergency services."),
        _("Tell them you have, or may have, a low neutrophil count (for example during chemotherapy)."),
        _("Do not wait to see if it goes away."),
        _(
            "A fever, a low temperature or feeling unwell with a low neutrophil count can be "
            "a serious infection (neutropenic sepsis)."
        ),
    ),
)

EMERGENCY_BABY = CareCard(
    Urgency.EMERGENCY,
    _("Get medical help for your baby now"),
    (
        _("Call your baby's care team now, or call emergency services."),
        _("Tell them how old your baby is, and that your baby may have a low neutrophil count."),
        _("Do not wait to see if it goes away."),
        _(
            "In a baby under 3 months, a fever, a low temperature or seeming unwell is an emergency by itself, "
            "whatever the count."
        ),
    ),
)

STANDING_FEVER = CareCard(
    Urgency.URGENT,
    _("If you get a fever, contact your care team at once"),
    (
        _("A fever means a temperature of 38 °C (100.4 °F) or higher, or feeling hot and shivery."),
        _("Call even at night. Use your care team's 24-hour number if you have one."),
        _("If your team gave you a lower temperature to call at, follow their number."),
        _("Check your temperature before you take paracetamol, because paracetamol can hide a fever."),
    ),
)


def emergency_card(
    *, fever_signs: bool, age_group: AgeGroup | None, categories: Collection[Category]
) -> CareCard | None:
    """Return the emergency card when it applies, or None.

    ``categories`` are what the count could be: one when it is known, one per possible reading while a
    unit question is open, none when the count is unknown (left empty, or unreadable). With fever signs
    the card applies to a baby under 3 months whatever the count (written for the baby), and otherwise
    when the count is unknown or could be low.
    """
    if not fever_signs:
        return None
    if age_group is not None and age_group.is_under_3_months:
        return EMERGENCY_BABY
    if not categories or any(category.is_neutropenia for category in categories):
        return EMERGENCY
    return None
