"""A registration in force: updates, suspension and restitution of benefits, renewal, expiry, renunciation, and the
struck-down cancellation (RGL 75, 78; Ley 27692 arts. 21-22; TC ¶22, ¶107-109, resolutivo 1)."""

from datetime import date

import pytest

from shared.errores import DatosInvalidos, ReglaIncumplida, SinDerecho, TransicionIlegal
from shared.eventos.persistencia_prueba import recargar

from services.registro.domain.reglas import PRUEBA_OPERACIONES, REQUISITOS_RENOVACION, Registro

from .ayudas import ENTIDAD, OTRA_ENTIDAD, REGISTRADOR, SISTEMA, inscrita, resolucion, tipos

RENOVACION_ONGD = list(REQUISITOS_RENOVACION[Registro.ONGD])


def solicitar_renovacion(ins, el=date(2028, 2, 10), anios=(2027, 2028), documentos=None, registro=Registro.ONGD):
    ins.solicitar_renovacion(actor=ENTIDAD, documentos=documentos or list(REQUISITOS_RENOVACION[registro]),
                             fecha_copia_literal=date(2028, 1, 20), anios_declarados=list(anios), presentada_el=el,
                             hoy=el)


def test_actualizacion_de_datos_guarda_el_antes_y_el_despues():
    ins = inscrita()
    ins.actualizar_datos(actor=ENTIDAD, campo="representante_legal", valor="Rosa Huaman", hoy=date(2026, 6, 1))
    evento = ins._pending_events[-1]
    assert type(evento).__name__ == "DatosRegistralesActualizados"
    assert (evento.antes, evento.despues) == ("Maria Quispe", "Rosa Huaman")
    ins.actualizar_datos(actor=ENTIDAD, campo="domicilio_legal",
                         valor={"direccion": "Jr. Cusco 123", "ubigeo": "150101"}, hoy=date(2026, 6, 2))
    assert ins.ubigeo == "150101"
    with pytest.raises(DatosInvalidos):
        ins.actualizar_datos(actor=ENTIDAD, campo="razon_social", valor="Otra", hoy=date(2026, 6, 2))
    with pytest.raises(SinDerecho):
        ins.actualizar_datos(actor=OTRA_ENTIDAD, campo="representante_legal", valor="X", hoy=date(2026, 6, 2))


def test_renovacion_rechazada_mientras_falte_una_declaracion_anual():
    ins = inscrita(date(2026, 3, 20))
    with pytest.raises(ReglaIncumplida) as err:
        solicitar_renovacion(ins, anios=(2027,))
    assert err.value.extra["anios_sin_declaracion"] == [2028]
    assert err.value.extra["fundamento_legal"] == {"norma": "D.S. 015-92-PCM", "articulo": "75"}
    assert ins.estado == "vigente"


def test_renovacion_de_eniex_exige_prueba_de_operaciones_en_el_peru():
    ins = inscrita(date(2026, 3, 20), registro=Registro.ENIEX)
    sin_prueba = [d for d in REQUISITOS_RENOVACION[Registro.ENIEX] if d != PRUEBA_OPERACIONES]
    with pytest.raises(ReglaIncumplida) as err:
        solicitar_renovacion(ins, documentos=sin_prueba, registro=Registro.ENIEX)
    assert err.value.extra["requisitos_faltantes"] == [PRUEBA_OPERACIONES]
    solicitar_renovacion(ins, registro=Registro.ENIEX)
    assert ins.estado == "renovacion_en_tramite"


def test_renovacion_aprobada_encadena_el_nuevo_periodo_sin_hueco():
    ins = inscrita(date(2026, 3, 20))
    solicitar_renovacion(ins)
    ins.aprobar_renovacion(actor=REGISTRADOR, resolucion=resolucion(date(2028, 2, 25)), hoy=date(2028, 2, 25))
    assert ins.estado == "vigente" and ins.renovaciones == 1
    assert (ins.vigente_desde, ins.vigente_hasta) == (date(2028, 3, 20), date(2030, 3, 19))


def test_renovacion_sin_respuesta_en_30_dias_opera_por_silencio():
    ins = inscrita(date(2026, 3, 20))
    solicitar_renovacion(ins, el=date(2028, 2, 10))
    assert ins.renovacion["silencio_vence_el"] == date(2028, 3, 13)  # 11 March 2028 is a Saturday
    assert ins.vencer_plazos(date(2028, 3, 14)) == ["InscripcionRenovada"]
    assert ins._pending_events[-1].por_silencio is True
    assert ins.vigente_hasta == date(2030, 3, 19)


def test_renovacion_denegada_deja_correr_la_vigencia_hasta_su_vencimiento():
    ins = inscrita(date(2026, 3, 20))
    solicitar_renovacion(ins)
    with pytest.raises(ReglaIncumplida):
        ins.denegar_renovacion(actor=REGISTRADOR, requisitos_incumplidos=[], motivo="sospecha",
                               resolucion=resolucion(date(2028, 3, 1)), hoy=date(2028, 3, 1))
    ins.denegar_renovacion(actor=REGISTRADOR, requisitos_incumplidos=["domicilio_legal"],
                           resolucion=resolucion(date(2028, 3, 1)), hoy=date(2028, 3, 1))
    assert ins.estado == "vigente"
    assert ins.vencer_plazos(date(2028, 3, 19)) == []
    assert ins.vencer_plazos(date(2028, 3, 20)) == ["InscripcionVencida"]
    assert ins.estado == "vencida" and not ins.tiene_beneficios()


def test_renovacion_en_tramite_impide_el_vencimiento_mientras_se_decide():
    ins = inscrita(date(2026, 3, 20))
    solicitar_renovacion(ins, el=date(2028, 3, 15))
    assert ins.vencer_plazos(date(2028, 3, 25)) == []
    assert ins.estado == "renovacion_en_tramite"


def test_beneficios_suspendidos_por_obligacion_y_restituidos_al_repararla():
    ins = inscrita(date(2026, 3, 20))
    ins.suspender_beneficios(actor=SISTEMA, causa="obligacion_anual", causa_id="DA-2027", hoy=date(2027, 2, 2))
    assert ins.estado == "beneficios_suspendidos" and not ins.tiene_beneficios()
    ins.suspender_beneficios(actor=SISTEMA, causa="obligacion_anual", causa_id="DA-2027", hoy=date(2027, 2, 3))
    assert tipos(ins).count("BeneficiosSuspendidos") == 1  # a redelivered cause records nothing
    ins.restituir_beneficios(actor=SISTEMA, causa_id="DA-2027", hoy=date(2027, 3, 1))
    assert ins.estado == "vigente" and ins.tiene_beneficios()


def test_con_dos_causas_los_beneficios_vuelven_solo_cuando_se_levantan_ambas():
    ins = inscrita(date(2026, 3, 20))
    ins.suspender_beneficios(actor=SISTEMA, causa="obligacion_anual", causa_id="DA-2027", hoy=date(2027, 2, 2))
    ins.suspender_beneficios(actor=REGISTRADOR, causa="sancion", causa_id="SAN-1", hoy=date(2027, 2, 20))
    ins.restituir_beneficios(actor=SISTEMA, causa_id="DA-2027", hoy=date(2027, 3, 1))
    assert ins.estado == "beneficios_suspendidos"
    assert ins._pending_events[-1].suspensiones_restantes == ["SAN-1"]
    with pytest.raises(ReglaIncumplida):
        ins.restituir_beneficios(actor=SISTEMA, causa_id="DA-2027", hoy=date(2027, 3, 2))
    with pytest.raises(SinDerecho):
        ins.restituir_beneficios(actor=ENTIDAD, causa_id="SAN-1", hoy=date(2027, 3, 2))


def test_con_beneficios_suspendidos_no_se_puede_pedir_la_renovacion():
    ins = inscrita(date(2026, 3, 20))
    ins.suspender_beneficios(actor=SISTEMA, causa="obligacion_anual", causa_id="DA-2028", hoy=date(2028, 2, 3))
    with pytest.raises(TransicionIlegal) as err:
        solicitar_renovacion(ins)
    assert err.value.extra["estado_actual"] == "beneficios_suspendidos"
    assert "restituir_beneficios" in err.value.extra["acciones_permitidas"]


def test_entidad_que_renuncia_no_puede_ser_imputada_por_no_renovar():
    ins = inscrita(date(2026, 3, 20))
    ins.renunciar(actor=ENTIDAD, hoy=date(2027, 5, 1))
    assert ins.estado == "renunciada" and not ins.activa
    imputable = ins.puede_imputarse_no_renovacion(hoy=date(2028, 6, 1))
    assert not imputable
    assert "renuncio" in imputable.motivo
    assert {"norma": "STC 0009-2007-PI/TC y 0010-2007-PI/TC", "articulo": "22"} in imputable.fundamento_legal


def test_no_renovar_si_es_imputable_a_una_entidad_dentro_del_ambito_salvo_inscripcion_previa_a_ley_28925():
    ins = inscrita(date(2026, 3, 20))
    assert not ins.puede_imputarse_no_renovacion(hoy=date(2027, 1, 1))  # still in force
    ins.vencer_plazos(date(2028, 4, 1))
    assert ins.puede_imputarse_no_renovacion(hoy=date(2028, 4, 1))
    assert not ins.puede_imputarse_no_renovacion(hoy=date(2028, 4, 1), dentro_del_ambito=False)
    antigua = inscrita(date(2005, 6, 20))
    antigua.vencer_plazos(date(2008, 1, 1))
    resultado = antigua.puede_imputarse_no_renovacion(hoy=date(2008, 1, 1))
    assert not resultado and resultado.fundamento_legal[0]["articulo"] == "109(i)"


def test_cancelacion_como_sancion_no_existe():
    ins = inscrita(date(2026, 3, 20))
    with pytest.raises(ReglaIncumplida, match="inconstitucional"):
        ins.cancelar(actor=REGISTRADOR, motivo="uso indebido")
    assert ins.estado == "vigente"


def test_cancelacion_legada_solo_se_importa_si_es_anterior_al_fallo_de_2007():
    ins = inscrita(date(2005, 6, 20))
    with pytest.raises(ReglaIncumplida, match="14-09-2007"):
        ins.registrar_cancelacion_legada(actor=SISTEMA, resolucion=resolucion(date(2007, 9, 14)))
    ins.registrar_cancelacion_legada(actor=SISTEMA, resolucion=resolucion(date(2006, 11, 2)))
    assert ins.estado == "cancelada" and not ins.activa
    assert tipos(ins)[-1] == "CancelacionLegadaRegistrada"


def test_ciclo_de_vida_reconstruido_de_sus_eventos_es_igual():
    ins = inscrita(date(2026, 3, 20))
    ins.suspender_beneficios(actor=SISTEMA, causa="sancion", causa_id="SAN-9", hoy=date(2027, 2, 2))
    ins.restituir_beneficios(actor=SISTEMA, causa_id="SAN-9", hoy=date(2027, 4, 2))
    solicitar_renovacion(ins)
    ins.aprobar_renovacion(actor=REGISTRADOR, resolucion=resolucion(date(2028, 2, 25)), hoy=date(2028, 2, 25))
    ins.renunciar(actor=ENTIDAD, hoy=date(2029, 1, 5))
    assert recargar(ins).a_dict() == ins.a_dict()
