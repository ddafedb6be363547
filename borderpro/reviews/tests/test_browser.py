"""Done-when of issue #19 in real headless Chromium, tried as a new user would: the consultant
opens this year's review from the navigation, records results (met, not met with a note),
raises a finding from the failed item, plans a corrective action for the carrier's admin;
the owner closes it and is refused as its verifier, the consultant verifies it, completes
the review, downloads the report and builds the validation binder, watching its progress,
then opens the ZIP and checks that its index lists every file with the SHA-256 of its
bytes. At desktop and phone widths, and in French for a French carrier."""

from __future__ import annotations

import hashlib
import io
import os
import re
import subprocess
import zipfile
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from borderpro.evidence.tests.factories import evidence_for
from borderpro.reviews import demo
from borderpro.reviews.binder import INDEX_PATH
from borderpro.reviews.models import ChecklistItem, CorrectiveAction, Finding, Review
from tests.browser import DESKTOP, PHONE, sign_in, wait_until

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "correct horse battery staple"
SHOTS = Path(os.environ.get("BORDERPRO_SHOTS", "/tmp/review-shots"))

# what each reader sees at each step, in their language (the .po file's words)
SEEN = {
    "en": {
        "nav": "Reviews and audits",
        "recorded": "The result is recorded.",
        "raise": "Record a finding",
        "finding": "Finding F-02 is recorded.",
        "planned": "The corrective action is planned.",
        "saved": "Saved.",
        "awaiting": "Awaiting verification by someone other than the owner.",
        "refused": "The owner of an action cannot verify it",
        "verified": "The action is verified.",
        "completed": "The review is completed.",
        "done": "Done",
        "binder": "Validation binder",
        "index": "Every file of this binder is listed below with its SHA-256",
    },
    "fr": {
        "nav": "Revues et audits",
        "recorded": "Le résultat est consigné.",
        "raise": "Consigner un constat",
        "finding": "Le constat F-02 est consigné.",
        "planned": "La mesure corrective est planifiée.",
        "saved": "Enregistré.",
        "awaiting": "En attente de vérification par une autre personne que le responsable.",
        "refused": "Le responsable d’une mesure ne peut pas la vérifier",
        "verified": "La mesure est vérifiée.",
        "completed": "La revue est terminée.",
        "done": "Terminé",
        "binder": "Dossier de validation",
        "index": "Chaque fichier de ce dossier est listé ci-dessous avec son SHA-256",
    },
}


def shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def no_sideways_scroll(page: Any, viewport: dict) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"], page.url


def flash(page: Any) -> str:
    return " ".join(page.locator(".flashes").all_inner_texts())


def open_nav(page: Any, viewport: dict, label: str) -> None:
    if viewport == PHONE:
        page.click("[data-nav-toggle]")
    submit(page, page.locator("#sidebar").get_by_role("link", name=label))


def submit(page: Any, target: Any, *, double: bool = False) -> None:
    """Click (or double-click) what sends a form, and wait for the page it leads to."""
    locator = page.locator(target) if isinstance(target, str) else target
    with page.expect_navigation():
        locator.dblclick() if double else locator.click()
    page.wait_for_load_state("networkidle")


def as_user(browser: Any, live_server: Any, viewport: dict, email: str) -> Any:
    context = browser.new_context(viewport=viewport, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(20000)
    sign_in(page, live_server.url, email, PASSWORD)
    return page


def index_hashes(pdf: bytes) -> dict[str, str]:
    """What the index PDF says: each file path with the SHA-256 printed under it."""
    text = subprocess.run(
        ["pdftotext", "-raw", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    listed: dict[str, str] = {}
    path = ""
    for line in text.splitlines():
        line = line.strip()
        if re.fullmatch(r"\d\d-\S+\.\w+", line):
            path = line
        elif match := re.fullmatch(r"SHA-256 ([0-9a-f]{64})", line):
            assert path and path not in listed, text
            listed[path], path = match.group(1), ""
    return listed


@pytest.mark.parametrize(
    ("language", "viewport"),
    [("en", DESKTOP), ("en", PHONE), ("fr", PHONE)],
    ids=["en-desktop", "en-phone", "fr-phone"],
)
def test_the_consultant_runs_this_years_review_and_builds_the_binder(
    browser: Any,
    live_server: Any,
    ctpat: Any,
    carrier_a: Any,
    alice: Any,
    carol: Any,
    language: str,
    viewport: dict,
) -> None:
    seen = SEEN[language]
    tag = f"{language}-{'phone' if viewport == PHONE else 'desktop'}"
    carrier_a.language = language
    carrier_a.save()
    for user in (alice, carol):
        user.language = language
        user.save()
    evidence_for(carrier_a, title="Signed visitor log, December")
    # the demo's reviews: last year's completed, this year's half checked with one finding
    demo.seed(
        {"mapleleaf": carrier_a},
        {"alice@mapleleaf.example": alice, "carol@northbound.example": carol},
    )
    review = Review.objects.get(organization=carrier_a, status="in_progress")
    base = f"{live_server.url}/o/{carrier_a.code}"

    # the consultant opens this year's review from the navigation
    page = as_user(browser, live_server, viewport, carol.email)
    page.goto(f"{base}/")
    open_nav(page, viewport, seen["nav"])
    assert page.evaluate("document.documentElement.lang") == language
    shot(page, f"01-list-{tag}")
    no_sideways_scroll(page, viewport)
    submit(page, page.get_by_role("link", name=review.title))
    shot(page, f"02-review-{tag}")
    no_sideways_scroll(page, viewport)

    # records a result on each item still to check: the first one is not met
    unchecked = list(review.items.filter(result="not_checked").order_by("position"))
    assert len(unchecked) >= 2
    for n, item in enumerate(unchecked):
        submit(page, page.locator(f"#item-{item.pk} a").first)
        if n == 0:
            page.select_option("select[name=result]", "not_met")
            submit(page, "main form button[type=submit]")  # no note: refused, nothing lost
            assert page.locator(".form-errors").is_visible()
            page.fill("textarea[name=notes]", "No seal verification recorded on the sampled day")
            shot(page, f"03-item-not-met-{tag}")
        else:
            page.select_option("select[name=result]", "met")
        submit(page, "main form button[type=submit]")
        assert seen["recorded"] in flash(page)
    failed = unchecked[0]
    failed.refresh_from_db()
    assert failed.result == ChecklistItem.Result.NOT_MET
    assert not review.items.filter(result="not_checked").exists()
    no_sideways_scroll(page, viewport)

    # raises a finding from the failed item, with its severity
    submit(page, page.locator(f"#item-{failed.pk}").get_by_role("link", name=seen["raise"]))
    assert page.input_value("select[name=f-item]") == str(failed.pk)
    page.select_option("select[name=f-severity]", "major")
    page.fill("input[name=f-title]", "Seal verification skipped at the yard gate")
    shot(page, f"04-finding-form-{tag}")
    submit(page, "form[action$='/findings/'] button[type=submit]", double=True)
    assert seen["finding"] in flash(page)
    finding = Finding.objects.get(review=review, number=2)
    assert finding.item_id == failed.pk and finding.severity == "major"
    assert Finding.objects.filter(review=review).count() == 2  # a double click makes one

    # plans a corrective action, owned by the carrier's admin, with a due date
    due = (carrier_a.local_today() + timedelta(days=30)).isoformat()
    page.fill("input[name=title]", "Add the VVTT check to the gate procedure and brief the guards")
    page.select_option("select[name=owner]", str(alice.pk))
    page.fill("input[name=due_on]", due)
    shot(page, f"05-action-form-{tag}")
    submit(page, "main form button[type=submit]", double=True)
    assert seen["planned"] in flash(page)
    action = CorrectiveAction.objects.get(finding=finding)
    assert action.owner_id == alice.pk and action.due_on.isoformat() == due
    shot(page, f"06-finding-{tag}")
    no_sideways_scroll(page, viewport)
    page.context.close()

    # the owner closes it, with its evidence, and is refused as its verifier
    page = as_user(browser, live_server, viewport, alice.email)
    page.goto(f"{base}/")
    open_nav(page, viewport, seen["nav"])
    submit(page, page.get_by_role("link", name=action.title))
    page.select_option("select[name=status]", "done")
    page.fill("input[name=completed_on]", carrier_a.local_today().isoformat())
    page.fill("textarea[name=closure_note]", "Procedure updated; guards briefed on 2 December.")
    page.select_option("select[name=closure_evidence]", label="Signed visitor log, December")
    submit(page, "main form button[type=submit]")
    assert seen["saved"] in flash(page)
    assert seen["awaiting"] in page.content()
    assert page.locator("button[name=verify]").count() == 0
    # a verification sent anyway (an old tab, a crafted form) is refused with the reason
    with page.expect_navigation():
        page.evaluate(
            """() => {
            const token = document.querySelector('[name=csrfmiddlewaretoken]').value;
            const form = document.createElement('form');
            form.method = 'post';
            form.innerHTML = '<input name="csrfmiddlewaretoken" value="' + token + '">'
                + '<input name="verify" value="1">';
            document.body.append(form);
            form.submit();
        }"""
        )
    page.wait_for_load_state("networkidle")
    assert seen["refused"] in flash(page)
    shot(page, f"07-owner-refused-{tag}")
    action.refresh_from_db()
    assert action.status == CorrectiveAction.Status.DONE and action.verified_by is None
    page.context.close()

    # the consultant verifies it, completes the review and downloads the report
    page = as_user(browser, live_server, viewport, carol.email)
    page.goto(f"{base}/reviews/actions/{action.pk}/")  # the link in the owner's notification
    submit(page, "button[name=verify]")
    assert seen["verified"] in flash(page)
    action.refresh_from_db()
    assert action.verified_by_id == carol.pk
    shot(page, f"08-verified-{tag}")
    submit(page, page.locator(".crumbs a").nth(1))
    page.fill("textarea[name=c-summary]", "The program is followed; one major finding, closed.")
    submit(page, "#complete button")
    assert seen["completed"] in flash(page)
    review.refresh_from_db()
    assert review.status == Review.Status.COMPLETED
    shot(page, f"09-completed-{tag}")
    no_sideways_scroll(page, viewport)
    page.select_option("#ex-fmt", "pdf")
    submit(page, "#export button")
    page.wait_for_selector(f"#export .job h2:has-text('{seen['done']}')")
    shot(page, f"10-report-{tag}")
    no_sideways_scroll(page, viewport)
    with page.expect_download() as download:
        page.locator("#export .job a.btn").first.click()
    with open(download.value.path(), "rb") as f:
        assert f.read(5) == b"%PDF-"

    # builds the validation binder, watching its progress, and downloads it
    submit(page, page.locator(".crumbs a").first)
    submit(page, page.locator("main").get_by_role("link", name=seen["binder"]))
    shot(page, f"11-binder-form-{tag}")
    submit(page, "#build form button[type=submit]")
    assert page.locator("#build .job [role=progressbar]").count() == 1
    wait_until(page, "document.querySelector('#build .job a.btn')")
    assert page.locator("#build .job [role=progressbar]").get_attribute("aria-valuenow") == "100"
    shot(page, f"12-binder-built-{tag}")
    no_sideways_scroll(page, viewport)
    with page.expect_download() as download:
        page.locator("#build .job a.btn").click()
    with open(download.value.path(), "rb") as f:
        archive = zipfile.ZipFile(io.BytesIO(f.read()))
    page.context.close()

    # every file of the ZIP is in the index, with the SHA-256 of its bytes
    index = archive.read(INDEX_PATH)
    listed = index_hashes(index)
    files = [name for name in archive.namelist() if name != INDEX_PATH]
    assert len(files) >= 5
    assert set(listed) == set(files)
    for name in files:
        assert listed[name] == hashlib.sha256(archive.read(name)).hexdigest(), name
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=index, capture_output=True, check=True
    ).stdout.decode()
    assert seen["index"] in " ".join(text.split())
