"""Filing, observation, cure, decision and positive silence of a registration (RGL 71-76; TC ¶36-37)."""

from datetime import date

import pytest

from shared.errores import DatosInvalidos, ReglaIncumplida, SinDerecho, TransicionIlegal
from shared.eventos.persistencia_prueba import recargar

from services.registro.domain.reglas import COPIA_LITERAL, OPINION_FAVORABLE, Registro

from .ayudas import (
    DIRECTOR, ENTIDAD, OTRA_ENTIDAD, REGISTRADOR, RUC, documentos, resolucion, solicitud, tipos,
)


def test_solicitud_completa_abre_el_plazo_de_silencio_de_30_dias():
    ins = solicitud(presentada_el=date(2026, 3, 2))
    assert ins.estado == "presentada"
    assert ins.omisiones_detectadas == []
    assert ins.silencio_vence_el == date(2026, 4, 1)
    evento = ins._pending_events[0]
    assert type(evento).__name__ == "SolicitudInscripcionPresentada"
    assert evento.plazo["codigo"] == "silencio_positivo_inscripcion" and evento.plazo["unidad"] == "calendario"


def test_ongd_sin_opinion_favorable_ni_copia_literal_reciente_queda_con_omisiones():
    ins = solicitud(sin=(OPINION_FAVORABLE,), fecha_copia_literal=date(2025, 11, 30))
    assert ins.omisiones_detectadas == [OPINION_FAVORABLE, COPIA_LITERAL]


def test_ongd_de_ambito_regional_pide_opinion_a_su_region():
    ins = solicitud(ambito="regional", ubigeo="150105")
    assert ins.opinion_favorable_de == "Lima Metropolitana"


def test_eniex_sin_inscripcion_en_sunarp_no_puede_presentar():
    with pytest.raises(ReglaIncumplida) as err:
        solicitud(registro=Registro.ENIEX, partida_sunarp=None)
    assert err.value.extra["fundamento_legal"] == {"norma": "D.S. 015-92-PCM", "articulo": "71"}


def test_eniex_presenta_su_propia_lista_de_requisitos():
    ins = solicitud(registro=Registro.ENIEX)
    assert ins.estado == "presentada" and ins.partida_sunarp == "11002233"
    with pytest.raises(DatosInvalidos, match=OPINION_FAVORABLE):
        solicitud(registro=Registro.ENIEX, documentos=documentos(Registro.ENIEX) + [OPINION_FAVORABLE])


def test_una_entidad_solo_presenta_por_si_misma():
    with pytest.raises(SinDerecho) as err:
        solicitud(actor=OTRA_ENTIDAD)
    assert err.value.extra["derecho_requerido"] == f"entidad@ENTIDAD-{RUC}"


def test_ruc_con_digito_errado_se_rechaza_nombrando_el_campo():
    with pytest.raises(DatosInvalidos) as err:
        solicitud(ruc="20131312956")
    assert err.value.extra["errores"][0]["campo"] == "ruc"


def test_observacion_abre_15_dias_desde_la_recepcion_de_la_notificacion():
    ins = solicitud(sin=(OPINION_FAVORABLE,))
    ins.observar(actor=REGISTRADOR, omisiones=[OPINION_FAVORABLE], notificada_el=date(2026, 3, 6), hoy=date(2026, 3, 6))
    assert ins.estado == "observada"
    assert ins.subsanacion_vence_el == date(2026, 3, 23)  # 21 March is a Saturday -> Monday 23


def test_subsanacion_reinicia_el_plazo_del_silencio_positivo():
    ins = solicitud(sin=(OPINION_FAVORABLE,), presentada_el=date(2026, 3, 2))
    ins.observar(actor=REGISTRADOR, omisiones=[OPINION_FAVORABLE], notificada_el=date(2026, 3, 6), hoy=date(2026, 3, 6))
    ins.subsanar(actor=ENTIDAD, documentos=[OPINION_FAVORABLE], subsanada_el=date(2026, 3, 16), hoy=date(2026, 3, 16))
    assert ins.estado == "presentada"
    assert ins.silencio_vence_el == date(2026, 4, 15)  # 30 days from the cure, not from the filing (1 April)
    assert ins.vencer_plazos(date(2026, 4, 10)) == []  # the old term would already have expired
    assert ins.estado == "presentada"


def test_subsanacion_incompleta_o_fuera_de_plazo_se_rechaza():
    ins = solicitud(sin=(OPINION_FAVORABLE, "domicilio_legal"))
    ins.observar(actor=REGISTRADOR, omisiones=[OPINION_FAVORABLE, "domicilio_legal"], notificada_el=date(2026, 3, 6),
                 hoy=date(2026, 3, 6))
    with pytest.raises(ReglaIncumplida, match="domicilio_legal"):
        ins.subsanar(actor=ENTIDAD, documentos=[OPINION_FAVORABLE], subsanada_el=date(2026, 3, 10),
                     hoy=date(2026, 3, 10))
    with pytest.raises(ReglaIncumplida, match="vencio el 2026-03-23"):
        ins.subsanar(actor=ENTIDAD, documentos=[OPINION_FAVORABLE, "domicilio_legal"], subsanada_el=date(2026, 3, 24),
                     hoy=date(2026, 3, 24))


def test_sin_subsanacion_en_plazo_la_solicitud_se_deniega_una_sola_vez():
    ins = solicitud(sin=(OPINION_FAVORABLE,))
    ins.observar(actor=REGISTRADOR, omisiones=[OPINION_FAVORABLE], notificada_el=date(2026, 3, 6), hoy=date(2026, 3, 6))
    assert ins.vencer_plazos(date(2026, 3, 23)) == []
    assert ins.vencer_plazos(date(2026, 3, 24)) == ["PlazoSubsanacionVencido"]
    assert ins.vencer_plazos(date(2026, 3, 24)) == []
    assert ins.estado == "denegada"
    assert tipos(ins)[-2:] == ["PlazoSubsanacionVencido", "InscripcionDenegada"]
    assert ins.denegacion["requisitos_incumplidos"] == [OPINION_FAVORABLE]


def test_silencio_positivo_tras_30_dias_sin_respuesta_inscribe_y_emite_constancia():
    ins = solicitud(presentada_el=date(2026, 3, 2))
    assert ins.vencer_plazos(date(2026, 4, 1)) == []
    assert ins.vencer_plazos(date(2026, 4, 2)) == ["SilencioPositivoOperado"]
    assert ins.vencer_plazos(date(2026, 4, 3)) == []  # idempotent
    assert ins.estado == "vigente" and ins.via == "silencio_positivo"
    assert ins.vigente_desde == date(2026, 4, 2) and ins.vigente_hasta == date(2028, 4, 1)
    certificado = ins.certificado_silencio
    assert certificado["numero"] == f"APCI-ONGD-SP-{RUC}-20260402"
    assert certificado["cargo_recepcion"] == date(2026, 3, 2)
    assert "art. 76 D.S. 015-92-PCM" in certificado["texto"]


def test_registrador_aprueba_con_resolucion_y_la_vigencia_es_de_dos_anios():
    ins = solicitud()
    ins.aprobar(actor=REGISTRADOR, resolucion=resolucion(date(2026, 3, 20)), hoy=date(2026, 3, 20))
    assert ins.estado == "vigente" and ins.via == "resolucion"
    assert (ins.vigente_desde, ins.vigente_hasta) == (date(2026, 3, 20), date(2028, 3, 19))
    assert ins.tiene_beneficios()


def test_no_se_aprueba_un_expediente_incompleto_sin_observarlo():
    ins = solicitud(sin=(OPINION_FAVORABLE,))
    with pytest.raises(ReglaIncumplida, match="notifique las omisiones"):
        ins.aprobar(actor=REGISTRADOR, resolucion=resolucion(date(2026, 3, 20)), hoy=date(2026, 3, 20))


def test_denegacion_solo_por_requisitos_legales_nunca_por_presuncion():
    ins = solicitud()
    with pytest.raises(ReglaIncumplida) as err:
        ins.denegar(actor=REGISTRADOR, requisitos_incumplidos=[], motivo="presuncion_de_ilegalidad",
                    resolucion=resolucion(date(2026, 3, 20)), notificada_el=date(2026, 3, 20), hoy=date(2026, 3, 20))
    assert err.value.extra["fundamento_legal"]["articulo"] == "36-37"
    with pytest.raises(ReglaIncumplida, match="no son requisitos legales: antecedentes_policiales"):
        ins.denegar(actor=REGISTRADOR, requisitos_incumplidos=["antecedentes_policiales"],
                    resolucion=resolucion(date(2026, 3, 20)), notificada_el=date(2026, 3, 20), hoy=date(2026, 3, 20))
    ins.denegar(actor=REGISTRADOR, requisitos_incumplidos=["programas_dos_anios"],
                resolucion=resolucion(date(2026, 3, 20)), notificada_el=date(2026, 3, 23), hoy=date(2026, 3, 23))
    assert ins.estado == "denegada"
    assert ins.recurso_vence_el == date(2026, 4, 15)  # 15 business days from notice, across Holy Week


def test_tras_operar_el_silencio_ya_no_cabe_observar_ni_denegar():
    ins = solicitud(presentada_el=date(2026, 3, 2))
    with pytest.raises(ReglaIncumplida, match="silencio positivo"):
        ins.denegar(actor=REGISTRADOR, requisitos_incumplidos=["programas_dos_anios"],
                    resolucion=resolucion(date(2026, 4, 6)), notificada_el=date(2026, 4, 6), hoy=date(2026, 4, 6))


def test_la_entidad_no_puede_aprobarse_a_si_misma_ni_el_director_resolver_en_primera_instancia():
    ins = solicitud()
    with pytest.raises(SinDerecho) as err:
        ins.aprobar(actor=ENTIDAD, resolucion=resolucion(date(2026, 3, 20)), hoy=date(2026, 3, 20))
    assert err.value.extra["derecho_requerido"] == "registrador@APCI-DOC"
    with pytest.raises(SinDerecho):
        ins.aprobar(actor=DIRECTOR, resolucion=resolucion(date(2026, 3, 20)), hoy=date(2026, 3, 20))


def test_transicion_ilegal_nombra_el_estado_y_las_acciones_permitidas():
    ins = solicitud()
    with pytest.raises(TransicionIlegal) as err:
        ins.subsanar(actor=ENTIDAD, documentos=[], subsanada_el=date(2026, 3, 5), hoy=date(2026, 3, 5))
    assert err.value.extra["estado_actual"] == "presentada"
    assert err.value.extra["acciones_permitidas"] == ["observar", "aprobar", "denegar"]


def test_acciones_disponibles_dependen_del_actor():
    ins = solicitud()
    assert [a["accion"] for a in ins.acciones_disponibles(REGISTRADOR)] == ["observar", "aprobar", "denegar"]
    assert ins.acciones_disponibles(ENTIDAD) == []
    observar = ins.acciones_disponibles(REGISTRADOR)[0]
    assert observar["plazo"]["codigo"] == "subsanacion_inscripcion" and "omisiones" in observar["campos"]


def test_inscripcion_reconstruida_de_sus_eventos_es_igual_a_la_original():
    ins = solicitud(sin=(OPINION_FAVORABLE,))
    ins.observar(actor=REGISTRADOR, omisiones=[OPINION_FAVORABLE], notificada_el=date(2026, 3, 6), hoy=date(2026, 3, 6))
    ins.subsanar(actor=ENTIDAD, documentos=[OPINION_FAVORABLE], subsanada_el=date(2026, 3, 9), hoy=date(2026, 3, 9))
    ins.vencer_plazos(date(2026, 5, 1))
    copia = recargar(ins)
    assert copia.a_dict() == ins.a_dict()
    assert copia.id == ins.id and copia.version == 4
