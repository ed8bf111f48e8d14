"""Reconsideration and appeal of a denial (LPAG arts. 218-220; the Director Ejecutivo decides last, ROF 13(n))."""

from datetime import date

import pytest

from shared.errores import DatosInvalidos, ReglaIncumplida, SinDerecho, TransicionIlegal
from shared.eventos.persistencia_prueba import recargar

from .ayudas import DIRECTOR, ENTIDAD, REGISTRADOR, resolucion, solicitud, tipos


def denegada():
    ins = solicitud(presentada_el=date(2026, 3, 2))
    ins.denegar(actor=REGISTRADOR, requisitos_incumplidos=["programas_dos_anios"],
                resolucion=resolucion(date(2026, 3, 20)), notificada_el=date(2026, 3, 23), hoy=date(2026, 3, 23))
    return ins  # challenge term ends 15 April 2026


def test_reconsideracion_con_nueva_prueba_fundada_inscribe_a_la_entidad():
    ins = denegada()
    ins.interponer_reconsideracion(actor=ENTIDAD, nueva_prueba=["programa_bienal_corregido.pdf"], hoy=date(2026, 4, 8))
    assert ins.estado == "en_reconsideracion"
    ins.resolver_reconsideracion(actor=REGISTRADOR, fundada=True, resolucion=resolucion(date(2026, 4, 20)),
                                 notificada_el=date(2026, 4, 21), hoy=date(2026, 4, 21))
    assert ins.estado == "vigente" and ins.via == "reconsideracion"
    assert ins.vigente_hasta == date(2028, 4, 19)


def test_reconsideracion_sin_nueva_prueba_o_fuera_de_plazo_se_rechaza():
    ins = denegada()
    with pytest.raises(DatosInvalidos, match="nueva prueba"):
        ins.interponer_reconsideracion(actor=ENTIDAD, nueva_prueba=[], hoy=date(2026, 4, 8))
    with pytest.raises(ReglaIncumplida, match="vencio el 2026-04-15"):
        ins.interponer_reconsideracion(actor=ENTIDAD, nueva_prueba=["x.pdf"], hoy=date(2026, 4, 16))


def test_reconsideracion_infundada_abre_nuevo_plazo_para_apelar_y_no_se_repite():
    ins = denegada()
    ins.interponer_reconsideracion(actor=ENTIDAD, nueva_prueba=["x.pdf"], hoy=date(2026, 4, 8))
    ins.resolver_reconsideracion(actor=REGISTRADOR, fundada=False, resolucion=resolucion(date(2026, 5, 4)),
                                 notificada_el=date(2026, 5, 5), hoy=date(2026, 5, 5))
    assert ins.estado == "denegada" and ins.recurso_vence_el == date(2026, 5, 26)
    with pytest.raises(ReglaIncumplida, match="ya fue interpuesta"):
        ins.interponer_reconsideracion(actor=ENTIDAD, nueva_prueba=["y.pdf"], hoy=date(2026, 5, 6))
    ins.interponer_apelacion(actor=ENTIDAD, fundamentos="El programa cumple el RGL 74.", hoy=date(2026, 5, 20))
    assert ins.estado == "en_apelacion"


def test_apelacion_la_resuelve_el_director_ejecutivo_y_no_el_registrador():
    ins = denegada()
    ins.interponer_apelacion(actor=ENTIDAD, fundamentos="Se exigio un requisito no previsto.", hoy=date(2026, 4, 10))
    with pytest.raises(SinDerecho) as err:
        ins.resolver_apelacion(actor=REGISTRADOR, fundada=True, resolucion=resolucion(date(2026, 5, 4)),
                               hoy=date(2026, 5, 4))
    assert err.value.extra["derecho_requerido"] == "director_ejecutivo@APCI-DE"
    ins.resolver_apelacion(actor=DIRECTOR, fundada=True,
                           resolucion=resolucion(date(2026, 5, 4), "R.D.E. N. 010-2026-APCI/DE"), hoy=date(2026, 5, 4))
    assert ins.estado == "vigente" and ins.via == "apelacion"
    assert tipos(ins)[-1] == "ApelacionDeclaradaFundada"


def test_apelacion_infundada_deja_firme_la_denegacion():
    ins = denegada()
    ins.interponer_apelacion(actor=ENTIDAD, fundamentos="Se exigio un requisito no previsto.", hoy=date(2026, 4, 10))
    ins.resolver_apelacion(actor=DIRECTOR, fundada=False, resolucion=resolucion(date(2026, 5, 4)), hoy=date(2026, 5, 4))
    assert ins.estado == "denegada_firme" and not ins.activa
    with pytest.raises(TransicionIlegal) as err:
        ins.interponer_apelacion(actor=ENTIDAD, fundamentos="otra vez", hoy=date(2026, 5, 5))
    assert err.value.extra["acciones_permitidas"] == []


def test_sin_recurso_en_plazo_la_denegacion_queda_firme_una_sola_vez():
    ins = denegada()
    assert ins.vencer_plazos(date(2026, 4, 15)) == []
    assert ins.vencer_plazos(date(2026, 4, 16)) == ["DenegacionQuedoFirme"]
    assert ins.vencer_plazos(date(2026, 4, 17)) == []
    assert ins.estado == "denegada_firme"
    assert recargar(ins).a_dict() == ins.a_dict()
