"""A project extension through tramite's HTTP API (SQLite and PostgreSQL, office kinds learned from registro over
NATS): the request names the evaluation file, which the application loads from the event log; it is refused with a
problem+json 422 naming ``expediente_evaluacion`` and citing R.S. 450-84-RE §5.6.2 until that file's acta,
recommending the extension asked, is officialised (§6.5.2.d); then it opens and follows P1's route (§1.5)."""

from __future__ import annotations

from datetime import date

from services.tramite.domain.procedimientos import CATALOGO
from tests.integration.tramite.apoyo import APCI, JICA, MINSA, RREE, doc

EVAL, EXTENSION = "P6-EVALUACION-INTERMEDIA-FINAL", "P1-EXTENSION-PROYECTO"
UE = "PROMOTOR-HOSPITAL-CUSCO"
ART_562 = {"norma": "R.S. 450-84-RE", "articulo": "5.6.2"}


def _actuar(suite, numero: str, accion: str, oficina: str, fecha: date, datos: dict | None = None, **extra):
    docs = CATALOGO.obtener(EVAL, 1).accion(accion).documentos_exigidos()
    cuerpo = {"fecha": fecha.isoformat(), "datos": datos or {}, "documentos": [doc(t, fecha) for t in docs], **extra}
    r = suite.tramite.post(f"/api/v1/expedientes/{numero}/acciones/{accion}", json=cuerpo, headers=suite.cab(oficina))
    assert r.status_code == 200, r.text
    return r.json()


def _pedir_extension(suite, numero_evaluacion: str, extension: str = "prorroga"):
    cuerpo = {"procedimiento": EXTENSION, "promotor": UE, "oficina_apertura": MINSA, "presentado_el": "2026-09-14",
              "regimen_promotor": "publico", "documentos": [doc("solicitud", date(2026, 9, 14))],
              "datos": {"titulo": "Salud materna en Cusco, prorroga", "unidad_ejecutora": UE, "extension": extension,
                        "expediente_evaluacion": numero_evaluacion}}
    return suite.tramite.post("/api/v1/expedientes", json=cuerpo, headers=suite.cab(UE))


def _rechazo(r, tipo: str) -> dict:
    assert r.status_code == 422, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    cuerpo = r.json()
    assert cuerpo["type"].endswith(tipo) and [e["campo"] for e in cuerpo["errores"]] == ["expediente_evaluacion"]
    return cuerpo


def test_extension_refused_until_the_acta_recommending_it_is_officialised_then_follows_p1(suite):
    r = suite.tramite.post("/api/v1/expedientes", headers=suite.cab(MINSA), json={
        "procedimiento": EVAL, "promotor": UE, "oficina_apertura": APCI, "presentado_el": "2026-06-01",
        "datos": {"proyecto": "Salud materna en Cusco", "tipo_evaluacion": "final", "solicitante": "rectora",
                  "fecha_evaluacion": "2026-08-31"},
        "documentos": [doc("terminos_referencia", date(2026, 6, 1)), doc("plan_trabajo", date(2026, 6, 1))]})
    assert r.status_code == 201, r.text
    evaluacion = r.json()["numero"]
    _actuar(suite, evaluacion, "remitir_a_cancilleria", APCI, date(2026, 6, 5), destinatario=RREE)
    _actuar(suite, evaluacion, "remitir_a_fuente", RREE, date(2026, 6, 8), destinatario=JICA)
    _actuar(suite, evaluacion, "aceptar_tdr", JICA, date(2026, 6, 15), {"representante_fuente": "K. Tanaka"},
            destinatario=RREE)
    _actuar(suite, evaluacion, "comunicar_opinion_fuente", RREE, date(2026, 6, 16))
    _actuar(suite, evaluacion, "convocar_evaluacion", APCI, date(2026, 6, 17), {"presidente_por_rectora": "Lic. Rojas"})
    _actuar(suite, evaluacion, "suscribir_acta", MINSA, date(2026, 9, 1),
            {"fecha_suscripcion": "2026-09-01", "recomendacion": "prorroga"})
    _actuar(suite, evaluacion, "remitir_acta", APCI, date(2026, 9, 3))

    # the acta is signed and sent but not yet officialised by the Foreign Ministry
    cuerpo = _rechazo(_pedir_extension(suite, evaluacion), "regla-incumplida")
    assert cuerpo["fundamento_legal"] == ART_562 and "acta_remitida" in cuerpo["detail"]

    assert _actuar(suite, evaluacion, "oficializar_acta", RREE, date(2026, 9, 4),
                   destinatario=JICA)["estado"] == "acta_oficializada"

    # an unknown number is bad input naming the field, not a 404 or a 500
    cuerpo = _rechazo(_pedir_extension(suite, "2026-APCI-999999"), "datos-invalidos")
    assert "2026-APCI-999999" in cuerpo["errores"][0]["mensaje"]
    # the acta recommends a prorroga, not an ampliacion
    cuerpo = _rechazo(_pedir_extension(suite, evaluacion, "ampliacion"), "regla-incumplida")
    assert cuerpo["fundamento_legal"] == ART_562 and "recomendacion='prorroga'" in cuerpo["detail"]

    r = _pedir_extension(suite, evaluacion)
    assert r.status_code == 201, r.text
    extension = r.json()
    assert (extension["procedimiento"]["codigo"], extension["estado"], extension["custodia"]) == (
        EXTENSION, "en_evaluacion_nivel", MINSA)
    assert extension["datos"]["expediente_evaluacion"] == evaluacion
    r = suite.tramite.post(f"/api/v1/expedientes/{extension['numero']}/acciones/derivar_a_rectora",
                           headers=suite.cab(MINSA),
                           json={"fecha": "2026-09-21", "destinatario": APCI, "datos": {"prioridad_sectorial": 1},
                                 "documentos": [doc("oficio", date(2026, 9, 21))]})
    assert r.status_code == 200, r.text
    assert (r.json()["estado"], r.json()["custodia"]) == ("en_evaluacion_rectora", APCI)
    tramos = suite.tramos(extension["numero"])
    assert [(t["evento"], t["remitente"], t["destinatario"]) for t in tramos] == [
        ("SolicitudExtensionProyectoPresentada", UE, MINSA), ("SolicitudDerivadaARectora", MINSA, APCI)]
    assert ART_562 in tramos[0]["fundamento_legal"]
