"""The model: the checked dataset as typed, frozen objects, with its dates, periods and names.

Offers the entity classes and ``Dataset`` (``dataset``), partial dates (``dates``), the splitting of long lists
into periods (``periods``), name folding and display names (``names``) and the naming policy that chooses which
side's name a place is shown by (``naming``: pages and the context layer both use it, so it lives here, below
both). Imports nothing else of the explainer.
"""

from macros.model.dataset import (
    Actor,
    Chapter,
    Claim,
    Dataset,
    Entity,
    Event,
    Figure,
    Media,
    Name,
    Origin,
    Place,
    Point,
    Source,
    Term,
)
from macros.model.dates import MONTHS, PartialDate, format_date, format_range, parse_date
from macros.model.names import display_name, fold, heading, letters

__all__ = [
    "MONTHS", "Actor", "Chapter", "Claim", "Dataset", "Entity", "Event", "Figure", "Media", "Name", "Origin",
    "PartialDate", "Place", "Point", "Source", "Term", "display_name", "fold", "format_date", "format_range", "heading",
    "letters", "parse_date",
]
