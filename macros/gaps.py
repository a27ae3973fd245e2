"""What valid data still lacks, for an editor's to-do list: ``python -m macros gaps``.

Nothing here is an error (the check passes without it): a place without coordinates, a source whose headline was
not seen, a claim disputed by a side whose own words the event does not give. Each gap is reported like a problem,
``path:line: what is missing; what to add``, so an editor's tools can jump to it.
"""

from __future__ import annotations

from macros.model import Dataset, Origin
from macros.problems import Problem


def _gap(origin: Origin, missing: str, fix: str) -> Problem:
    return Problem(origin.path, origin.line, f"{missing}; {fix}")


def gaps(dataset: Dataset) -> list[Problem]:
    """Every gap, sorted by file and line."""
    found = [_gap(place.origin, f"place '{place.id}' has no coordinates",
                  "add `coordinates: {lat: …, lon: …, source: …}` from a page that shows them")
             for place in dataset.places.values() if place.coordinates is None]
    found += [_gap(source.origin, f"source '{source.id}': its title is read from its address",
                   "write the headline as published once the page can be read")
              for source in dataset.sources.values() if source.title_from_address]
    for event in dataset.events.values():
        # A side speaks through its parts: Azerbaijan's defence ministry or president answers for Azerbaijan.
        sides = {_side(dataset, claim.by) for claim in event.claims}
        for claim in event.claims:
            for other in claim.disputed_by:
                if _side(dataset, other) not in sides:
                    found.append(_gap(event.origin, f"event '{event.id}': '{other}' disputes what '{claim.by}' "
                                      "says but neither it nor a part of it has a claim here",
                                      f"add a claim `by: {other}` with its words and their source"))
                    sides.add(_side(dataset, other))  # one line a side is enough
    return sorted(found)


def _side(dataset: Dataset, actor_id: str) -> str:
    """The actor an actor is ultimately part of (the ministry's state, the president's state)."""
    seen = {actor_id}
    while (parent := dataset.actors[actor_id].part_of) and parent not in seen:
        seen.add(actor_id := parent)
    return actor_id
