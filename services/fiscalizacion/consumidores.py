"""Reactions to other services' events over NATS (durable consumers; every effect idempotent).

From registro (``fiscalizacion-registro``):
* read models, applied once per message (``aplicar_una_vez``): the RUC of each registro aggregate (its creation
  event carries it), the entity's renunciation of benefits (TC 107-109: it cannot be charged for not registering or
  renewing, so ``renuncio`` feeds every opening) and a mirror of registro's suspensions/restitutions of benefits;
* ``ObligacionAnualVencida`` opens the case for its infraction (``infraccion`` INF-03/INF-04 -> RIS 6.c/6.d). The case
  id derives from the upstream ``sobre.evento_id``, so a redelivered or re-published trigger opens nothing twice.

From tramite (``fiscalizacion-tramite``): tramite publishes no "execution without approval" finding yet, so this
consumer reacts to any tramite event whose type contains ``SinAprobacion`` or ``Ejecucion`` and whose payload names
the RUC (``ruc``, ``ruc_promotor`` or ``promotor.ruc``): it programs an inspection of that intervention, with the
tramite expediente number (the event's correlation) in its origin. Idempotent by the upstream event id.

A domain refusal (e.g. a renounced entity, an untyped infraction) is a legitimate outcome: logged, not retried.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, insert, select, update

from services.fiscalizacion import tablas as t
from shared.errores import DatosInvalidos, ReglaIncumplida
from shared.eventos.sobre import SISTEMA, acto
from shared.lecturas.proyeccion import aplicar_una_vez
from shared.mensajeria.consumidor import Consumidor

log = logging.getLogger("cti.fiscalizacion.consumidores")
ORIGEN_REGISTRO = "registro>fiscalizacion"
LIMA = ZoneInfo("America/Lima")
_CREACIONES = {"PeriodoDeclaracionAbierto": "obligacion_anual", "SolicitudInscripcionPresentada": "inscripcion"}


def fecha_del_acto(evento: Mapping[str, Any]) -> date:
    """The business date of an upstream act (its ``fecha_negocio``, in Lima): the day this service learns of it."""
    valor = str((evento.get("sobre") or {}).get("fecha_negocio") or "")
    if len(valor) == 10:
        return date.fromisoformat(valor)
    try:
        return datetime.fromisoformat(valor).astimezone(LIMA).date()
    except ValueError:
        return datetime.now(LIMA).date()


def ruc_de(c: Connection, e: Mapping[str, Any]) -> str | None:
    fila = c.execute(select(t.registro_agregados.c.ruc).where(
        t.registro_agregados.c.agregado_id == e["agregado_id"])).first()
    if fila:
        return fila.ruc
    partes = str((e.get("sobre") or {}).get("correlacion") or "").split("-")  # DA-<anio>-<registro>-<ruc>
    return partes[-1] if partes and len(partes[-1]) == 11 and partes[-1].isdigit() else None


def _entidad(c: Connection, ruc: str) -> dict[str, Any]:
    fila = c.execute(select(t.entidades).where(t.entidades.c.ruc == ruc)).first()
    if fila is None:
        c.execute(insert(t.entidades).values(ruc=ruc, renunciada_el=None, suspensiones={}))
        return {"renunciada_el": None, "suspensiones": {}}
    return {"renunciada_el": fila.renunciada_el, "suspensiones": dict(fila.suspensiones)}


def aplicar_registro(c: Connection, e: Mapping[str, Any]) -> None:
    tipo, d = e["tipo"], e.get("datos") or {}
    if tipo in _CREACIONES and d.get("ruc"):
        existe = c.execute(select(t.registro_agregados.c.ruc).where(
            t.registro_agregados.c.agregado_id == e["agregado_id"])).first()
        if not existe:
            c.execute(insert(t.registro_agregados).values(agregado_id=e["agregado_id"], ruc=d["ruc"],
                                                          tipo=_CREACIONES[tipo]))
        return
    if tipo not in ("RenunciaABeneficiosRegistrada", "BeneficiosSuspendidos", "BeneficiosRestituidos"):
        return
    ruc = ruc_de(c, e)
    if ruc is None:
        return
    ent = _entidad(c, ruc)
    if tipo == "RenunciaABeneficiosRegistrada":
        ent["renunciada_el"] = date.fromisoformat(str(d["renunciada_el"])[:10])
    elif tipo == "BeneficiosSuspendidos":
        ent["suspensiones"][d["causa_id"]] = {"causa": d.get("causa"), "desde": d.get("suspendido_el")}
    else:
        ent["suspensiones"].pop(d.get("causa_id"), None)
    c.execute(update(t.entidades).where(t.entidades.c.ruc == ruc).values(**ent))


def crear_consumidores(comp: Any) -> list[Consumidor]:
    motor, app = comp.motor, comp.aplicacion

    async def en_escritor(causacion: str, funcion, **kw: Any) -> None:  # type: ignore[no-untyped-def]
        def _en_acto() -> Any:
            with acto(actor=SISTEMA, causacion=causacion):
                try:
                    return funcion(**kw)
                except (ReglaIncumplida, DatosInvalidos) as err:
                    log.info("reaccion a %s rechazada por el dominio: %s", causacion, err.detalle)
                    return None

        await comp.escritor.ejecutar(_en_acto)

    async def de_registro(e: dict[str, Any]) -> None:
        await asyncio.to_thread(aplicar_una_vez, motor, ORIGEN_REGISTRO, int(e["notificacion_id"]),
                                lambda c: aplicar_registro(c, e))
        if e["tipo"] != "ObligacionAnualVencida":
            return
        d = e.get("datos") or {}
        ruc = await asyncio.to_thread(_ruc, motor, e)
        if ruc is None:
            raise ValueError(f"ObligacionAnualVencida {e['agregado_id']} sin RUC conocido")
        await en_escritor(f"registro:{e['notificacion_id']}", app.abrir_por_obligacion_vencida,
                          evento_id=e["sobre"]["evento_id"], tipo_evento=e["tipo"], ruc=ruc,
                          vencio_el=date.fromisoformat(str(d["vencida_el"])[:10]), hoy=fecha_del_acto(e),
                          infraccion_ley=d.get("infraccion"),
                          causa={"causa_id": d.get("causa_id"), "correlacion": e["sobre"].get("correlacion")})

    async def de_tramite(e: dict[str, Any]) -> None:
        if "SinAprobacion" not in e["tipo"]:  # tramite's P8 referral: EjecucionSinAprobacionRemitidaAFiscalizacion
            return
        d = e.get("datos") or {}
        del_acto = d.get("datos") if isinstance(d.get("datos"), dict) else {}  # an act's own data (tramite's shape)
        ruc = d.get("ruc") or d.get("ruc_promotor") or del_acto.get("ruc") or _ruc_de_codigo(d.get("promotor"))
        if not ruc:
            log.warning("hallazgo de tramite %s sin RUC: no se programa fiscalizacion", e["tipo"])
            return
        numero = (e.get("sobre") or {}).get("correlacion")
        await en_escritor(f"tramite:{e['notificacion_id']}", app.abrir_por_hallazgo,
                          evento_id=e["sobre"]["evento_id"], ruc=ruc, evento=e["tipo"],
                          intervencion=(d.get("intervencion") or del_acto.get("intervencion")
                                        or d.get("codigo_intervencion") or numero or "-"),
                          hoy=fecha_del_acto(e), expediente_tramite=numero)

    n = comp.config.max_entregas
    return [Consumidor("fiscalizacion-registro", "registro", de_registro, comp.config.nats_url, motor, max_entregas=n),
            Consumidor("fiscalizacion-tramite", "tramite", de_tramite, comp.config.nats_url, motor, max_entregas=n)]


def _ruc_de_codigo(codigo: Any) -> str | None:
    """tramite names an entity ``ENTIDAD-<RUC>``."""
    if isinstance(codigo, str) and codigo.startswith("ENTIDAD-") and codigo[8:].isdigit() and len(codigo) == 19:
        return codigo[8:]
    return None


def _ruc(motor: Any, e: Mapping[str, Any]) -> str | None:
    with motor.connect() as c:
        return ruc_de(c, e)
