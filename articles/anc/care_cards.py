"""The care cards a result carries (reference section 6): the emergency card first when it applies,
then the standing fever card on every result. Each card has the NHS shape: a heading that is the
action, at most five bullets, and the urgency named for screen readers."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Urgency(StrEnum):
    """How urgent a card is; the value is the card's ``data-urgency``."""

    EMERGENCY = "emergency"
    URGENT = "urgent"

    @property
    def spoken(self) -> str:
        """The words a screen reader says before the card's heading, as on NHS care cards and the
        site's articles."""
        return "Immediate action required:" if self is Urgency.EMERGENCY else "Urgent advice:"


@dataclass(frozen=True)
class CareCard:
    urgency: Urgency
    heading: str
    bullets: tuple[str, ...]


EMERGENCY = CareCard(
    Urgency.EMERGENCY,
    "Get medical help now",
    (
        "Call your care team's 24-hour number now, or call emergency services.",
        "Tell them you may have a low neutrophil count.",
        "Do not wait to see if it goes away.",
        "A fever, a low temperature or feeling unwell with a low neutrophil count can be "
        "a serious infection (neutropenic sepsis).",
    ),
)

EMERGENCY_NEWBORN = CareCard(
    Urgency.EMERGENCY,
    "Get medical help for your baby now",
    (
        "Call your baby's care team now, or call emergency services.",
        "Tell them your baby is under 2 weeks old and may have a low neutrophil count.",
        "Do not wait to see if it goes away.",
        "In a baby this young, a fever, a low temperature or seeming unwell is an emergency by itself.",
    ),
)

STANDING_FEVER = CareCard(
    Urgency.URGENT,
    "If you get a fever, contact your care team at once",
    (
        "A fever means a temperature of 38 °C (100.4 °F) or higher, or feeling hot and shivery.",
        "Call even at night. Use your care team's 24-hour number if you have one.",
        "If your team gave you a lower temperature to call at, follow their number.",
        "Check your temperature before you take paracetamol, because paracetamol can hide a fever.",
    ),
)


def emergency_card(*, emergency: bool, newborn: bool) -> CareCard | None:
    """Return the emergency card when it applies, written for a baby when the count is a newborn's."""
    if not emergency:
        return None
    return EMERGENCY_NEWBORN if newborn else EMERGENCY
