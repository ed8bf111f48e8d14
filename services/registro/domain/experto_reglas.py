"""Rules of the experts and volunteers registry as data: states, actions, profile requirements and citations."""

from __future__ import annotations

from typing import Any

from shared.errores import DatosInvalidos, ReglaIncumplida

from services.registro.domain.maquina import Accion, tabla
from services.registro.domain.permisos import CANCILLERIA, ENTIDAD, REGISTRADOR
from services.registro.domain.reglas import RGL, ROF, fl

MANUAL = "R.S. 450-84-RE"
TIPOS = ("experto", "voluntario")

ARRIBADO, PRESENTADO, REGISTRADO = "arribado", "presentado", "registrado"
EN_SERVICIO, PRORROGADO, CONCLUIDO, CANCELADO = "en_servicio", "prorrogado", "concluido", "cancelado"

ACCIONES = tabla(
    Accion("presentar_oficialmente", (ARRIBADO,), (ENTIDAD,), ("presentada_el", "hoy")),
    Accion("inscribir", (PRESENTADO,), (REGISTRADOR,), ("numero_registro", "inscrito_el", "hoy")),
    Accion("iniciar_servicio", (REGISTRADO,), (ENTIDAD, REGISTRADOR), ("iniciado_el", "hoy")),
    Accion("prorrogar", (EN_SERVICIO, PRORROGADO), (CANCILLERIA,), ("nuevo_fin", "solicitada_el", "nota", "hoy"),
           "estadia_maxima_experto"),
    Accion("concluir", (EN_SERVICIO, PRORROGADO), (ENTIDAD, REGISTRADOR), ("concluida_el", "hoy")),
    Accion("cancelar", (ARRIBADO, PRESENTADO, REGISTRADO, EN_SERVICIO, PRORROGADO), (CANCILLERIA,),
           ("motivo", "informe_unidad_ejecutora", "informe_rector", "nota", "hoy")),
)

FUND: dict[str, list[dict[str, str]]] = {
    "ingreso": [fl(RGL, "13"), fl(RGL, "14"), fl(RGL, "16"), fl(RGL, "30")],
    "presentacion": [fl(RGL, "17"), fl(RGL, "30")],
    "inscripcion": [fl(RGL, "15"), fl(RGL, "17"), fl(ROF, "43(a)")],
    "servicio": [fl(RGL, "13"), fl(RGL, "15")],
    "estadia": [fl(RGL, "15"), fl(MANUAL, "2.6.3")],
    "prorroga": [fl(RGL, "15"), fl(MANUAL, "2.7.1"), fl(MANUAL, "2.6.8")],
    "conclusion": [fl(RGL, "15")],
    "cancelacion": [fl(RGL, "18")],
}

EXPERIENCIA_MINIMA = {"experto": 5, "voluntario": 0}
EXPERIENCIA_DESEABLE_VOLUNTARIO = 2
"""Manual §2.4: experts >= 5 years in the area; volunteers 2 years "desirable" (recorded as an observation)."""

CAMPOS_PERSONALES = ("nombre", "documento_identidad", "nacionalidad", "profesion", "fuente_cooperante")


def _error(campo: str, mensaje: str) -> DatosInvalidos:
    return DatosInvalidos(f"Dato invalido en '{campo}': {mensaje}.", errores=[{"campo": campo, "mensaje": mensaje}])


def validar_datos_personales(datos: Any) -> dict[str, Any]:
    """Name, passport, nationality (ISO 3166 alpha-2), profession, experience, languages, source (Formato B-1)."""
    if not isinstance(datos, dict):
        raise _error("datos", "debe ser un objeto")
    for campo in CAMPOS_PERSONALES:
        if not isinstance(datos.get(campo), str) or not datos[campo].strip():
            raise _error(f"datos.{campo}", "es obligatorio")
    nacionalidad = datos["nacionalidad"]
    if len(nacionalidad) != 2 or not nacionalidad.isalpha() or not nacionalidad.isupper():
        raise _error("datos.nacionalidad", "codigo ISO 3166 de dos letras, p. ej. DE")
    experiencia = datos.get("experiencia_anios")
    if not isinstance(experiencia, int) or isinstance(experiencia, bool) or not 0 <= experiencia <= 70:
        raise _error("datos.experiencia_anios", "entero entre 0 y 70")
    idiomas = datos.get("idiomas")
    if not isinstance(idiomas, list) or not all(isinstance(i, str) for i in idiomas):
        raise _error("datos.idiomas", "lista de codigos ISO 639-1, p. ej. ['es', 'de']")
    return dict(datos)


def validar_perfil(tipo: str, datos: dict[str, Any], contraparte: dict[str, Any] | None) -> list[str]:
    """Legal guards on who may come; returns observations that do not block (a volunteer's desirable experience)."""
    if tipo not in TIPOS:
        raise _error("tipo", "experto o voluntario")
    if datos["nacionalidad"] == "PE":
        raise ReglaIncumplida("El registro es de expertos y voluntarios extranjeros.", fundamento_legal=fl(RGL, "13"))
    if tipo == "experto" and not (contraparte and contraparte.get("nombre")):
        raise ReglaIncumplida("Todo experto requiere un tecnico nacional de contraparte.",
                              fundamento_legal=fl(RGL, "14"))
    if datos["experiencia_anios"] < EXPERIENCIA_MINIMA[tipo]:
        raise ReglaIncumplida("Un experto requiere al menos 5 anios de experiencia en el area.",
                              fundamento_legal=fl(MANUAL, "2.4"))
    if "es" not in datos["idiomas"]:
        raise ReglaIncumplida("Se requiere dominio del castellano.", fundamento_legal=fl(MANUAL, "2.4"))
    if tipo == "voluntario" and datos["experiencia_anios"] < EXPERIENCIA_DESEABLE_VOLUNTARIO:
        return ["experiencia_menor_a_la_deseable"]
    return []
