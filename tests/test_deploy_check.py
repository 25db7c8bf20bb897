"""The production settings, checked by Django's own deployment check in a fresh process."""

import base64
import os
import secrets
import subprocess
import sys

from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat

TEST_ONLY = {"DEBUG", "SECRET_KEY", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
BASE_ENV = {k: v for k, v in os.environ.items() if k not in TEST_ONLY}

def _vapid_keys() -> dict[str, str]:
    """A web-push key pair as an operator sets it: the PEM `vapid --gen` writes, and the application server key."""
    key = ec.generate_private_key(ec.SECP256R1())
    pem = key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption()).decode()
    public = base64.urlsafe_b64encode(key.public_key().public_bytes(Encoding.X962, PublicFormat.UncompressedPoint))
    return {"WEBPUSH_VAPID_PRIVATE_KEY": pem, "WEBPUSH_VAPID_PUBLIC_KEY": public.rstrip(b"=").decode(),
            "WEBPUSH_CONTACT": "mailto:team@netcompanion.example.org"}


PRODUCTION = {
    **BASE_ENV,
    "DJANGO_SETTINGS_MODULE": "netcompanion.settings",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "netcompanion.example.org",
    **_vapid_keys(),
}


def run(*args, env):
    return subprocess.run([sys.executable, "-m", "netcompanion", *args], env=env,
                          capture_output=True, text=True, timeout=120)


def test_production_settings_pass_the_deploy_check_with_no_warnings():
    result = run("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)" in result.stdout


def test_production_without_web_push_keys_warns_that_reminders_go_by_e_mail_only():
    env = {k: v for k, v in PRODUCTION.items() if not k.startswith("WEBPUSH_")}
    result = run("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode != 0
    assert "reminders.W001" in result.stderr + result.stdout
    assert "Web push is off: reminders go by e-mail only." in result.stderr + result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {k: v for k, v in PRODUCTION.items() if k != "SECRET_KEY"}
    result = run("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_a_secret_can_come_from_a_file(tmp_path):
    secret = tmp_path / "secret"
    secret.write_text(secrets.token_urlsafe(50))
    env = {k: v for k, v in PRODUCTION.items() if k != "SECRET_KEY"} | {"SECRET_KEY_FILE": str(secret)}
    result = run("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_sends_security_headers(client):
    response = client.get("/")
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
