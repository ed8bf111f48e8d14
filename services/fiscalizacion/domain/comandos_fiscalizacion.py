"""Commands and rules of the Fiscalizacion aggregate (see ``fiscalizacion`` for the legal frame).

Only the DFS acts on an inspection (ROF 47-48; the Director Ejecutivo's power delegated, Ley 27692 3.3); the entity
shows documents. Deadlines to show documents are a parameter (G12) counted in business days.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import NAMESPACE_URL, uuid5

from shared.calendario import CALENDARIO_NACIONAL as CAL
from shared.errores import DatosInvalidos, ReglaIncumplida, SinDerecho, TransicionIlegal
from services.fiscalizacion.domain.citas import (
    DENUNCIAS, FISCALIZACION_DE, FUNCIONES_DFS, MEDIDAS_CORRECTIVAS, RENUNCIANTE_NO_SANCIONABLE, ley, ris, rof,
)
from services.fiscalizacion.domain.versiones import version_aplicable

ACCIONES: dict[str, tuple[tuple[str, ...], str, tuple[str, ...]]] = {
    "desestimar_denuncia": (("programada",), "DFS", ("motivo",)),
    "iniciar": (("programada",), "DFS", ("notificado_el",)),
    "requerir_documentos": (("en_curso",), "DFS", ("documentos", "notificado_el")),
    "registrar_exhibicion": (("en_curso",), "administrado", ("numero", "exhibido_el", "completa")),
    "registrar_visita": (("en_curso",), "DFS", ("fecha", "acta")),
    "registrar_hallazgo": (("en_curso",), "DFS", ("descripcion", "codigo_infraccion")),
    "emitir_informe": (("en_curso",), "DFS", ("resumen",)),
    "concluir_sin_observaciones": (("con_informe",), "DFS", ()),
    "dictar_medida_correctiva": (("con_informe",), "DFS", ("descripcion", "plazo_dias")),
    "verificar_medida_correctiva": (("en_seguimiento",), "DFS", ("cumplida",)),
    "recomendar_instruccion": (("con_informe",), "DFS", ("codigos",)),
}


def nueva_fiscalizacion(*, clave_origen: str, ruc: str, objeto: dict, origen: dict, hoy: date, en_ambito: bool):
    """Program an inspection; refused for entities outside the regime (TC 105: renounced, excluded)."""
    from services.fiscalizacion.domain.fiscalizacion import Fiscalizacion

    if not en_ambito:
        raise ReglaIncumplida("La entidad esta fuera del ambito subjetivo del regimen de cooperacion.",
                              fundamento_legal=RENUNCIANTE_NO_SANCIONABLE)
    fundamento = DENUNCIAS if origen.get("tipo") == "denuncia" else FISCALIZACION_DE
    return Fiscalizacion(clave_origen=clave_origen, ruc=ruc, objeto=objeto, origen=origen, programada_el=hoy,
                         en_ambito=en_ambito, fundamento_legal=[fundamento, FUNCIONES_DFS])


def _exigir(f, accion: str, actor) -> None:
    estados, quien, _ = ACCIONES[accion]
    if f.estado not in estados:
        raise TransicionIlegal(accion, f.estado, [a for a, (e, _, _) in ACCIONES.items() if f.estado in e])
    ok = "administrado" in actor.roles if quien == "administrado" else actor.oficina == quien
    if not ok:
        raise SinDerecho(f"La accion '{accion}' corresponde a {quien}.", derecho_requerido=f"{accion}:{quien}")


def desestimar_denuncia(f, actor, *, motivo: str, hoy: date) -> None:
    _exigir(f, "desestimar_denuncia", actor)
    if f.origen.get("tipo") != "denuncia":
        raise ReglaIncumplida("Solo se desestima una fiscalizacion originada en denuncia.", fundamento_legal=DENUNCIAS)
    f._registrar("DenunciaDesestimada", hoy, "ROF-48.g denuncia desestimada", DENUNCIAS, estado="archivada",
                 asigna={"motivo_archivo": motivo})


def iniciar(f, actor, *, notificado_el: date, hoy: date) -> None:
    _exigir(f, "iniciar", actor)
    f._registrar("FiscalizacionIniciada", notificado_el, "Ley 27692 3.3 fiscalizacion", [FISCALIZACION_DE,
                 FUNCIONES_DFS], estado="en_curso", asigna={"iniciada_el": notificado_el})


def requerir_documentos(f, actor, *, documentos: list[str], notificado_el: date, hoy: date,
                        plazo_dias: int | None = None) -> None:
    _exigir(f, "requerir_documentos", actor)
    if not documentos:
        raise DatosInvalidos("Indique los documentos requeridos.",
                             errores=[{"campo": "documentos", "mensaje": "vacio"}])
    param = version_aplicable(hoy)[0].parametros["plazo_exhibicion_dias_habiles"]
    dias = plazo_dias or param.valor
    req = {"numero": len(f.requerimientos) + 1, "documentos": list(documentos), "notificado_el": notificado_el,
           "dias": dias, "unidad": "habiles", "vence_el": CAL.sumar_habiles(notificado_el, dias),
           "estado": "pendiente", "fundamento_legal": [ris("7.a"), param.fundamento_legal]}
    f._registrar("RequerimientoInformacionEmitido", notificado_el, "RIS-7.a requerimiento de documentacion",
                 [ris("7.a"), ley("21.5")], agrega={"requerimientos": req})


def _actualizar_req(f, numero: int, **cambios: Any) -> list[dict]:
    if not 1 <= numero <= len(f.requerimientos):
        raise DatosInvalidos("Requerimiento inexistente.", errores=[{"campo": "numero", "mensaje": "no existe"}])
    return [{**r, **cambios} if r["numero"] == numero else r for r in f.requerimientos]


def registrar_exhibicion(f, actor, *, numero: int, exhibido_el: date, completa: bool, hoy: date) -> None:
    _exigir(f, "registrar_exhibicion", actor)
    req = f.requerimientos[numero - 1] if 0 < numero <= len(f.requerimientos) else None
    if req is None or req["estado"] != "pendiente":
        raise ReglaIncumplida("El requerimiento no esta pendiente.", fundamento_legal=ris("7.a"))
    estado = "exhibido" if completa else "exhibido_parcial"
    f._registrar("DocumentacionExhibida", exhibido_el, "RIS-7.a exhibicion", ris("7.a"),
                 asigna={"requerimientos": _actualizar_req(f, numero, estado=estado, exhibido_el=exhibido_el)})


def vencer_plazos(f, hoy: date) -> list[str]:
    """Each pending request past its deadline: ``PlazoExhibicionVencido`` and an RIS-7-a infraction indication."""
    hechos = []
    for req in list(f.requerimientos):
        if req["estado"] in ("pendiente", "exhibido_parcial") and req["vence_el"] < hoy:
            f._registrar("PlazoExhibicionVencido", hoy, "RIS-7.a no exhibicion en plazo", ris("7.a"),
                         asigna={"requerimientos": _actualizar_req(f, req["numero"], estado="no_exhibido")})
            indicio = {"codigo": "RIS-7-a", "requerimiento": req["numero"], "requerido_el": req["notificado_el"],
                       "vencio_el": req["vence_el"], "fundamento_legal": [ris("7.a"), ley("21.5")]}
            f._registrar("IndicioInfraccionRegistrado", hoy, "RIS-7.a no exhibir documentacion es infraccion grave",
                         [ris("7.a"), ley("21.5")], agrega={"indicios": indicio})
            hechos += ["PlazoExhibicionVencido", "IndicioInfraccionRegistrado"]
    return hechos


def registrar_visita(f, actor, *, fecha: date, acta: dict, hoy: date) -> None:
    _exigir(f, "registrar_visita", actor)
    if not acta.get("numero") or not acta.get("participantes"):
        raise DatosInvalidos("El acta requiere numero y participantes.",
                             errores=[{"campo": "acta", "mensaje": "incompleta"}])
    f._registrar("VisitaInspeccionRealizada", fecha, "RIS-4 inspeccion (acta)", [ris("4"), FUNCIONES_DFS],
                 agrega={"visitas": {"fecha": fecha, "acta": acta}})


def registrar_hallazgo(f, actor, *, descripcion: str, hoy: date, codigo_infraccion: str | None = None) -> None:
    _exigir(f, "registrar_hallazgo", actor)
    if codigo_infraccion and codigo_infraccion not in version_aplicable(hoy)[0].infracciones:
        raise DatosInvalidos("Codigo de infraccion desconocido.", errores=[{"campo": "codigo_infraccion",
                                                                            "mensaje": "no tipificado"}])
    f._registrar("HallazgoRegistrado", hoy, "ROF-48.d determinar la infraccion", rof("48.d"),
                 agrega={"hallazgos": {"descripcion": descripcion, "codigo_infraccion": codigo_infraccion, "el": hoy}})


def emitir_informe(f, actor, *, resumen: str, hoy: date) -> None:
    _exigir(f, "emitir_informe", actor)
    f._registrar("InformeFiscalizacionEmitido", hoy, "ROF-48 informe de fiscalizacion", FUNCIONES_DFS,
                 estado="con_informe", asigna={"informe": {"resumen": resumen, "el": hoy,
                                                           "hallazgos": len(f.hallazgos)}})


def concluir_sin_observaciones(f, actor, *, hoy: date) -> None:
    _exigir(f, "concluir_sin_observaciones", actor)
    if f.hallazgos or f.indicios:
        raise ReglaIncumplida("Hay hallazgos o indicios: no puede concluir sin observaciones.",
                              fundamento_legal=rof("48.d"))
    f._registrar("FiscalizacionConcluidaSinObservaciones", hoy, "ROF-48 conclusion", FUNCIONES_DFS,
                 estado="concluida")


def dictar_medida_correctiva(f, actor, *, descripcion: str, plazo_dias: int, hoy: date) -> None:
    _exigir(f, "dictar_medida_correctiva", actor)
    medida = {"descripcion": descripcion, "dictada_el": hoy, "vence_el": CAL.sumar_habiles(hoy, plazo_dias),
              "estado": "pendiente"}
    f._registrar("MedidaCorrectivaDictada", hoy, "Ley 27692 4.f medida correctiva (no es sancion)",
                 MEDIDAS_CORRECTIVAS, estado="en_seguimiento", agrega={"medidas": medida})


def verificar_medida_correctiva(f, actor, *, cumplida: bool, hoy: date) -> None:
    _exigir(f, "verificar_medida_correctiva", actor)
    medidas = [*f.medidas[:-1], {**f.medidas[-1], "estado": "cumplida" if cumplida else "incumplida"}]
    evento, estado = ("MedidaCorrectivaCumplida", "concluida") if cumplida else ("MedidaCorrectivaIncumplida",
                                                                                 "con_informe")
    f._registrar(evento, hoy, "Ley 27692 4.f seguimiento", MEDIDAS_CORRECTIVAS, estado=estado,
                 asigna={"medidas": medidas})


def recomendar_instruccion(f, actor, *, codigos: list[str], hoy: date) -> None:
    """Refer the findings to the sanctioning procedure; the expediente id is derived so the opening is idempotent."""
    _exigir(f, "recomendar_instruccion", actor)
    conocidos = {h["codigo_infraccion"] for h in f.hallazgos} | {i["codigo"] for i in f.indicios}
    if not codigos or not set(codigos) <= conocidos:
        raise ReglaIncumplida("Solo se recomienda instruir por infracciones halladas en la fiscalizacion.",
                              fundamento_legal=rof("48.d"))
    derivacion = [{"codigo": c, "clave_origen": f"fiscalizacion/{f.id}/{c}",
                   "expediente_id": uuid5(NAMESPACE_URL, f"/expediente-sancionador/fiscalizacion/{f.id}/{c}")}
                  for c in codigos]
    f._registrar("InstruccionRecomendada", hoy, "ROF-48.d/h la DFS determina la infraccion e instruye",
                 [rof("48.d"), rof("48.h"), ris("4")], estado="derivada", asigna={"derivacion": derivacion})


def acciones_disponibles(f, actor) -> list[dict]:
    salida = []
    for nombre, (estados, quien, campos) in ACCIONES.items():
        ok = "administrado" in actor.roles if quien == "administrado" else actor.oficina == quien
        if nombre == "desestimar_denuncia" and f.origen.get("tipo") != "denuncia":
            continue  # only a complaint can be dismissed (the command refuses it otherwise)
        if f.estado in estados and ok:
            inicia = ({"nombre": "exhibicion_documentos", "unidad": "habiles"}
                      if nombre == "requerir_documentos" else None)
            salida.append({"accion": nombre, "campos": list(campos), "inicia_plazo": inicia})
    return salida
