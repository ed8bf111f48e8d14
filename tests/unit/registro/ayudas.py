"""Builders shared by the registry's domain tests: actors, a complete application, a registered entity."""

from __future__ import annotations

from datetime import date

from shared.eventos import Actor

from services.registro.domain.inscripcion import Inscripcion
from services.registro.domain.reglas import Registro
from services.registro.domain.requisitos import codigos_inscripcion

RUC = "20131312955"  # valid check digit
OTRO_RUC = "20512333797"
ENTIDAD = Actor("maria.quispe", f"ENTIDAD-{RUC}", ("representante_legal",))
OTRA_ENTIDAD = Actor("juan.perez", f"ENTIDAD-{OTRO_RUC}", ("representante_legal",))
REGISTRADOR = Actor("rosa.registros", "APCI-DOC", ("registrador",))
DIRECTOR = Actor("director", "APCI-DE", ("director_ejecutivo",))
SISTEMA = Actor("sistema", "SISTEMA", ("sistema",))
RREE = Actor("dci", "RREE-DCI", ("cancilleria",))


def documentos(registro: Registro = Registro.ONGD, sin: tuple[str, ...] = ()) -> list[str]:
    return [c for c in codigos_inscripcion(registro) if c not in sin]


def solicitud(presentada_el: date = date(2026, 3, 2), registro: Registro = Registro.ONGD,
              sin: tuple[str, ...] = (), **extra) -> Inscripcion:
    args = dict(actor=ENTIDAD, registro=registro.value, ruc=RUC, razon_social="Asociacion Andina para el Desarrollo",
                expediente=f"APCI-DOC-{presentada_el.year}-000123", presentada_el=presentada_el,
                documentos=documentos(registro, sin), ubigeo="080101", hoy=presentada_el,
                fecha_copia_literal=presentada_el.replace(day=1) if presentada_el.day > 1 else presentada_el,
                partida_sunarp="11002233" if registro is Registro.ENIEX else None,
                datos={"representante_legal": "Maria Quispe"})
    args.update(extra)
    return Inscripcion.presentar(**args)


def resolucion(fecha: date, numero: str = "R.D. N. 045-2026-APCI/DOC") -> dict:
    return {"numero": numero, "fecha": fecha}


def inscrita(aprobada_el: date = date(2026, 3, 20), registro: Registro = Registro.ONGD) -> Inscripcion:
    ins = solicitud(presentada_el=aprobada_el.replace(day=2), registro=registro)
    ins.aprobar(actor=REGISTRADOR, resolucion=resolucion(aprobada_el), hoy=aprobada_el)
    return ins


def tipos(agregado) -> list[str]:
    return [type(e).__name__ for e in agregado._pending_events]
