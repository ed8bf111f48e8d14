"""What tramite learns from registro's events over NATS: each office's kind, and which promoters hold a current,
unsuspended registration.

Why from events and not HTTP calls: tramite keeps deciding when registro is down (architecture: services own their
data and share it only as events), and every lookup is local and fast. Both tables are read models fed by one
durable consumer; each message is applied once (``aplicar_una_vez``: rows and tracking row in one transaction).

Deliveries may arrive duplicated, reordered or re-driven from the dead-letter list: every event received is kept in
``registro_recibidos`` and applied strictly in its aggregate's version order (an early arrival waits for its
predecessor), so the tables always reflect a gap-free prefix of each aggregate's history.

Registro's office kinds are organisational; the routing engine's kinds are roles in the procedure, so they are
mapped here (``TIPO_POR_TIPO_REGISTRO``). Registration events of the base class ``VigenciaInscripcion`` are published
under another aggregate name, so the handler dispatches on the event type and the aggregate id, not on the subject.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy import (JSON, Boolean, Column, Connection, Date, Integer, MetaData, String, Table, delete, func, insert,
                        select, update)

from services.tramite.domain.definicion import TipoOficina as T
from shared.lecturas.proyeccion import aplicar_una_vez
from shared.mensajeria.consumidor import Consumidor

metadata = MetaData()
ORIGEN = "registro>tramite"
"""Tracking origin of this consumer (distinct from any other consumer of registro's stream in this database)."""

oficinas_conocidas = Table(
    "oficinas_conocidas", metadata,
    Column("codigo", String(60), primary_key=True),
    Column("agregado_id", String(36), nullable=False, index=True),
    Column("tipo_registro", String(40), nullable=False),
    Column("tipo", String(30), nullable=True),
    Column("estado", String(20), nullable=False),
    Column("version", Integer, nullable=False),
)

inscripciones_promotores = Table(
    "inscripciones_promotores", metadata,
    Column("inscripcion_id", String(36), primary_key=True),
    Column("ruc", String(11), nullable=False, index=True),
    Column("registro", String(10), nullable=False),
    Column("fase", String(40), nullable=False),
    Column("suspensiones", JSON, nullable=False),
    Column("vigente_hasta", Date, nullable=True),
    Column("version", Integer, nullable=False),
)

registro_recibidos = Table(
    "registro_recibidos", metadata,
    Column("agregado_id", String(36), primary_key=True),
    Column("version", Integer, primary_key=True),
    Column("evento", JSON, nullable=False),
    Column("aplicado", Boolean, nullable=False),
)

TIPO_POR_TIPO_REGISTRO: dict[str, str | None] = {
    "sector": T.SECTOR, "region": T.REGION, "gobierno_local": T.PROVINCIA, "universidad": T.UNIVERSIDAD,
    "direccion_ejecutiva": T.RECTOR, "consejo_directivo": T.RECTOR, "organo_linea_apci": T.RECTOR,
    "comision_apci": T.RECTOR, "cancilleria": T.CANCILLERIA, "fuente": T.FUENTE, "promotor": T.PROMOTOR,
    "aduana": T.ADUANA,  # SUNAT customs: acts on the 1984 liberation route (R.S. 450-84-RE Cap. IV Anexo 3, 3)
    "organismo_publico": None,  # no role of its own in the procedures: it presents through its sector
}

VIGENTE, RENOVACION = "vigente", "renovacion_en_tramite"
FASE_POR_EVENTO = {
    "InscripcionAprobada": VIGENTE, "SilencioPositivoOperado": VIGENTE, "ReconsideracionDeclaradaFundada": VIGENTE,
    "ApelacionDeclaradaFundada": VIGENTE, "InscripcionRenovada": VIGENTE, "RenovacionDenegada": VIGENTE,
    "SolicitudRenovacionPresentada": RENOVACION, "OmisionesNotificadas": "observada",
    "OmisionesSubsanadas": "presentada", "InscripcionDenegada": "denegada",
    "ReconsideracionDeclaradaInfundada": "denegada", "RecursoReconsideracionInterpuesto": "en_reconsideracion",
    "RecursoApelacionInterpuesto": "en_apelacion", "ApelacionDeclaradaInfundada": "denegada_firme",
    "DenegacionQuedoFirme": "denegada_firme", "InscripcionVencida": "vencida",
    "RenunciaABeneficiosRegistrada": "renunciada", "CancelacionLegadaRegistrada": "cancelada",
}
"""Phase of an ``Inscripcion`` after each event (registro's ``inscripcion_acciones``); only the registered phases
(``vigente``, ``renovacion_en_tramite``) give benefits, and only without suspensions."""


def aplicar(c: Connection, e: Mapping[str, Any]) -> None:
    """Keep the event, then apply every kept event of its aggregate that continues the applied prefix."""
    aid, version = e["agregado_id"], int(e["version"])
    por_agregado = registro_recibidos.c.agregado_id == aid
    ya = c.execute(select(registro_recibidos.c.version).where(por_agregado, registro_recibidos.c.version == version))
    if ya.first() is None:
        c.execute(insert(registro_recibidos).values(agregado_id=aid, version=version, evento=dict(e), aplicado=False))
    ultimo = c.execute(select(func.max(registro_recibidos.c.version)).where(
        por_agregado, registro_recibidos.c.aplicado.is_(True))).scalar() or 0
    pendientes = c.execute(select(registro_recibidos.c.version, registro_recibidos.c.evento).where(
        por_agregado, registro_recibidos.c.aplicado.is_(False), registro_recibidos.c.version > ultimo)
        .order_by(registro_recibidos.c.version)).all()
    for v, evento in pendientes:
        if v != ultimo + 1:
            break
        _aplicar_en_orden(c, evento)
        c.execute(update(registro_recibidos).where(por_agregado, registro_recibidos.c.version == v)
                  .values(aplicado=True))
        ultimo = v


def _aplicar_en_orden(c: Connection, e: Mapping[str, Any]) -> None:
    d, aid, version = e.get("datos") or {}, e["agregado_id"], int(e["version"])
    if e["agregado"] == "oficina":
        _oficina(c, e["tipo"], aid, d, version)
    elif e["tipo"] == "SolicitudInscripcionPresentada":
        c.execute(delete(inscripciones_promotores).where(inscripciones_promotores.c.inscripcion_id == aid))
        c.execute(insert(inscripciones_promotores).values(
            inscripcion_id=aid, ruc=d["ruc"], registro=d["registro"], fase="presentada", suspensiones=[],
            vigente_hasta=None, version=version))
    else:
        _inscripcion(c, e["tipo"], aid, d, version)


def _oficina(c: Connection, tipo_evento: str, aid: str, d: Mapping[str, Any], version: int) -> None:
    from services.tramite.consultas import olvidar_oficinas  # consultas imports this module's tables

    olvidar_oficinas()
    if tipo_evento == "OficinaCreada":
        c.execute(delete(oficinas_conocidas).where(oficinas_conocidas.c.codigo == d["codigo"]))
        c.execute(insert(oficinas_conocidas).values(
            codigo=d["codigo"], agregado_id=aid, tipo_registro=d["tipo"], tipo=TIPO_POR_TIPO_REGISTRO.get(d["tipo"]),
            estado="activa", version=version))
        return
    valores: dict[str, Any] = {"version": version}
    if tipo_evento == "OficinaCerrada":
        valores["estado"] = "cerrada"
    c.execute(update(oficinas_conocidas).where(oficinas_conocidas.c.agregado_id == aid).values(**valores))


def _inscripcion(c: Connection, tipo_evento: str, aid: str, d: Mapping[str, Any], version: int) -> None:
    por_id = inscripciones_promotores.c.inscripcion_id == aid
    fila = c.execute(select(inscripciones_promotores.c.suspensiones).where(por_id)).first()
    if fila is None:
        return  # an event of another registro aggregate (offices, experts, annual obligations...)
    valores: dict[str, Any] = {"version": version}
    if tipo_evento in FASE_POR_EVENTO:
        valores["fase"] = FASE_POR_EVENTO[tipo_evento]
    if d.get("vigente_hasta"):
        valores["vigente_hasta"] = date.fromisoformat(str(d["vigente_hasta"])[:10])
    if tipo_evento == "BeneficiosSuspendidos":
        valores["suspensiones"] = sorted({*fila.suspensiones, d["causa_id"]})
    elif tipo_evento == "BeneficiosRestituidos":
        valores["suspensiones"] = sorted(d.get("suspensiones_restantes") or [])
    c.execute(update(inscripciones_promotores).where(por_id).values(**valores))


def crear_consumidores(comp: Any) -> list[Consumidor]:
    motor = comp.motor

    async def manejar(evento: dict[str, Any]) -> None:
        await asyncio.to_thread(aplicar_una_vez, motor, ORIGEN, int(evento["notificacion_id"]),
                                lambda c: aplicar(c, evento))

    return [Consumidor("tramite-registro", "registro", manejar, comp.config.nats_url, motor,
                       max_entregas=comp.config.max_entregas)]
