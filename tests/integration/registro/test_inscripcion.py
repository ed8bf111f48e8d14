"""The registration procedure through the HTTP API, on SQLite and PostgreSQL with real NATS: filing with documents to
approval, observation and cure (restarting the silence term), positive silence, uniqueness per RUC and registry,
illegal transitions, roles, and the constancia with its verification code."""

from __future__ import annotations

from tests.integration.registro.apoyo_registro import ruc, solicitud

ADJUNTO = {"tipo": "solicitud_inscripcion", "dms_id": "DMS-2026-0001", "sha256": "ab" * 32}


def test_presentacion_con_documentos_hasta_la_aprobacion(servicio):
    r1 = ruc(1)
    ins = servicio.presentar(solicitud(r1, "APCI-DOC-2026-000001", "2026-03-02", adjuntos=[ADJUNTO]))
    assert ins["estado"] == "presentada" and ins["silencio_vence_el"] == "2026-04-01"
    r = servicio.get(f"/api/v1/inscripciones/{ins['id']}", "registrador")
    assert r.status_code == 200 and r.headers["etag"] == '"1"'
    assert {a["accion"] for a in r.json()["acciones_disponibles"]} == {"observar", "aprobar", "denegar"}
    r = servicio.accion("inscripciones", ins["id"], "aprobar", "registrador",
                        {"resolucion": {"numero": "R.D. N. 00010-2026-APCI/DOC", "fecha": "2026-03-20"}},
                        headers={"If-Match": '"1"'})
    assert r.status_code == 200, r.text
    assert r.json()["estado"] == "vigente" and r.json()["vigente_hasta"] == "2028-03-19"
    eventos = servicio.eventos(r1)
    presentada = next(e for e in eventos if e["tipo"] == "SolicitudInscripcionPresentada")
    assert ADJUNTO in presentada["sobre"]["documentos"]
    assert presentada["sobre"]["fecha_negocio"] == "2026-03-02"
    fila = servicio.esperar(lambda: servicio.publico(ruc=r1), mensaje="registro publico")[0]
    assert fila["estado"] == "vigente" and fila["numero_registro"] == f"APCI-ONGD-{r1}"
    assert fila["departamento"] == "Cusco" and fila["beneficios_suspendidos"] is False
    antes = servicio.get(f"/api/v1/inscripciones/{ins['id']}", "registrador", params={"a_la_fecha": "2026-03-10"})
    assert antes.json()["estado"] == "presentada" and antes.headers["etag"] == '"1"'

    html = servicio.get(f"/api/v1/inscripciones/{ins['id']}/constancia")
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
    codigo = html.text.split('<strong id="codigo">')[1].split("<")[0]
    verificada = servicio.esperar(lambda: servicio.get(f"/api/v1/registros/constancias/{codigo}").json()
                                  if servicio.get(f"/api/v1/registros/constancias/{codigo}").status_code == 200
                                  else None, mensaje="constancia en el modelo de lectura")
    assert verificada["autentica"] and verificada["ruc"] == r1 and verificada["via"] == "resolucion"
    assert verificada["vigente_hasta"] == "2028-03-19" and verificada["es_la_ultima"]
    assert servicio.get("/api/v1/registros/constancias/AAAAA-BBBBB-CCCCC-DDDDD").status_code == 404


def test_subsanacion_reinicia_el_plazo_y_luego_opera_el_silencio_positivo(servicio):
    r2 = ruc(2)
    ins = servicio.presentar(solicitud(r2, "APCI-DOC-2026-000002", "2026-03-02", faltan=("domicilio_legal",)))
    assert ins["omisiones_detectadas"] == ["domicilio_legal"]
    iid = ins["id"]
    r = servicio.accion("inscripciones", iid, "aprobar", "registrador",
                        {"resolucion": {"numero": "R.D. 1", "fecha": "2026-03-04"}})
    assert r.status_code == 422 and "domicilio_legal" in r.json()["detail"]  # incomplete: notify first
    r = servicio.accion("inscripciones", iid, "observar", "registrador",
                        {"omisiones": ["domicilio_legal"], "notificada_el": "2026-03-05"})
    assert r.status_code == 200 and r.json()["subsanacion_vence_el"] == "2026-03-20"
    r = servicio.accion("inscripciones", iid, "subsanar", r2,
                        {"documentos": ["domicilio_legal"], "subsanada_el": "2026-03-10"})
    assert r.status_code == 200 and r.json()["estado"] == "presentada"
    assert r.json()["silencio_vence_el"] == "2026-04-09"  # 30 calendar days from the cure, not from the filing
    servicio.vencer("2026-04-05")  # past the first term (2026-04-01): the cure restarted it
    assert servicio.get(f"/api/v1/inscripciones/{iid}", r2).json()["estado"] == "presentada"
    servicio.vencer("2026-04-09")  # the last day of the term: APCI may still decide
    assert servicio.get(f"/api/v1/inscripciones/{iid}", r2).json()["estado"] == "presentada"
    assert servicio.vencer("2026-04-10") == 1
    estado = servicio.get(f"/api/v1/inscripciones/{iid}", r2).json()
    assert estado["estado"] == "vigente" and estado["via"] == "silencio_positivo"
    assert estado["vigente_desde"] == "2026-04-10" and estado["certificado_silencio"]["numero"]
    assert servicio.vencer("2026-04-10") == 0  # idempotent
    silencio = next(e for e in servicio.eventos(r2) if e["tipo"] == "SilencioPositivoOperado")
    assert silencio["sobre"]["fecha_negocio"] == "2026-04-10" and silencio["sobre"]["actor"]["persona"] == "sistema"
    r = servicio.accion("inscripciones", iid, "denegar", "registrador",
                        {"requisitos_incumplidos": ["domicilio_legal"], "notificada_el": "2026-04-11",
                         "resolucion": {"numero": "R.D. 2", "fecha": "2026-04-11"}})
    assert r.status_code == 422 and r.json()["estado_actual"] == "vigente"
    html = servicio.get(f"/api/v1/inscripciones/{iid}/constancia").text
    assert "silencio administrativo positivo" in html


def test_segunda_inscripcion_activa_del_mismo_ruc_en_el_mismo_registro_es_409(servicio):
    r3 = ruc(3)
    servicio.presentar(solicitud(r3, "APCI-DOC-2026-000003", "2026-03-02"))
    r = servicio.post("/api/v1/inscripciones", r3, solicitud(r3, "APCI-DOC-2026-000004", "2026-03-03"))
    assert r.status_code == 409 and r.json()["type"].endswith("/duplicado")
    assert r.json()["expediente"] == "APCI-DOC-2026-000003"
    otro = servicio.post("/api/v1/inscripciones", r3, {**solicitud(r3, "APCI-DOC-2026-000005", "2026-03-03"),
                                                       "registro": "IPREDA", "documentos": [
        "estatutos_sin_fines_de_lucro", "copia_literal_sunarp", "nomina_consejo_directivo",
        "actividades_asistenciales_educativas", "domicilio_legal"]})
    assert otro.status_code == 201, otro.text  # another registry is another entry


def test_transicion_ilegal_es_422_con_el_estado_y_las_acciones_permitidas(servicio):
    r4 = ruc(4)
    ins = servicio.inscrita(r4, "APCI-DOC-2026-000006", "2026-03-02", "2026-03-10")
    r = servicio.accion("inscripciones", ins["id"], "aprobar", "registrador",
                        {"resolucion": {"numero": "R.D. 9", "fecha": "2026-03-12"}})
    cuerpo = r.json()
    assert r.status_code == 422 and cuerpo["type"].endswith("/transicion-ilegal")
    assert cuerpo["estado_actual"] == "vigente"
    assert {"renunciar", "solicitar_renovacion", "suspender_beneficios"} <= set(cuerpo["acciones_permitidas"])
    r = servicio.accion("inscripciones", ins["id"], "renunciar", r4, headers={"If-Match": '"1"'})
    assert r.status_code == 409 and r.json()["version_actual"] == 2


def test_roles_solicitante_registrador_director_auditor_y_publico(servicio):
    r5, r6 = ruc(5), ruc(6)
    ins = servicio.presentar(solicitud(r5, "APCI-DOC-2026-000007", "2026-03-02"))
    iid = ins["id"]
    ajeno = servicio.post("/api/v1/inscripciones", r6, solicitud(r5, "APCI-DOC-2026-000008", "2026-03-02"))
    assert ajeno.status_code == 403 and ajeno.json()["derecho_requerido"] == f"entidad@ENTIDAD-{r5}"
    assert servicio.get(f"/api/v1/inscripciones/{iid}", r6).status_code == 403
    assert servicio.get(f"/api/v1/inscripciones/{iid}", "otro").status_code == 403
    assert servicio.get(f"/api/v1/inscripciones/{iid}").status_code == 401
    assert servicio.get(f"/api/v1/inscripciones/{iid}", "auditor").status_code == 200
    assert servicio.get(f"/api/v1/inscripciones/{iid}", "auditor").json()["acciones_disponibles"] == []
    denegar = {"requisitos_incumplidos": ["domicilio_legal"], "notificada_el": "2026-03-12",
               "resolucion": {"numero": "R.D. 3", "fecha": "2026-03-10"}}
    r = servicio.accion("inscripciones", iid, "denegar", "auditor", denegar)
    assert r.status_code == 403 and "auditor" not in r.json()["derecho_requerido"]
    assert servicio.accion("inscripciones", iid, "denegar", r5, denegar).status_code == 403
    presuncion = {**denegar, "motivo": "presuncion_de_ilegalidad"}
    assert servicio.accion("inscripciones", iid, "denegar", "registrador", presuncion).status_code == 422
    assert servicio.accion("inscripciones", iid, "denegar", "registrador", denegar).status_code == 200
    apelar = {"fundamentos": "El domicilio legal consta en el expediente.", "fecha": "2026-03-20"}
    assert servicio.accion("inscripciones", iid, "interponer_apelacion", r5, apelar).status_code == 200
    resolver = {"fundada": True, "resolucion": {"numero": "R.D.E. 5-2026-APCI/DE", "fecha": "2026-04-01"}}
    r = servicio.accion("inscripciones", iid, "resolver_apelacion", "registrador", resolver)
    assert r.status_code == 403 and r.json()["derecho_requerido"] == "director_ejecutivo@APCI-DE"
    r = servicio.accion("inscripciones", iid, "resolver_apelacion", "director", resolver)
    assert r.status_code == 200 and r.json()["estado"] == "vigente" and r.json()["via"] == "apelacion"


def test_datos_invalidos_son_422_nombrando_el_campo(servicio):
    def campos(cuerpo: dict, quien: str) -> list[str]:
        r = servicio.post("/api/v1/inscripciones", quien, cuerpo)
        assert r.status_code == 422, r.text
        return [e["campo"] for e in r.json()["errores"]]

    r7 = ruc(7)
    mal_digito = r7[:-1] + str((int(r7[-1]) + 1) % 10)
    assert campos(solicitud(mal_digito, "E-1", "2026-03-02"), mal_digito) == ["ruc"]
    assert campos(solicitud(r7, "E-1", "2026-03-02", ubigeo="269901"), r7) == ["ubigeo"]
    assert campos(solicitud(r7, "E-1", "2999-03-02"), r7) == ["presentada_el"]
    assert campos({**solicitud(r7, "E-1", "2026-03-02"), "presentada_el": "no-es-fecha"}, r7) == ["body.presentada_el"]
    assert servicio.get("/api/v1/entidades/20100047219").json()["errores"][0]["campo"] == "ruc"
