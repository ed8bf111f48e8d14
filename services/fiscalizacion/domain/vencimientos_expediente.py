"""Expiry of the procedure's deadlines (the scheduler calls ``vencer_plazos(hoy)``; calling twice records once).

A deadline expires at the close of its last day, so it is processed when ``hoy`` is after ``vence_el``. Chained
deadlines start from the expiry date, not from the day the scheduler ran, so a replay gives the same dates.
Effects: defence terms move the file on (RIS 15-17); the appeal term makes the decision final (RIS 19-20); a late
decision on an appeal is a deemed rejection (silencio negativo, RIS 22); the other terms only raise an alert.
"""

from __future__ import annotations

from datetime import date

from services.fiscalizacion.domain.citas import ris
from services.fiscalizacion.domain.plazos_expediente import decision, plazo
from services.fiscalizacion.domain.recursos_expediente import tras_reconsideracion


def _descargos(exp, nombre: str, vence: date, hoy: date) -> str:
    if nombre == "descargos_instruccion":
        estado, abre, art, etapa = "en_actuaciones_instructoras", plazo(exp, "propuesta_instruccion", vence), "16", \
            "instruccion"
    else:
        estado, abre, art, etapa = "en_evaluacion_cis", {}, "17", "cis"
    exp._registrar("PlazoDescargosVencido", hoy, f"RIS-{art} vencimiento de descargos ({etapa})", ris(art),
                   estado=estado, cierra=[nombre], abre=abre, asigna={"ultimo_vencimiento": {nombre: vence}})
    return "PlazoDescargosVencido"


def _impugnacion(exp, nombre: str, vence: date, hoy: date) -> str:
    exp._registrar("PlazoImpugnatorioVencido", hoy, "RIS-19/20 plazo perentorio sin recurso", [ris("19"), ris("20")],
                   estado="firme", cierra=[nombre],
                   decision=decision(exp, "firmeza", hoy, "RIS-19/20 consentida", [ris("19"), ris("20")],
                                     vence_el=vence))
    return "PlazoImpugnatorioVencido"


def _silencio(exp, nombre: str, vence: date, hoy: date) -> str:
    recurso = "reconsideracion" if nombre == "resolver_reconsideracion" else "apelacion"
    estado, abre = tras_reconsideracion(exp, vence) if recurso == "reconsideracion" else ("firme", {})
    fundamento = [ris("22"), ris("19" if recurso == "reconsideracion" else "20")]
    regla = f"RIS-22 silencio negativo ({recurso} no resuelta en 30 dias)"
    exp._registrar("SilencioNegativoOperado", hoy, regla, fundamento, estado=estado, cierra=[nombre], abre=abre,
                   asigna={"ejecucion_suspendida": False},
                   decision=decision(exp, "silencio_negativo", hoy, regla, fundamento, recurso=recurso,
                                     vence_el=vence))
    return "SilencioNegativoOperado"


def _alerta(exp, nombre: str, vence: date, hoy: date) -> str:
    p = exp.plazos[nombre]
    exp._registrar("PlazoVencido", hoy, f"vencimiento de {nombre}", p["fundamento_legal"], cierra=[nombre],
                   asigna={"ultimo_vencimiento": {nombre: vence, "efecto": p["al_vencer"]}})
    return "PlazoVencido"


EFECTOS = {
    "descargos_instruccion": _descargos,
    "descargos_cis": _descargos,
    "impugnacion": _impugnacion,
    "resolver_reconsideracion": _silencio,
    "resolver_apelacion": _silencio,
}


def vencer_plazos(exp, hoy: date) -> list[str]:
    registrados = []
    while True:
        vencidos = sorted((p["vence_el"], n) for n, p in exp.plazos.items()
                          if p["estado"] == "abierto" and p["vence_el"] < hoy)
        if not vencidos:
            return registrados
        vence, nombre = vencidos[0]
        registrados.append(EFECTOS.get(nombre, _alerta)(exp, nombre, vence, hoy))
