"""The projection of registro's own events into its read models (tables in ``lecturas``): the public registry of
entities, the constancias, the annual obligations, the experts registry and the open deadlines the scheduler scans.

Why: the public registry is searched anonymously without loading aggregates, and the scheduler must find the
aggregates with a deadline due without replaying the store. Rows are rebuilt identically from the log
(``POST /operaciones/lecturas/reconstruir``): nothing here reads a clock. Events of an ``Inscripcion`` are published
under its base classes' names (``vigenciainscripcion``...), so the dispatch is on the event type: each event name of
registro belongs to exactly one kind of aggregate.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection, insert, select, update

from services.registro.domain import inscripcion_acciones as ia
from services.registro.domain.validacion import departamento_de
from services.registro.lecturas import (abrir_plazo, codigo_constancia, constancias, expertos, fecha, normalizar,
                                        obligaciones, plazos, registro_publico)

FASE = {
    "InscripcionAprobada": ia.VIGENTE, "SilencioPositivoOperado": ia.VIGENTE, "ReconsideracionDeclaradaFundada":
    ia.VIGENTE, "ApelacionDeclaradaFundada": ia.VIGENTE, "InscripcionRenovada": ia.VIGENTE, "RenovacionDenegada":
    ia.VIGENTE, "SolicitudRenovacionPresentada": ia.RENOVACION, "OmisionesNotificadas": ia.OBSERVADA,
    "OmisionesSubsanadas": ia.PRESENTADA, "InscripcionDenegada": ia.DENEGADA, "ReconsideracionDeclaradaInfundada":
    ia.DENEGADA, "RecursoReconsideracionInterpuesto": ia.EN_RECONSIDERACION, "RecursoApelacionInterpuesto":
    ia.EN_APELACION, "ApelacionDeclaradaInfundada": ia.DENEGADA_FIRME, "DenegacionQuedoFirme": ia.DENEGADA_FIRME,
    "InscripcionVencida": ia.VENCIDA, "RenunciaABeneficiosRegistrada": ia.RENUNCIADA,
    "CancelacionLegadaRegistrada": ia.CANCELADA,
}
OTORGAN = {"InscripcionAprobada": "resolucion", "SilencioPositivoOperado": "silencio_positivo",
           "ReconsideracionDeclaradaFundada": "reconsideracion", "ApelacionDeclaradaFundada": "apelacion",
           "InscripcionRenovada": "renovacion"}
"""Events that grant a period of registration: each one is the basis of a constancia."""
PLAZO_INSCRIPCION = {"OmisionesNotificadas": ("subsanacion_inscripcion", "subsanacion_vence_el"),
                     "OmisionesSubsanadas": ("silencio_positivo_inscripcion", "silencio_vence_el"),
                     "InscripcionDenegada": ("recurso_impugnativo", "recurso_vence_el"),
                     "ReconsideracionDeclaradaInfundada": ("recurso_impugnativo", "recurso_vence_el"),
                     "SolicitudRenovacionPresentada": ("silencio_positivo_renovacion", "silencio_vence_el")}
SIN_PLAZO = {"RecursoReconsideracionInterpuesto", "RecursoApelacionInterpuesto"}
EVENTOS_INSCRIPCION = {"SolicitudInscripcionPresentada", "PlazoSubsanacionVencido", "DatosRegistralesActualizados",
                       "BeneficiosSuspendidos", "BeneficiosRestituidos", *FASE}

COMPONENTES = {"InformeAnualPresentado": "informe_anual", "PlanAnualActividadesPresentado": "plan_anual",
               "InformeActividadesAsistencialesPresentado": "informe_actividades_asistenciales"}
ESTADO_OBLIGACION = {"OmisionReparada": "presentada", "InconsistenciasNotificadas": "en_subsanacion",
                     "InconsistenciasSubsanadas": "presentada", "DeclaracionValidada": "validada",
                     "ObligacionAnualVencida": "omitida", "DeclaracionCalificadaNoConforme": "no_conforme"}
EVENTOS_OBLIGACION = {"PeriodoDeclaracionAbierto", *COMPONENTES, *ESTADO_OBLIGACION}

ESTADO_EXPERTO = {"PresentacionOficialRealizada": "presentado", "ExpertoInscritoEnRegistroNacional": "registrado",
                  "ServicioIniciado": "en_servicio", "ProrrogaConcedida": "prorrogado",
                  "AdscripcionConcluida": "concluido", "AdscripcionCancelada": "cancelado"}
EVENTOS_EXPERTO = {"IngresoAlPaisRegistrado", "PlazoPresentacionOficialVencido", *ESTADO_EXPERTO}


def numero_registro(registro: str, ruc: str) -> str:
    """One entry per legal person and registry (RGL 70, 73): the number survives renewals and new periods."""
    return f"APCI-{registro}-{ruc}"


def _inscripcion(c: Connection, e: Mapping[str, Any]) -> None:
    tipo, d, aid, version = e["tipo"], e["datos"], e["agregado_id"], int(e["version"])
    if tipo == "SolicitudInscripcionPresentada":
        c.execute(insert(registro_publico).values(
            inscripcion_id=aid, registro=d["registro"], ruc=d["ruc"], razon_social=d["razon_social"],
            nombre_busqueda=normalizar(d["razon_social"]), expediente=d["expediente"], fase=ia.PRESENTADA,
            estado=ia.PRESENTADA, departamento=departamento_de(d["ubigeo"]), ubigeo=d["ubigeo"],
            presentada_el=fecha(d["presentada_el"]), suspensiones={}, beneficios_suspendidos=False, version=version))
        abrir_plazo(c, aid, "inscripcion", d["ruc"], "silencio_positivo_inscripcion", fecha(d["silencio_vence_el"]))
        return
    fila = c.execute(select(registro_publico).where(registro_publico.c.inscripcion_id == aid)).first()
    if fila is None:
        return
    fase, suspensiones = FASE.get(tipo, fila.fase), dict(fila.suspensiones or {})
    valores: dict[str, Any] = {"version": version, "fase": fase}
    if tipo == "BeneficiosSuspendidos":
        suspensiones[d["causa_id"]] = {"causa": d["causa"], "desde": d["suspendido_el"]}
    elif tipo == "BeneficiosRestituidos":
        suspensiones.pop(d["causa_id"], None)
    elif tipo == "DatosRegistralesActualizados" and d["campo"] == "domicilio_legal":
        valores.update(ubigeo=d["despues"]["ubigeo"], departamento=departamento_de(d["despues"]["ubigeo"]))
    vigente_hasta = fila.vigente_hasta
    if tipo in OTORGAN:
        vigente_hasta = fecha(d["vigente_hasta"])
        via = ("renovacion_por_silencio" if d.get("por_silencio") else "renovacion") if tipo == "InscripcionRenovada" \
            else OTORGAN[tipo]
        valores.update(vigente_desde=fecha(d["vigente_desde"]), vigente_hasta=vigente_hasta,
                       inscrita_desde=fila.inscrita_desde or fecha(d["vigente_desde"]),
                       via=fila.via if tipo == "InscripcionRenovada" else via,
                       numero_registro=numero_registro(fila.registro, fila.ruc))
        c.execute(insert(constancias).values(
            codigo=codigo_constancia(e["hash"]), inscripcion_id=aid, tipo_evento=tipo, hash=e["hash"], via=via,
            vigente_desde=fecha(d["vigente_desde"]), vigente_hasta=vigente_hasta, version=version))
    suspendida = bool(suspensiones) and fase in ia.CON_INSCRIPCION
    valores.update(suspensiones=suspensiones, beneficios_suspendidos=suspendida,
                   estado=ia.SUSPENDIDA if fase == ia.VIGENTE and suspensiones else fase)
    c.execute(update(registro_publico).where(registro_publico.c.inscripcion_id == aid).values(**valores))
    if tipo in PLAZO_INSCRIPCION:
        codigo, campo = PLAZO_INSCRIPCION[tipo]
        abrir_plazo(c, aid, "inscripcion", fila.ruc, codigo, fecha(d[campo]))
    elif tipo in OTORGAN or tipo == "RenovacionDenegada":
        abrir_plazo(c, aid, "inscripcion", fila.ruc, "vigencia_inscripcion", vigente_hasta)
    elif tipo in SIN_PLAZO or fase in ia.TERMINALES:
        abrir_plazo(c, aid, "inscripcion", fila.ruc, "", None)


def _obligacion(c: Connection, e: Mapping[str, Any]) -> None:
    tipo, d, aid, version = e["tipo"], e["datos"], e["agregado_id"], int(e["version"])
    if tipo == "PeriodoDeclaracionAbierto":
        c.execute(insert(obligaciones).values(
            obligacion_id=aid, registro=d["registro"], ruc=d["ruc"], anio=int(d["anio"]), estado="pendiente",
            vence_el=fecha(d["vence_el"]), faltantes=list(d["componentes_exigidos"]), extemporanea=False,
            version=version))
        abrir_plazo(c, aid, "obligacion", d["ruc"], "declaracion_anual", fecha(d["vence_el"]))
        return
    fila = c.execute(select(obligaciones).where(obligaciones.c.obligacion_id == aid)).first()
    if fila is None:
        return
    valores: dict[str, Any] = {"version": version}
    estado = ESTADO_OBLIGACION.get(tipo, fila.estado)
    if tipo in COMPONENTES:
        faltantes = [f for f in fila.faltantes if f != COMPONENTES[tipo]]
        valores.update(faltantes=faltantes, extemporanea=fila.extemporanea or bool(d.get("extemporaneo")))
        estado = "presentada" if not faltantes and fila.estado == "pendiente" else fila.estado
    valores["estado"] = estado
    if tipo == "InconsistenciasNotificadas":
        valores["subsanacion_vence_el"] = fecha(d["subsanacion_vence_el"])
        abrir_plazo(c, aid, "obligacion", fila.ruc, "subsanacion_declaracion", fecha(d["subsanacion_vence_el"]))
    elif estado != "pendiente":
        abrir_plazo(c, aid, "obligacion", fila.ruc, "", None)
    c.execute(update(obligaciones).where(obligaciones.c.obligacion_id == aid).values(**valores))


def _experto(c: Connection, e: Mapping[str, Any]) -> None:
    tipo, d, aid, version = e["tipo"], e["datos"], e["agregado_id"], int(e["version"])
    if tipo == "IngresoAlPaisRegistrado":
        p = d["datos"]
        c.execute(insert(expertos).values(
            experto_id=aid, tipo=d["tipo"], nombre=p["nombre"], nacionalidad=p["nacionalidad"],
            profesion=p["profesion"], fuente_cooperante=p["fuente_cooperante"], intervencion=d["intervencion"],
            ruc_unidad_ejecutora=d["ruc_unidad_ejecutora"], estado="arribado", fecha_ingreso=fecha(d["fecha_ingreso"]),
            inicio_servicio=fecha(d["inicio_servicio"]), fin_servicio=fecha(d["fin_servicio"]), version=version))
        abrir_plazo(c, aid, "experto", d["ruc_unidad_ejecutora"], "presentacion_oficial_experto",
                    fecha(d["presentacion_vence_el"]))
        return
    fila = c.execute(select(expertos).where(expertos.c.experto_id == aid)).first()
    if fila is None:
        return
    valores: dict[str, Any] = {"version": version, "estado": ESTADO_EXPERTO.get(tipo, fila.estado)}
    fin = fecha(d["nuevo_fin"]) if tipo == "ProrrogaConcedida" else fila.fin_servicio
    if tipo == "ExpertoInscritoEnRegistroNacional":
        valores["numero_registro"] = d["numero_registro"]
    valores["fin_servicio"] = fin
    c.execute(update(expertos).where(expertos.c.experto_id == aid).values(**valores))
    if tipo in ("ServicioIniciado", "ProrrogaConcedida"):
        abrir_plazo(c, aid, "experto", fila.ruc_unidad_ejecutora, "fin_servicio", fin)
    elif tipo != "ExpertoInscritoEnRegistroNacional":
        abrir_plazo(c, aid, "experto", fila.ruc_unidad_ejecutora, "", None)


class ProyeccionRegistro:
    tablas = (registro_publico, obligaciones, expertos, constancias, plazos)

    def aplicar(self, c: Connection, evento: Mapping[str, Any]) -> None:
        tipo = evento["tipo"]
        if tipo in EVENTOS_INSCRIPCION:
            _inscripcion(c, evento)
        elif tipo in EVENTOS_OBLIGACION:
            _obligacion(c, evento)
        elif tipo in EVENTOS_EXPERTO:
            _experto(c, evento)


PROYECCIONES = [ProyeccionRegistro()]
