"""Foreign experts and volunteers: arrival, official presentation within 7 days, registration, service, extension
(only via the Foreign Ministry, within 3 years), conclusion and cancellation (RGL 13-18, 29-30; Manual ch. II)."""

from datetime import date

import pytest

from shared.errores import DatosInvalidos, ReglaIncumplida, SinDerecho, TransicionIlegal
from shared.eventos.persistencia_prueba import recargar

from services.registro.domain.experto import ExpertoVoluntario

from .ayudas import ENTIDAD, REGISTRADOR, RREE, RUC, tipos

DATOS = {"nombre": "Klaus Muller", "documento_identidad": "C01X00T47", "nacionalidad": "DE",
         "profesion": "Ingeniero hidraulico", "experiencia_anios": 12, "idiomas": ["de", "es"],
         "fuente_cooperante": "GIZ"}
CONTRAPARTE = {"nombre": "Ing. Luis Condori", "cargo": "Especialista en agua"}


def llegada(tipo="experto", datos=None, contraparte=CONTRAPARTE, ingreso=date(2026, 7, 20),
            fin=date(2027, 7, 31), **extra):
    return ExpertoVoluntario.registrar_ingreso(
        actor=ENTIDAD, tipo=tipo, intervencion="INT-2026-0042", ruc_unidad_ejecutora=RUC, datos=datos or DATOS,
        fecha_ingreso=ingreso, inicio_servicio=date(2026, 8, 3), fin_servicio=fin, hoy=ingreso,
        contraparte=contraparte, **extra)


def en_servicio(**kw):
    ex = llegada(**kw)
    ex.presentar_oficialmente(actor=ENTIDAD, presentada_el=date(2026, 7, 24), hoy=date(2026, 7, 24))
    ex.inscribir(actor=REGISTRADOR, numero_registro="REV-2026-000031", inscrito_el=date(2026, 7, 30),
                 hoy=date(2026, 7, 30))
    ex.iniciar_servicio(actor=ENTIDAD, iniciado_el=date(2026, 8, 3), hoy=date(2026, 8, 3))
    return ex


def nota(fecha):
    return {"numero": "Nota RE (DCI) N. 2-19/123", "fecha": fecha}


def test_llegada_registra_al_experto_con_su_intervencion_y_abre_7_dias_para_presentarlo():
    ex = llegada()
    assert ex.estado == "arribado" and ex.intervencion == "INT-2026-0042"
    assert ex.presentacion_vence_el == date(2026, 7, 27)
    assert ex.limite_estadia == date(2029, 8, 2)


@pytest.mark.parametrize("cambio, mensaje", [
    ({"experiencia_anios": 3}, "5 anios"), ({"idiomas": ["de", "en"]}, "castellano"),
    ({"nacionalidad": "PE"}, "extranjeros"),
])
def test_experto_sin_perfil_legal_no_se_registra(cambio, mensaje):
    with pytest.raises(ReglaIncumplida, match=mensaje):
        llegada(datos={**DATOS, **cambio})


def test_experto_requiere_contraparte_nacional_y_el_voluntario_no():
    with pytest.raises(ReglaIncumplida) as err:
        llegada(contraparte=None)
    assert err.value.extra["fundamento_legal"] == {"norma": "D.S. 015-92-PCM", "articulo": "14"}
    voluntario = llegada(tipo="voluntario", contraparte=None, datos={**DATOS, "experiencia_anios": 1})
    assert voluntario.observaciones == ["experiencia_menor_a_la_deseable"]


def test_datos_personales_invalidos_nombran_el_campo():
    with pytest.raises(DatosInvalidos) as err:
        llegada(datos={**DATOS, "nacionalidad": "Alemania"})
    assert err.value.extra["errores"][0]["campo"] == "datos.nacionalidad"


def test_estadia_inicial_mayor_a_tres_anios_se_rechaza():
    with pytest.raises(ReglaIncumplida, match="3 anios"):
        llegada(fin=date(2029, 8, 3))


def test_presentacion_tardia_se_marca_y_el_planificador_alerta_una_vez():
    ex = llegada()
    assert ex.vencer_plazos(date(2026, 7, 27)) == []
    assert ex.vencer_plazos(date(2026, 7, 28)) == ["PlazoPresentacionOficialVencido"]
    assert ex.vencer_plazos(date(2026, 7, 29)) == []
    ex.presentar_oficialmente(actor=ENTIDAD, presentada_el=date(2026, 7, 30), hoy=date(2026, 7, 30))
    assert ex.estado == "presentado" and ex.presentacion_extemporanea


def test_recorrido_completo_hasta_el_servicio():
    ex = en_servicio()
    assert ex.estado == "en_servicio" and ex.numero_registro == "REV-2026-000031"
    assert not ex.presentacion_extemporanea


def test_solo_el_registrador_de_la_apci_inscribe_en_el_registro_nacional():
    ex = llegada()
    ex.presentar_oficialmente(actor=ENTIDAD, presentada_el=date(2026, 7, 24), hoy=date(2026, 7, 24))
    with pytest.raises(SinDerecho) as err:
        ex.inscribir(actor=ENTIDAD, numero_registro="X", inscrito_el=date(2026, 8, 4), hoy=date(2026, 8, 4))
    assert err.value.extra["derecho_requerido"] == "registrador@APCI-DOC"


def test_solo_cancilleria_prorroga_y_dentro_de_tres_anios():
    ex = en_servicio()
    with pytest.raises(SinDerecho):
        ex.prorrogar(actor=REGISTRADOR, nuevo_fin=date(2028, 7, 31), solicitada_el=date(2027, 5, 3),
                     nota=nota(date(2027, 6, 1)), hoy=date(2027, 6, 1))
    with pytest.raises(ReglaIncumplida, match="limite de 3 anios"):
        ex.prorrogar(actor=RREE, nuevo_fin=date(2029, 8, 3), solicitada_el=date(2027, 5, 3),
                     nota=nota(date(2027, 6, 1)), hoy=date(2027, 6, 1))
    with pytest.raises(ReglaIncumplida, match="30 dias"):
        ex.prorrogar(actor=RREE, nuevo_fin=date(2028, 7, 31), solicitada_el=date(2027, 7, 15),
                     nota=nota(date(2027, 7, 20)), hoy=date(2027, 7, 20))
    ex.prorrogar(actor=RREE, nuevo_fin=date(2028, 7, 31), solicitada_el=date(2027, 5, 3), nota=nota(date(2027, 6, 1)),
                 hoy=date(2027, 6, 1))
    assert ex.estado == "prorrogado" and ex.fin_servicio == date(2028, 7, 31)
    ex.prorrogar(actor=RREE, nuevo_fin=date(2029, 8, 2), solicitada_el=date(2028, 5, 2), nota=nota(date(2028, 6, 1)),
                 hoy=date(2028, 6, 1))
    assert len(ex.prorrogas) == 2


def test_la_adscripcion_concluye_al_terminar_el_servicio():
    ex = en_servicio()
    assert ex.vencer_plazos(date(2027, 7, 31)) == []
    assert ex.vencer_plazos(date(2027, 8, 1)) == ["AdscripcionConcluida"]
    assert ex.vencer_plazos(date(2027, 8, 2)) == []
    assert ex.estado == "concluido" and ex.concluida_el == date(2027, 7, 31)
    with pytest.raises(TransicionIlegal) as err:
        ex.prorrogar(actor=RREE, nuevo_fin=date(2028, 7, 31), solicitada_el=date(2027, 5, 3),
                     nota=nota(date(2027, 8, 2)), hoy=date(2027, 8, 2))
    assert err.value.extra["estado_actual"] == "concluido"


def test_cancelacion_por_falta_de_idoneidad_requiere_ambos_informes():
    ex = en_servicio()
    with pytest.raises(ReglaIncumplida, match="informes"):
        ex.cancelar(actor=RREE, motivo="falta de idoneidad", informe_unidad_ejecutora="Inf. 3-2026",
                    informe_rector=None, nota=nota(date(2026, 10, 1)), hoy=date(2026, 10, 1))
    ex.cancelar(actor=RREE, motivo="falta de idoneidad", informe_unidad_ejecutora="Inf. 3-2026",
                informe_rector="Inf. 77-2026-APCI/DOC", nota=nota(date(2026, 10, 1)), hoy=date(2026, 10, 1))
    assert ex.estado == "cancelado"
    assert tipos(ex)[-1] == "AdscripcionCancelada"


def test_miembro_eniex_por_un_anio_es_elegible_a_privilegios_y_corto_plazo_se_marca():
    assert llegada(miembro_eniex=True, fin=date(2027, 8, 2)).elegible_privilegios  # one year from 3 Aug 2026
    assert not llegada(miembro_eniex=True, fin=date(2027, 8, 1)).elegible_privilegios
    assert not llegada(miembro_eniex=False, fin=date(2028, 8, 2)).elegible_privilegios
    assert llegada(fin=date(2026, 10, 31)).corto_plazo


def test_experto_reconstruido_de_sus_eventos_es_igual():
    ex = en_servicio()
    ex.prorrogar(actor=RREE, nuevo_fin=date(2028, 7, 31), solicitada_el=date(2027, 5, 3), nota=nota(date(2027, 6, 1)),
                 hoy=date(2027, 6, 1))
    assert recargar(ex).a_dict() == ex.a_dict()
