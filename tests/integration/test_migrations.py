"""The migrations create exactly the schema the models describe."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from cocon.models import metadata


def test_migrated_schema_matches_the_models(engine):
    with engine.connect() as connection:
        unmanaged = tuple(metadata.info.get("unmanaged_names", ()))  # e.g. FTS5 tables

        def include_name(name, type_, parent):
            return not (name and unmanaged and name.startswith(unmanaged))

        context = MigrationContext.configure(
            connection, opts={"compare_type": False, "include_name": include_name})
        diff = compare_metadata(context, metadata)
    assert diff == [], "add a migration for: " + repr(diff)[:2000]
