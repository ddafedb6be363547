"""The mixed load of ``bench/load.py`` (run by it; the leading underscore keeps it out of the bench modules):
consultants browse their portfolio, carriers edit security-profile responses through the
API, devices post inspections and seal events with one request in ten retried. The
configuration (host, codes, tokens, session cookie, unit ids, how many of each and the
devices' combined rate) comes from the JSON file named by ``BENCH_LOAD_CONFIG``; every
device client id and its answer goes to ``BENCH_LOAD_SENT``.

People read a page before opening the next (1 to 3 s between requests); devices post at a
fixed combined rate (``device_rps``), as a fleet of trucks does, rather than as fast as the
server answers: the budget is page latency *while* devices post at that rate, which a
closed loop of zero-wait devices cannot show (it saturates the host by construction)."""

from __future__ import annotations

import itertools
import json
import os
import random
import uuid
from typing import Any

from locust import HttpUser, between, constant_throughput, events, task

with open(os.environ["BENCH_LOAD_CONFIG"]) as handle:
    CONFIG: dict[str, Any] = json.load(handle)
SENT: dict[str, dict[str, Any]] = {"inspection": {}, "seal": {}}
_carrier_index = itertools.count()


@events.quitting.add_listener
def _save(environment: Any, **kwargs: Any) -> None:
    with open(os.environ["BENCH_LOAD_SENT"], "w") as out:
        json.dump(SENT, out)


class Consultant(HttpUser):
    fixed_count = int(CONFIG["consultants"])
    wait_time = between(1, 3)

    def on_start(self) -> None:
        self.client.cookies.set("sessionid", CONFIG["consultant_session"])

    @task(2)
    def portfolio(self) -> None:
        self.client.get(f"/o/{CONFIG['consultancy']}/clients/", name="page: portfolio")

    @task(3)
    def client_dashboard(self) -> None:
        self.client.get(f"/o/{CONFIG['carrier']}/", name="page: client dashboard")

    @task(2)
    def client_evidence(self) -> None:
        self.client.get(f"/o/{CONFIG['carrier']}/evidence/", name="page: client evidence")


class Carrier(HttpUser):
    fixed_count = int(CONFIG["carriers"])
    wait_time = between(1, 3)

    def on_start(self) -> None:
        responses = CONFIG["responses"]
        self.response_id = responses[next(_carrier_index) % len(responses)]
        self.headers = {"Authorization": f"Bearer {CONFIG['carrier_token']}"}
        self.url = f"/api/v1/o/{CONFIG['carrier']}/profile/responses/{self.response_id}/"

    @task
    def edit_response(self) -> None:
        current = self.client.get(self.url, headers=self.headers, name="api: read response")
        if current.status_code != 200:
            return
        version = current.json()["version"]
        self.client.patch(
            self.url,
            json={"version": version, "narrative": f"Reviewed {uuid.uuid4().hex[:8]}"},
            headers=self.headers,
            name="api: edit response",
        )


class Device(HttpUser):
    fixed_count = int(CONFIG["devices"])
    wait_time = constant_throughput(float(CONFIG["device_rps"]) / int(CONFIG["devices"]))

    def on_start(self) -> None:
        self.headers = {"Authorization": f"Bearer {CONFIG['device_token']}"}
        self.base = f"/api/v1/o/{CONFIG['carrier']}/"
        self.sent: list[tuple[str, str]] = []

    def _post(self, kind: str, client_id: str, body: dict[str, Any], retry: bool) -> None:
        path = "inspections/" if kind == "inspection" else "seal-events/"
        name = f"device: {kind}" + (" (retry)" if retry else "")
        with self.client.post(
            self.base + path, json=body, headers=self.headers, name=name, catch_response=True
        ) as answer:
            if answer.status_code in (200, 201):
                answer.success()
                SENT[kind].setdefault(client_id, {"ok": 0, "statuses": []})["ok"] += 1
            else:
                answer.failure(f"{answer.status_code}: {answer.text[:120]}")
            SENT[kind].setdefault(client_id, {"ok": 0, "statuses": []})["statuses"].append(
                answer.status_code
            )

    def _body(self, kind: str, client_id: str) -> dict[str, Any]:
        if kind == "inspection":
            return {
                "client_id": client_id,
                "checklist": "msc17",
                "place": "pre_border",
                "inspector_name": "Load Driver",
                "tractor": CONFIG["tractor"],
                "trailer": CONFIG["trailer"],
                "seal_number": "S000000001",
                "trip_ref": "LOAD",
                "points": CONFIG["points"],
            }
        return {
            "client_id": client_id,
            "seal_number": f"L{client_id[:10]}",
            "kind": "affixed",
            "actor_name": "Load Driver",
            "unit": CONFIG["trailer"],
            "trip_ref": "LOAD",
        }

    @task
    def post(self) -> None:
        kind = "inspection" if random.random() < 0.5 else "seal"
        if self.sent and random.random() < 0.1:  # the answer was lost: the device sends again
            kind, client_id = random.choice(self.sent)
            self._post(kind, client_id, self._body(kind, client_id), retry=True)
            return
        client_id = str(uuid.uuid4())
        self.sent.append((kind, client_id))
        self._post(kind, client_id, self._body(kind, client_id), retry=False)
