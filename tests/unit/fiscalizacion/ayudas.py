"""Actors and small builders shared by the fiscalizacion domain tests."""

from __future__ import annotations

from datetime import date

from shared.eventos import Actor
from services.fiscalizacion.domain.comandos_expediente import abrir_expediente

DOC = Actor("ana.doc", "DOC", ("instructor",))
DFS = Actor("luis.dfs", "DFS", ("inspector",))
CIS = Actor("st.cis", "CIS", ("comisionado",))
DE = Actor("director", "DE", ("director_ejecutivo",))
OGA = Actor("ejecutor", "OGA", ("ejecutor_coactivo",))
CONSEJO = Actor("presidente", "CONSEJO_DIRECTIVO", ("consejero",))
ENTIDAD = Actor("representante", "20100070970", ("administrado",))
RUC = "20100070970"


def expediente_en_evaluacion_cis(codigo: str = "RIS-6-c", fecha_hechos: date = date(2018, 1, 31),
                                 clave: str = "prueba/1", **kw):
    """A file walked to the CIS evaluation stage on the 2018 calendar used across the tests."""
    exp = abrir_expediente(clave_origen=clave, ruc=RUC, codigo=codigo, fecha_hechos=fecha_hechos,
                           origen={"tipo": "prueba"}, hoy=date(2018, 6, 20), **kw)
    instructor = DOC if exp.organo_instructor == "DOC" else DFS
    exp.imputar_cargos(instructor, notificado_el=date(2018, 6, 22), hechos_imputados="hechos", hoy=date(2018, 6, 22))
    exp.vencer_plazos(date(2018, 7, 5))
    exp.formular_propuesta(instructor, tipo="no_infraccion", sanciones_propuestas=[], hoy=date(2018, 8, 1))
    exp.notificar_propuesta(CIS, notificado_el=date(2018, 8, 2), hoy=date(2018, 8, 2))
    exp.vencer_plazos(date(2018, 8, 14))
    return exp


def tipos_eventos(agregado) -> list[str]:
    return [type(e).__name__ for e in agregado.pending_events]
