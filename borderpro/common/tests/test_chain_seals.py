"""Chain heads are sealed with a key outside the database and checkpointed outside it, so a
truncated chain (newest records deleted, head rolled back) or a rewritten one (a record
edited and every later hash recomputed) is detected and named (issue #10, fault 7)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from borderpro.common import seals
from borderpro.common.chain import verify_chain
from borderpro.common.checkpoints import chain_checkpoint_summary, checkpoint_write
from borderpro.common.checks import chain_seal_key_check
from borderpro.common.models import ChainHead
from borderpro.organizations.activity import activity_record
from borderpro.organizations.models import Activity

pytestmark = pytest.mark.django_db
CHAIN = "organizations.activity"


def _append(org: Any, n: int) -> list[Activity]:
    return [
        activity_record(organization=org, actor=None, verb="organization.updated") for _ in range(n)
    ]


def _pk(value: Any) -> Any:
    return value.hex if connection.vendor == "sqlite" else value


def _sql(statement: str, params: list[Any]) -> None:
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


def _head(org: Any) -> ChainHead:
    return ChainHead.objects.get(organization=org, chain=CHAIN)


def _set_head(org: Any, seq: int, last_hash: str, prev_hash: str, seal: str) -> None:
    _sql(
        f"UPDATE {ChainHead._meta.db_table} SET seq = %s, last_hash = %s, prev_hash = %s, "
        "seal = %s WHERE id = %s",
        [seq, last_hash, prev_hash, seal, _head(org).pk],
    )


def _truncate(org: Any, records: list[Activity], keep: int, *, seal: str) -> None:
    """Delete the records after #keep and roll the head back to #keep (with ``seal``)."""
    for record in records[keep:]:
        _sql(f"DELETE FROM {Activity._meta.db_table} WHERE id = %s", [_pk(record.pk)])
    last, before = records[keep - 1], records[keep - 2]
    _set_head(org, keep, last.record_hash, before.record_hash, seal)


def _rewrite(org: Any, seq: int) -> None:
    """Edit record #seq and recompute every later hash and the head, as an attacker with
    write access to the database (but not the key) would."""
    table = Activity._meta.db_table
    target = Activity.objects.get(organization=org, seq=seq)
    _sql(f"UPDATE {table} SET params = %s WHERE id = %s", ['{"x": "forged"}', _pk(target.pk)])
    prev = Activity.objects.get(organization=org, seq=seq - 1).record_hash if seq > 1 else "0" * 64
    before = prev
    for record in Activity.objects.filter(organization=org, seq__gte=seq).order_by("seq"):
        record.prev_hash = prev
        record.record_hash = record.compute_hash()
        _sql(
            f"UPDATE {table} SET prev_hash = %s, record_hash = %s WHERE id = %s",
            [record.prev_hash, record.record_hash, _pk(record.pk)],
        )
        before, prev = prev, record.record_hash
    head = _head(org)
    _set_head(org, head.seq, prev, before, head.seal)


def test_every_append_seals_the_head_with_the_key(carrier_a) -> None:
    records = _append(carrier_a, 3)
    head = _head(carrier_a)
    assert head.seal == seals.head_seal(carrier_a.pk, CHAIN, 3, records[-1].record_hash)
    assert seals.head_seal_ok(head)
    assert verify_chain(Activity, carrier_a).ok


def test_untouched_chains_verify_against_the_checkpoint(carrier_a, carrier_b, capsys) -> None:
    _append(carrier_a, 3)
    _append(carrier_b, 2)
    call_command("checkpoint_chains")
    _append(carrier_a, 2)  # appended after the checkpoint: still intact
    call_command("verify_records")
    out = capsys.readouterr().out
    assert "Checkpoint of 2 chain heads written" in out
    assert "All record chains intact" in out and "Compared with the checkpoint of" in out


def test_truncation_with_the_head_rolled_back_is_detected(carrier_a) -> None:
    records = _append(carrier_a, 3)
    seal_at_3 = _head(carrier_a).seal  # an attacker can keep an old, valid seal
    records += _append(carrier_a, 2)
    checkpoint_write()
    _truncate(carrier_a, records, 3, seal=seal_at_3)
    report = verify_chain(Activity, carrier_a)
    assert not report.ok
    assert "truncated: the checkpoint of" in report.problem
    assert f"recorded #5 with hash {records[4].record_hash[:12]}" in report.problem
    assert "the chain now ends at #3" in report.problem
    with pytest.raises(CommandError, match="truncated"):
        call_command("verify_records", "--org", carrier_a.code)


def test_rolling_the_head_back_without_the_key_breaks_its_seal(carrier_a) -> None:
    records = _append(carrier_a, 5)
    _truncate(carrier_a, records, 3, seal=_head(carrier_a).seal)  # no checkpoint yet
    report = verify_chain(Activity, carrier_a)
    assert not report.ok and "seal of the chain head (#3" in report.problem


def test_a_full_rewrite_is_detected_by_the_checkpoint(carrier_a) -> None:
    _append(carrier_a, 5)
    checkpoint_write()
    _rewrite(carrier_a, 2)
    report = verify_chain(Activity, carrier_a)
    assert not report.ok and "(#5) was rewritten: the checkpoint of" in report.problem


def test_a_full_rewrite_is_detected_by_the_seal_without_a_checkpoint(carrier_a) -> None:
    _append(carrier_a, 5)
    _rewrite(carrier_a, 2)
    report = verify_chain(Activity, carrier_a)
    assert not report.ok and "seal of the chain head (#5" in report.problem
    assert "moved without the sealing key" in report.problem


def test_head_mismatch_names_what_differs(carrier_a) -> None:
    records = _append(carrier_a, 3)
    head = _head(carrier_a)
    _set_head(carrier_a, 3, "f" * 64, head.prev_hash, head.seal)
    problem = verify_chain(Activity, carrier_a).problem
    assert (
        f"hash of #3 is ffffffffffff… but record #3 hashes to {records[2].record_hash[:12]}"
        in problem
    )
    _set_head(carrier_a, 4, records[2].record_hash, head.prev_hash, head.seal)
    problem = verify_chain(Activity, carrier_a).problem
    assert "says the last record is #4 but the records end at #3" in problem


def test_a_later_checkpoint_does_not_bless_a_truncation(carrier_a) -> None:
    records = _append(carrier_a, 3)
    seal_at_3 = _head(carrier_a).seal
    records += _append(carrier_a, 2)
    checkpoint_write()
    _truncate(carrier_a, records, 3, seal=seal_at_3)
    with pytest.raises(CommandError, match="before the checkpointed #5"):
        call_command("checkpoint_chains")
    assert "recorded #5" in verify_chain(Activity, carrier_a).problem


def test_a_forged_checkpoint_is_ignored_and_reported(carrier_a, settings, capsys) -> None:
    _append(carrier_a, 2)
    path, _, _ = checkpoint_write()
    forged = json.loads(path.read_text())
    forged["heads"][0]["seq"] = 1
    (Path(settings.CHAIN_CHECKPOINT_DIR) / "chains-99990101T000000Z.json").write_text(
        json.dumps(forged)
    )
    call_command("verify_records")
    captured = capsys.readouterr()
    assert "IGNORED checkpoint" in captured.err and path.name in captured.out


def test_integrity_page_lists_the_checkpoint_and_the_truncation(
    as_alice, carrier_a, django_capture_on_commit_callbacks
) -> None:
    records = _append(carrier_a, 3)
    seal_at_3 = _head(carrier_a).seal
    records += _append(carrier_a, 2)
    checkpoint_write()
    page = as_alice.get(f"/o/{carrier_a.code}/integrity/").content.decode()
    assert "Newest checkpoint" in page and "#5, checkpointed" in page
    _truncate(carrier_a, records, 3, seal=seal_at_3)
    with django_capture_on_commit_callbacks(execute=True):
        response = as_alice.post(f"/o/{carrier_a.code}/integrity/")
    page = as_alice.get(response["Location"]).content.decode()
    assert "Broken" in page and "truncated: the checkpoint of" in page


def test_checkpoint_summary_and_evidence_export_hold_only_the_organization_heads(
    as_alice, carrier_a, carrier_b, django_capture_on_commit_callbacks
) -> None:
    from borderpro.common.models import Job

    assert chain_checkpoint_summary(carrier_a) is None
    _append(carrier_a, 2)
    _append(carrier_b, 1)
    checkpoint_write()
    summary = chain_checkpoint_summary(carrier_a)
    assert summary is not None
    assert [(h["chain"], h["seq"]) for h in summary["heads"]] == [(CHAIN, 2)]
    with django_capture_on_commit_callbacks(execute=True):
        as_alice.post(f"/o/{carrier_a.code}/evidence/export/")
    job = Job.objects.get(organization=carrier_a, kind="evidence.export_zip")
    with job.result_file.open("rb") as handle, zipfile.ZipFile(handle) as archive:
        exported = json.loads(archive.read("record-checkpoint.json"))
    assert exported["heads"] == summary["heads"]
    assert str(carrier_b.pk) not in json.dumps(exported)


def test_development_key_is_announced_by_a_system_check(settings) -> None:
    settings.CHAIN_SEAL_KEY_IS_DEVELOPMENT = True
    assert [w.id for w in chain_seal_key_check()] == ["borderpro.W001"]
    settings.CHAIN_SEAL_KEY_IS_DEVELOPMENT = False
    assert chain_seal_key_check() == []


def test_another_key_does_not_match_the_seals(carrier_a, settings) -> None:
    _append(carrier_a, 2)
    settings.CHAIN_SEAL_KEY = "another key that an attacker would have to guess 0123"
    assert "CHAIN_SEAL_KEY changed" in verify_chain(Activity, carrier_a).problem


def test_integrity_page_speaks_french(as_alice, carrier_a, alice) -> None:
    _append(carrier_a, 2)
    checkpoint_write()
    alice.language = "fr"
    alice.save(update_fields=["language"])
    page = as_alice.get(
        f"/o/{carrier_a.code}/integrity/", HTTP_ACCEPT_LANGUAGE="fr"
    ).content.decode()
    assert "Dernier point de contrôle" in page and "n° 2, contrôlé le" in page


def test_after_a_key_change_verify_records_reseal_seals_intact_chains_again(
    carrier_a, settings, capsys
) -> None:
    _append(carrier_a, 3)
    settings.CHAIN_SEAL_KEY = "the new key, changed by the operator 0123456789"
    with pytest.raises(CommandError, match="CHAIN_SEAL_KEY changed"):
        call_command("verify_records")
    call_command("verify_records", "--reseal")
    assert f"Resealed {CHAIN} of {carrier_a.code}" in capsys.readouterr().out
    assert verify_chain(Activity, carrier_a).ok and _head(carrier_a).last_verified_ok


def test_reseal_does_not_hide_a_broken_link(carrier_a, settings) -> None:
    records = _append(carrier_a, 3)
    _sql(
        f"UPDATE {Activity._meta.db_table} SET params = %s WHERE id = %s",
        ['{"x": "forged"}', _pk(records[1].pk)],
    )
    settings.CHAIN_SEAL_KEY = "the new key, changed by the operator 0123456789"
    with pytest.raises(CommandError, match="altered"):
        call_command("verify_records", "--reseal")
