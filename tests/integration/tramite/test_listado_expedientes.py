"""``GET /api/v1/expedientes`` through tramite's HTTP API on SQLite and PostgreSQL: every filter against files whose
state the test drove, access as on a single file (an office lists only files it took part in; APCI, the Foreign
Ministry and auditors list all), keyset pagination that neither skips nor repeats while files are opened between
pages, 422 problem+json naming each bad parameter, the ``extemporaneo`` marker of a semi-annual report presented
after its 30 business days (R.S. 450-84-RE §5.5.1.g), and the same list after the read models are rebuilt."""

from __future__ import annotations

import base64
import json
from datetime import date
from typing import Any

from services.tramite.proyecciones import bandeja, participantes, plazos
from tests.integration.tramite.apoyo import APCI, MINSA, ONGD, RREE, doc

MINEDU, UGEL = "MINEDU-CTI", "PROMOTOR-UGEL-PUNO"
P1, P5B = "P1-SOLICITUD-CTI", "P5-INFORME-AVANCE"
PROBLEMA = "application/problem+json"
ADMIN = ("APCI-DE", "administrador")


def _lista(suite, como: tuple[str, ...] = ADMIN, **params: Any) -> dict[str, Any]:
    """The list as the office ``como[0]`` with roles ``como[1:]`` sees it (query parameters as given)."""
    r = suite.tramite.get("/api/v1/expedientes", params=params, headers=suite.cab(*como))
    assert r.status_code == 200, r.text
    return r.json()


def _numeros(suite, como: tuple[str, ...] = ADMIN, **params: Any) -> set[str]:
    return {e["numero"] for e in _lista(suite, como, limite=500, **params)["items"]}


def _cursor(datos: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(datos).encode()).decode()


def _informe(suite, presentado: date, fin_semestre: date) -> dict[str, Any]:
    cuerpo = {"procedimiento": P5B, "promotor": ONGD, "oficina_apertura": MINSA,
              "presentado_el": presentado.isoformat(),
              "datos": {"proyecto": "Agua segura en Piura", "numero_informe": "1",
                        "fin_semestre": fin_semestre.isoformat()},
              "documentos": [doc("informe_avance", presentado)]}
    r = suite.tramite.post("/api/v1/expedientes", json=cuerpo, headers=suite.cab(ONGD))
    assert r.status_code == 201, r.text
    return r.json()


def _sembrar(suite) -> dict[str, str]:
    a = suite.abrir(date(2026, 3, 2), titulo="Salud materna en Cusco")["numero"]
    suite.actuar(a, "derivar_a_rectora", MINSA, date(2026, 3, 10), datos={"prioridad_sectorial": 1}, destinatario=APCI)
    b = suite.abrir(date(2026, 4, 6), promotor=UGEL, oficina=MINEDU, regimen="publico",
                    titulo="Escuelas rurales en Puno")["numero"]
    suite.actuar(b, "devolver_al_promotor", MINEDU, date(2026, 4, 13), observaciones="Falta el perfil")
    suite.actuar(b, "desistir", UGEL, date(2026, 4, 20))
    c = suite.abrir(date(2026, 7, 1), titulo="Agua segura en Piura")["numero"]  # 30-day silence: 31 July
    # semester ended 30 June 2026: 30 business days end on 17 August (23, 28, 29 July and 6 August are holidays)
    d = _informe(suite, date(2026, 8, 18), date(2026, 6, 30))
    e = _informe(suite, date(2026, 8, 17), date(2026, 6, 30))
    return {"a": a, "b": b, "c": c, "d": d["numero"], "e": e["numero"], "tardio": d, "a_tiempo": e}


def test_filtros_acceso_extemporaneo_y_reconstruccion(suite):
    x = _sembrar(suite)
    a, b, c, d, e = (x[k] for k in "abcde")
    todos = {a, b, c, d, e}

    # the late report is received, judged at presentation and marked; the one on the last day is in time
    tardio = x["tardio"]
    assert (tardio["estado"], tardio["custodia"], tardio["extemporaneo"]) == ("en_evaluacion_sectorial", MINSA, True)
    juicio = next(p for p in tardio["plazos_concluidos"] if p["codigo"] == "presentacion_informe_avance")
    assert (juicio["vence_el"], juicio["cumplimiento"], juicio["estado"]) == ("2026-08-17", "tardio", "cumplido")
    assert {"norma": "R.S. 450-84-RE", "articulo": "5.5.1.g"} in juicio["fundamento_legal"]
    assert tardio["plazos_abiertos"] == [] and x["a_tiempo"]["extemporaneo"] is False
    assert suite.leer(d).json()["extemporaneo"] is True  # as stored, not only as answered

    # each filter, as an administrator (reads everything)
    assert _numeros(suite) == todos
    assert _numeros(suite, procedimiento=P5B) == {d, e}
    assert _numeros(suite, procedimiento=P1, oficina=MINSA) == {c}
    assert _numeros(suite, estado="en_evaluacion_rectora") == {a}
    assert _numeros(suite, procedimiento=P1, estado="desistida") == {b}
    assert _numeros(suite, promotor=UGEL) == {b}
    assert _numeros(suite, oficina=APCI) == {a}
    assert _numeros(suite, oficina=MINSA) == {c, d, e}
    assert _numeros(suite, participante=MINSA) == {a, c, d, e}
    assert _numeros(suite, participante=APCI) == {a}
    assert _numeros(suite, presentado_desde="2026-04-01", presentado_hasta="2026-07-31") == {b, c}
    assert _numeros(suite, presentado_desde="2026-08-17", presentado_hasta="2026-08-17") == {e}
    assert _numeros(suite, extemporaneo="true") == {d}
    assert _numeros(suite, extemporaneo="false") == todos - {d}
    assert _numeros(suite, terminado="true") == {b}
    assert _numeros(suite, terminado="false") == todos - {b}
    assert _numeros(suite, numero="2026-MINSA-") == {a, c, d, e}
    assert _numeros(suite, numero="2026-MINEDU") == {b}
    assert _numeros(suite, texto="salud MATERNA") == {a}
    assert _numeros(suite, texto="puno") == {b}
    assert _numeros(suite, texto="agua segura") == {c, d, e}
    assert _numeros(suite, texto="%%") == set()  # wildcards are searched as text, not as patterns
    assert _numeros(suite, texto="a_u") == set()

    # overdue on a given day: the 30-day silence of c ends on 31 July, so it is overdue from 1 August
    assert c not in _numeros(suite, vencidos="true", hoy="2026-07-31")
    assert c in _numeros(suite, vencidos="true", hoy="2026-08-01")
    vista = {e_["numero"]: e_ for e_ in _lista(suite, limite=500, hoy="2026-08-01")["items"]}
    esperados = {n for n in todos
                 if (p := suite.leer(n).json()["proximo_vencimiento"]) and date.fromisoformat(p) < date(2026, 8, 1)}
    assert _numeros(suite, vencidos="true", hoy="2026-08-01") == esperados == {n for n, v in vista.items()
                                                                               if v["vencido"]}
    assert _numeros(suite, vencidos="false", hoy="2026-08-01") == todos - esperados
    assert vista[c]["dias_para_vencer"] == -1 and vista[d]["proximo_vencimiento"] is None
    assert vista[a]["custodia"] == APCI and vista[a]["resumen"].startswith("Salud materna en Cusco")
    assert vista[a]["version"] == suite.leer(a).json()["version"] == 2

    # access mirrors GET /expedientes/{numero}: participation, or APCI / Foreign Ministry / auditor
    assert _numeros(suite, (MINSA, "tramitador")) == {a, c, d, e}
    assert _numeros(suite, (MINEDU, "tramitador")) == {b}
    assert _numeros(suite, (MINEDU, "tramitador"), oficina=MINSA) == set()  # not another office's files
    assert _numeros(suite, (MINEDU, "tramitador"), participante=MINSA) == set()
    assert _numeros(suite, ("MINEM-CTI", "tramitador")) == set()
    assert _numeros(suite, (ONGD, "entidad")) == {a, c, d, e}
    assert _numeros(suite, (UGEL, "entidad")) == {b}
    assert _numeros(suite, (APCI, "tramitador")) == todos
    assert _numeros(suite, (RREE, "tramitador")) == todos
    assert _numeros(suite, ("CONTRALORIA", "auditor")) == todos
    assert suite.leer(b, MINSA, "tramitador").status_code == 403  # the same rule as the single read
    r = suite.tramite.get("/api/v1/expedientes")
    assert r.status_code == 401 and r.headers["content-type"].startswith(PROBLEMA)

    # the in-tray shows the marker too
    en_minsa = {f["numero"]: f for f in suite.tramite.get("/api/v1/bandeja", params={"hoy": "2026-08-20"},
                                                          headers=suite.cab(MINSA)).json()["items"]}
    assert en_minsa[d]["extemporaneo"] is True and en_minsa[e]["extemporaneo"] is False

    # the read models rebuilt from the log give the same rows and the same list
    antes = suite.filas(bandeja), suite.filas(participantes), suite.filas(plazos)
    lista_antes = _lista(suite, limite=500, hoy="2026-08-01", orden="numero")
    r = suite.tramite.post("/operaciones/lecturas/reconstruir", headers=suite.cab("APCI-DE", "administrador"))
    assert r.status_code == 200 and r.json()["eventos_aplicados"] >= 9
    assert (suite.filas(bandeja), suite.filas(participantes), suite.filas(plazos)) == antes
    assert _lista(suite, limite=500, hoy="2026-08-01", orden="numero") == lista_antes
    assert len(antes[0]) == 5 and {f["oficina"] for f in antes[1]} == {ONGD, UGEL, MINSA, MINEDU, APCI}


def test_paginacion_por_cursor_estable_y_parametros_invalidos(suite):
    fechas = [date(2026, 3, 2), date(2026, 3, 2), date(2026, 3, 9), date(2026, 5, 4), date(2026, 6, 1)]
    numeros = [suite.abrir(f, titulo=f"Proyecto {i}")["numero"] for i, f in enumerate(fechas)]

    def paginas(**params: Any) -> list[list[str]]:
        salida, cursor = [], None
        while True:
            pagina = _lista(suite, limite=2, **params, **({"cursor": cursor} if cursor else {}))
            salida.append([e["numero"] for e in pagina["items"]])
            cursor = pagina["siguiente"]
            if cursor is None:
                return salida

    assert paginas(orden="numero") == [numeros[0:2], numeros[2:4], numeros[4:]]
    assert paginas(orden="-numero") == [numeros[4:2:-1], numeros[2:0:-1], numeros[0:1]]
    # newest first by default; the two files of 2 March tie on the date and break by number, descending
    assert paginas() == [[numeros[4], numeros[3]], [numeros[2], numeros[1]], [numeros[0]]]
    assert _lista(suite, orden="presentado_el", limite=500)["items"][0]["numero"] == numeros[0]

    # files opened between pages: the next page starts exactly after the last row read
    primera = _lista(suite, limite=2, orden="presentado_el")
    assert [e["numero"] for e in primera["items"]] == numeros[0:2]
    antiguo = suite.abrir(date(2026, 1, 5), titulo="Anterior")["numero"]  # sorts before the cursor: not shown
    nuevo = suite.abrir(date(2026, 7, 1), titulo="Posterior")["numero"]  # sorts after: shown at the end
    resto, cursor = [], primera["siguiente"]
    while cursor:
        pagina = _lista(suite, limite=2, orden="presentado_el", cursor=cursor)
        resto += [e["numero"] for e in pagina["items"]]
        cursor = pagina["siguiente"]
    assert resto == [*numeros[2:], nuevo] and antiguo not in resto

    # bad parameters: 422 problem+json naming each one, never a 500 nor an empty page hiding a typo
    otro_orden = _lista(suite, limite=1, orden="numero")["siguiente"]
    malos = [
        ({"procedimiento": "P9-NO-EXISTE"}, "query.procedimiento"),
        ({"estado": "aprobadisimo"}, "query.estado"),
        ({"procedimiento": P5B, "estado": "favorable_por_silencio"}, "query.estado"),  # a state of P1 only
        ({"presentado_desde": "2026-05-01", "presentado_hasta": "2026-04-30"}, "query.presentado_hasta"),
        ({"presentado_desde": "2026-13-01"}, "query.presentado_desde"),
        ({"vencidos": "quizas"}, "query.vencidos"),
        ({"extemporaneo": "talvez"}, "query.extemporaneo"),
        ({"limite": "0"}, "query.limite"),
        ({"limite": "501"}, "query.limite"),
        ({"orden": "titulo"}, "query.orden"),
        ({"numero": "2026%"}, "query.numero"),
        ({"oficina": "minsa cti"}, "query.oficina"),
        ({"texto": "a"}, "query.texto"),
        ({"texto": "ab\x00c"}, "query.texto"),  # a NUL would be a database error on PostgreSQL: refused first
        ({"hoy": "ayer"}, "query.hoy"),
        ({"cursor": "no-es-un-cursor"}, "query.cursor"),
        ({"cursor": "eyJvIjoibnVtZXJvIn0"}, "query.cursor"),  # valid base64 JSON without the row's keys
        ({"cursor": otro_orden, "orden": "-presentado_el"}, "query.cursor"),  # a cursor of another sort order
        ({"cursor": _cursor({"o": "numero", "v": "2026-MINSA-000001\x00", "n": "2026-MINSA-000001\x00"}),
          "orden": "numero"}, "query.cursor"),
    ]
    for params, campo in malos:
        r = suite.tramite.get("/api/v1/expedientes", params=params, headers=suite.cab("APCI-DE", "administrador"))
        assert r.status_code == 422, (params, r.text)
        assert r.headers["content-type"].startswith(PROBLEMA)
        assert campo in [err["campo"] for err in r.json()["errores"]], (params, r.json())
