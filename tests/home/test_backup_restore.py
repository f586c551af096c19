"""The documented backup and restore procedure (deploy/backup.sh, deploy/restore.sh) on PostgreSQL."""

import os
import subprocess
from pathlib import Path

from django.db import connection

from wagtail.models import Page

import psycopg
import pytest

ROOT = Path(__file__).resolve().parents[2]


def database_url(name):
    settings = connection.settings_dict
    user = settings["USER"] or "postgres"
    host = settings["HOST"] or "127.0.0.1"
    port = settings["PORT"] or 5432
    return f"postgres://{user}@{host}:{port}/{name}"


def table_counts(url):
    with psycopg.connect(url, autocommit=True) as conn:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
            ).fetchall()
        ]
        return {table: conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] for table in tables}


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_backup_restores_into_a_fresh_database_with_every_row(demo_site, tmp_path):
    source_url = database_url(connection.settings_dict["NAME"])
    fresh_name = f"{connection.settings_dict['NAME']}_restored"
    admin_url = database_url("postgres")
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{fresh_name}"')
        conn.execute(f'CREATE DATABASE "{fresh_name}"')
    media = tmp_path / "media"
    (media / "original_images").mkdir(parents=True)
    (media / "original_images" / "photo.jpg").write_bytes(b"jpeg bytes")
    try:
        env = {**os.environ, "DATABASE_URL": source_url, "MEDIA_ROOT": str(media)}
        backup = subprocess.run(
            ["bash", "deploy/backup.sh", str(tmp_path / "backups")],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()

        restored_media = tmp_path / "restored-media"
        env = {**os.environ, "DATABASE_URL": database_url(fresh_name), "MEDIA_ROOT": str(restored_media)}
        subprocess.run(
            ["bash", "deploy/restore.sh", backup], cwd=ROOT, env=env, capture_output=True, check=True
        )

        original = table_counts(source_url)
        restored = table_counts(database_url(fresh_name))
        assert restored == original
        assert restored["wagtailcore_page"] == Page.objects.count() > 3
        assert (restored_media / "original_images" / "photo.jpg").read_bytes() == b"jpeg bytes"
    finally:
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{fresh_name}" WITH (FORCE)')
