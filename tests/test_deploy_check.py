"""The production settings, checked by Django's own deployment check in a fresh process."""

import os
import secrets
import subprocess
import sys

TEST_ONLY = {"DEBUG", "SECRET_KEY", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
BASE_ENV = {k: v for k, v in os.environ.items() if k not in TEST_ONLY}
PRODUCTION = {
    **BASE_ENV,
    "DJANGO_SETTINGS_MODULE": "netcompanion.settings",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "netcompanion.example.org",
}


def run(*args, env):
    return subprocess.run([sys.executable, "-m", "netcompanion", *args], env=env,
                          capture_output=True, text=True, timeout=120)


def test_production_settings_pass_the_deploy_check_with_no_warnings():
    result = run("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)" in result.stdout


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
