"""The settings as production runs them, checked in a fresh interpreter each time."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Variables of the development or test environment that production would not have.
UNSET = {
    "DEBUG",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "EMAIL_HOST",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    "RAZON_REQUIRE_2FA",
}
PRODUCTION = {"DEBUG": "0", "SECRET_KEY": "a-long-random-production-secret-" + "x" * 40}


def run_manage(*args, **env):
    environment = {key: value for key, value in os.environ.items() if key not in UNSET}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_refuses_to_start_without_secret_key_when_debug_is_off():
    result = run_manage("check", DEBUG="0")

    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_deploy_checklist_is_clean_with_production_settings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="0",
        SECRET_KEY="a-long-random-production-secret-" + "x" * 40,
        ALLOWED_HOSTS="razon.example.nl",
        EMAIL_HOST="smtp.example.nl",
    )

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_schema_commands_run_without_the_secret():
    result = run_manage("makemigrations", "--check", "--dry-run", DEBUG="0")

    assert result.returncode == 0, result.stderr
    assert "No changes detected" in result.stdout


def require_2fa(**env):
    code = "from django.conf import settings; print(settings.RAZON_REQUIRE_2FA)"
    result = run_manage("shell", "--no-imports", "-c", code, **env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_production_requires_two_factor_unless_turned_off_explicitly():
    assert require_2fa(**PRODUCTION) == "True"
    assert require_2fa(**PRODUCTION, RAZON_REQUIRE_2FA="0") == "False"
    assert require_2fa(DEBUG="1") == "False"
    assert require_2fa(DEBUG="1", RAZON_REQUIRE_2FA="1") == "True"
