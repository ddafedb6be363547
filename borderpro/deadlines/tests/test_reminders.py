"""Staged reminders: who gets what, when, once; digests; unsubscribe; crash and race safety."""

from __future__ import annotations

import threading
from datetime import date, timedelta
from typing import Any

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.utils import timezone

from borderpro.deadlines.models import Notification, ReminderPreference, SentReminder
from borderpro.deadlines.reminders import (
    CLAIM_TIMEOUT,
    Stages,
    current_stage,
    deliver_reminders,
    plan_reminders,
    send_due_reminders,
    unsubscribe_token,
)
from borderpro.deadlines.services import reminder_setting_save
from borderpro.evidence.tests.factories import evidence_for
from borderpro.people.tests.factories import card_for, employee_for

pytestmark = pytest.mark.django_db
START = date(2027, 1, 1)


def _log() -> list[tuple[str, str, str, str]]:
    return sorted(
        (r.planned_on.isoformat(), r.user.full_name, r.kind, r.stage)
        for r in SentReminder.objects.select_related("user")
    )


@pytest.fixture
def year_of_records(carrier_a: Any, alice: Any, bob: Any, carol: Any) -> dict[str, Any]:
    """A carrier's year: evidence Alice uploaded expiring 15 Mar 2027, a FAST card of
    a driver expiring 20 Jun 2027 (no owner: the administrators)."""
    evidence = evidence_for(
        carrier_a, title="Seal certificate", actor=alice, expires_on=date(2027, 3, 15)
    )
    card = card_for(employee_for(carrier_a, "Gary Olsen"), expires_on=date(2027, 6, 20))
    return {"evidence": evidence, "card": card}


def test_the_stage_is_the_smallest_one_reached() -> None:
    stages = Stages((90, 60, 30, 7))
    due = date(2027, 3, 31)
    assert current_stage(due, due - timedelta(days=91), stages) is None
    assert current_stage(due, due - timedelta(days=90), stages) == "90"
    assert current_stage(due, due - timedelta(days=45), stages) == "60"
    assert current_stage(due, due, stages) == "7"
    assert current_stage(due, due + timedelta(days=1), stages) == "overdue"
    assert current_stage(due, due + timedelta(days=1), stages, window=True) is None
    assert current_stage(due, due + timedelta(days=1), Stages((30,), overdue=False)) is None


def test_a_simulated_year_sends_each_reminder_once(
    year_of_records: dict[str, Any], carrier_a: Any, alice: Any, carol: Any
) -> None:
    day = START
    while day < START + timedelta(days=365):
        send_due_reminders(today=day, organizations=[carrier_a])
        day += timedelta(days=1)
    assert _log() == [
        ("2027-01-01", "Alice", "driver.fast_card_expiry", "183"),  # no owner: the admin
        ("2027-01-14", "Alice", "evidence.expiry", "60"),  # Alice uploaded it
        ("2027-02-13", "Alice", "evidence.expiry", "30"),
        ("2027-03-08", "Alice", "evidence.expiry", "7"),
        ("2027-03-16", "Alice", "evidence.expiry", "overdue"),
        ("2027-03-16", "Carol", "evidence.expiry", "overdue"),  # escalated to the consultant
        ("2027-03-22", "Alice", "driver.fast_card_expiry", "90"),
        ("2027-04-21", "Alice", "driver.fast_card_expiry", "60"),
        ("2027-05-21", "Alice", "driver.fast_card_expiry", "30"),
        ("2027-06-13", "Alice", "driver.fast_card_expiry", "7"),
        ("2027-06-21", "Alice", "driver.fast_card_expiry", "overdue"),
        ("2027-06-21", "Carol", "driver.fast_card_expiry", "overdue"),
    ]
    assert not SentReminder.objects.filter(sent_at__isnull=True).exists()
    # one email per reminder (the default preference), each the day it was planned
    assert len(mail.outbox) == 12
    assert [m.to for m in mail.outbox].count([carol.email]) == 2
    assert Notification.objects.filter(user=alice).count() == 10
    # Bob (field staff) may not see evidence or driver cards: he hears of neither
    assert not SentReminder.objects.filter(user__full_name="Bob").exists()


def test_an_organization_s_own_stages(
    year_of_records: dict[str, Any], carrier_a: Any, alice: Any
) -> None:
    reminder_setting_save(
        actor=alice, organization=carrier_a, kind="evidence.expiry", stages=[14], overdue=False
    )
    for offset in range(0, 120):
        send_due_reminders(today=START + timedelta(days=offset), organizations=[carrier_a])
    evidence = [r for r in _log() if r[2] == "evidence.expiry"]
    assert evidence == [("2027-03-01", "Alice", "evidence.expiry", "14")]


def test_a_second_run_the_same_day_sends_nothing(
    year_of_records: dict[str, Any], carrier_a: Any
) -> None:
    first = send_due_reminders(today=date(2027, 3, 16), organizations=[carrier_a])
    second = send_due_reminders(today=date(2027, 3, 16), organizations=[carrier_a])
    assert (first.emails, second.emails) == (3, 0)  # card 90 days and evidence overdue ×2
    assert len(mail.outbox) == 3


def test_a_crash_between_claim_and_send_is_retried_after_the_timeout(
    year_of_records: dict[str, Any], carrier_a: Any, monkeypatch: Any
) -> None:
    today = date(2027, 3, 16)
    plan_reminders([carrier_a], today)

    def crash(*args: Any, **kwargs: Any) -> None:
        raise ConnectionError("the mail server went away")

    monkeypatch.setattr("borderpro.deadlines.reminders.send_templated_email", crash)
    result = deliver_reminders(today)
    assert result.failures == 3 and not mail.outbox  # Alice's 2 emails and Carol's
    monkeypatch.undo()
    # a run a minute later leaves the claimed rows alone (their run may still be sending)
    assert deliver_reminders(today, now=timezone.now() + timedelta(minutes=1)).emails == 0
    later = deliver_reminders(today, now=timezone.now() + CLAIM_TIMEOUT + timedelta(minutes=1))
    assert later.emails == 3 and len(mail.outbox) == 3
    assert not SentReminder.objects.filter(sent_at__isnull=True).exists()
    assert set(SentReminder.objects.values_list("attempts", flat=True)) == {2}


def test_a_daily_digest_gathers_the_day_s_reminders(
    year_of_records: dict[str, Any], carrier_a: Any, alice: Any
) -> None:
    ReminderPreference.objects.create(user=alice, frequency="daily")
    send_due_reminders(today=date(2027, 3, 16), organizations=[carrier_a])
    to_alice = [m for m in mail.outbox if m.to == [alice.email]]
    assert len(to_alice) == 1
    assert to_alice[0].subject == "Your daily digest: 2 deadline reminders"
    assert "Seal certificate" in to_alice[0].body and "Gary Olsen" in to_alice[0].body


def test_a_weekly_digest_waits_for_monday(
    year_of_records: dict[str, Any], carrier_a: Any, alice: Any
) -> None:
    ReminderPreference.objects.create(user=alice, frequency="weekly")
    send_due_reminders(today=date(2027, 3, 16), organizations=[carrier_a])  # a Tuesday
    assert [m.subject for m in mail.outbox if m.to == [alice.email]] == []  # Carol's came
    for offset in range(1, 6):  # Wednesday to Sunday
        send_due_reminders(today=date(2027, 3, 16) + timedelta(days=offset), organizations=[])
    assert all(m.to != [alice.email] for m in mail.outbox)
    send_due_reminders(today=date(2027, 3, 22), organizations=[])  # Monday
    to_alice = [m for m in mail.outbox if m.to == [alice.email]]
    assert [m.subject for m in to_alice] == ["Your weekly digest: 2 deadline reminders"]


def test_an_unsubscribed_kind_has_no_email_but_still_a_notification(
    year_of_records: dict[str, Any], carrier_a: Any, alice: Any
) -> None:
    anonymous = Client()
    link = f"/reminders/unsubscribe/{unsubscribe_token(alice, 'evidence.expiry')}/"
    page = anonymous.get(link)
    assert page.status_code == 200
    assert "Evidence expires" in page.content.decode()
    assert alice.email not in page.content.decode()  # reveals nothing else
    assert "Unsubscribed" in anonymous.post(link).content.decode()
    assert ReminderPreference.objects.get(user=alice).muted_kinds == ["evidence.expiry"]
    send_due_reminders(today=date(2027, 3, 8), organizations=[carrier_a])
    assert [m.subject for m in mail.outbox] == [
        "Due in 104 days: FAST card expiry — Gary Olsen (Carrier A)"  # another kind still comes
    ]
    assert Notification.objects.filter(user=alice, kind="evidence.expiry", stage="7").exists()


@pytest.mark.parametrize("token", ["nope", "eyJ1IjoiMSJ9:abc", "x" * 300])
def test_a_wrong_unsubscribe_link_is_a_404(token: str, alice: Any) -> None:
    assert Client().get(f"/reminders/unsubscribe/{token}/").status_code == 404
    good = unsubscribe_token(alice, "evidence.expiry")
    assert Client().post(f"/reminders/unsubscribe/{good[:-2]}xx/").status_code == 404


def test_the_command_for_cron(year_of_records: dict[str, Any], capsys: Any) -> None:
    call_command("send_due_reminders", "--today", "2027-03-16")
    assert "3 emails sent" in capsys.readouterr().out


def test_the_command_names_a_bad_date() -> None:
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="--today"):
        call_command("send_due_reminders", "--today", "16/03/2027")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="threads need a server database")
@pytest.mark.django_db(transaction=True)
def test_two_senders_racing_send_no_reminder_twice(
    year_of_records: dict[str, Any], carrier_a: Any
) -> None:
    """Two workers run the same day at the same moment, on PostgreSQL, each with its own
    connection: every reminder goes out exactly once."""
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def worker() -> None:
        from django.db import connection as own

        try:
            barrier.wait()
            send_due_reminders(today=date(2027, 3, 16))
        except BaseException as exc:
            errors.append(exc)
        finally:
            own.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(mail.outbox) == 3
    assert SentReminder.objects.filter(sent_at__isnull=False).count() == 3
