"""What valid data still lacks: an editor's to-do list (``python -m macros gaps``) and, in other words, the
"What is still missing" list of the About page.

Nothing here is an error (the check passes without it): a place without coordinates, a source whose headline was
not seen, a claim disputed by a side whose own words the event does not give.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from macros.load.problems import Problem
from macros.model import Dataset, Origin

GapKind = Literal["coordinates", "title", "own-words", "party-only", "translation"]
# A party's own outlets speak for that party: cited for its position, never alone for a fact.
PARTY_TYPES = {"official", "state-media"}


@dataclass(frozen=True)
class Gap:
    origin: Origin
    kind: GapKind
    entity: str  # the place, source or event that lacks something
    side: str = ""  # own-words: the actor that disputes without words of its own
    disputed: str = ""  # own-words: the actor whose claim it disputes


def gaps(dataset: Dataset) -> list[Gap]:
    """Every gap, sorted by file and line."""
    found = [Gap(place.origin, "coordinates", place.id)
             for place in dataset.places.values() if place.coordinates is None]
    found += [Gap(source.origin, "title", source.id)
              for source in dataset.sources.values() if source.title_from_address]
    found += [Gap(event.origin, "party-only", event.id) for event in dataset.events.values()
              if all(dataset.sources[source_id].source_type in PARTY_TYPES for source_id in event.sources)]
    found += [Gap(event.origin, "translation", event.id, claim.by) for event in dataset.events.values()
              for claim in event.claims if claim.quote and not claim.translation
              and not dataset.sources[claim.source].language.startswith("en")]
    for event in dataset.events.values():
        # A side speaks through its parts: Azerbaijan's defence ministry or president answers for Azerbaijan.
        sides = {_side(dataset, claim.by) for claim in event.claims}
        for claim in event.claims:
            for other in claim.disputed_by:
                if _side(dataset, other) not in sides:
                    found.append(Gap(event.origin, "own-words", event.id, other, claim.by))
                    sides.add(_side(dataset, other))  # one line a side is enough
    return sorted(found, key=lambda gap: (gap.origin.path, gap.origin.line, gap.kind, gap.side))


# What each kind of gap tells an editor: what is missing; what to add. (``{{``: a brace of YAML, not a field.)
MESSAGES: dict[GapKind, str] = {
    "coordinates": "place '{entity}' has no coordinates; add `coordinates: {{lat: …, lon: …, source: …}}` from a page "
                   "that shows them",
    "party-only": "event '{entity}' cites only a party's own outlets (official or state media); add a source that is "
                  "not a party's for the facts its summary states, or attribute them to the party",
    "translation": "event '{entity}': the words of '{side}' are quoted in another language with no English beside "
                   "them; add `translation:` and `translated_by: source` or `explainer`",
    "title": "source '{entity}': its title is read from its address; write the headline as published once the page "
             "can be read",
    "own-words": "event '{entity}': '{side}' disputes what '{disputed}' says but neither it nor a part of it has a "
                 "claim here; add a claim `by: {side}` with its words and their source",
}


def problem(gap: Gap) -> Problem:
    """The gap for an editor: ``path:line: what is missing; what to add``."""
    message = MESSAGES[gap.kind].format(entity=gap.entity, side=gap.side, disputed=gap.disputed)
    return Problem(gap.origin.path, gap.origin.line, message)


def _side(dataset: Dataset, actor_id: str) -> str:
    """The actor an actor is ultimately part of (the ministry's state, the president's state)."""
    seen = {actor_id}
    while (parent := dataset.actors[actor_id].part_of) and parent not in seen:
        seen.add(actor_id := parent)
    return actor_id
