"""The vault on the organization overview: its figures for a carrier, its column for a
consultancy's client table (registered panels: the tenancy app does not import the vault)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.test import Client

from borderpro.evidence.tests.factories import evidence_for


def test_a_carrier_overview_shows_the_vault_figures(as_alice: Client, carrier_a: Any) -> None:
    today = carrier_a.local_today()
    evidence_for(carrier_a, title="Seal certificate", expires_on=today + timedelta(days=10))
    evidence_for(carrier_a, title="Old permit", expires_on=today - timedelta(days=1))
    evidence_for(carrier_a, title="Statement")
    page = as_alice.get(f"/o/{carrier_a.code}/").content.decode()
    assert page.index("evidence files") < page.index("Recent activity")
    figures = page[page.index('<div class="grid grid-3 stats">') :]
    assert '<span class="value">3</span><span class="label">evidence files' in figures
    assert '<span class="value">1</span><span class="label">expiring within 60 days' in figures


def test_the_client_table_counts_each_client_s_evidence(
    as_carol: Client, consultancy: Any, carrier_a: Any
) -> None:
    evidence_for(carrier_a, title="One")
    evidence_for(carrier_a, title="Two")
    page = as_carol.get(f"/o/{consultancy.code}/").content.decode()
    assert '<th class="num">Evidence files</th>' in page
    assert 'data-label="Evidence files">2</td>' in page
