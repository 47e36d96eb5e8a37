"""Where the count checker's rules come from: listed on the page under "How we worked this out"."""

from dataclasses import dataclass

from .wording import _


@dataclass(frozen=True)
class Source:
    """A work the rules come from, and what they take from it."""

    name: str
    used_for: str


SOURCES: tuple[Source, ...] = (
    Source(
        _("This site's own articles"),
        _("neutropenia in adults is 1,700 or fewer neutrophils per microlitre of blood."),
    ),
    Source(
        _("UpToDate, “Overview of neutropenia in children and adolescents”"),
        _("how the absolute neutrophil count is worked out, and a count below 1,500 is low in children."),
    ),
    Source(
        _("MDCalc, “Absolute Neutrophil Count”"),
        _("the formula and the worked examples we check it against."),
    ),
    Source(
        _("Hematology of Infancy and Childhood; The 5-Minute Pediatric Consult"),
        _("a count below 1,000 is low in babies from 2 weeks to 1 year, and newborn counts are higher."),
    ),
    Source(
        _("StatPearls, “Neutrophilia” (NBK570571)"),
        _("a count above about 7,700 is higher than the usual range for adults."),
    ),
    Source(_("Manroe and colleagues"), _("how newborn counts change over the first days of life.")),
    Source(
        _("National Cancer Institute, Common Terminology Criteria for Adverse Events (CTCAE) version 5"),
        _("the grades of “neutrophil count decreased”."),
    ),
    Source(
        _("Cleveland Clinic; GlobalRPh (Tefferi, Primary Hematology); ASCO and IDSA guideline 2018"),
        _("the bands from mild to severe; IDSA calls a count below 100 profound."),
    ),
    Source(
        _("Merz and colleagues, Blood Advances 2023"),
        _("Duffy-null associated neutrophil count, a lower count that is normal for some people."),
    ),
    Source(
        _("IDSA guideline 2010; NICE guideline CG151"),
        _("fever with a low neutrophil count (neutropenic sepsis) is a medical emergency."),
    ),
    Source(
        _("NICE guideline NG143, “Fever in under 5s”"),
        _(
            "every baby under 3 months with a temperature of 38 °C or higher is at high risk, "
            "so a fever in a baby this young is an emergency whatever the count."
        ),
    ),
    Source(_("NHS content style guide"), _("the shape of the care cards.")),
)
