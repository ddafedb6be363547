"""URL conventions shared by every app.

Organization pages live under ``/o/<org_code>/``. Any other object in a URL is named
``<thing>_id`` and registered here with the model and the path from the model to the
organization that owns it; the route-matrix test uses this to build a real URL for every
route and prove that no one outside that organization can open it.
"""

from __future__ import annotations

OBJECT_KWARGS: dict[str, tuple[str, str]] = {}


def register_object_kwarg(kwarg: str, model_label: str, org_path: str = "organization") -> None:
    OBJECT_KWARGS[kwarg] = (model_label, org_path)
