"""Read-side persistence: SQLAlchemy engines, the chassis tables, tracked projections and Alembic migrations."""
