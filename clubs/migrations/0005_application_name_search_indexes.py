"""Trigram indexes for the admin inbox's name search on PostgreSQL.

The inbox finds a name anywhere in the child's or the guardian's name, case aside: Django's `icontains`, which
PostgreSQL runs as `UPPER(child_name::text) LIKE UPPER('%…%')`. No B-tree index answers that, so every search
read all 200,000 applications (0.6–3 s at scale 100). A GIN index of the same expression with pg_trgm's
operator class does (pg_trgm is a trusted extension: the database owner may create it). Built CONCURRENTLY, so
applications keep coming in while it is built; hence a non-atomic migration.

SQLite has neither, and keeps reading every row (development and tests only). The indexes are not in
ClubApplication.Meta because Django cannot declare an index for one database only.
"""

from django.db import migrations

INDEXES = {
    "clubs_application_child_name_trgm": "child_name",
    "clubs_application_guardian_name_trgm": "guardian_name",
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, column in INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX CONCURRENTLY IF NOT EXISTS {name} ON clubs_clubapplication "
            f'USING gin ((UPPER("{column}"::text)) gin_trgm_ops)'
        )
    # Statistics of the indexed expressions, so that the planner knows how many rows a name matches.
    schema_editor.execute("ANALYZE clubs_clubapplication")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {name}")


class Migration(migrations.Migration):
    atomic = False

    dependencies = [("clubs", "0004_regional_editors")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
