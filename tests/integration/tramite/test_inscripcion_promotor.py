"""A promoter ONGD whose benefits registro suspended is refused the act that grants benefits (the officialisation of
the intervention, D.S. 015-92-PCM art. 4, 75, 78); when registro restores them, the same act goes through. The
registrations reach tramite only as registro's real events, published by registro's relay over NATS."""

from __future__ import annotations

from datetime import date

from tests.integration.tramite.apoyo import APCI, JICA, MINSA, ONGD_SUSPENDIDA, RREE, RUC_SUSPENDIDA


def _hasta_convenio_suscrito(suite, promotor: str) -> str:
    numero = suite.abrir(date(2026, 3, 2), promotor=promotor)["numero"]
    for accion, oficina, fecha, datos, extra, roles, docs in [
        ("derivar_a_rectora", MINSA, date(2026, 3, 10), {"prioridad_sectorial": 1}, {"destinatario": APCI}, (), None),
        ("derivar_a_cancilleria", APCI, date(2026, 3, 20), {"prioridad_multisectorial": 3}, {"destinatario": RREE},
         (), None),
        ("oficializar", RREE, date(2026, 3, 25), {}, {"destinatario": JICA}, (), None),
        ("aprobar", JICA, date(2026, 5, 4), {}, {"destinatario": RREE}, (), None),
        ("remitir_proyecto_convenio", RREE, date(2026, 5, 11), {}, {}, (), None),
        ("recomendar_suscripcion", APCI, date(2026, 5, 18), {}, {}, (), None),
        ("suscribir_convenio", RREE, date(2026, 6, 1), {"instrumento": "canje_de_notas"}, {}, ("titular",),
         ("notas_reversales",)),
    ]:
        suite.actuar(numero, accion, oficina, fecha, datos=datos, roles=roles, docs=docs, **extra)
    return numero


def test_ongd_con_beneficios_suspendidos_no_obtiene_la_oficializacion_hasta_que_se_restituyen(suite):
    ins = suite.inscribir_ongd(RUC_SUSPENDIDA)
    ins = suite.suspender(ins, "SANCION-2026-014", date(2026, 5, 20))
    [fila] = suite.inscripciones()
    assert (fila["ruc"], fila["fase"], fila["suspensiones"]) == (RUC_SUSPENDIDA, "vigente", ["SANCION-2026-014"])
    numero = _hasta_convenio_suscrito(suite, ONGD_SUSPENDIDA)

    r = suite.actuar(numero, "oficializar_intervencion", RREE, date(2026, 6, 3), esperado=422)
    assert r["type"].endswith("/regla-incumplida") and "suspendidos" in r["detail"]
    assert r["fundamento_legal"]["norma"].startswith("D.S. 015-92-PCM")
    assert suite.leer(numero).json()["estado"] == "convenio_suscrito"

    suite.restituir(ins, "SANCION-2026-014", date(2026, 6, 4))
    assert suite.inscripciones()[0]["suspensiones"] == []
    res = suite.actuar(numero, "oficializar_intervencion", RREE, date(2026, 6, 5))
    assert (res["estado"], res["custodia"]) == ("pendiente_registro_apci", APCI)


def test_promotor_sin_inscripcion_en_registro_no_obtiene_beneficios(suite):
    numero = _hasta_convenio_suscrito(suite, "ENTIDAD-20100070970")
    r = suite.actuar(numero, "oficializar_intervencion", RREE, date(2026, 6, 3), esperado=422)
    assert "no tiene inscripcion vigente" in r["detail"]
