"""Tables and SQL stores for DMS notifications: seen inbound event ids, subscriptions, delivery log, dead letters.

Why tables (not memory): replay protection and "delivered once" must survive a restart, and an operator must be
able to list what failed and re-drive it. They live in the owning service's database (the gateway's, when the lead
wires the routes) and are created by its Alembic migration from ``metadata`` (``crear_tablas_documentales``).
Plain SQLAlchemy Core, so they work on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (Boolean, Column, DateTime, Engine, Integer, MetaData, String, Table, Text, UniqueConstraint,
                        insert, select, update)
from sqlalchemy.exc import IntegrityError

from shared.documentos.webhook import AlmacenVistos

metadata = MetaData()

webhook_vistos = Table(
    "webhook_vistos", metadata,
    Column("evento_id", String(200), primary_key=True),
    Column("recibido", DateTime(timezone=True), nullable=False),
)
suscripciones = Table(
    "suscripciones", metadata,
    Column("id", String(60), primary_key=True),
    Column("url", String(500), nullable=False),
    Column("secreto", String(200), nullable=False),  # HMAC needs the secret itself: protect the database
    Column("filtro", String(200), nullable=False),
    Column("activa", Boolean, nullable=False, default=True),
    Column("creada", DateTime(timezone=True), nullable=False),
)
entregas = Table(
    "entregas", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("suscripcion", String(60), nullable=False, index=True),
    Column("evento_id", String(200), nullable=False),
    Column("sujeto", String(200), nullable=False),
    Column("intento", Integer, nullable=False),
    Column("estado", String(20), nullable=False),  # entregado | fallido | reenviado
    Column("status", Integer),
    Column("error", Text),
    Column("momento", DateTime(timezone=True), nullable=False),
)
cartas_entrega = Table(
    "cartas_entrega", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("suscripcion", String(60), nullable=False),
    Column("evento_id", String(200), nullable=False),
    Column("sujeto", String(200), nullable=False),
    Column("cuerpo", Text, nullable=False),
    Column("error", Text, nullable=False),
    Column("estado", String(20), nullable=False),  # pendiente | reenviada
    Column("creada", DateTime(timezone=True), nullable=False),
    UniqueConstraint("suscripcion", "evento_id"),
)


def crear_tablas_documentales(op) -> None:  # type: ignore[no-untyped-def]
    """For the owning service's Alembic migration."""
    for tabla in metadata.sorted_tables:
        op.create_table(tabla.name, *[c._copy() for c in tabla.columns],
                        # by column names: copying a constraint built on the table's own columns attaches the copy
                        # to that table, growing the set being iterated ("Set changed size during iteration")
                        *[UniqueConstraint(*[c.name for c in r.columns]) for r in list(tabla.constraints)
                          if isinstance(r, UniqueConstraint)])


def _ahora() -> datetime:
    return datetime.now(UTC)


class VistosSQL(AlmacenVistos):
    def __init__(self, motor: Engine) -> None:
        self.motor = motor

    def registrar(self, evento_id: str, momento: float) -> bool:
        try:
            with self.motor.begin() as c:
                c.execute(insert(webhook_vistos).values(evento_id=evento_id,
                                                        recibido=datetime.fromtimestamp(momento, UTC)))
            return True
        except IntegrityError:
            return False


class RegistroEntregas:
    """Subscriptions, the delivery log and the dead-letter list of outbound notifications."""

    def __init__(self, motor: Engine) -> None:
        self.motor = motor

    def guardar_suscripcion(self, id: str, url: str, secreto: str, filtro: str) -> None:
        with self.motor.begin() as c:
            c.execute(insert(suscripciones).values(id=id, url=url, secreto=secreto, filtro=filtro, activa=True,
                                                   creada=_ahora()))

    def suscripciones(self, solo_activas: bool = True) -> list[dict[str, Any]]:
        consulta = select(suscripciones).order_by(suscripciones.c.id)
        if solo_activas:
            consulta = consulta.where(suscripciones.c.activa.is_(True))
        with self.motor.connect() as c:
            return [dict(f._mapping) for f in c.execute(consulta)]

    def desactivar(self, id: str) -> None:
        with self.motor.begin() as c:
            c.execute(update(suscripciones).where(suscripciones.c.id == id).values(activa=False))

    def anotar(self, suscripcion: str, evento_id: str, sujeto: str, intento: int, estado: str,
               status: int | None = None, error: str | None = None) -> None:
        with self.motor.begin() as c:
            c.execute(insert(entregas).values(suscripcion=suscripcion, evento_id=evento_id, sujeto=sujeto,
                                              intento=intento, estado=estado, status=status,
                                              error=(error or None) and error[:2000], momento=_ahora()))

    def resuelto(self, suscripcion: str, evento_id: str) -> bool:
        """Delivered or dead-lettered already (a NATS redelivery after a crash must not POST it again)."""
        with self.motor.connect() as c:
            entregado = c.execute(select(entregas.c.id).where(
                entregas.c.suscripcion == suscripcion, entregas.c.evento_id == evento_id,
                entregas.c.estado.in_(("entregado", "reenviado"))).limit(1)).first()
            muerta = c.execute(select(cartas_entrega.c.id).where(
                cartas_entrega.c.suscripcion == suscripcion, cartas_entrega.c.evento_id == evento_id)).first()
        return entregado is not None or muerta is not None

    def entregas(self, suscripcion: str | None = None) -> list[dict[str, Any]]:
        consulta = select(entregas).order_by(entregas.c.id)
        if suscripcion:
            consulta = consulta.where(entregas.c.suscripcion == suscripcion)
        with self.motor.connect() as c:
            return [dict(f._mapping) for f in c.execute(consulta)]

    def a_cartas(self, suscripcion: str, evento_id: str, sujeto: str, cuerpo: str, error: str) -> None:
        with self.motor.begin() as c:
            c.execute(insert(cartas_entrega).values(suscripcion=suscripcion, evento_id=evento_id, sujeto=sujeto,
                                                    cuerpo=cuerpo, error=error[:2000], estado="pendiente",
                                                    creada=_ahora()))

    def cartas(self, estado: str | None = None) -> list[dict[str, Any]]:
        consulta = select(cartas_entrega).order_by(cartas_entrega.c.id)
        if estado:
            consulta = consulta.where(cartas_entrega.c.estado == estado)
        with self.motor.connect() as c:
            return [dict(f._mapping) for f in c.execute(consulta)]

    def marcar_reenviada(self, carta_id: int) -> None:
        with self.motor.begin() as c:
            c.execute(update(cartas_entrega).where(cartas_entrega.c.id == carta_id).values(estado="reenviada"))
