"""Run a service's Alembic migrations programmatically at start-up (``alembic upgrade head``)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config

from shared.configuracion import url_sqlalchemy


def migrar(database_url: str, directorio: Path) -> None:
    cfg = Config()
    cfg.set_main_option("script_location", str(directorio))
    cfg.set_main_option("sqlalchemy.url", url_sqlalchemy(database_url).replace("%", "%%"))
    command.upgrade(cfg, "head")


def ejecutar_env() -> None:
    """Body of every service's ``migrations/env.py``: online migration with the URL given by ``migrar``."""
    from alembic import context
    from sqlalchemy import create_engine, pool

    url = context.config.get_main_option("sqlalchemy.url")
    motor = create_engine(url, poolclass=pool.NullPool)
    with motor.connect() as conexion:
        context.configure(connection=conexion, compare_type=True)
        with context.begin_transaction():
            context.run_migrations()
