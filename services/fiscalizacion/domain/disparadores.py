"""Triggers from other services, turned into idempotent opening commands (deterministic aggregate ids).

* registro: a lapsed annual obligation opens the corresponding case (Ley 27692 art. 21.1, 21.3, 21.4; RIS 6). The
  expediente id is ``uuid5`` of the upstream event id, so a redelivered event maps to the same aggregate and the
  application finds it already exists instead of opening a second one.
* tramite: a finding of execution without approval can open an inspection (ROF 48.d, 48.f); same idempotency.
"""

from __future__ import annotations

from datetime import date
from uuid import UUID

from services.fiscalizacion.domain.comandos_expediente import abrir_expediente
from services.fiscalizacion.domain.comandos_fiscalizacion import nueva_fiscalizacion
from services.fiscalizacion.domain.expediente import ExpedienteSancionador
from services.fiscalizacion.domain.fiscalizacion import Fiscalizacion

INFRACCION_POR_EVENTO_REGISTRO = {
    "InscripcionNoPresentada": "RIS-6-a",
    "RenovacionNoPresentada": "RIS-6-b",
    "InscripcionVencida": "RIS-6-b",
    "PlanAnualNoPresentado": "RIS-6-c",
    "InformeAnualNoPresentado": "RIS-6-c",
    "InformeAsistencialNoPresentado": "RIS-6-d",
    "ProyectoNoInscrito": "RIS-9",
}

RIS_POR_INFRACCION_LEY = {
    "INF-02": "RIS-8-c", "INF-03": "RIS-6-c", "INF-04": "RIS-6-d", "INF-05": "RIS-7-a", "INF-06": "RIS-8-a",
}
"""Ley 27692 art. 21 numbering (as registro's ``ObligacionAnualVencida.infraccion`` carries it) -> RIS code.
INF-01 covers both RIS 6.a and 6.b, so for it the upstream event type decides."""


def clave_obligacion_vencida(evento_id: str) -> str:
    return f"registro/{evento_id}"


def id_expediente_por_obligacion(evento_id: str) -> UUID:
    return ExpedienteSancionador.create_id(clave_origen=clave_obligacion_vencida(evento_id))


def abrir_por_obligacion_vencida(*, evento_id: str, tipo_evento: str, ruc: str, vencio_el: date, hoy: date,
                                 infraccion_ley: str | None = None, renuncio_beneficios: bool = False,
                                 entidad_publica: bool = False, numero: str | None = None):
    codigo = RIS_POR_INFRACCION_LEY.get(infraccion_ley or "") or INFRACCION_POR_EVENTO_REGISTRO[tipo_evento]
    return abrir_expediente(
        clave_origen=clave_obligacion_vencida(evento_id), ruc=ruc, codigo=codigo, fecha_hechos=vencio_el, hoy=hoy,
        origen={"tipo": "registro", "evento": tipo_evento, "evento_id": evento_id},
        renuncio_beneficios=renuncio_beneficios, entidad_publica=entidad_publica, numero=numero)


def clave_hallazgo_tramite(evento_id: str) -> str:
    return f"tramite/{evento_id}"


def id_fiscalizacion_por_hallazgo(evento_id: str) -> UUID:
    return Fiscalizacion.create_id(clave_origen=clave_hallazgo_tramite(evento_id))


def abrir_por_hallazgo_tramite(*, evento_id: str, ruc: str, intervencion: str, hoy: date, en_ambito: bool = True,
                               evento: str = "EjecucionSinAprobacionDetectada", expediente_tramite: str | None = None):
    origen = {"tipo": "hallazgo_tramite", "evento": evento, "evento_id": evento_id}
    if expediente_tramite:
        origen["expediente_tramite"] = expediente_tramite
    return nueva_fiscalizacion(
        clave_origen=clave_hallazgo_tramite(evento_id), ruc=ruc, hoy=hoy, en_ambito=en_ambito,
        objeto={"tipo": "intervencion", "codigo": intervencion}, origen=origen)
