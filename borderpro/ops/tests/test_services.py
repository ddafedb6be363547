"""The real services, over their real protocols on 127.0.0.1: S3 (moto in server mode,
started here), Redis (the server on 127.0.0.1:6379 when REDIS_URL is set; CI sets it) and
SMTP (aiosmtpd, started here)."""

from __future__ import annotations

import hashlib
import os
import socket
import uuid
from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from django.core.files.storage import default_storage
from django.db.models import ProtectedError
from django.test import Client

from borderpro.common.samples import pdf_bytes

BUCKET = "borderpro-private"
KEYS = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}


@pytest.fixture
def s3(settings: Any) -> Iterator[Any]:
    """A moto S3 server on 127.0.0.1 and private storage pointed at it, as in production
    (STORAGE_BACKEND=s3; settings.py builds the same options from the environment)."""
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    client = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1", **KEYS)
    client.create_bucket(Bucket=BUCKET)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": endpoint,
                "region_name": "us-east-1",
                "access_key": KEYS["aws_access_key_id"],
                "secret_key": KEYS["aws_secret_access_key"],
                "default_acl": "private",
                "querystring_auth": True,
                "file_overwrite": False,
            },
        },
    }
    try:
        yield client
    finally:
        server.stop()


def _objects(client: Any) -> dict[str, bytes]:
    listing = client.list_objects_v2(Bucket=BUCKET).get("Contents", [])
    return {
        o["Key"]: client.get_object(Bucket=BUCKET, Key=o["Key"])["Body"].read() for o in listing
    }


@pytest.mark.django_db
def test_the_evidence_vault_on_s3(
    s3: Any, alice: Any, carrier_a: Any, as_alice: Client, as_charlie: Client
) -> None:
    from borderpro.evidence.models import EvidenceFile
    from borderpro.operations.services import seal_event_record
    from borderpro.operations.tests.factories import unit_for

    data = pdf_bytes("Seal control procedure")
    response = as_alice.post(
        f"/o/{carrier_a.code}/evidence/upload/",
        {"title": "Seal control procedure", "file": _upload("procedure.pdf", data)},
    )
    assert response.status_code == 302, response.content[:500]
    evidence = EvidenceFile.objects.get(organization=carrier_a)
    stored = _objects(s3)
    assert stored == {evidence.file.name: data}  # in the bucket, byte for byte
    assert evidence.sha256 == hashlib.sha256(data).hexdigest()
    acl = s3.get_object_acl(Bucket=BUCKET, Key=evidence.file.name)
    assert all(g["Grantee"].get("URI", "").endswith("AllUsers") is False for g in acl["Grants"])

    url = f"/o/{carrier_a.code}/evidence/{evidence.pk}/download/"
    download = as_alice.get(url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == data
    assert as_charlie.get(url).status_code == 404  # permission-checked: outsiders see nothing
    assert Client().get(url).status_code == 302  # anonymous: sign in first

    seal_event_record(  # a seal event's photo now depends on the file
        actor=alice,
        organization=carrier_a,
        client_id=uuid.uuid4(),
        seal_number="S-0001",
        kind="affixed",
        actor_name="Bob Singh",
        unit=unit_for(carrier_a),
        photo=evidence,
    )
    with pytest.raises(ProtectedError):
        evidence.delete()
    archived = as_alice.post(f"/o/{carrier_a.code}/evidence/{evidence.pk}/archive/")
    assert archived.status_code in (200, 302)
    assert _objects(s3) == {evidence.file.name: data}  # archiving keeps the file
    assert default_storage.exists(evidence.file.name)


@pytest.mark.django_db
def test_the_organization_export_is_stored_on_s3(
    s3: Any, alice: Any, carrier_a: Any, as_alice: Client, django_capture_on_commit_callbacks: Any
) -> None:
    from borderpro.common.models import Job
    from borderpro.evidence.tests.factories import evidence_for

    evidence_for(carrier_a, actor=alice)
    with django_capture_on_commit_callbacks(execute=True):
        as_alice.post(f"/o/{carrier_a.code}/settings/export/")
    job = Job.objects.get(organization=carrier_a, kind="ops.export_data")
    assert job.status == "succeeded", job.error
    assert job.result_file.name in _objects(s3)
    download = as_alice.get(f"/o/{carrier_a.code}/jobs/{job.pk}/download/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content)[:2] == b"\x1f\x8b"  # the gzip archive


def _upload(name: str, data: bytes) -> Any:
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data, content_type="application/pdf")


# --- Redis -----------------------------------------------------------------------------
REDIS_URL = os.environ.get("REDIS_URL", "")
needs_redis = pytest.mark.skipif(not REDIS_URL, reason="REDIS_URL is not set")


@pytest.fixture
def redis_cache(settings: Any) -> Iterator[Any]:
    import redis

    prefix = f"bp-test-{uuid.uuid4().hex[:8]}"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        }
    }
    client = redis.Redis.from_url(REDIS_URL)
    try:
        yield client, prefix
    finally:
        for key in client.scan_iter(f"{prefix}:*"):
            client.delete(key)


@needs_redis
def test_the_cache_round_trips_through_redis(redis_cache: Any) -> None:
    from django.core.cache import cache

    client, prefix = redis_cache
    cache.set("readiness", {"ok": True}, timeout=30)
    assert cache.get("readiness") == {"ok": True}
    assert any(k.decode().startswith(prefix) for k in client.scan_iter(f"{prefix}:*"))
    assert 0 < client.ttl(next(client.scan_iter(f"{prefix}:*"))) <= 30


@needs_redis
@pytest.mark.django_db
def test_sign_in_rate_limits_count_in_redis(redis_cache: Any, alice: Any) -> None:
    """Five wrong passwords for one account in five minutes, then even the right one is
    refused for a while, counted in Redis so every web process sees the same count."""
    client, prefix = redis_cache
    browser = Client()
    for _ in range(5):
        wrong = browser.post("/accounts/login/", {"login": alice.email, "password": "wrong-pw"})
        assert b"Too many failed login attempts" not in wrong.content
    assert list(client.scan_iter(f"{prefix}:*"))  # the counts live in Redis
    locked = Client().post("/accounts/login/", {"login": alice.email, "password": "x-wrong"})
    assert b"Too many failed login attempts" in locked.content
    assert "_auth_user_id" not in browser.session


# --- SMTP ------------------------------------------------------------------------------
@pytest.fixture
def smtp_server(settings: Any) -> Iterator[list[Any]]:
    from aiosmtpd.controller import Controller

    received: list[Any] = []

    class Handler:
        async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
            received.append(envelope)
            return "250 OK"

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(Handler(), hostname="127.0.0.1", port=port)
    controller.start()
    backend = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_BACKEND = backend
    settings.MAILERS = {
        "default": {
            "BACKEND": backend,
            "OPTIONS": {"host": "127.0.0.1", "port": port, "use_tls": False},
        }
    }
    try:
        yield received
    finally:
        controller.stop()


@pytest.mark.django_db
def test_an_invitation_goes_out_through_a_real_smtp_server(
    smtp_server: list[Any], alice: Any, carrier_a: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from borderpro.organizations.services import invitation_create

    with django_capture_on_commit_callbacks(execute=True):
        invitation_create(
            actor=alice, organization=carrier_a, email="dana@carrier.example", role="viewer"
        )
    (envelope,) = smtp_server
    assert envelope.rcpt_tos == ["dana@carrier.example"]
    body = envelope.content.decode()
    assert "Subject:" in body and carrier_a.name in body
    assert "text/html" in body and "text/plain" in body
