"""The sanctioning procedure as data: which action is allowed in which state, by whom, with which fields, and
which deadline it starts (RIS arts. 15-24; D.S. 059-2009-RE on the organs; domain note section 7.2).

``quien`` names a procedural role: ``instructor`` (DOC or DFS, whichever the file names, RIS 4), ``CIS`` (first
instance), ``DE`` (Director Ejecutivo, second instance, RIS 20), ``administrado`` (the entity), ``sistema``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from shared.errores import SinDerecho, TransicionIlegal


@dataclass(frozen=True)
class Accion:
    estados: tuple[str, ...]
    quien: str
    campos: tuple[str, ...] = ()
    inicia: str | None = None


_ABIERTOS_PAS = ("en_descargos_instruccion", "en_actuaciones_instructoras", "propuesta_formulada",
                 "en_descargos_cis", "en_evaluacion_cis")

ACCIONES: dict[str, Accion] = {
    "archivar_preliminar": Accion(("en_evaluacion_preliminar",), "instructor", ("motivo",)),
    "verificar_subsanacion_espontanea": Accion(("en_evaluacion_preliminar",), "instructor", ("subsanado_el",)),
    "comunicar_entidad_publica": Accion(("en_evaluacion_preliminar",), "instructor", ("entidad_superior",)),
    "imputar_cargos": Accion(("en_evaluacion_preliminar",), "instructor", ("notificado_el", "hechos_imputados"),
                             "descargos_instruccion"),
    "presentar_descargos": Accion(("en_descargos_instruccion", "en_descargos_cis"), "administrado",
                                  ("presentado_el", "resumen")),
    "prorrogar_instruccion": Accion(("en_actuaciones_instructoras",), "instructor", ("motivo",)),
    "formular_propuesta": Accion(("en_actuaciones_instructoras",), "instructor", ("tipo", "sanciones_propuestas")),
    "notificar_propuesta": Accion(("propuesta_formulada",), "CIS", ("notificado_el",), "descargos_cis"),
    "acreditar_subsanacion": Accion(("en_descargos_cis",), "CIS", ("presentado_el",)),
    "deducir_prescripcion": Accion(_ABIERTOS_PAS, "administrado", ("deducida_el",)),
    "resolver_prescripcion": Accion(_ABIERTOS_PAS, "CIS", ()),
    "disponer_actuaciones_complementarias": Accion(("en_evaluacion_cis",), "CIS", ("motivo",),
                                                   "actuaciones_complementarias"),
    "imponer_sancion": Accion(("en_evaluacion_cis",), "CIS", ("sanciones", "hechos", "antecedentes"),
                              "notificacion_resolucion"),
    "archivar": Accion(("en_evaluacion_cis",), "CIS", ("motivo",)),
    "notificar_resolucion": Accion(("resuelto_primera_instancia",), "CIS", ("notificado_el",), "impugnacion"),
    "interponer_reconsideracion": Accion(("plazo_impugnatorio_abierto",), "administrado",
                                         ("presentado_el", "nueva_prueba"), "resolver_reconsideracion"),
    "resolver_reconsideracion": Accion(("en_reconsideracion",), "CIS", ("fundada",), "impugnacion"),
    "interponer_apelacion": Accion(("plazo_impugnatorio_abierto",), "administrado", ("presentado_el", "fundamentos"),
                                   "conceder_apelacion"),
    "conceder_apelacion": Accion(("apelacion_pendiente_concesion",), "CIS", (), "elevar_expediente"),
    "denegar_apelacion": Accion(("apelacion_pendiente_concesion",), "CIS", ("motivo",)),
    "elevar_expediente": Accion(("por_elevar",), "CIS", ("recibido_el",), "resolver_apelacion"),
    "resolver_apelacion": Accion(("elevado_a_de",), "DE", ("confirma",)),
}

TERMINALES = ("no_iniciado", "archivado", "concluido_anticipadamente", "prescrito", "comunicado_entidad_publica",
              "firme")


def puede(actor: Any, quien: str, organo_instructor: str) -> bool:
    roles = set(actor.roles)
    if quien == "administrado":
        return "administrado" in roles
    if quien == "sistema":
        return "sistema" in roles
    oficina = organo_instructor if quien == "instructor" else quien
    return actor.oficina == oficina


def exigir(accion: str, estado: str, actor: Any, organo_instructor: str) -> None:
    regla = ACCIONES[accion]
    if estado not in regla.estados:
        permitidas = [n for n, a in ACCIONES.items() if estado in a.estados]
        raise TransicionIlegal(accion, estado, permitidas)
    if not puede(actor, regla.quien, organo_instructor):
        quien = organo_instructor if regla.quien == "instructor" else regla.quien
        raise SinDerecho(f"La accion '{accion}' corresponde a {quien}.", derecho_requerido=f"{accion}:{quien}")


def disponibles(estado: str, actor: Any, organo_instructor: str, plazos) -> list[dict[str, Any]]:
    salida = []
    for nombre, a in ACCIONES.items():
        if estado in a.estados and puede(actor, a.quien, organo_instructor):
            plazo = plazos.get(a.inicia) if a.inicia else None
            salida.append({"accion": nombre, "campos": list(a.campos),
                           "inicia_plazo": plazo.a_dict() if plazo else None})
    return salida
