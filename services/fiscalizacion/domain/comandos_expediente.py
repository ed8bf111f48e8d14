"""Commands of the ExpedienteSancionador up to the first-instance decision: validate, look up rules, then record.

Opening (RIS 4): preliminary investigation by DOC or DFS, refused for voided types and, for not registering or not
renewing, for entities that renounced the benefits (TC 107-109). Charges (RIS 15), defence (15, 17), proposal (16),
CIS notice (17), early conclusion on cure (10), prescription plea (25-27), further fact-finding (17), decision (17).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from shared.errores import DatosInvalidos, ReglaIncumplida
from services.fiscalizacion.domain.calculo import Computo, Hechos
from services.fiscalizacion.domain.citas import ENTIDAD_PUBLICA, RENUNCIANTE_NO_SANCIONABLE, ris
from services.fiscalizacion.domain.plazos_expediente import decision, exigir_fecha, plazo
from services.fiscalizacion.domain.prescripcion import evaluar_prescripcion
from services.fiscalizacion.domain.procedimiento import exigir
from services.fiscalizacion.domain.regimen import sancion_con_regimen_aplicable, validar_sanciones
from services.fiscalizacion.domain.reiteracion import Antecedente
from services.fiscalizacion.domain.versiones import version_aplicable, version_por_id


def abrir_expediente(*, clave_origen: str, ruc: str, codigo: str, fecha_hechos: date, origen: dict, hoy: date,
                     cese: date | None = None, renuncio_beneficios: bool = False, entidad_publica: bool = False,
                     numero: str | None = None):
    """``numero``: the human-readable case number the application allocated (PAS-<anio>-<secuencia>)."""
    from services.fiscalizacion.domain.expediente import ExpedienteSancionador

    exigir_fecha("fecha_hechos", fecha_hechos, hoy)
    procedimiento, sup_procedimiento = version_aplicable(hoy)  # strict mode refuses here (ReglaIncumplida)
    de_los_hechos, sup_hechos = version_aplicable(fecha_hechos)
    tipo = de_los_hechos.infracciones.get(codigo)
    if tipo is None:
        raise DatosInvalidos(f"'{codigo}' no estaba tipificada a la fecha de los hechos.",
                             errores=[{"campo": "codigo", "mensaje": "infraccion no tipificada"}])
    if tipo.sin_sancion:
        raise ReglaIncumplida(tipo.sin_sancion["motivo"], fundamento_legal=tipo.sin_sancion["fundamento_legal"][0])
    if renuncio_beneficios and tipo.exenta_si_renuncio:
        raise ReglaIncumplida("La entidad renuncio a los beneficios del regimen de cooperacion: no puede imputarsele "
                              "no inscribirse o no renovar.", fundamento_legal=RENUNCIANTE_NO_SANCIONABLE)
    return ExpedienteSancionador(
        clave_origen=clave_origen, ruc=ruc, codigo=codigo, fecha_hechos=fecha_hechos, cese=cese,
        organo_instructor=tipo.organo_instructor, origen=origen, entidad_publica=entidad_publica,
        renuncio_beneficios=renuncio_beneficios, abierto_el=hoy, version_reglamento=procedimiento.id,
        regla="RIS-4 actuaciones previas", fundamento_legal=[ris("4"), *tipo.fundamento_legal], numero=numero,
        supletoriedad={k: v for k, v in (("procedimiento", sup_procedimiento), ("hechos", sup_hechos)) if v} or None)


def _tipo(exp):
    return version_aplicable(exp.fecha_hechos)[0].infracciones[exp.codigo]


def _cerrar_todo(exp) -> list[str]:
    return exp.plazos_abiertos()


def archivar_preliminar(exp, actor, *, motivo: str, hoy: date) -> None:
    exigir("archivar_preliminar", exp.estado, actor, exp.organo_instructor)
    exp._registrar("InvestigacionPreliminarArchivada", hoy, "RIS-4", ris("4"), estado="no_iniciado",
                   decision=decision(exp, "archivo_preliminar", hoy, "RIS-4", ris("4"), motivo=motivo))


def verificar_subsanacion_espontanea(exp, actor, *, subsanado_el: date, hoy: date) -> None:
    exigir("verificar_subsanacion_espontanea", exp.estado, actor, exp.organo_instructor)
    exigir_fecha("subsanado_el", subsanado_el, hoy)
    if _tipo(exp).clase not in ("leve", "excepcional"):
        raise ReglaIncumplida("La subsanacion espontanea solo evita el procedimiento en infracciones leves o del "
                              "art. 9.", fundamento_legal=ris("10"))
    exp._registrar("SubsanacionEspontaneaVerificada", hoy, "RIS-10 subsanacion espontanea", ris("10"),
                   estado="no_iniciado", decision=decision(exp, "no_inicio_por_subsanacion", hoy, "RIS-10",
                                                           ris("10"), subsanado_el=subsanado_el))


def comunicar_entidad_publica(exp, actor, *, entidad_superior: str, hoy: date) -> None:
    exigir("comunicar_entidad_publica", exp.estado, actor, exp.organo_instructor)
    if not exp.entidad_publica:
        raise ReglaIncumplida("Solo se comunica a la entidad superior cuando el infractor es del sector publico.",
                              fundamento_legal=ENTIDAD_PUBLICA)
    exp._registrar("ComunicacionEntidadPublicaDispuesta", hoy, "RIS-1DF", ENTIDAD_PUBLICA,
                   estado="comunicado_entidad_publica",
                   decision=decision(exp, "comunicacion_entidad_publica", hoy, "RIS-1DF", ENTIDAD_PUBLICA,
                                     entidad_superior=entidad_superior))


def imputar_cargos(exp, actor, *, notificado_el: date, hechos_imputados: str, hoy: date) -> None:
    exigir("imputar_cargos", exp.estado, actor, exp.organo_instructor)
    exigir_fecha("notificado_el", notificado_el, hoy, exp.abierto_el)
    if exp.entidad_publica:
        raise ReglaIncumplida("La APCI no sanciona a unidades del sector publico: corresponde comunicar a su "
                              "entidad superior.", fundamento_legal=ENTIDAD_PUBLICA)
    tipo = _tipo(exp)
    escala = version_aplicable(exp.fecha_hechos)[0].escalas[tipo.clase]
    cargos = {"hechos": hechos_imputados, "codigo": tipo.codigo, "clasificacion": tipo.clase,
              "fundamento_tipo": list(tipo.fundamento_legal), "sanciones_posibles": list(escala.sanciones),
              "autoridad_competente": "CIS", "norma_competencia": ris("4 (modificado por D.S. 059-2009-RE)"),
              "notificado_el": notificado_el}
    interrumpe = exp.reglamento.parametro("hito_interrupcion_prescripcion") == "imputacion_cargos"
    exp._registrar("CargosImputadosNotificados", notificado_el, "RIS-15 imputacion de cargos", ris("15"),
                   estado="en_descargos_instruccion", abre=plazo(exp, "descargos_instruccion", notificado_el),
                   asigna={"cargos": cargos, **({"prescripcion_interrumpida_el": notificado_el} if interrumpe else {})})


def presentar_descargos(exp, actor, *, presentado_el: date, resumen: str, hoy: date) -> None:
    exigir("presentar_descargos", exp.estado, actor, exp.organo_instructor)
    etapa, nombre, art = (("instruccion", "descargos_instruccion", "15") if exp.estado == "en_descargos_instruccion"
                          else ("cis", "descargos_cis", "17"))
    exigir_fecha("presentado_el", presentado_el, hoy)
    if presentado_el > exp.plazos[nombre]["vence_el"]:
        raise ReglaIncumplida(f"Descargos extemporaneos: el plazo vencio el {exp.plazos[nombre]['vence_el']}.",
                              fundamento_legal=ris(art))
    exp._registrar("DescargosPresentados", presentado_el, f"RIS-{art} descargos", ris(art),
                   asigna={"descargos": {"etapa": etapa, "presentado_el": presentado_el, "resumen": resumen}})


def prorrogar_instruccion(exp, actor, *, motivo: str, hoy: date) -> None:
    exigir("prorrogar_instruccion", exp.estado, actor, exp.organo_instructor)
    actual = exp.plazos["propuesta_instruccion"]
    if actual.get("prorrogado"):
        raise ReglaIncumplida("El plazo de instruccion solo se prorroga una vez (15 dias).", fundamento_legal=ris("16"))
    extra = exp.reglamento.plazos["propuesta_instruccion"].prorroga_dias
    nuevo = plazo(exp, "propuesta_instruccion", actual["desde"], extra)
    nuevo["propuesta_instruccion"].update(prorrogado=True, motivo=motivo)
    exp._registrar("PlazoInstruccionProrrogado", hoy, "RIS-16 prorroga por complejidad", ris("16"), abre=nuevo)


def _hechos(exp, flags: dict[str, Any]) -> Hechos:
    return Hechos(exp.codigo, exp.fecha_hechos, renuncio_beneficios=exp.renuncio_beneficios,
                  entidad_publica=exp.entidad_publica, **flags)


def _antecedentes(filas) -> list[Antecedente]:
    return [Antecedente(a["codigo"], a["firme"], a["fecha"],
                        Decimal(str(a["multa_uit"])) if a.get("multa_uit") is not None else None) for a in filas]


def _calcular(exp, flags, antecedentes, hoy, multa_elegida_uit=None, motivacion=None):
    computo = Computo(hoy, multa_elegida_uit=multa_elegida_uit, motivacion=motivacion)
    return sancion_con_regimen_aplicable(_hechos(exp, flags), computo, _antecedentes(antecedentes))


def formular_propuesta(exp, actor, *, tipo: str, sanciones_propuestas: list[str], hoy: date,
                       hechos: dict | None = None, antecedentes: list | None = None) -> None:
    exigir("formular_propuesta", exp.estado, actor, exp.organo_instructor)
    propuesta: dict[str, Any] = {"tipo": tipo, "sanciones": list(sanciones_propuestas), "el": hoy}
    if tipo == "sancion":
        resultado, eleccion = _calcular(exp, hechos or {}, antecedentes or [], hoy)
        validar_sanciones(sanciones_propuestas, resultado, version_por_id(eleccion["version"]))
        propuesta.update(calculo=resultado.a_dict(), eleccion_regimen=eleccion)
    elif tipo != "no_infraccion":
        raise DatosInvalidos("Tipo de propuesta invalido.",
                             errores=[{"campo": "tipo", "mensaje": "sancion o no_infraccion"}])
    exp._registrar("PropuestaResolucionFormulada", hoy, "RIS-16 propuesta de resolucion", ris("16"),
                   estado="propuesta_formulada", cierra=["propuesta_instruccion"], asigna={"propuesta": propuesta})


def notificar_propuesta(exp, actor, *, notificado_el: date, hoy: date) -> None:
    exigir("notificar_propuesta", exp.estado, actor, exp.organo_instructor)
    exigir_fecha("notificado_el", notificado_el, hoy)
    asigna = {}
    if exp.prescripcion_interrumpida_el is None:
        asigna["prescripcion_interrumpida_el"] = notificado_el
    exp._registrar("ProcedimientoSancionadorIniciado", notificado_el, "RIS-17 inicio ante la CIS", ris("17"),
                   estado="en_descargos_cis", asigna=asigna,
                   abre={**plazo(exp, "descargos_cis", notificado_el), **plazo(exp, "resolucion_cis", notificado_el)})


def acreditar_subsanacion(exp, actor, *, presentado_el: date, hoy: date) -> None:
    exigir("acreditar_subsanacion", exp.estado, actor, exp.organo_instructor)
    if _tipo(exp).clase not in ("leve", "excepcional"):
        raise ReglaIncumplida("La conclusion anticipada por subsanacion solo procede en infracciones leves o del "
                              "art. 9.", fundamento_legal=ris("10"))
    if presentado_el > exp.plazos["descargos_cis"]["vence_el"]:
        raise ReglaIncumplida("La subsanacion debe acreditarse ante la CIS antes de vencer el plazo de descargos.",
                              fundamento_legal=ris("10"))
    exp._registrar("ProcedimientoConcluidoAnticipadamente", hoy, "RIS-10 conclusion anticipada", ris("10"),
                   estado="concluido_anticipadamente", cierra=_cerrar_todo(exp),
                   decision=decision(exp, "conclusion_anticipada", hoy, "RIS-10 subsanacion ante la CIS",
                                     ris("10"), presentado_el=presentado_el, pronunciamiento_fondo=False))


def deducir_prescripcion(exp, actor, *, deducida_el: date, hoy: date) -> None:
    exigir("deducir_prescripcion", exp.estado, actor, exp.organo_instructor)
    exp._registrar("ExcepcionPrescripcionDeducida", deducida_el, "RIS-26 excepcion de prescripcion", ris("26"),
                   asigna={"prescripcion": {"deducida_el": deducida_el, "resuelta": False}})


def resolver_prescripcion(exp, actor, *, hoy: date, paralizaciones=(), suspensiones=()) -> None:
    exigir("resolver_prescripcion", exp.estado, actor, exp.organo_instructor)
    if not exp.prescripcion or exp.prescripcion.get("resuelta"):
        raise ReglaIncumplida("La prescripcion solo se resuelve si el administrado la deduce.",
                              fundamento_legal=ris("26"))
    ev = evaluar_prescripcion(
        exp.fecha_hechos, cese=exp.cese, interrupcion=exp.prescripcion_interrumpida_el, evaluada_el=hoy,
        anios=exp.reglamento.prescripcion_anios, paralizaciones=paralizaciones, suspensiones=suspensiones,
        meses_paralizacion=exp.reglamento.parametro("paralizacion_reanuda_meses")).a_dict()
    ev.update(deducida_el=exp.prescripcion["deducida_el"], resuelta=True)
    if ev["prescrita"]:
        exp._registrar("PrescripcionDeclaradaFundada", hoy, "RIS-25 prescripcion a los 5 anios",
                       [ris("25"), ris("26")], estado="prescrito", cierra=_cerrar_todo(exp),
                       asigna={"prescripcion": ev}, decision=decision(
                           exp, "prescripcion_fundada", hoy, "RIS-25/26", [ris("25"), ris("26")],
                           acciones_responsabilidad_dispuestas=True, detalle=ev["detalle"]))
    else:
        exp._registrar("PrescripcionDeclaradaInfundada", hoy, "RIS-27 interrupcion por el procedimiento",
                       [ris("25"), ris("27")], asigna={"prescripcion": ev}, decision=decision(
                           exp, "prescripcion_infundada", hoy, "RIS-25/27", [ris("25"), ris("27")],
                           detalle=ev["detalle"]))


def disponer_actuaciones(exp, actor, *, motivo: str, hoy: date) -> None:
    exigir("disponer_actuaciones_complementarias", exp.estado, actor, exp.organo_instructor)
    exp._registrar("ActuacionesComplementariasDispuestas", hoy, "RIS-17 actuaciones indispensables", ris("17"),
                   abre=plazo(exp, "actuaciones_complementarias", hoy), asigna={"ultima_actuacion": motivo})


def imponer_sancion(exp, actor, *, sanciones: list[str], hoy: date, hechos: dict | None = None,
                    antecedentes: list | None = None, multa_elegida_uit: Decimal | None = None,
                    motivacion: str | None = None) -> None:
    exigir("imponer_sancion", exp.estado, actor, exp.organo_instructor)
    resultado, eleccion = _calcular(exp, hechos or {}, antecedentes or [], hoy, multa_elegida_uit, motivacion)
    if not resultado.sancionable:
        ultimo = resultado.pasos[-1]
        raise ReglaIncumplida(f"No corresponde sancionar ({ultimo['detalle']}); corresponde archivar.",
                              fundamento_legal=ultimo["fundamento_legal"])
    if not sanciones:
        raise DatosInvalidos("Indique las sanciones impuestas.", errores=[{"campo": "sanciones", "mensaje": "vacio"}])
    validar_sanciones(sanciones, resultado, version_por_id(eleccion["version"]))
    regla = f"{resultado.codigo} ({resultado.clase_aplicada}): {', '.join(sanciones)}"
    escala = version_por_id(eleccion["version"]).escalas[resultado.clase_aplicada]
    fundamento = [ris("17"), *_tipo(exp).fundamento_legal, escala.fundamento_legal, eleccion["fundamento_legal"]]
    exp._registrar("SancionImpuesta", hoy, regla, fundamento, estado="resuelto_primera_instancia",
                   cierra=["resolucion_cis", "actuaciones_complementarias"],
                   abre=plazo(exp, "notificacion_resolucion", hoy),
                   asigna={"resultado": resultado.a_dict(), "eleccion_regimen": eleccion, "resuelto_el": hoy},
                   decision=decision(exp, "sancion", hoy, regla, fundamento, version=eleccion["version"],
                                     sanciones=list(sanciones), multa_soles=resultado.multa_soles,
                                     **_supletoriedad(eleccion)))


def _supletoriedad(eleccion: dict) -> dict:
    """The explicit record of a supplementary regime, carried by the decision event itself."""
    if not eleccion.get("supletoriedad"):
        return {}
    s = eleccion["supletoriedad"]
    return {"regimen_aplicado": s["regimen_aplicado"], "regimen_vigente": s["regimen_vigente"],
            "partes_supletorias": s["partes_supletorias"], "motivo": s["motivo"],
            "fundamento_supletoriedad": s["fundamento_legal"]}


def archivar(exp, actor, *, motivo: str, hoy: date, fundamento_legal: Any = None) -> None:
    exigir("archivar", exp.estado, actor, exp.organo_instructor)
    fundamento = fundamento_legal or ris("17")
    exp._registrar("ProcedimientoArchivado", hoy, "RIS-17 archivo", fundamento, estado="archivado",
                   cierra=_cerrar_todo(exp), asigna={"resuelto_el": hoy},
                   decision=decision(exp, "archivo", hoy, "RIS-17 archivo (no infraccion)", fundamento,
                                     motivo=motivo, notificar_a=["administrado", "denunciante_o_solicitante"]))

