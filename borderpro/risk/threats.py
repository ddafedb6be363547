"""The threat library (``data/threats.yaml``): threats with EN/FR names, sources,
confidence, the catalogue categories that counter them and default ratings."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from django.utils.translation import get_language

DATA = Path(__file__).resolve().parent / "data" / "threats.yaml"
LEVELS_3 = {"low": 0, "medium": 1, "high": 2}


def _lang(text: dict[str, str]) -> str:
    code = (get_language() or "en")[:2]
    return text.get(code) or text.get("en", "")


@dataclass(frozen=True)
class Source:
    key: str
    title: str
    url: str
    confidence: str


@dataclass(frozen=True)
class DefaultRating:
    region: str
    crossing: str
    level: str  # low / medium / high
    confidence: str
    source: Source | None

    def level_on(self, size: int) -> int:
        from borderpro.risk.scoring import rescale

        return rescale(LEVELS_3[self.level], 3, size)


@dataclass(frozen=True)
class Threat:
    code: str
    names: dict[str, str]
    descriptions: dict[str, str]
    sources: tuple[Source, ...]
    confidence: str
    categories: dict[str, tuple[str, ...]]
    default_ratings: tuple[DefaultRating, ...]

    @property
    def name(self) -> str:
        return _lang(self.names)

    @property
    def description(self) -> str:
        return _lang(self.descriptions)

    def counters(self, framework_code: str) -> tuple[str, ...] | None:
        """Category codes of ``framework_code`` that counter the threat (None: all)."""
        return self.categories.get(framework_code)

    def default_for(self, crossings: list[str]) -> DefaultRating | None:
        """The default for a crossing of the flow, else the region's."""
        lowered = [c.lower() for c in crossings]
        for rating in self.default_ratings:
            if rating.crossing and any(rating.crossing.lower() in c for c in lowered):
                return rating
        for rating in self.default_ratings:
            if not rating.crossing:
                return rating
        return None


@cache
def _load() -> tuple[dict[str, Threat], dict[str, dict[str, str]]]:
    data: dict[str, Any] = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    sources = {
        key: Source(key, s["title"], s["url"], s["confidence"])
        for key, s in data["sources"].items()
    }
    threats: dict[str, Threat] = {}
    for item in data["threats"]:
        defaults = tuple(
            DefaultRating(
                region=d.get("region", ""),
                crossing=d.get("crossing", ""),
                level=d["level"],
                confidence=d["confidence"],
                source=sources[d["source"]] if d.get("source") else None,
            )
            for d in item.get("default_ratings", [])
        )
        threats[item["code"]] = Threat(
            code=item["code"],
            names=item["name"],
            descriptions=item["description"],
            sources=tuple(sources[key] for key in item.get("sources", [])),
            confidence=item["confidence"],
            categories={k: tuple(str(c) for c in v) for k, v in item["categories"].items()},
            default_ratings=defaults,
        )
    return threats, data.get("regions", {})


def library() -> list[Threat]:
    return list(_load()[0].values())


def get(code: str) -> Threat | None:
    return _load()[0].get(code)


def codes() -> list[str]:
    return list(_load()[0])


def region_name(key: str) -> str:
    region = _load()[1].get(key)
    return _lang(region) if region else key
