"""P1f: a project extension (ampliacion or prorroga) is requested through the OR-CTI only after an intermediate or
final evaluation whose officialised acta recommends it (R.S. 450-84-RE §5.6.2, §6.5.2, §6.5.2.d), then follows P1's
route (§1.5). The rule spans two files: the engine's generic ``Antecedente`` check on the other file's summary."""

from __future__ import annotations

from datetime import date

import pytest
from shared.errores import DatosInvalidos, ReglaIncumplida

from services.tramite.domain.catalogo import Catalogo, DefinicionInvalida
from services.tramite.domain.definicion import Antecedente, Entrada, Procedimiento
from services.tramite.domain.procedimientos.normas import manual
from services.tramite.domain.reglas import exigir_antecedentes
from tests.unit.tramite.apoyo import APCI, GIZ, MINSA, ONGD, PROMOTOR, RREE, abrir, hacer, ruta

EXTENSION, EVAL, ANUAL = "P1-EXTENSION-PROYECTO", "P6-EVALUACION-INTERMEDIA-FINAL", "P6-EVALUACION-ANUAL"
N_EVAL, N_EXT = "2026-APCI-000050", "2027-MINSA-000001"
ART_562 = {"norma": "R.S. 450-84-RE", "articulo": "5.6.2"}


def _evaluacion(recomendacion: str, *, hasta: str = "oficializar_acta", promotor: str = PROMOTOR):
    """A P6c file taken from its terms of reference up to ``hasta`` (acts as in test_p6_evaluacion)."""
    exp = abrir(EVAL, APCI, date(2026, 10, 1), presenta=MINSA, promotor=promotor, numero=N_EVAL,
                datos={"proyecto": "Salud materna Cusco", "tipo_evaluacion": "final", "solicitante": "rectora",
                       "fecha_evaluacion": date(2027, 1, 25)}, documentos=("terminos_referencia", "plan_trabajo"))
    pasos = [
        ("remitir_a_cancilleria", APCI, date(2026, 10, 9), {"destinatario": RREE}),
        ("remitir_a_fuente", RREE, date(2026, 10, 12), {"destinatario": GIZ}),
        ("aceptar_tdr", GIZ, date(2026, 10, 26), {"destinatario": RREE, "representante_fuente": "K. Weber"}),
        ("comunicar_opinion_fuente", RREE, date(2026, 10, 27), {}),
        ("convocar_evaluacion", APCI, date(2026, 10, 28), {"presidente_por_rectora": "Lic. Rojas"}),
        ("suscribir_acta", MINSA, date(2026, 12, 3),
         {"fecha_suscripcion": date(2026, 12, 3), "recomendacion": recomendacion}),
        ("remitir_acta", APCI, date(2026, 12, 10), {}),
        ("oficializar_acta", RREE, date(2026, 12, 11), {"destinatario": GIZ}),
    ]
    for accion, oficina, fecha, datos in pasos:
        hacer(exp, accion, oficina, fecha, datos)
        if accion == hasta:
            break
    return exp


def _archivo(*expedientes):
    """The application's lookup: number -> summary of the file loaded from the event log, None if unknown."""
    return {e.numero: e.resumen() for e in expedientes}.get


def _pedir(extension: str, consultar, *, numero_evaluacion: str | None = N_EVAL, presenta: str = PROMOTOR):
    datos = {"titulo": "Salud materna Cusco, segunda fase", "unidad_ejecutora": presenta, "extension": extension}
    if numero_evaluacion is not None:
        datos["expediente_evaluacion"] = numero_evaluacion
    return abrir(EXTENSION, MINSA, date(2027, 1, 11), presenta=presenta, promotor=presenta, numero=N_EXT,
                 datos=datos, consultar_expediente=consultar)


@pytest.mark.parametrize("clase", ["ampliacion", "prorroga"])
def test_an_officialised_acta_recommending_the_extension_opens_a_request_that_follows_p1(clase):
    evaluacion = _evaluacion(clase)
    assert evaluacion.estado == "acta_oficializada"
    exp = _pedir(clase, _archivo(evaluacion))
    assert (exp.estado, exp.custodia) == ("en_evaluacion_nivel", MINSA)
    assert exp.datos["expediente_evaluacion"] == N_EVAL and exp.datos["extension"] == clase
    assert ART_562 in exp.historial()[0]["fundamento_legal"]
    assert set(exp.plazos) == {"opinion_tecnica", "silencio_positivo", "oficializacion"}  # P1's clocks (RGL 55)
    hacer(exp, "derivar_a_rectora", MINSA, date(2027, 1, 18), {"destinatario": APCI, "prioridad_sectorial": 1})
    hacer(exp, "derivar_a_cancilleria", APCI, date(2027, 1, 25), {"destinatario": RREE, "prioridad_multisectorial": 2})
    assert ruta(exp) == [
        ("SolicitudExtensionProyectoPresentada", PROMOTOR, MINSA),
        ("SolicitudDerivadaARectora", MINSA, APCI),
        ("SolicitudDerivadaACancilleria", APCI, RREE),
    ]
    assert exp.historial()[1]["cc"] == [PROMOTOR] and exp.historial()[2]["cc"] == [MINSA]


def test_an_acta_recommending_termination_refuses_the_extension_citing_the_article():
    consultar = _archivo(_evaluacion("termino"))
    with pytest.raises(ReglaIncumplida) as e:
        _pedir("prorroga", consultar)
    assert e.value.extra["fundamento_legal"] == ART_562
    assert {"norma": "R.S. 450-84-RE", "articulo": "6.5.2.d"} in e.value.extra["fundamentos"]
    assert e.value.extra["errores"][0]["campo"] == "expediente_evaluacion"
    assert "(R.S. 450-84-RE, 5.6.2)" in e.value.detalle
    assert "recomendacion='termino'" in e.value.detalle and "'prorroga'" in e.value.detalle


@pytest.mark.parametrize("recomendada, pedida", [("prorroga", "ampliacion"), ("ampliacion", "prorroga"),
                                                 ("modificacion", "ampliacion"), ("continuacion", "prorroga")])
def test_the_extension_asked_must_be_the_one_the_acta_recommends(recomendada, pedida):
    with pytest.raises(ReglaIncumplida) as e:
        _pedir(pedida, _archivo(_evaluacion(recomendada)))
    assert f"recomendacion={recomendada!r}" in e.value.detalle


@pytest.mark.parametrize("hasta, estado", [("suscribir_acta", "acta_suscrita"), ("remitir_acta", "acta_remitida"),
                                           ("convocar_evaluacion", "evaluacion_convocada")])
def test_an_acta_not_yet_officialised_does_not_open_the_extension(hasta, estado):
    evaluacion = _evaluacion("prorroga", hasta=hasta)
    assert evaluacion.estado == estado
    with pytest.raises(ReglaIncumplida) as e:
        _pedir("prorroga", _archivo(evaluacion))
    assert f"esta en '{estado}'" in e.value.detalle and "acta_oficializada" in e.value.detalle
    assert e.value.extra["fundamento_legal"] == ART_562


def test_a_file_of_another_procedure_is_not_an_evaluation_acta():
    anual = abrir(ANUAL, MINSA, date(2026, 7, 15), presenta=MINSA, numero=N_EVAL,
                  datos={"proyecto": "Salud materna Cusco", "anio": 2026, "avance": "atrasado"},
                  documentos=("programa_anual_trabajo",))
    with pytest.raises(ReglaIncumplida) as e:
        _pedir("prorroga", _archivo(anual))
    assert f"es {ANUAL}, no {EVAL}" in e.value.detalle
    assert e.value.extra["errores"][0]["campo"] == "expediente_evaluacion"


def test_the_acta_must_concern_the_same_executing_unit():
    with pytest.raises(ReglaIncumplida) as e:
        _pedir("prorroga", _archivo(_evaluacion("prorroga", promotor=ONGD)))
    assert f"corresponde a {ONGD}, no a {PROMOTOR}" in e.value.detalle


def test_an_unknown_file_number_is_bad_input_naming_the_field():
    with pytest.raises(DatosInvalidos) as e:
        _pedir("prorroga", _archivo(_evaluacion("prorroga")), numero_evaluacion="2026-APCI-999999")
    assert e.value.extra["errores"] == [{"campo": "expediente_evaluacion",
                                        "mensaje": "no existe el expediente 2026-APCI-999999"}]


def test_the_evaluation_file_and_the_kind_of_extension_are_required_fields():
    consultar = _archivo(_evaluacion("prorroga"))
    with pytest.raises(DatosInvalidos) as e:
        _pedir("prorroga", consultar, numero_evaluacion=None)
    assert [x["campo"] for x in e.value.extra["errores"]] == ["expediente_evaluacion"]
    with pytest.raises(DatosInvalidos) as e:
        _pedir("termino", consultar)
    assert [x["campo"] for x in e.value.extra["errores"]] == ["extension"]


def test_without_a_way_to_read_the_other_file_the_domain_refuses_rather_than_assume():
    with pytest.raises(ReglaIncumplida):
        _pedir("prorroga", None)


def test_extension_is_presented_through_the_or_cti_not_directly_to_the_rector():
    with pytest.raises(ReglaIncumplida):
        abrir(EXTENSION, APCI, date(2027, 1, 11), datos={"titulo": "x", "unidad_ejecutora": PROMOTOR,
                                                         "extension": "prorroga", "expediente_evaluacion": N_EVAL},
              consultar_expediente=_archivo(_evaluacion("prorroga")))


def test_the_catalogue_refuses_an_antecedent_on_a_field_the_act_does_not_require():
    ant = Antecedente("expediente_previo", (EVAL,), ("acta_oficializada",), "suscribir_acta", "x", (manual("5.6.2"),),
                      iguales={"recomendacion": "clase"})
    proc = Procedimiento("PX", 1, date(2020, 1, 1), "prueba", (manual("5.6.2"),),
                         (Entrada("sector", ("promotor",), "abierto", "PruebaAbierta", (manual("5.6.2"),),
                                  campos=("expediente_previo",), antecedentes=(ant,)),), (), ("abierto",))
    with pytest.raises(DefinicionInvalida, match="clase"):
        Catalogo().registrar(proc)


def test_the_generic_check_also_compares_fixed_values_and_uses_the_last_prior_act():
    ant = Antecedente("previo", (EVAL,), ("acta_oficializada",), "suscribir_acta", "regla", (manual("5.6.2"),),
                      datos={"tipo": "final"})
    tramos = [{"accion": "suscribir_acta", "datos": {"tipo": "final"}},
              {"accion": "suscribir_acta", "datos": {"tipo": "intermedia"}}]
    resumen = {"numero": N_EVAL, "procedimiento": EVAL, "estado": "acta_oficializada", "promotor": PROMOTOR,
               "tramos": tramos}
    with pytest.raises(ReglaIncumplida, match="tipo='intermedia'"):
        exigir_antecedentes((ant,), {"previo": N_EVAL}, PROMOTOR, {N_EVAL: resumen}.get)
    exigir_antecedentes((ant,), {"previo": N_EVAL}, PROMOTOR, {N_EVAL: {**resumen, "tramos": tramos[:1]}}.get)
