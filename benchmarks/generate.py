"""A seeded, deterministic synthetic explainer of any size: ``python -m benchmarks.generate TARGET --events 5000``.

It writes ``TARGET/data/*.yml`` and ``TARGET/seeds/synthetic.txt`` (the project's own pages serve any data),
shaped like a newsroom's data after years of tracking a conflict: most events in recent years, a few hub actors
and places in thousands of events (Zipf-like), places named in three scripts (Latin, Armenian, Cyrillic) with
aliases, sources cited from events, claims and coordinates, glossary terms. Text lengths follow the seed data
(titles ~70 characters, summaries of a few sentences).
The same arguments always give byte-identical files, and the result passes ``python -m macros check``.
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

# Consonant-vowel syllables, spelled in Latin, Armenian and Cyrillic: names are unique by construction.
CONSONANTS = (("b", "բ", "б"), ("d", "դ", "д"), ("g", "գ", "г"), ("k", "կ", "к"), ("l", "լ", "л"), ("m", "մ", "м"),
              ("n", "ն", "н"), ("p", "պ", "п"), ("r", "ր", "р"), ("s", "ս", "с"), ("t", "տ", "т"), ("v", "վ", "в"),
              ("z", "զ", "з"), ("sh", "շ", "ш"), ("ch", "չ", "ч"), ("ts", "ց", "ц"))
VOWELS = (("a", "ա", "а"), ("e", "ե", "е"), ("i", "ի", "и"), ("o", "ո", "о"), ("u", "ու", "у"))
SYLLABLES = [(c[0] + v[0], c[1] + v[1], c[2] + v[2]) for c, v in itertools.product(CONSONANTS, VOWELS)]

ACTOR_ROLES = {"state": "Republic", "ministry": "Ministry", "armed-force": "Brigade", "de-facto-authority": "Council",
               "international-body": "Commission", "person": "Spokesperson", "media": "Herald",
               "organization": "Foundation", "peacekeeping-force": "Mission"}
PLACE_KINDS = ("city", "town", "village", "village", "road", "checkpoint", "site", "bridge", "district")
EVENT_KINDS = ("military", "military", "diplomatic", "political", "humanitarian", "legal")
PUBLISHERS = ("Caucasus Wire", "Eurasia Daily", "Mountain Post", "Regional Times", "Border Monitor", "Capital News",
              "Press Agency East", "Press Agency West", "Public Radio", "Evening Chronicle", "Field Report",
              "Observer Weekly", "Morning Ledger", "Frontline Review", "Southern Herald", "Northern Gazette",
              "Valley Broadcast", "Lake District News", "Plateau Journal", "Diplomatic Brief", "Rights Watch Review",
              "Relief Bulletin", "Analysis Quarterly", "State News Service", "Civic Voice")
LANGUAGES = ("en", "en", "en", "hy", "az", "ru")
VERBS = ("reported", "announced", "denied", "confirmed", "described", "condemned", "welcomed", "disputed")
NOUNS = ("shelling", "talks", "ceasefire", "convoy", "evacuation", "statement", "blockade", "exchange of prisoners",
         "inspection", "agreement", "protest", "deployment", "withdrawal", "hearing", "aid delivery")
FILLER = ("Witnesses described the situation as tense.", "Officials gave no figures for casualties.",
          "The account could not be independently verified at the time.",
          "Several international bodies called for restraint.", "Local residents reported power cuts overnight.",
          "The statement followed weeks of negotiations.", "Journalists were not allowed to reach the area.",
          "Both sides published maps of the positions they claimed.")
FIRST_YEAR, LAST_YEAR = 1988, 2023


@dataclass(frozen=True)
class Size:
    events: int
    actors: int
    places: int

    @classmethod
    def scaled(cls, events: int) -> Size:
        """The proportions of the issue's target: 5,000 events, 1,000 actors, 500 places."""
        return cls(events, max(12, events // 5), max(8, events // 10))


def _spell(base: tuple[int, ...], script: int) -> str:
    return "".join(SYLLABLES[index][script] for index in base).capitalize()


class _Writer:
    def __init__(self, size: Size, seed: int) -> None:
        self.size = size
        self.rng = random.Random(seed)  # noqa: S311 (seeded on purpose: the same data every run)
        self.cumulative: dict[int, list[float]] = {}
        self.bases = iter(self.rng.sample(list(itertools.product(range(len(SYLLABLES)), repeat=3)),
                                          size.actors + size.places + size.events // 40 + 20))

    def _text(self, words: int) -> str:
        sentences: list[str] = []
        count = 0
        while count < words:
            sentences.append(self.rng.choice(FILLER))
            count += len(sentences[-1].split())
        return " ".join(sentences)

    def _zipf(self, count: int, k: int) -> list[int]:
        """``k`` distinct indexes below ``count``, low indexes far more often (a few hubs, a long tail)."""
        if count not in self.cumulative:
            self.cumulative[count] = list(itertools.accumulate(1 / (rank + 1) for rank in range(count)))
        cumulative = self.cumulative[count]
        chosen: set[int] = set()
        while len(chosen) < min(k, count):
            chosen.add(bisect.bisect(cumulative, self.rng.random() * cumulative[-1]))
        return sorted(chosen)

    def _date(self) -> tuple[str, str]:
        """A date (day, month or year precision) and its year; recent years have most events."""
        years = list(range(FIRST_YEAR, LAST_YEAR + 1))
        year = self.rng.choices(years, weights=[1 + (y - FIRST_YEAR) ** 1.5 for y in years])[0]
        precision = self.rng.random()
        if precision < 0.05:
            return f"{year}", f"{year}"
        month = self.rng.randint(1, 12)
        if precision < 0.2:
            return f"{year}-{month:02d}", f"{year}"
        return f"{year}-{month:02d}-{self.rng.randint(1, 28):02d}", f"{year}"

    def actors(self, sources: list[str]) -> list[dict[str, Any]]:
        kinds = list(ACTOR_ROLES)
        actors: list[dict[str, Any]] = []
        for index in range(self.size.actors):
            base = next(self.bases)
            kind = "state" if index < 10 else self.rng.choice(kinds[1:])
            role = ACTOR_ROLES[kind]
            name = f"{_spell(base, 0)} {role}"
            actor: dict[str, Any] = {
                "id": f"actor-{_spell(base, 0).lower()}", "name": name, "kind": kind,
                "description": f"The {role.lower()} known as {name}. {self._text(self.rng.randint(8, 20))}",
                "aliases": [f"{role} of {_spell(base, 0)}"]}
            if self.rng.random() < 0.3:
                actor["names"] = [{"text": f"{_spell(base, 1)}", "lang": "hy", "script": "Armn",
                                   "romanized": _spell(base, 0)},
                                  {"text": f"{_spell(base, 2)}", "lang": "ru", "script": "Cyrl"}]
            if index >= 10 and self.rng.random() < 0.4:
                actor["part_of"] = actors[self.rng.randrange(10)]["id"]
            if self.rng.random() < 0.3:
                actor["sources"] = [self.rng.choice(sources)]
            actors.append(actor)
        return actors

    def places(self, actors: list[dict[str, Any]], sources: list[str]) -> list[dict[str, Any]]:
        places: list[dict[str, Any]] = []
        regions = max(2, self.size.places // 20)
        states = [actor["id"] for actor in actors[:10]]
        for index in range(self.size.places):
            base = next(self.bases)
            latin = _spell(base, 0)
            kind = "country" if index < 5 else "region" if index < 5 + regions else self.rng.choice(PLACE_KINDS)
            place: dict[str, Any] = {
                "id": f"place-{latin.lower()}", "name": latin, "kind": kind,
                "description": f"A {kind} of the synthetic conflict zone. {self._text(self.rng.randint(10, 25))}",
                "aliases": [f"{latin}kend"],
                "names": [
                    {"text": latin, "lang": "en", "script": "Latn", "used_by": [self.rng.choice(states)]},
                    {"text": _spell(base, 1), "lang": "hy", "script": "Armn", "romanized": latin,
                     "used_by": [self.rng.choice(states)]},
                    {"text": _spell(base, 2), "lang": "ru", "script": "Cyrl", "romanized": latin},
                    {"text": latin.replace("a", "ə"), "lang": "az", "script": "Latn",
                     "used_by": [self.rng.choice(states)], "period": {"from": "1991"}},
                ]}
            if "a" not in latin:
                place["names"].pop()  # the Azerbaijani spelling would repeat the English one
            if index >= 5:
                parent = self.rng.randrange(5) if index < 5 + regions else 5 + self.rng.randrange(regions)
                place["located_in"] = places[parent]["id"]
            if self.rng.random() < 0.5:
                place["coordinates"] = {"lat": round(self.rng.uniform(39, 41), 4),
                                        "lon": round(self.rng.uniform(45, 47.5), 4),
                                        "source": self.rng.choice(sources)}
            places.append(place)
        return places

    def events(self, actors: list[dict[str, Any]], places: list[dict[str, Any]],
               source_count: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        dates = sorted(self._date() for _ in range(self.size.events))
        sources: list[dict[str, Any]] = []
        for index in range(source_count):
            date = dates[index * len(dates) // source_count][0]
            sources.append({"id": f"src-{index:05d}-{date[:4]}", "publisher": self.rng.choice(PUBLISHERS),
                            "title": f"{self.rng.choice(NOUNS).capitalize()}: {self._text(6)}"[:160],
                            "date": date, "url": f"https://news.example.org/{date[:4]}/{index:05d}",
                            "language": self.rng.choice(LANGUAGES)})
            if self.rng.random() < 0.2:
                sources[-1]["archive_url"] = f"https://archive.example.org/{index:05d}"
        events: list[dict[str, Any]] = []
        for index, (date, _year) in enumerate(dates):
            chosen_actors = [actors[i] for i in self._zipf(len(actors), self.rng.randint(1, 4))]
            chosen_places = [places[i] for i in self._zipf(len(places), self.rng.randint(1, 2))]
            own = index * source_count // len(dates)
            cited = {own, *(min(source_count - 1, max(0, own + self.rng.randint(-20, 20)))
                            for _ in range(self.rng.randint(0, 2)))}
            source_ids = [sources[i]["id"] for i in sorted(cited)]
            noun = self.rng.choice(NOUNS)
            lead = chosen_actors[0]["name"]
            event: dict[str, Any] = {
                "id": f"{date}-{noun.split()[0]}-{index:05d}", "date": date, "kind": self.rng.choice(EVENT_KINDS),
                "title": f"{lead} {self.rng.choice(VERBS)} {noun} near {chosen_places[0]['name']}",
                "summary": f"{lead} {self.rng.choice(VERBS)} a {noun} in {chosen_places[0]['name']}. "
                           + self._text(self.rng.randint(12, 35)),
                "actors": [actor["id"] for actor in chosen_actors],
                "places": [place["id"] for place in chosen_places],
                "sources": source_ids}
            claims = []
            for _ in range(self.rng.choices((0, 1, 2), weights=(50, 35, 15))[0]):
                claim: dict[str, Any] = {"by": self.rng.choice(chosen_actors)["id"],
                                         "says": f"The {noun} was {self.rng.choice(VERBS)} by the other side. "
                                                 + self._text(self.rng.randint(5, 15)),
                                         "source": self.rng.choice(source_ids)}
                others = [actor["id"] for actor in chosen_actors if actor["id"] != claim["by"]]
                if others and self.rng.random() < 0.3:
                    claim["disputed_by"] = [self.rng.choice(others)]
                claims.append(claim)
            if claims:
                event["claims"] = claims
            events.append(event)
        return events, sources

    def terms(self, actors: list[dict[str, Any]], sources: list[str]) -> list[dict[str, Any]]:
        terms: list[dict[str, Any]] = []
        for _ in range(max(10, self.size.events // 50)):
            word = _spell(next(self.bases), 0).lower()
            term: dict[str, Any] = {
                "id": f"term-{word}", "term": f"{word} measures", "aliases": [f"{word} operation"],
                "definition": f"A word one side uses for its actions. {self._text(self.rng.randint(10, 30))}",
                "used_by": [self.rng.choice(actors[:10])["id"]],
                "instead": [{"term": f"{word} aggression", "used_by": [self.rng.choice(actors[:10])["id"]],
                             "source": self.rng.choice(sources)}],
                "sources": [self.rng.choice(sources)]}
            if terms and self.rng.random() < 0.5:
                term["related"] = [self.rng.choice(terms)["id"]]
            terms.append(term)
        return terms


def _dump(path: Path, key: str, entries: Any) -> None:
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    text = yaml.dump({key: entries}, Dumper=dumper, allow_unicode=True, sort_keys=False, width=4096)
    path.write_text(f"# Synthetic benchmark data (benchmarks/generate.py); not facts.\n{text}", encoding="utf-8")


def generate(target: Path, size: Size, seed: int = 1) -> Path:
    """Write a synthetic dataset of ``size`` into ``target/data`` and ``target/seeds``; return ``target``."""
    writer = _Writer(size, seed)
    source_count = max(3, size.events * 3 // 5)
    sources_ids = [f"src-{index:05d}" for index in range(source_count)]  # placeholders, renamed below
    actors = writer.actors(sources_ids)
    places = writer.places(actors, sources_ids)
    events, sources = writer.events(actors, places, source_count)
    terms = writer.terms(actors, sources_ids)
    # Actors, places and terms picked sources before their dates were known: give them the final ids.
    final = {placeholder: source["id"] for placeholder, source in zip(sources_ids, sources, strict=True)}
    for entry in [*actors, *places, *terms]:
        if "sources" in entry:
            entry["sources"] = sorted({final[source] for source in entry["sources"]})
        if "coordinates" in entry:
            entry["coordinates"]["source"] = final[entry["coordinates"]["source"]]
        for alternative in entry.get("instead", ()):
            alternative["source"] = final[alternative["source"]]
    article = {"id": "synthetic-article", "publisher": "Synthetic Wire", "title": "The synthetic conflict explained",
               "date": f"{LAST_YEAR}-09-19", "language": "en"}
    sources.append(article)
    lead, place = actors[0]["name"], places[5 % len(places)]["name"]
    paragraphs = [f"{lead} announced an operation in {place} on 19 September {LAST_YEAR}.",
                  "Officials gave no figures for casualties. " + writer._text(60),
                  "The region has been disputed for decades. " + writer._text(80)]
    (target / "data").mkdir(parents=True, exist_ok=True)
    # Written over a copy of the project: the story's map outlines name its places and sources, not these.
    (target / "data" / "boundaries.geojson").unlink(missing_ok=True)
    (target / "seeds").mkdir(parents=True, exist_ok=True)
    (target / "seeds" / "synthetic.txt").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    seed_data = {"source": "synthetic-article", "file": "seeds/synthetic.txt", "notes": [
        {"id": "note-figures", "passage": "Officials gave no figures for casualties.", "verdict": "outdated",
         "note": "Later reports gave figures.", "sources": [sources[-2]["id"]]},
        {"id": "note-disputed", "passage": "The region has been disputed for decades.", "verdict": "imprecise",
         "note": "The dispute is older.", "sources": [sources[0]["id"]]}],
        "key_events": [events[0]["id"], events[-1]["id"]],
        "chapters": [{"title": "The last years", "from": events[-len(events) // 10]["date"]}]}
    data = target / "data"
    _dump(data / "sources.yml", "sources", sources)
    _dump(data / "actors.yml", "actors", actors)
    _dump(data / "places.yml", "places", places)
    _dump(data / "events.yml", "events", events)
    _dump(data / "glossary.yml", "terms", terms)
    _dump(data / "seed.yml", "seed", seed_data)
    return target


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.generate", description=__doc__)
    parser.add_argument("target", type=Path, help="the folder to write data/ and seeds/ into")
    parser.add_argument("--events", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    generate(args.target, Size.scaled(args.events), args.seed)


if __name__ == "__main__":
    main()
