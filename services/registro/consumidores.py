"""What registro does with other services' events (NATS, durable consumers, idempotent handlers).

* fiscalizacion: a firm sanction's ``SuspensionBeneficiosAplicada`` suspends the benefits of every registration the
  RUC holds and ``SuspensionBeneficiosLevantada`` restores them (Ley 27692 art. 22(c)). The suspension is keyed by the
  sanction (the cause), so a redelivered message finds the cause already recorded and records nothing: idempotency
  by a domain check, not by a tracking row. The RUC comes from the event (``datos.ruc``) or, since a sanction's later
  events need not repeat it, from ``EjecucionSancionIniciada`` remembered in ``sanciones_conocidas``. The names the
  registro domain's ``politicas`` foresaw (``SancionImpuesta`` / ``SancionCumplida``) are honoured too.
* tramite: the P2 candidacies of experts (proposal, the Foreign Ministry's acceptance, the sector's request to
  register) feed ``expertos_aceptados``, the list of experts the registry keeper expects; read model only, applied
  once per message (``aplicar_una_vez``).
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from services.registro.domain import politicas
from services.registro.lecturas import expertos_aceptados, fecha, sanciones_conocidas
from shared.eventos.sobre import SISTEMA, acto
from shared.lecturas.proyeccion import aplicar_una_vez
from shared.mensajeria.consumidor import Consumidor

ORIGEN_FISCALIZACION, ORIGEN_TRAMITE = "fiscalizacion>registro", "tramite>registro"
SANCION = {"SuspensionBeneficiosAplicada": True, "SuspensionBeneficiosLevantada": False}
APERTURAS_P2 = ("CandidaturaExpertoPropuesta", "CandidaturaExpertoPropuestaAOficinaSectorial")
ACTOS_P2 = {"AceptacionCandidaturaOficializada": "aceptacion_oficializada",
            "ExpertoInscritoEnRegistroNacional": "inscripcion_solicitada"}


def orden_de_sancion(e: Mapping[str, Any]) -> tuple[bool, str, date] | None:
    """(suspend?, cause id, date) for a sanction event that suspends or restores benefits; None otherwise."""
    d = e.get("datos") or {}
    if e["tipo"] in SANCION:
        return SANCION[e["tipo"]], str(d.get("sancion_id") or e["agregado_id"]), fecha(d.get("el") or d.get("fecha"))
    comando = politicas.comando_para_inscripcion(e["tipo"], d)
    if comando is None:
        return None
    return comando["accion"] == "suspender_beneficios", str(comando["causa_id"]), comando["hoy"]


def recordar_sancion(c: Connection, e: Mapping[str, Any]) -> None:
    d = e["datos"]
    c.execute(delete(sanciones_conocidas).where(sanciones_conocidas.c.sancion_id == e["agregado_id"]))
    c.execute(insert(sanciones_conocidas).values(sancion_id=e["agregado_id"], ruc=d["ruc"],
                                                 expediente=d.get("expediente")))


def ruc_de_sancion(motor: Any, e: Mapping[str, Any]) -> str:
    ruc = (e.get("datos") or {}).get("ruc")
    if ruc:
        return str(ruc)
    with motor.connect() as c:
        ruc = c.execute(select(sanciones_conocidas.c.ruc)
                        .where(sanciones_conocidas.c.sancion_id == e["agregado_id"])).scalar()
    if ruc is None:  # retried, then dead-lettered for an operator: never silently dropped
        raise LookupError(f"sancion {e['agregado_id']} sin RUC conocido")
    return str(ruc)


def aplicar_tramite(c: Connection, e: Mapping[str, Any]) -> None:
    d, numero = e["datos"], str(e["sobre"].get("correlacion") or e["datos"].get("numero"))
    if e["tipo"] in APERTURAS_P2:
        c.execute(delete(expertos_aceptados).where(expertos_aceptados.c.expediente == numero))
        c.execute(insert(expertos_aceptados).values(
            expediente=numero, agregado_id=e["agregado_id"], candidato=(d.get("datos") or {}).get("candidato"),
            modalidad=(d.get("datos") or {}).get("modalidad"), promotor=d.get("promotor"), estado="propuesta",
            version=int(e["version"])))
        return
    estado = ACTOS_P2.get(e["tipo"])
    if estado is None:
        return
    valores: dict[str, Any] = {"estado": estado, "version": int(e["version"])}
    campo = "aceptado_el" if e["tipo"] == "AceptacionCandidaturaOficializada" else "inscrito_el"
    valores[campo] = fecha(d.get("fecha"))
    c.execute(update(expertos_aceptados).where(expertos_aceptados.c.agregado_id == e["agregado_id"]).values(**valores))


def crear_consumidores(comp: Any) -> list[Consumidor]:
    motor, app, escritor = comp.motor, comp.aplicacion, comp.escritor

    async def de_fiscalizacion(e: dict[str, Any]) -> None:
        if e["tipo"] == "EjecucionSancionIniciada":
            await asyncio.to_thread(aplicar_una_vez, motor, ORIGEN_FISCALIZACION, int(e["notificacion_id"]),
                                    lambda c: recordar_sancion(c, e))
            return
        orden = orden_de_sancion(e)
        if orden is None:
            return
        suspender, causa_id, hoy = orden
        ruc = await asyncio.to_thread(ruc_de_sancion, motor, e)

        def _reaccionar() -> int:
            with acto(actor=SISTEMA, correlacion=ruc, causacion=f"fiscalizacion:{e.get('notificacion_id')}",
                      fecha_negocio=hoy.isoformat()):
                return app.aplicar_sancion(ruc=ruc, causa_id=causa_id, suspender=suspender, hoy=hoy)

        await escritor.ejecutar(_reaccionar)

    async def de_tramite(e: dict[str, Any]) -> None:
        if e["tipo"] in APERTURAS_P2 or e["tipo"] in ACTOS_P2:
            await asyncio.to_thread(aplicar_una_vez, motor, ORIGEN_TRAMITE, int(e["notificacion_id"]),
                                    lambda c: aplicar_tramite(c, e))

    config = comp.config
    return [Consumidor("registro-fiscalizacion", "fiscalizacion", de_fiscalizacion, config.nats_url, motor,
                       max_entregas=config.max_entregas),
            Consumidor("registro-tramite", "tramite", de_tramite, config.nats_url, motor,
                       max_entregas=config.max_entregas)]
