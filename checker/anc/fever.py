"""Temperatures and the signs of infection that make a low count an emergency (reference section 6)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

from .counts import PlausibleRange

TEMPERATURE_RANGE_C = PlausibleRange(Decimal(30), Decimal(45))


class TemperatureUnit(StrEnum):
    CELSIUS = "c"
    FAHRENHEIT = "f"

    @property
    def symbol(self) -> str:
        return "°C" if self is TemperatureUnit.CELSIUS else "°F"

    @property
    def plausible(self) -> tuple[Decimal, Decimal]:
        """The plausible temperatures in this unit, lowest and highest: 30 to 45 °C, 86 to 113 °F."""
        edges = (TEMPERATURE_RANGE_C.low, TEMPERATURE_RANGE_C.high)
        if self is TemperatureUnit.CELSIUS:
            return edges
        low, high = (edge * 9 / 5 + 32 for edge in edges)
        return low, high


@dataclass(frozen=True)
class Temperature:
    value: Decimal
    unit: TemperatureUnit

    @property
    def celsius(self) -> Fraction:
        """The temperature in °C, exactly: 100.4 °F is 38 °C, not 37.99…"""
        value = Fraction(self.value)
        if self.unit is TemperatureUnit.FAHRENHEIT:
            return (value - 32) * Fraction(5, 9)
        return value

    @property
    def plausible(self) -> bool:
        """Whether a thermometer on a living person could show it: 30 to 45 °C (86 to 113 °F)."""
        return self.celsius in TEMPERATURE_RANGE_C


FEVER_AT_OR_ABOVE_C = 38
TOO_COLD_BELOW_C = 36


def has_fever_signs(temperature: Temperature | None, feels_unwell: bool) -> bool:
    """Say whether there are signs of infection: 38.0 °C (100.4 °F) or higher, below 36.0 °C
    (96.8 °F), or feeling hot and shivery or generally unwell."""
    if feels_unwell:
        return True
    if temperature is None:
        return False
    return not TOO_COLD_BELOW_C <= temperature.celsius < FEVER_AT_OR_ABOVE_C
