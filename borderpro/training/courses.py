"""The course list shipped as data (``data/courses.yaml``), loaded into :class:`Course` rows by
a data migration and by ``seed_demo`` (idempotent: a course is matched by its code)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).resolve().parent / "data" / "courses.yaml"


@cache
def course_data() -> list[dict[str, Any]]:
    with DATA.open(encoding="utf-8") as handle:
        return list(yaml.safe_load(handle)["courses"])


def _question(q: dict[str, Any]) -> dict[str, Any]:
    return {
        "q_en": q["q"]["en"],
        "q_fr": q["q"]["fr"],
        "options_en": list(q["options"]["en"]),
        "options_fr": list(q["options"]["fr"]),
        "answer": int(q["answer"]),
    }


def sync_courses(model: Any) -> int:
    """Create or update every shipped course on ``model`` (the Course model, or its
    historical version in a migration). Returns how many courses the file holds."""
    rows = course_data()
    for row in rows:
        model.objects.update_or_create(
            code=row["code"],
            defaults={
                "order": row.get("order", 0),
                "title_en": row["title"]["en"],
                "title_fr": row["title"]["fr"],
                "summary_en": row["summary"]["en"],
                "summary_fr": row["summary"]["fr"],
                "frequency": row["frequency"],
                "validity_months": row.get("validity_months"),
                "roles": list(row["roles"]),
                "requirement_refs": list(row.get("requirements", [])),
                "questions": [_question(q) for q in row.get("questions", [])],
                "active": True,
            },
        )
    return len(rows)
