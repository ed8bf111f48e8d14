"""Deadlines and the in-tray through HTTP: the 30-calendar-day silence of RGL 55 ending on Fiestas Patrias moves to
the next business day, expires through ``POST /operaciones/plazos/vencer?hoy=`` as positive silence (once), the
in-tray lists overdue files first, ``a_la_fecha`` shows the silence from the day it operated, and the read models
rebuilt from the log equal the live ones."""

from __future__ import annotations

from datetime import date

from services.tramite.proyecciones import bandeja, plazos
from shared.calendario import CALENDARIO_NACIONAL, Unidad
from tests.integration.tramite.apoyo import APCI, MINSA, ONGD


def _vence(desde: date, dias: int) -> date:
    return CALENDARIO_NACIONAL.sumar(desde, dias, Unidad.CALENDARIO)


def _bandeja(suite, hoy: date, oficina: str = MINSA, *roles: str, **params):
    r = suite.tramite.get("/api/v1/bandeja", params={"oficina": oficina, "hoy": hoy.isoformat(), **params},
                          headers=suite.cab(MINSA, *roles))
    assert r.status_code == 200, r.text
    return r.json()


def _vencer(suite, hoy: date) -> int:
    r = suite.tramite.post("/operaciones/plazos/vencer", params={"hoy": hoy.isoformat()},
                           headers=suite.cab("APCI-DE", "administrador"))
    assert r.status_code == 200, r.text
    return r.json()["vencidos"]


def test_silencio_positivo_tras_feriados_bandeja_vencidos_primero_y_reconstruccion(suite):
    a = suite.abrir(date(2026, 6, 28), titulo="A")["numero"]  # day 30 = 28 Jul (holiday), 29 Jul (holiday) -> 30 Jul
    c = suite.abrir(date(2026, 7, 1), titulo="C")["numero"]  # day 30 = 31 Jul
    b = suite.abrir(date(2026, 7, 10), titulo="B")["numero"]  # day 30 = 9 Aug (Sunday) -> 10 Aug
    otro = suite.abrir(date(2026, 7, 2), titulo="En APCI")["numero"]
    suite.actuar(otro, "derivar_a_rectora", MINSA, date(2026, 7, 3), datos={"prioridad_sectorial": 1},
                 destinatario=APCI)
    assert _vence(date(2026, 6, 28), 30) == date(2026, 7, 30)
    exp_a = suite.leer(a).json()
    silencio = next(p for p in exp_a["plazos_abiertos"] if p["codigo"] == "silencio_positivo")
    assert silencio["vence_el"] == "2026-07-30" and silencio["efecto"] == "silencio_positivo"

    antes = _bandeja(suite, date(2026, 8, 1))
    assert [e["numero"] for e in antes["items"]] == [a, c, b]  # overdue first, then by next deadline; not `otro`
    assert [e["vencido"] for e in antes["items"]] == [True, True, False]
    assert antes["items"][0]["dias_para_vencer"] == -2

    assert _vencer(suite, date(2026, 7, 30)) == 0  # the last day of the term is still within it
    assert _vencer(suite, date(2026, 7, 31)) == 1
    assert suite.leer(a).json()["estado"] == "favorable_por_silencio"
    assert suite.leer(c).json()["estado"] == "en_evaluacion_nivel"
    assert _vencer(suite, date(2026, 8, 1)) == 1
    assert _vencer(suite, date(2026, 8, 1)) == 0  # idempotent: nothing is expired twice
    assert suite.leer(c).json()["estado"] == "favorable_por_silencio"
    assert suite.leer(b).json()["estado"] == "en_evaluacion_nivel"

    despues = _bandeja(suite, date(2026, 8, 1))
    assert [e["numero"] for e in despues["items"]] == [b, a, c]  # silence closed; the 45-day alerts remain
    assert despues["items"][1]["proximo_vencimiento"] == _vence(date(2026, 6, 28), 45).isoformat()
    assert suite.leer(a, a_la_fecha="2026-07-30").json()["estado"] == "en_evaluacion_nivel"
    assert suite.leer(a, a_la_fecha="2026-07-31").json()["estado"] == "favorable_por_silencio"
    res = suite.actuar(a, "derivar_a_rectora", MINSA, date(2026, 8, 3), datos={"prioridad_sectorial": 1},
                       destinatario=APCI)  # positive silence: the file may still go on to the rector
    assert res["custodia"] == APCI

    paginada = _bandeja(suite, date(2026, 8, 1), limite=1)
    assert len(paginada["items"]) == 1 and paginada["siguiente"] == "1"
    r = suite.tramite.get("/api/v1/bandeja", params={"oficina": MINSA}, headers=suite.cab(APCI))
    assert r.status_code == 403 and r.json()["derecho_requerido"]
    # in APCI only the 60-day officialisation alerts remain: 27 Aug (a, from 28 Jun) before 31 Aug (otro)
    assert [e["numero"] for e in _bandeja(suite, date(2026, 8, 1), APCI, "administrador")["items"]] == [a, otro]

    vivas = suite.filas(bandeja), suite.filas(plazos)
    r = suite.tramite.post("/operaciones/lecturas/reconstruir", headers=suite.cab("APCI-DE", "administrador"))
    assert r.status_code == 200 and r.json()["eventos_aplicados"] >= 12
    assert (suite.filas(bandeja), suite.filas(plazos)) == vivas
    assert len(vivas[0]) == 4


def test_plazos_hasta_fin_de_anio_y_fecha_del_acto_validada(suite):
    numero = suite.abrir(date(2026, 11, 20))["numero"]
    r = suite.tramite.post(f"/api/v1/expedientes/{numero}/acciones/derivar_a_rectora",
                           json={"fecha": "2026-11-19", "destinatario": APCI, "datos": {"prioridad_sectorial": 1},
                                 "documentos": [{"tipo": "oficio", "numero": "OF-1", "fecha": "2026-11-19"}]},
                           headers=suite.cab(MINSA))
    assert r.status_code == 422 and r.json()["errores"][0]["campo"] == "fecha"  # before the file reached MINSA
    r = suite.tramite.post(f"/api/v1/expedientes/{numero}/acciones/derivar_a_rectora",
                           json={"fecha": "2099-01-01", "destinatario": APCI}, headers=suite.cab(MINSA))
    assert r.status_code == 422
    silencio = next(p for p in suite.leer(numero).json()["plazos_abiertos"] if p["codigo"] == "silencio_positivo")
    assert silencio["vence_el"] == _vence(date(2026, 11, 20), 30).isoformat()  # 20 Dec is a Sunday -> 21 Dec
    assert silencio["vence_el"] == "2026-12-21"
    assert ONGD in {t["remitente"] for t in suite.tramos(numero)}
