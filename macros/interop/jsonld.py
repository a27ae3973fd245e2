"""schema.org descriptions of actors, places and events as JSON-LD, for search engines and linked-data tools.

Types and properties follow https://schema.org: ``Event`` (startDate, endDate, location, about, subjectOf),
``Place`` (alternateName, geo ``GeoCoordinates``, containedInPlace), ``Person``, ``Organization``,
``GovernmentOrganization`` and ``NewsMediaOrganization``. The JSON goes inside a ``<script>`` element, where
``</script>`` or ``<!--`` in data would end or break it: ``script_element`` writes ``<``, ``>`` and ``&`` as
``\\u003c``, ``\\u003e`` and ``\\u0026``, which JSON reads back as the same characters.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from macros.model import Actor, Dataset, Entity, Event, Place

# Sovereign states, their ministries and forces, and de facto authorities act as governments.
ACTOR_TYPES = {"person": "Person", "media": "NewsMediaOrganization", "state": "GovernmentOrganization",
               "ministry": "GovernmentOrganization", "armed-force": "GovernmentOrganization",
               "de-facto-authority": "GovernmentOrganization", "peacekeeping-force": "GovernmentOrganization"}
UrlOf = Callable[[Entity], str]


def _type(entity: Entity) -> str:
    if isinstance(entity, Actor):
        return ACTOR_TYPES.get(entity.category, "Organization")
    return "Place" if isinstance(entity, Place) else "Event"


def _reference(dataset: Dataset, entity_id: str, url_of: UrlOf) -> dict[str, Any]:
    entity = dataset.entity(entity_id)
    assert isinstance(entity, Actor | Place | Event)
    name = entity.title if isinstance(entity, Event) else entity.name
    return {"@type": _type(entity), "@id": url_of(entity), "name": name}


def _alternate_names(entity: Actor | Place) -> list[str]:
    return list(dict.fromkeys(name for name in entity.all_names if name != entity.name))


def entity_jsonld(dataset: Dataset, entity: Actor | Place | Event, url_of: UrlOf) -> dict[str, Any]:
    """The schema.org description of one actor, place or event; ``url_of`` gives each entity's page URL."""
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": _type(entity), "@id": url_of(entity),
                            "url": url_of(entity)}
    if isinstance(entity, Event):
        data.update({"name": entity.title, "description": entity.summary, "startDate": entity.date.iso})
        if entity.end:
            data["endDate"] = entity.end.iso
        if entity.places:
            data["location"] = [_reference(dataset, place_id, url_of) for place_id in entity.places]
        if entity.actors:
            data["about"] = [_reference(dataset, actor_id, url_of) for actor_id in entity.actors]
        data["subjectOf"] = [_work(dataset, source_id) for source_id in entity.sources]
        return data
    data.update({"name": entity.name, "description": entity.description})
    alternate = _alternate_names(entity)
    if alternate:
        data["alternateName"] = alternate
    if isinstance(entity, Place):
        if entity.coordinates:
            data["geo"] = {"@type": "GeoCoordinates", "latitude": entity.coordinates.lat,
                           "longitude": entity.coordinates.lon}
        if entity.located_in:
            data["containedInPlace"] = _reference(dataset, entity.located_in, url_of)
    elif entity.part_of:
        key = "affiliation" if entity.category == "person" else "parentOrganization"
        data[key] = _reference(dataset, entity.part_of, url_of)
    return data


def _work(dataset: Dataset, source_id: str) -> dict[str, Any]:
    source = dataset.sources[source_id]
    work: dict[str, Any] = {"@type": "CreativeWork", "name": source.title,
                            "publisher": {"@type": "Organization", "name": source.publisher},
                            "datePublished": source.date.iso, "inLanguage": source.language}
    if source.url:
        work["url"] = source.url
    return work


def script_element(data: dict[str, Any]) -> str:
    """``<script type="application/ld+json">`` holding ``data``; nothing in it can close or break the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
    return f'<script type="application/ld+json">{text}</script>'
