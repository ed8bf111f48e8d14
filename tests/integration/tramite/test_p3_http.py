"""P3 (scholarship candidacy, R.S. 450-84-RE ch. III) through tramite's HTTP API on SQLite and PostgreSQL: the route
MINSA -> APCI -> RREE -> source and back with the named copy to INABEC, the computed return obligation (Anexo 4;
D.S. 015-92-PCM art. 23), bad input as problem+json 422 naming the field, and the procedure in the public catalogue."""

from __future__ import annotations

from datetime import date

from services.tramite.domain.procedimientos import CATALOGO
from tests.integration.tramite.apoyo import APCI, JICA, MINSA, RREE, doc

BECA, UNIDAD = "P3-CANDIDATURA-BECA", "PROMOTOR-HOSPITAL-CUSCO"
EXPEDIENTE = CATALOGO.obtener(BECA, 1).entrada("sector").documentos


def _docs(accion: str) -> tuple[str, ...]:
    return CATALOGO.obtener(BECA, 1).accion(accion).documentos_exigidos()


def test_candidatura_de_beca_de_la_unidad_a_la_fuente_y_de_vuelta(suite):
    fecha = date(2026, 3, 3)
    cuerpo = {"procedimiento": BECA, "promotor": UNIDAD, "oficina_apertura": MINSA, "presentado_el": fecha.isoformat(),
              "regimen_promotor": "publico", "documentos": [doc(t, fecha) for t in EXPEDIENTE],
              "datos": {"candidato": "Rosa Quispe", "cargo": "enfermera", "curso": "Salud materna", "lugar": "Tokio",
                        "auspiciador": "JICA", "proyecto": "Salud materna Cusco", "proponente": "unidad_ejecutora",
                        "inicio_capacitacion": "2026-09-01", "termino_capacitacion": "2027-02-28"}}
    r = suite.tramite.post("/api/v1/expedientes", json=cuerpo, headers=suite.cab(UNIDAD))
    assert r.status_code == 201, r.text
    numero = r.json()["numero"]
    assert (r.json()["estado"], r.json()["custodia"]) == ("en_evaluacion_sectorial", MINSA)
    pasos = [
        ("presentar_a_rectora", MINSA, date(2026, 3, 5), {"fondos_nacionales_afectados": "0"}, APCI, APCI),
        ("aprobar_y_presentar_a_cancilleria", APCI, date(2026, 3, 10), {}, RREE, RREE),
        ("oficializar", RREE, date(2026, 3, 16), {}, JICA, JICA),
    ]
    for accion, oficina, dia, datos, destinatario, custodia in pasos:
        res = suite.actuar(numero, accion, oficina, dia, datos=datos, docs=_docs(accion), destinatario=destinatario)
        assert res["custodia"] == custodia, accion
    r = suite.tramite.post(f"/api/v1/expedientes/{numero}/acciones/aceptar_candidatura", headers=suite.cab(JICA),
                           json={"fecha": "2026-04-20", "destinatario": RREE, "datos": {"duracion_meses": "seis"},
                                 "documentos": [doc("comunicacion_fuente", date(2026, 4, 20))]})
    assert r.status_code == 422 and r.headers["content-type"].startswith("application/problem+json")
    assert "duracion_meses" in {e["campo"] for e in r.json()["errores"]}
    res = suite.actuar(numero, "aceptar_candidatura", JICA, date(2026, 4, 20), datos={"duracion_meses": 6},
                       docs=_docs("aceptar_candidatura"), destinatario=RREE)
    assert res["datos"]["permanencia_obligatoria_meses"] == 12  # one year for a 3-6 month course (RGL 23)
    res = suite.actuar(numero, "comunicar_aceptacion", RREE, date(2026, 4, 22), docs=_docs("comunicar_aceptacion"))
    assert (res["estado"], res["custodia"], res["terminado"]) == ("aceptacion_comunicada", APCI, True)
    t = suite.tramos(numero)
    assert [(x["remitente"], x["destinatario"]) for x in t] == [
        (UNIDAD, MINSA), (MINSA, APCI), (APCI, RREE), (RREE, JICA), (JICA, RREE), (RREE, APCI)]
    assert t[1]["cc"] == [UNIDAD] and t[2]["cc"] == [MINSA, "INABEC"] and t[3]["cc"] == [APCI]
    assert t[5]["cc"] == [UNIDAD, MINSA, "INABEC"]
    assert {"norma": "R.S. 450-84-RE", "articulo": "3.5.3.a"} in t[2]["fundamento_legal"]
    catalogo = suite.tramite.get("/api/v1/procedimientos", params={"codigo": BECA})
    assert catalogo.status_code == 200
    aceptar = next(a for a in catalogo.json()["items"][0]["acciones"] if a["nombre"] == "aceptar_candidatura")
    assert aceptar["calculos"][0]["campo"] == "permanencia_obligatoria_meses"
