"""SQLAlchemy engines for read models and chassis tables (same database as the service's event store)."""

from __future__ import annotations

from sqlalchemy import Engine, create_engine, event

from shared.configuracion import url_sqlalchemy


def crear_motor(database_url: str) -> Engine:
    url = url_sqlalchemy(database_url)
    if url.startswith("sqlite"):
        motor = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})

        @event.listens_for(motor, "connect")
        def _pragmas(dbapi_conn, _):  # WAL: readers never block the single writer
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.close()

        return motor
    return create_engine(url, pool_size=5, max_overflow=10, pool_pre_ping=True)
