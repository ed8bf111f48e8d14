"""The January obligation: three variants, verification with 5 business days to correct, "no conforme", and the
lapse that suspends benefits until the omission is repaired (RGL 78-80; Directivas 001/002/003-2009-APCI/DOC)."""

from datetime import date

import pytest

from shared.errores import DatosInvalidos, ReglaIncumplida, SinDerecho, TransicionIlegal
from shared.eventos.persistencia_prueba import recargar

from services.registro.domain.obligacion_anual import ObligacionAnual
from services.registro.domain.politicas import comando_para_inscripcion

from .ayudas import ENTIDAD, OTRA_ENTIDAD, REGISTRADOR, RUC, SISTEMA, inscrita, tipos

INFORME = {"intervenciones": [{"nombre": "Agua segura Anta", "fuente_cooperante": "COSUDE", "monto_usd": 120000}]}
PLAN = {"actividades": ["Capacitacion en saneamiento"]}
ASISTENCIAL = {"actividades": ["Comedor infantil"], "donaciones_recibidas": [], "poblacion_beneficiada": 340}


def abierta(registro="ONGD", anio=2026):
    return ObligacionAnual.abrir(actor=SISTEMA, registro=registro, ruc=RUC, anio=anio, hoy=date(anio, 1, 1))


def presentar(ob, componente, contenido, el):
    ob.presentar_componente(actor=ENTIDAD, componente=componente, contenido=contenido, presentado_el=el, hoy=el)


def test_las_tres_variantes_exigen_sus_propios_componentes():
    assert abierta("ONGD").componentes_exigidos == ["informe_anual", "plan_anual"]
    assert abierta("ENIEX").directiva == "Directiva 002-2009-APCI/DOC"
    ipreda = abierta("IPREDA")
    assert ipreda.componentes_exigidos == ["informe_actividades_asistenciales"]
    with pytest.raises(DatosInvalidos):
        presentar(ipreda, "plan_anual", PLAN, date(2026, 1, 10))
    presentar(ipreda, "informe_actividades_asistenciales", ASISTENCIAL, date(2026, 1, 10))
    assert ipreda.estado == "presentada"
    assert tipos(ipreda)[-1] == "InformeActividadesAsistencialesPresentado"


def test_declaracion_completa_en_enero_queda_presentada_y_se_valida():
    ob = abierta()
    presentar(ob, "informe_anual", INFORME, date(2026, 1, 20))
    assert ob.estado == "pendiente" and ob.faltantes() == ["plan_anual"]
    presentar(ob, "plan_anual", PLAN, date(2026, 1, 28))
    assert ob.estado == "presentada" and not ob.extemporanea
    ob.validar(actor=REGISTRADOR, hoy=date(2026, 2, 10))
    assert ob.estado == "validada" and ob._pending_events[-1].publicable


def test_contenido_invalido_nombra_el_campo():
    ob = abierta()
    with pytest.raises(DatosInvalidos) as err:
        presentar(ob, "informe_anual", {"intervenciones": [{"nombre": "X", "fuente_cooperante": "Y",
                                                             "monto_usd": -5}]}, date(2026, 1, 20))
    assert err.value.extra["errores"][0]["campo"] == "contenido.intervenciones[0].monto_usd"
    with pytest.raises(DatosInvalidos, match="sin_ejecucion"):
        presentar(ob, "informe_anual", {"intervenciones": []}, date(2026, 1, 20))
    presentar(ob, "informe_anual", {"intervenciones": [], "sin_ejecucion": True}, date(2026, 1, 20))


def test_otra_entidad_no_presenta_por_ti():
    with pytest.raises(SinDerecho):
        abierta().presentar_componente(actor=OTRA_ENTIDAD, componente="plan_anual", contenido=PLAN,
                                       presentado_el=date(2026, 1, 5), hoy=date(2026, 1, 5))


def test_obligacion_de_enero_vence_el_siguiente_habil_y_emite_sus_efectos_una_vez():
    ob = abierta(anio=2026)  # 31 January 2026 is a Saturday: the deadline moves to Monday 2 February
    assert ob.vencer_plazos(date(2026, 2, 2)) == []
    assert ob.vencer_plazos(date(2026, 2, 3)) == ["ObligacionAnualVencida"]
    assert ob.vencer_plazos(date(2026, 2, 4)) == []
    evento = ob._pending_events[-1]
    assert ob.estado == "omitida"
    assert evento.efectos == ["suspender_beneficios", "iniciar_fiscalizacion"] and evento.infraccion == "INF-03"
    assert evento.componentes_faltantes == ["informe_anual", "plan_anual"]


def test_ipreda_omisa_es_infraccion_4():
    ob = abierta("IPREDA")
    ob.vencer_plazos(date(2026, 3, 1))
    assert ob._pending_events[-1].infraccion == "INF-04"


def test_beneficios_suspendidos_al_vencer_enero_y_restituidos_al_reparar_la_omision():
    ins = inscrita(date(2025, 3, 20))
    ob = abierta(anio=2026)
    ob.vencer_plazos(date(2026, 2, 3))
    vencida = ob._pending_events[-1]
    comando = comando_para_inscripcion("ObligacionAnualVencida", vencida.__dict__)
    ins.suspender_beneficios(actor=SISTEMA, **{k: v for k, v in comando.items() if k != "accion"})
    assert ins.estado == "beneficios_suspendidos"

    presentar(ob, "informe_anual", INFORME, date(2026, 3, 9))
    assert ob.estado == "omitida"  # one component still missing
    presentar(ob, "plan_anual", PLAN, date(2026, 3, 10))
    assert ob.estado == "presentada" and ob.extemporanea and ob.reparada_el == date(2026, 3, 10)
    reparada = ob._pending_events[-1]
    assert type(reparada).__name__ == "OmisionReparada"
    comando = comando_para_inscripcion("OmisionReparada", reparada.__dict__)
    assert comando["accion"] == "restituir_beneficios"
    ins.restituir_beneficios(actor=SISTEMA, causa_id=comando["causa_id"], hoy=comando["hoy"])
    assert ins.estado == "vigente" and ins.tiene_beneficios()


def test_presentacion_tardia_aun_pendiente_registra_primero_la_omision():
    ob = abierta(anio=2026)
    presentar(ob, "informe_anual", INFORME, date(2026, 2, 10))
    presentar(ob, "plan_anual", PLAN, date(2026, 2, 10))
    assert tipos(ob)[1:] == ["ObligacionAnualVencida", "InformeAnualPresentado", "PlanAnualActividadesPresentado",
                             "OmisionReparada"]


def test_inconsistencias_no_subsanadas_en_5_habiles_califican_no_conforme_y_van_a_la_dfs():
    ob = abierta(anio=2026)
    presentar(ob, "informe_anual", INFORME, date(2026, 1, 20))
    presentar(ob, "plan_anual", PLAN, date(2026, 1, 20))
    ob.notificar_inconsistencias(actor=REGISTRADOR, inconsistencias=["monto no coincide con el PO"],
                                 notificada_el=date(2026, 3, 30), hoy=date(2026, 3, 30))
    assert ob.estado == "en_subsanacion"
    # 31 Mar, 1, 6, 7, 8 April: 2-3 April 2026 are Holy Thursday and Good Friday
    assert ob.subsanacion_vence_el == date(2026, 4, 8)
    assert ob.vencer_plazos(date(2026, 4, 8)) == []
    assert ob.vencer_plazos(date(2026, 4, 9)) == ["DeclaracionCalificadaNoConforme"]
    assert ob.vencer_plazos(date(2026, 4, 10)) == []
    assert ob.estado == "no_conforme" and ob._pending_events[-1].derivada_a == "APCI-DFS"
    assert not ob.cumplida


def test_inconsistencias_subsanadas_a_tiempo_vuelven_a_verificacion():
    ob = abierta(anio=2026)
    presentar(ob, "informe_anual", INFORME, date(2026, 1, 20))
    presentar(ob, "plan_anual", PLAN, date(2026, 1, 20))
    ob.notificar_inconsistencias(actor=REGISTRADOR, inconsistencias=["falta fuente"], notificada_el=date(2026, 2, 9),
                                 hoy=date(2026, 2, 9))
    with pytest.raises(ReglaIncumplida, match="5 dias habiles"):
        ob.subsanar(actor=ENTIDAD, correcciones={"fuente": "AECID"}, subsanada_el=date(2026, 2, 17),
                    hoy=date(2026, 2, 17))
    ob.subsanar(actor=ENTIDAD, correcciones={"fuente": "AECID"}, subsanada_el=date(2026, 2, 16), hoy=date(2026, 2, 16))
    assert ob.estado == "presentada"
    ob.validar(actor=REGISTRADOR, hoy=date(2026, 2, 20))
    with pytest.raises(TransicionIlegal) as err:
        ob.validar(actor=REGISTRADOR, hoy=date(2026, 2, 21))
    assert err.value.extra["estado_actual"] == "validada"
    assert recargar(ob).a_dict() == ob.a_dict()
