"""Annual obligations through the HTTP API: renewal refused while a year's report is missing, benefits suspended when
the January obligation lapses and restored when it is cured, and every event with actor, legal basis and the RUC."""

from __future__ import annotations

from tests.integration.registro.apoyo_registro import ruc

INFORME = {"componente": "informe_anual",
           "contenido": {"intervenciones": [{"nombre": "Agua segura", "fuente_cooperante": "AECID",
                                             "monto_usd": 9000}]}}
PLAN = {"componente": "plan_anual", "contenido": {"actividades": ["Taller de gestion del agua"]}}
RENOVACION = {"documentos": ["informacion_actualizada_dos_anios", "nomina_consejo_directivo", "domicilio_legal",
                             "copia_literal_sunarp"], "fecha_copia_literal": "2026-04-01"}


def _abrir(servicio, ruc_: str, anio: int) -> str:
    r = servicio.post("/api/v1/obligaciones-anuales", "registrador",
                      {"registro": "ONGD", "ruc": ruc_, "anio": anio, "fecha": f"{anio}-01-02"})
    assert r.status_code == 201, r.text
    return r.json()["id"]


def _declarar(servicio, ruc_: str, oid: str, el: str) -> dict:
    for componente in (INFORME, PLAN):
        r = servicio.accion("obligaciones-anuales", oid, "presentar_componente", ruc_, {**componente,
                                                                                       "presentado_el": el})
        assert r.status_code == 200, r.text
    return r.json()


def test_renovacion_rechazada_mientras_falta_una_declaracion_anual(servicio):
    r10 = ruc(10)
    ins = servicio.inscrita(r10, "APCI-DOC-2024-000010", "2024-05-20", "2024-06-03")
    assert ins["vigente_hasta"] == "2026-06-02"
    _declarar(servicio, r10, _abrir(servicio, r10, 2025), "2025-01-20")
    o2026 = _abrir(servicio, r10, 2026)
    r = servicio.accion("inscripciones", ins["id"], "solicitar_renovacion", r10,
                        {**RENOVACION, "presentada_el": "2026-04-20"})
    assert r.status_code == 422 and r.json()["type"].endswith("/regla-incumplida"), r.text
    assert r.json()["anios_sin_declaracion"] == [2026] and r.json()["fundamento_legal"]["articulo"] == "75"
    tarde = _declarar(servicio, r10, o2026, "2026-04-21")  # late: omitted, then repaired in the same act
    assert tarde["estado"] == "presentada" and tarde["extemporanea"] is True
    assert servicio.get(f"/api/v1/inscripciones/{ins['id']}", r10).json()["estado"] == "vigente"
    r = servicio.accion("inscripciones", ins["id"], "solicitar_renovacion", r10,
                        {**RENOVACION, "presentada_el": "2026-04-22"})
    assert r.status_code == 200 and r.json()["estado"] == "renovacion_en_tramite", r.text
    r = servicio.accion("inscripciones", ins["id"], "aprobar_renovacion", "registrador",
                        {"resolucion": {"numero": "R.D. 77-2026-APCI/DOC", "fecha": "2026-05-05"}})
    assert r.status_code == 200 and r.json()["vigente_hasta"] == "2028-06-02", r.text


def test_beneficios_suspendidos_al_vencer_la_obligacion_de_enero_y_restituidos_al_subsanar(servicio):
    r11 = ruc(11)
    ins = servicio.inscrita(r11, "APCI-DOC-2025-000011", "2025-02-17", "2025-03-03")
    oid = _abrir(servicio, r11, 2026)
    assert servicio.vencer("2026-02-02") == 0  # 31 Jan 2026 is a Saturday: the term ends on Monday 2 Feb
    assert servicio.vencer("2026-02-10") == 1
    assert servicio.get(f"/api/v1/obligaciones-anuales/{oid}", r11).json()["estado"] == "omitida"
    estado = servicio.get(f"/api/v1/inscripciones/{ins['id']}", r11).json()
    assert estado["estado"] == "beneficios_suspendidos" and not estado["tiene_beneficios"]
    assert list(estado["suspensiones"]) == [oid]
    fila = servicio.esperar(lambda: [f for f in servicio.publico(ruc=r11) if f["beneficios_suspendidos"]])
    assert fila[0]["estado"] == "beneficios_suspendidos"
    _declarar(servicio, r11, oid, "2026-03-02")
    estado = servicio.get(f"/api/v1/inscripciones/{ins['id']}", r11).json()
    assert estado["estado"] == "vigente" and estado["suspensiones"] == {} and estado["tiene_beneficios"]
    servicio.esperar(lambda: not servicio.publico(ruc=r11)[0]["beneficios_suspendidos"], mensaje="restituida")
    eventos = servicio.eventos(r11)
    tipos = [e["tipo"] for e in eventos]
    assert tipos.count("BeneficiosSuspendidos") == 1 and tipos.count("BeneficiosRestituidos") == 1
    suspension = next(e for e in eventos if e["tipo"] == "BeneficiosSuspendidos")
    assert suspension["sobre"]["actor"]["oficina"] == "SISTEMA" and suspension["sobre"]["fecha_negocio"] == "2026-02-03"
    for e in eventos:  # every event: who, on what legal basis, for which entity
        assert e["sobre"]["correlacion"] == r11, e["tipo"]
        assert e["sobre"]["actor"]["persona"] and e["sobre"]["actor"]["oficina"], e["tipo"]
        assert e["sobre"]["fundamento_legal"], e["tipo"]
    assert {"SolicitudInscripcionPresentada", "InscripcionActivaIndexada", "InscripcionAprobada",
            "PeriodoDeclaracionAbierto", "ObligacionAnualVencida", "OmisionReparada"} <= set(tipos)


def test_la_declaracion_observada_se_subsana_y_se_valida(servicio):
    r12 = ruc(12)
    servicio.inscrita(r12, "APCI-DOC-2025-000012", "2025-02-17", "2025-03-03")
    oid = _abrir(servicio, r12, 2026)
    _declarar(servicio, r12, oid, "2026-01-20")
    r = servicio.accion("obligaciones-anuales", oid, "notificar_inconsistencias", "registrador",
                        {"inconsistencias": ["montos no cuadran"], "notificada_el": "2026-02-10"})
    assert r.status_code == 200 and r.json()["estado"] == "en_subsanacion"
    r = servicio.accion("obligaciones-anuales", oid, "subsanar", r12,
                        {"correcciones": {"monto_usd": 9500}, "subsanada_el": "2026-02-12"})
    assert r.status_code == 200 and r.json()["estado"] == "presentada"
    r = servicio.accion("obligaciones-anuales", oid, "validar", "registrador", {"fecha": "2026-02-13"})
    assert r.status_code == 200 and r.json()["estado"] == "validada"
    r = servicio.accion("obligaciones-anuales", oid, "validar", "registrador", {"fecha": "2026-02-14"})
    assert r.status_code == 422 and r.json()["estado_actual"] == "validada" and r.json()["acciones_permitidas"] == []
