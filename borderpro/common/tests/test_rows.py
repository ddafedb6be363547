"""Hand-written statements read back exactly what the ORM reads (both databases)."""

from __future__ import annotations

import uuid

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from borderpro.accounts.models import ApiToken
from borderpro.accounts.services import api_token_create
from borderpro.api.authentication import active_token
from borderpro.common import rows
from borderpro.operations.models import Unit
from borderpro.operations.tests.factories import unit_for

pytestmark = pytest.mark.django_db


def _same(a, b) -> None:
    for field in type(a)._meta.concrete_fields:
        assert getattr(a, field.attname) == getattr(b, field.attname), field.name


def test_select_loads_the_same_values_as_the_orm(carrier_a, carrier_b) -> None:
    tractor = unit_for(carrier_a, kind="tractor", owner_operator=True, vin="1HGCM82633A004352")
    trailer = unit_for(carrier_a, kind="trailer")
    unit_for(carrier_b, kind="trailer")
    found = rows.select(Unit, organization=carrier_a.pk, id=[tractor.pk, str(trailer.pk)])
    assert sorted(str(u.pk) for u in found) == sorted([str(tractor.pk), str(trailer.pk)])
    for unit in found:
        _same(unit, Unit.objects.get(pk=unit.pk))
        assert isinstance(unit.pk, uuid.UUID) and not unit._state.adding


def test_select_never_crosses_organizations(carrier_a, carrier_b) -> None:
    other = unit_for(carrier_b, kind="trailer")
    assert rows.select(Unit, organization=carrier_a.pk, id=[other.pk]) == []
    assert rows.select(Unit, organization=carrier_a.pk, id=[]) == []


def test_select_refuses_a_value_that_is_not_of_the_field_type(carrier_a) -> None:
    with pytest.raises(ValidationError):
        rows.select(Unit, organization=carrier_a.pk, id=["not-a-uuid"])


def test_active_token_loads_token_user_organization_and_role(alice, carrier_a) -> None:
    token, raw = api_token_create(user=alice, organization=carrier_a, name="t", read_only=True)
    loaded = active_token(raw)
    assert loaded is not None
    _same(loaded, ApiToken.objects.get(pk=token.pk))
    _same(loaded.user, alice)
    _same(loaded.organization, carrier_a)
    assert loaded.member_role == "admin" and loaded.read_only is True
    assert active_token(raw + "x") is None


def test_an_appended_record_reads_back_and_verifies(carrier_a, alice) -> None:
    from borderpro.common.chain import chain_append
    from borderpro.operations.models import Inspection
    from borderpro.operations.tests.factories import points_for

    trailer = unit_for(carrier_a, kind="trailer")
    record = chain_append(
        Inspection(
            organization=carrier_a,
            recorded_by=alice,
            client_id=uuid.uuid4(),
            checklist="msc17",
            place="yard_exit",
            inspector_name="Zoë Côté-Lévesque",  # non-ASCII: hashed the same in SQL and Python
            inspected_at=timezone.now(),
            trailer=trailer,
            latitude="45.501690",
            points=points_for("msc17"),
            result="pass",
        )
    )
    assert not record._state.adding
    stored = Inspection.objects.get(pk=record.pk)
    _same(stored, record)
    assert stored.points == record.points and stored.compute_hash() == stored.record_hash


def test_a_record_sent_again_is_not_stored_and_leaves_the_chain_as_it_was(carrier_a) -> None:
    from django.db import transaction

    from borderpro.common.chain import AlreadyRecorded, chain_append
    from borderpro.common.models import ChainHead
    from borderpro.operations.models import Inspection
    from borderpro.operations.tests.factories import inspection_for

    first = inspection_for(carrier_a)
    again = Inspection(
        organization=carrier_a,
        client_id=first.client_id,
        checklist="msc17",
        place="yard_exit",
        inspector_name="Bob",
        inspected_at=timezone.now(),
        trailer=first.trailer,
        points=first.points,
        result="pass",
    )
    again.seq, again.prev_hash, again.record_hash = 99, "0" * 64, "1" * 64
    with transaction.atomic():
        assert rows.insert(again, unless_stored=("organization", "client_id")) is False
        # no database error: the transaction goes on
        assert Inspection.objects.filter(organization=carrier_a).count() == 1
    with pytest.raises(AlreadyRecorded), transaction.atomic():
        chain_append(again)
    head = ChainHead.objects.get(organization=carrier_a, chain=Inspection.chain_name())
    assert (head.seq, head.last_hash) == (first.seq, first.record_hash)
