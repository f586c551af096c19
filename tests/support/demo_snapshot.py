"""The demo site for transactional tests (browser journeys, backup): built by `load_demo_content` once per
test process, then restored from the rows it wrote.

A transactional test starts from the migrated data (serialized rollback, tests/conftest.py) and empties the
database when it ends, so each one that asks for the demo site must write it again. Running the command draws
the pictures, builds the page tree and indexes the search; writing back the rows it wrote the first time gives
the same database in a fraction of the time. The rows are kept as Python values (Django's "python"
serializer), so times keep their microseconds, which the JSON of serialized rollback rounds to milliseconds.

It is used only when that gives the same database: the database holds exactly the migrated data when the demo
site is asked for (nothing else was written first), the command only added and changed rows (deleted none),
and every file its rows name is still in the (in-memory) storage. Otherwise the command runs.
"""

import json
import pickle

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.db import connection, router, transaction
from django.db.migrations.loader import MigrationLoader
from django.db.models import FileField


class DemoSnapshot:
    def __init__(self, migrated: str):
        migrated_rows = {_key(row): row for row in json.loads(migrated)}
        demo_rows = {_key(row): row for row in json.loads(connection.creation.serialize_db_to_string())}
        self.usable = set(migrated_rows) <= set(demo_rows)
        # The rows the command added or changed, as Python values, in the serializer's order.
        rows = [
            row
            for row in serializers.serialize("python", _saved_objects())
            if migrated_rows.get(_key(row)) != demo_rows[_key(row)]
        ]
        self.rows = pickle.dumps(rows)
        self.files = _files(rows)

    def restore(self) -> bool:
        """Writes the demo site's rows; False (and nothing written) when that would not give the same site."""
        if not self.usable or not all(storage.exists(name) for storage, name in self.files):
            return False
        # As connection.creation.deserialize_db_from_string does for serialized rollback.
        tables = set()
        with transaction.atomic(using=connection.alias), connection.constraint_checks_disabled():
            for obj in serializers.deserialize("python", pickle.loads(self.rows), using=connection.alias):
                obj.save()
                tables.add(obj.object._meta.db_table)
            connection.check_constraints(table_names=tables)
        return True


def _saved_objects():
    """Every row serialized rollback saves, in its order (connection.creation.serialize_db_to_string)."""
    loader = MigrationLoader(connection)
    for app_config in apps.get_app_configs():
        if (
            app_config.models_module is not None
            and app_config.label in loader.migrated_apps
            and app_config.name not in settings.TEST_NON_SERIALIZED_APPS
        ):
            for model in app_config.get_models():
                if model._meta.can_migrate(connection) and router.allow_migrate_model(
                    connection.alias, model
                ):
                    yield from model._base_manager.using(connection.alias).order_by(model._meta.pk.name)


def _key(row):
    return row["model"], json.dumps(row["pk"], default=str)


def _files(rows):
    files = set()
    for row in rows:
        model = apps.get_model(row["model"])
        for field in model._meta.concrete_fields:
            if isinstance(field, FileField) and row["fields"].get(field.name):
                files.add((field.storage, str(row["fields"][field.name])))
    return files


_snapshots: dict[str, DemoSnapshot] = {}


def load_demo_site(load, migrated: str | None):
    """Builds the demo site in a transactional test: `load()` runs the command (the first time, and whenever
    restoring would not give the same database). `migrated` is the migrated data as serialized rollback
    restores it (None when the run serialized none)."""
    if migrated is None or connection.creation.serialize_db_to_string() != migrated:
        load()
        return
    snapshot = _snapshots.get(connection.alias)
    if snapshot is not None and snapshot.restore():
        return
    load()
    _snapshots[connection.alias] = DemoSnapshot(migrated)
