"""Where the count checker's rules come from: listed on the page under "How we worked this out"."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Source:
    """A work the rules come from, and what they take from it."""

    name: str
    used_for: str


SOURCES: tuple[Source, ...] = (
    Source(
        "This site's own articles",
        "neutropenia in adults is 1,700 or fewer neutrophils per microlitre of blood.",
    ),
    Source(
        "UpToDate, “Overview of neutropenia in children and adolescents”",
        "how the absolute neutrophil count is worked out, and a count below 1,500 is low in children.",
    ),
    Source(
        "MDCalc, “Absolute Neutrophil Count”",
        "the formula and the worked examples we check it against.",
    ),
    Source(
        "Hematology of Infancy and Childhood; The 5-Minute Pediatric Consult",
        "a count below 1,000 is low in babies from 2 weeks to 1 year, and newborn counts are higher.",
    ),
    Source(
        "StatPearls, “Neutrophilia” (NBK570571)",
        "a count above about 7,700 is higher than the usual range for adults.",
    ),
    Source("Manroe and colleagues", "how newborn counts change over the first days of life."),
    Source(
        "National Cancer Institute, Common Terminology Criteria for Adverse Events (CTCAE) version 5",
        "the grades of “neutrophil count decreased”.",
    ),
    Source(
        "Cleveland Clinic; GlobalRPh (Tefferi, Primary Hematology); ASCO and IDSA guideline 2018",
        "the bands from mild to severe; IDSA calls a count below 100 profound.",
    ),
    Source(
        "Merz and colleagues, Blood Advances 2023",
        "Duffy-null associated neutrophil count, a lower count that is normal for some people.",
    ),
    Source(
        "IDSA guideline 2010; NICE guideline CG151",
        "fever with a low neutrophil count (neutropenic sepsis) is a medical emergency.",
    ),
    Source(
        "NICE guideline NG143, “Fever in under 5s”",
        "every baby under 3 months with a temperature of 38 °C or higher is at high risk, "
        "so a fever in a baby this young is an emergency whatever the count.",
    ),
    Source("NHS content style guide", "the shape of the care cards."),
)
