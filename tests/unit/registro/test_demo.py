"""The demo generator: deterministic, valid RUCs and ubigeos, and commands that replay into every state."""

from collections import Counter
from datetime import date

from stdnum.pe import ruc

from services.registro.domain import inscripcion_acciones as ia
from services.registro.domain.demo import CANTIDADES, generar, reproducir
from services.registro.domain.validacion import validar_ubigeo

HOY = date(2026, 11, 20)


def test_misma_semilla_mismos_comandos_y_otra_semilla_otros():
    assert generar(7, HOY) == generar(7, HOY)
    assert generar(7, HOY) != generar(8, HOY)


def test_entidades_con_ruc_valido_ubigeo_valido_y_en_la_escala_pedida():
    presentaciones = [c["args"] for c in generar(719, HOY) if c["accion"] == "presentar"]
    rucs = {p["ruc"] for p in presentaciones}
    assert len(rucs) == sum(CANTIDADES.values())
    assert all(ruc.is_valid(r) and r.startswith("20") for r in rucs)
    assert all(validar_ubigeo(p["ubigeo"]) for p in presentaciones)


def test_comandos_se_reproducen_sin_error_y_cubren_todos_los_estados():
    comandos = generar(719, HOY)
    assert [c["fecha"] for c in comandos] == sorted(c["fecha"] for c in comandos)
    agregados = reproducir(comandos)
    estados = Counter((type(a).__name__, a.estado) for a in agregados.values())
    esperados = {ia.PRESENTADA, ia.OBSERVADA, ia.VIGENTE, ia.SUSPENDIDA, ia.RENOVACION, ia.DENEGADA,
                 ia.EN_RECONSIDERACION, ia.EN_APELACION, ia.DENEGADA_FIRME, ia.VENCIDA, ia.RENUNCIADA, ia.CANCELADA}
    assert {e for (tipo, e) in estados if tipo == "Inscripcion"} == esperados
    assert {e for (tipo, e) in estados if tipo == "ObligacionAnual"} >= {"validada", "omitida", "presentada",
                                                                          "no_conforme"}
    assert {e for (tipo, e) in estados if tipo == "ExpertoVoluntario"} == {
        "arribado", "presentado", "registrado", "en_servicio", "prorrogado", "concluido", "cancelado"}


def test_el_planificador_al_dia_de_hoy_no_encuentra_plazos_inconsistentes():
    for agregado in reproducir(generar(719, HOY)).values():
        agregado.vencer_plazos(HOY)  # must never raise; expiries due today are legitimate
