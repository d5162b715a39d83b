"""Backing up and restoring what the site cannot make again: the database and the uploaded
files in MEDIA_ROOT (README "Backups"). A backup is a folder with two files:

- `database.dump` (PostgreSQL, `pg_dump --format=custom`) or `database.sqlite3` (SQLite, a
  consistent copy made with SQLite's online backup, safe while the site runs);
- `media.tar.gz`, every file under MEDIA_ROOT.

`restore` puts them into the database and MEDIA_ROOT the settings name, which should be new
and empty: PostgreSQL's database must exist (`createdb`); it refuses a database that already
holds tables, and a MEDIA_ROOT with files, unless told to replace them."""

import os
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.db import connection

POSTGRES_DUMP = "database.dump"
SQLITE_COPY = "database.sqlite3"
MEDIA_ARCHIVE = "media.tar.gz"


class BackupError(Exception):
    pass


def _postgres_environment():
    """The connection settings as libpq's variables, so no password shows in a process list."""
    database = connection.settings_dict
    variables = {
        "PGHOST": database["HOST"],
        "PGPORT": str(database["PORT"] or ""),
        "PGUSER": database["USER"],
        "PGPASSWORD": database["PASSWORD"],
        "PGDATABASE": database["NAME"],
    }
    return {**os.environ, **{name: value for name, value in variables.items() if value}}


def _run(command):
    result = subprocess.run(command, env=_postgres_environment(), capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


def back_up(folder):
    """Writes the database and the media to `folder` (made if missing); returns the files."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    if connection.vendor == "postgresql":
        database = folder / POSTGRES_DUMP
        _run(["pg_dump", "--format=custom", "--no-owner", "--no-acl", f"--file={database}"])
    elif connection.vendor == "sqlite":
        database = folder / SQLITE_COPY
        connection.ensure_connection()
        with sqlite3.connect(database) as target:
            connection.connection.backup(target)
        target.close()
    else:
        raise BackupError(f"No backup for {connection.vendor}.")
    media = folder / MEDIA_ARCHIVE
    with tarfile.open(media, "w:gz") as archive:
        root = Path(settings.MEDIA_ROOT)
        if root.exists():
            archive.add(root, arcname=".")
    return [database, media]


def restore(folder, *, replace=False):
    """Reads a backup made by `back_up` into the configured database and MEDIA_ROOT."""
    folder = Path(folder)
    media_root = Path(settings.MEDIA_ROOT)
    if not replace:
        if connection.introspection.table_names():
            raise BackupError(
                f"The database {connection.settings_dict['NAME']} already holds tables: "
                "restore into a new one, or pass --replace."
            )
        if media_root.exists() and any(media_root.iterdir()):
            raise BackupError(f"{media_root} is not empty: use a new folder, or pass --replace.")
    if connection.vendor == "postgresql":
        dump = folder / POSTGRES_DUMP
        if not dump.exists():
            raise BackupError(f"{dump} is missing (a backup of PostgreSQL?).")
        connection.close()  # pg_restore --clean drops what this connection may hold
        _run(
            [
                "pg_restore",
                "--no-owner",
                "--no-acl",
                "--single-transaction",
                *(["--clean", "--if-exists"] if replace else []),
                f"--dbname={connection.settings_dict['NAME']}",
                str(dump),
            ]
        )
    elif connection.vendor == "sqlite":
        copy = folder / SQLITE_COPY
        if not copy.exists():
            raise BackupError(f"{copy} is missing (a backup of SQLite?).")
        connection.ensure_connection()
        with sqlite3.connect(copy) as source:
            source.backup(connection.connection)
        source.close()
    else:
        raise BackupError(f"No restore for {connection.vendor}.")
    media_root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(folder / MEDIA_ARCHIVE, "r:gz") as archive:
        archive.extractall(media_root, filter="data")  # no paths outside MEDIA_ROOT
