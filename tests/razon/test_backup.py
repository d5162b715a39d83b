"""A backup of the demo content, restored into a new database and a new media folder, serves
the same pages, images and documents (`manage.py backup` / `restore`, README "Backups")."""

import io
import json
import os
import secrets
import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from tests.sqlite_site import ROOT


def then_serve(*command):
    """Code for `manage.py shell`: the command, then print the pages served (backup_pages)."""
    return (
        "import io; from django.core.management import call_command; "
        f"call_command(*{command!r}, stdout=io.StringIO()); "
        "from tests.razon.backup_pages import main; main()"
    )


def site_env(database_url, media_root):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "razon.settings",
        "DEBUG": "1",
        "DATABASE_URL": database_url,
        "REDIS_URL": "",
        "EMAIL_HOST": "",
        "MEDIA_ROOT": str(media_root),
        "PYTHONDONTWRITEBYTECODE": "1",
    }


def manage(env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result


def served(env, *command):
    """The pages the site serves after running the command (one process: each start costs)."""
    return json.loads(manage(env, "shell", "--no-imports", "-c", then_serve(*command)).stdout)


def assert_same_text(after, before, path):
    if after != before:
        import difflib

        diff = difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=1)
        raise AssertionError(f"{path} differs:\n" + "\n".join(list(diff)[:40]))


def assert_restored_site_is_the_same(source, target, folder):
    before = served(source, "backup", str(folder))
    assert {path.name for path in folder.iterdir()} & {"database.dump", "database.sqlite3"}
    assert (folder / "media.tar.gz").exists()

    after = served(target, "restore", str(folder))

    assert len(before["pages"]) >= 10
    assert all(status == 200 for status, _page in before["pages"].values())
    assert any(path.startswith("/media/") for path in before["files"])  # images of the demo
    assert all(status == 200 for status, _digest in before["files"].values())
    for path, (status, page) in before["pages"].items():
        assert after["pages"][path][0] == status, path
        assert_same_text(after["pages"][path][1], page, path)
    assert after == before

    # Over what is there only when asked (test_restore_refuses_…): the same site again.
    assert served(target, "restore", str(folder), "--replace") == before


def test_a_sqlite_backup_restored_into_a_new_file_serves_the_same_pages(sqlite_site, tmp_path):
    sqlite_site.manage("load_demo")
    target = site_env(f"sqlite:///{tmp_path / 'restored.sqlite3'}", tmp_path / "restored-media")

    assert_restored_site_is_the_same(sqlite_site.env, target, tmp_path / "backup")


def postgres_url(name):
    database = connection.settings_dict
    password = f":{database['PASSWORD']}" if database["PASSWORD"] else ""
    port = database["PORT"] or 5432
    return f"postgres://{database['USER']}{password}@{database['HOST']}:{port}/{name}"


@pytest.fixture
def new_postgres_database():
    """An empty database beside the test database, as `createdb` makes it; dropped after."""
    import psycopg

    name = f"{connection.settings_dict['NAME']}_restored_{secrets.token_hex(4)}"
    with psycopg.connect(postgres_url("postgres"), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield name
    with psycopg.connect(postgres_url("postgres"), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL server to restore to")
@pytest.mark.django_db(transaction=True)
def test_a_postgresql_backup_restored_into_a_new_database_serves_the_same_pages(
    settings, tmp_path, new_postgres_database
):
    call_command("load_demo", stdout=io.StringIO())  # committed: the commands see it
    source = site_env(postgres_url(connection.settings_dict["NAME"]), settings.MEDIA_ROOT)
    target = site_env(postgres_url(new_postgres_database), tmp_path / "restored-media")

    assert_restored_site_is_the_same(source, target, tmp_path / "backup")


@pytest.mark.django_db
def test_restore_refuses_a_database_that_holds_tables(tmp_path):
    with pytest.raises(CommandError, match="already holds tables"):
        call_command("restore", str(tmp_path))


@pytest.mark.django_db
def test_restore_refuses_a_media_folder_with_files(tmp_path, settings, monkeypatch):
    monkeypatch.setattr(connection.introspection, "table_names", lambda *args: [])
    (settings.MEDIA_ROOT / "images").mkdir(parents=True)
    (settings.MEDIA_ROOT / "images" / "a.png").write_bytes(b"x")

    with pytest.raises(CommandError, match="is not empty"):
        call_command("restore", str(tmp_path))
