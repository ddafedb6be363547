"""Plain input serializers share field definitions, never per-request state."""

from __future__ import annotations

from borderpro.operations.api import InspectionCreateSerializer


def test_each_instance_validates_on_its_own() -> None:
    good = InspectionCreateSerializer(
        data={
            "client_id": "0190f0f0-0000-7000-8000-000000000001",
            "checklist": "msc17",
            "place": "yard_exit",
            "inspector_name": "Bob",
            "points": [],
        }
    )
    bad = InspectionCreateSerializer(data={"client_id": "nope", "place": "moon", "points": []})
    assert not bad.is_valid()
    assert good.is_valid(), good.errors
    assert set(bad.errors) == {"client_id", "checklist", "place", "inspector_name"}
    assert "moon" in str(bad.errors["place"][0])
    assert not good.errors
    assert good.fields["place"] is not bad.fields["place"]
    assert good.fields["place"].parent is good and bad.fields["place"].parent is bad
