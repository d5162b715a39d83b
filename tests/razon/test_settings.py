"""The settings as production runs them, checked in a fresh interpreter each time."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Variables of the development or test environment that production would not have.
UNSET = {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "EMAIL_HOST", "DJANGO_ALLOW_ASYNC_UNSAFE"}


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
