"""P1 through tramite's HTTP API on SQLite and PostgreSQL, with office kinds learned from registro over NATS:
the ordinary route MINSA -> APCI -> RREE -> source and back, returns with observations, custody (403), illegal
transitions (422), concurrent acts on one version (409), state as of a date, and the procedure catalogue."""

from __future__ import annotations

import threading
from datetime import date

from tests.integration.tramite.apoyo import APCI, JICA, MINSA, ONGD, P1, RREE, RUC


def _sin_acciones(d: dict) -> dict:
    return {k: v for k, v in d.items() if k != "acciones_disponibles"}


def test_ruta_ordinaria_de_minsa_a_la_fuente_y_de_vuelta_con_custodia_y_tramos(suite):
    suite.inscribir_ongd(RUC)
    exp = suite.abrir(date(2026, 3, 2))
    numero = exp["numero"]
    assert numero == "2026-MINSA-000001" and (exp["estado"], exp["custodia"]) == ("en_evaluacion_nivel", MINSA)
    assert suite.abrir(date(2026, 3, 3), titulo="Otra")["numero"] == "2026-MINSA-000002"
    estados = {"2026-03-02": _sin_acciones(suite.leer(numero).json())}
    pasos = [
        ("derivar_a_rectora", MINSA, date(2026, 3, 10), {"prioridad_sectorial": 1}, {"destinatario": APCI}, (), APCI),
        ("derivar_a_cancilleria", APCI, date(2026, 3, 20), {"prioridad_multisectorial": 3}, {"destinatario": RREE},
         (), RREE),
        ("oficializar", RREE, date(2026, 3, 25), {}, {"destinatario": JICA}, (), JICA),
        ("aprobar", JICA, date(2026, 5, 4), {}, {"destinatario": RREE}, (), RREE),
        ("remitir_proyecto_convenio", RREE, date(2026, 5, 11), {}, {}, (), APCI),
        ("recomendar_suscripcion", APCI, date(2026, 5, 18), {}, {}, (), RREE),
        ("suscribir_convenio", RREE, date(2026, 6, 1), {"instrumento": "canje_de_notas"}, {}, ("titular",), RREE),
        ("oficializar_intervencion", RREE, date(2026, 6, 3), {}, {}, (), APCI),
        ("registrar_intervencion", APCI, date(2026, 6, 5), {"codigo_intervencion": "INT-2026-0007"}, {}, (), ONGD),
        ("informar_plan_operaciones", ONGD, date(2026, 8, 3), {"expediente_plan": "2026-APCI-000010"}, {}, (), ONGD),
    ]
    for n, (accion, oficina, fecha, datos, extra, roles, custodia) in enumerate(pasos, start=2):
        docs = ("notas_reversales",) if accion == "suscribir_convenio" else None
        res = suite.actuar(numero, accion, oficina, fecha, datos=datos, roles=roles, docs=docs, version=n - 1,
                           **extra)
        assert res["custodia"] == custodia and res["version"] == n
        tramos = suite.tramos(numero)
        assert len(tramos) == n and (tramos[-1]["remitente"], tramos[-1]["destinatario"]) == (oficina, custodia)
        assert tramos[-1]["accion"] == accion and tramos[-1]["fundamento_legal"]
        estados[fecha.isoformat()] = _sin_acciones(suite.leer(numero).json())

    final = suite.leer(numero).json()
    assert final["estado"] == "concluida" and final["terminado"] and final["acciones_disponibles"] == []
    t = suite.tramos(numero)
    assert [x["evento"] for x in t][:5] == ["SolicitudCooperacionPresentada", "SolicitudDerivadaARectora",
                                           "SolicitudDerivadaACancilleria", "SolicitudOficializadaAnteFuente",
                                           "SolicitudAprobadaPorFuente"]
    assert t[1]["cc"] == [ONGD] and t[2]["cc"] == [MINSA] and t[3]["cc"] == [APCI]
    assert t[3]["documento"]["tipo"] == "nota_diplomatica" and t[3]["actor"]["oficina"] == RREE
    assert {"norma": "R.S. 450-84-RE", "articulo": "1.5.4"} in t[3]["fundamento_legal"]
    assert t[1]["fecha_cargo"] == "2026-03-10"
    # the state as of each act's date equals the state answered right after it
    for dia, estado in estados.items():
        assert _sin_acciones(suite.leer(numero, a_la_fecha=dia).json()) == estado, dia
    assert suite.leer(numero, a_la_fecha="2026-03-15").json()["custodia"] == APCI
    assert suite.leer(numero, a_la_fecha="2026-03-01T23:59:59-05:00").status_code == 404
    assert suite.leer(numero, version=3).json()["custodia"] == RREE


def test_devolucion_con_observaciones_y_reingreso(suite):
    numero = suite.abrir(date(2026, 3, 2))["numero"]
    res = suite.actuar(numero, "devolver_al_promotor", MINSA, date(2026, 3, 9),
                       observaciones="No figura en el plan sectorial")
    assert (res["estado"], res["custodia"]) == ("devuelta_al_promotor", ONGD)
    assert [a["accion"] for a in suite.leer(numero, ONGD, "tramitador").json()["acciones_disponibles"]] == [
        "reingresar", "desistir"]
    assert suite.tramos(numero)[-1]["observaciones"] == "No figura en el plan sectorial"
    res = suite.actuar(numero, "reingresar", ONGD, date(2026, 3, 16))
    assert (res["estado"], res["custodia"]) == ("en_evaluacion_nivel", MINSA)
    suite.actuar(numero, "derivar_a_rectora", MINSA, date(2026, 3, 17), datos={"prioridad_sectorial": 2},
                 destinatario=APCI)
    res = suite.actuar(numero, "devolver_al_nivel", APCI, date(2026, 3, 18), observaciones="Precisar contrapartida")
    assert (res["estado"], res["custodia"]) == ("devuelta_al_nivel", MINSA)
    res = suite.actuar(numero, "reelevar", MINSA, date(2026, 3, 20))
    assert (res["estado"], res["custodia"]) == ("en_evaluacion_rectora", APCI)
    assert [(t["remitente"], t["destinatario"]) for t in suite.tramos(numero)] == [
        (ONGD, MINSA), (MINSA, ONGD), (ONGD, MINSA), (MINSA, APCI), (APCI, MINSA), (MINSA, APCI)]


def test_sin_custodia_403_accion_ilegal_422_y_lectura_solo_de_participantes(suite):
    numero = suite.abrir(date(2026, 3, 2))["numero"]
    r = suite.tramite.post(f"/api/v1/expedientes/{numero}/acciones/derivar_a_cancilleria",
                           json={"fecha": "2026-03-05", "destinatario": RREE}, headers=suite.cab(APCI))
    assert r.status_code == 403 and r.json()["derecho_requerido"] == "custodia del expediente"
    assert MINSA in r.json()["detail"]
    r = suite.tramite.post(f"/api/v1/expedientes/{numero}/acciones/oficializar", json={"fecha": "2026-03-05"},
                           headers=suite.cab(MINSA))
    assert r.status_code == 422 and r.json()["type"].endswith("/transicion-ilegal")
    assert r.json()["estado_actual"] == "en_evaluacion_nivel"
    assert "derivar_a_rectora" in r.json()["acciones_permitidas"] and "oficializar" not in r.json()[
        "acciones_permitidas"]
    r = suite.tramite.post(f"/api/v1/expedientes/{numero}/acciones/derivar_a_rectora",
                           json={"fecha": "2026-03-05", "destinatario": APCI, "datos": {"prioridad_sectorial": 1}},
                           headers=suite.cab(MINSA, "auditor"))
    assert r.status_code == 403
    lectura = suite.leer(numero, MINSA, "tramitador").json()
    assert lectura["custodia"] == MINSA and "derivar_a_rectora" in [a["accion"] for a in
                                                                    lectura["acciones_disponibles"]]
    r = suite.leer(numero, "MINEDU-CTI", "tramitador")
    assert r.status_code == 403 and "participacion" in r.json()["derecho_requerido"]
    assert suite.tramite.get(f"/api/v1/expedientes/{numero}/tramos",
                             headers=suite.cab("MINEDU-CTI")).status_code == 403
    assert suite.leer(numero, APCI, "tramitador").status_code == 200  # the rector reads every file
    assert suite.leer(numero, "X-1", "auditor").json()["acciones_disponibles"] == []
    assert suite.leer("2026-MINSA-000999").status_code == 404


def test_dos_actos_sobre_la_misma_version_uno_gana_y_el_otro_recibe_409(suite):
    numero = suite.abrir(date(2026, 3, 2))["numero"]
    cuerpos = [("derivar_a_rectora", MINSA, {"fecha": "2026-03-10", "destinatario": APCI,
                                             "datos": {"prioridad_sectorial": 1},
                                             "documentos": [{"tipo": "oficio", "numero": "OF-1",
                                                             "fecha": "2026-03-10"}]}),
               ("devolver_al_promotor", MINSA, {"fecha": "2026-03-10", "observaciones": "Incompleta",
                                                "documentos": [{"tipo": "oficio", "numero": "OF-2",
                                                                "fecha": "2026-03-10"}]})]
    respuestas: list = [None, None]
    barrera = threading.Barrier(2)

    def enviar(i: int) -> None:
        accion, oficina, cuerpo = cuerpos[i]
        barrera.wait()
        respuestas[i] = suite.tramite.post(f"/api/v1/expedientes/{numero}/acciones/{accion}", json=cuerpo,
                                           headers={**suite.cab(oficina), "If-Match": '"1"'})

    hilos = [threading.Thread(target=enviar, args=(i,)) for i in range(2)]
    for h in hilos:
        h.start()
    for h in hilos:
        h.join()
    assert sorted(r.status_code for r in respuestas) == [200, 409], [r.text for r in respuestas]
    perdedor = next(r for r in respuestas if r.status_code == 409)
    assert perdedor.json()["version_actual"] == 2
    ganador = next(r for r in respuestas if r.status_code == 200)
    custodia = ganador.json()["custodia"]
    r = suite.tramite.post(f"/api/v1/expedientes/{numero}/acciones/devolver_al_nivel",
                           json={"fecha": "2026-03-11", "observaciones": "x"},
                           headers={**suite.cab(APCI), "If-Match": '"1"'})
    assert r.status_code == 409  # another office acting on the stale version
    assert len(suite.tramos(numero)) == 2 and suite.leer(numero).json()["custodia"] == custodia


def test_numeracion_por_sigla_y_anio_y_catalogo_publico(suite):
    assert suite.abrir(date(2026, 3, 2), oficina="APCI-DGNI", esperado=422)["type"].endswith(
        "/datos-invalidos")  # direct presentation to the rector needs its causal
    r = suite.tramite.post("/api/v1/expedientes", headers=suite.cab(ONGD), json={
        "procedimiento": P1, "promotor": ONGD, "oficina_apertura": "APCI-DGNI", "presentado_el": "2025-12-30",
        "datos": {"titulo": "t", "unidad_ejecutora": ONGD, "causal": "sin_dependencia_sectorial"},
        "documentos": [{"tipo": "solicitud", "numero": "S-1", "fecha": "2025-12-30"}]})
    assert r.status_code == 201 and r.json()["numero"] == "2025-APCI-000001", r.text
    assert r.headers["location"] == "/api/v1/expedientes/2025-APCI-000001" and r.headers["etag"] == '"1"'
    assert suite.abrir(date(2026, 1, 5))["numero"] == "2026-MINSA-000001"
    r = suite.tramite.post("/api/v1/expedientes", headers=suite.cab(ONGD), json={
        "procedimiento": P1, "promotor": "ENTIDAD-20100000001", "oficina_apertura": MINSA,
        "presentado_el": "2026-01-05", "datos": {}, "documentos": []})
    assert r.status_code == 403  # an entity presents only its own requests
    catalogo = suite.tramite.get("/api/v1/procedimientos").json()["items"]
    p1 = next(p for p in catalogo if p["codigo"] == P1)
    assert p1["version"] == 1 and {a["nombre"] for a in p1["acciones"]} >= {"derivar_a_rectora", "oficializar"}
    assert all(a["fundamento"] for a in p1["acciones"])
