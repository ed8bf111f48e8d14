"""Read models: the public registry searched anonymously (RUC, name without case or accents, cursor pages), the
experts registry, and every read model dropped and rebuilt from the event log with identical rows."""

from __future__ import annotations

from sqlalchemy import select

from services.registro.lecturas import constancias, expertos, obligaciones, plazos, registro_publico
from shared.lecturas.motor import crear_motor
from tests.integration.registro.apoyo_registro import ruc, solicitud

EXPERTO = {"tipo": "experto", "intervencion": "INT-1", "datos": {
    "nombre": "Anna Muller", "documento_identidad": "P12345678", "nacionalidad": "DE", "profesion": "Hidrologa",
    "fuente_cooperante": "GIZ", "experiencia_anios": 9, "idiomas": ["es", "de"]},
    "fecha_ingreso": "2026-10-01", "inicio_servicio": "2026-10-15", "fin_servicio": "2027-10-14",
    "contraparte": {"nombre": "Luis Rojas"}}


def _volcado(motor) -> dict[str, list]:
    with motor.connect() as c:
        return {t.name: sorted(tuple(map(str, f)) for f in c.execute(select(t)))
                for t in (registro_publico, obligaciones, expertos, constancias, plazos)}


def _experto(servicio, r: str) -> str:
    ex = servicio.post("/api/v1/expertos", r, {**EXPERTO, "ruc_unidad_ejecutora": r})
    assert ex.status_code == 201, ex.text
    eid = ex.json()["id"]
    for accion, quien, cuerpo in (("presentar_oficialmente", r, {"presentada_el": "2026-10-05"}),
                                  ("inscribir", "registrador", {"numero_registro": "REV-2026-000001",
                                                                "inscrito_el": "2026-10-08"})):
        assert servicio.accion("expertos", eid, accion, quien, cuerpo).status_code == 200
    return eid


def test_registro_publico_anonimo_por_ruc_y_por_nombre_con_paginas(servicio):
    rucs = [ruc(30 + i) for i in range(3)]
    for i, r in enumerate(rucs):
        servicio.inscrita(r, f"APCI-DOC-2026-00003{i}", "2026-03-02", "2026-03-10")
    pendiente = ruc(40)
    servicio.presentar(solicitud(pendiente, "APCI-DOC-2026-000040", "2026-03-02"))
    servicio.esperar(lambda: len(servicio.publico("registrador")) == 4, mensaje="proyectadas")
    assert [f["ruc"] for f in servicio.publico(ruc=rucs[1])] == [rucs[1]]
    assert servicio.publico(ruc=pendiente) == []  # an application in procedure is not public
    assert [f["ruc"] for f in servicio.publico("registrador", ruc=pendiente)] == [pendiente]
    encontrados = servicio.publico(nombre=f"andina NUNOA {rucs[2][-4:]}")  # stored as "Asociación Andina Ñuñoa"
    assert [f["ruc"] for f in encontrados] == [rucs[2]]
    assert encontrados[0]["razon_social"].startswith("Asociación Andina Ñuñoa")
    assert {f["ruc"] for f in servicio.publico(nombre="ÑUÑOA", registro="ONGD", departamento="Cusco")} == set(rucs)
    pagina = servicio.get("/api/v1/registros/publico", params={"limite": 2}).json()
    resto = servicio.get("/api/v1/registros/publico", params={"limite": 2, "cursor": pagina["siguiente"]}).json()
    assert [f["ruc"] for f in pagina["items"] + resto["items"]] == sorted(rucs) and resto["siguiente"] is None
    entidad = servicio.get(f"/api/v1/entidades/{rucs[0]}").json()
    assert entidad["ruc"] == rucs[0] and entidad["inscripciones"][0]["estado"] == "vigente"
    assert servicio.get(f"/api/v1/entidades/{ruc(99)}").status_code == 404


def test_modelos_de_lectura_reconstruidos_identicos(servicio, database_url):
    r1, r2, r3 = ruc(50), ruc(51), ruc(52)
    servicio.inscrita(r1, "APCI-DOC-2025-000050", "2025-02-17", "2025-03-03")
    servicio.presentar(solicitud(r2, "APCI-DOC-2026-000051", "2026-03-02", faltan=("domicilio_legal",)))
    ins3 = servicio.inscrita(r3, "APCI-DOC-2026-000052", "2026-03-02", "2026-03-10")
    servicio.accion("inscripciones", ins3["id"], "renunciar", r3, {"fecha": "2026-05-01"})
    assert servicio.post("/api/v1/obligaciones-anuales", "registrador",
                         {"registro": "ONGD", "ruc": r1, "anio": 2026, "fecha": "2026-01-02"}).status_code == 201
    servicio.vencer("2026-02-10")
    _experto(servicio, r1)
    motor = crear_motor(database_url)
    servicio.esperar(lambda: len(servicio.get("/api/v1/registros/expertos").json()["items"]) == 1)
    antes = _volcado(motor)
    assert len(antes["registro_publico"]) == 3 and len(antes["constancias"]) == 2 and antes["plazos_registro"]
    r = servicio.post("/operaciones/lecturas/reconstruir", "admin")
    assert r.status_code == 200 and r.json()["eventos_aplicados"] > 10
    assert _volcado(motor) == antes
    experto = servicio.get("/api/v1/registros/expertos", params={"ruc_unidad_ejecutora": r1}).json()["items"][0]
    assert experto["estado"] == "registrado" and experto["numero_registro"] == "REV-2026-000001"
    motor.dispose()
