"""The document-management integration wired into the suite, against a real Mayan EDMS (started once per module).

Inbound: a document filed in Mayan under a file number shows in the file's history with its SHA-256 (poller), a
signed webhook attaches it once however often it is delivered, a forged or stale one is refused with 401 and changes
nothing. Outbound: a resolution an act produces lands in Mayan byte-identical, its reference in the act's event
matches Mayan's checksum; subscribers get every event in order after an outage, a failing one ends in the
dead-letter list and is re-driven through the gateway. Verification names the document and act whose file changed.
"""

from __future__ import annotations

import base64
import time
import uuid
from datetime import timedelta

import pytest

from shared.documentos.mayan import AdaptadorMayan
from shared.documentos.mayan_api import ClienteMayan
from shared.documentos.puerto import CAMPO_EXPEDIENTE, CAMPO_FECHA, CAMPO_NUMERO
from shared.programador import hoy_en_lima
from tests.infra.mayan import ServidorMayan
from tests.infra.nats import ServidorNats
from tests.integration.apoyo import esperar
from tests.integration.dms.sistema import MINSA, Sistema, sha
from tests.integration.dms.receptor import Receptor
from tests.integration.test_mayan import pdf_minimo

pytestmark = pytest.mark.timeout(900)  # a cold machine installs Mayan inside the first test's setup


@pytest.fixture(scope="module")
def mayan():
    with ServidorMayan() as servidor:
        print(f"\nMayan: preparacion {servidor.tiempos_preparacion}, arranque {servidor.segundos_arranque:.1f} s")
        yield servidor


@pytest.fixture(scope="module")
def sistema(mayan, claves, emisor, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("dms")
    (tmp / "nats").mkdir()
    with ServidorNats(store_dir=str(tmp / "nats")) as nats, Sistema(mayan, nats.url, claves, emisor, tmp) as s:
        yield s


@pytest.fixture(scope="module")
def oficina_mayan(mayan):
    """A clerk of an office filing documents in Mayan with its own client (not the suite's)."""
    cliente = ClienteMayan(mayan.url, mayan.token, trust_env=False)
    yield AdaptadorMayan(cliente)
    cliente.cerrar()


def _en_historial(sistema, numero: str, tipo: str, dms_id: str) -> list[dict]:
    return [e for e in sistema.historial(numero) if e["tipo"] == tipo
            and any(d.get("dms_id") == dms_id for d in e["sobre"]["documentos"])]


def test_documento_cargado_en_mayan_aparece_en_el_historial_con_su_sha256(sistema, oficina_mayan, mayan):
    numero = sistema.abrir_p1()
    contenido = pdf_minimo(f"Oficio 0456-2026-MINSA/OGCTI {numero}")
    ref = oficina_mayan.registrar(contenido, "OF-0456-2026.pdf", "oficio",
                                  {CAMPO_EXPEDIENTE: numero, CAMPO_NUMERO: "OF-0456-2026", CAMPO_FECHA: "2026-03-10"})
    inicio = time.monotonic()
    esperar(lambda: _en_historial(sistema, numero, "DocumentoIncorporado", ref.dms_id), 20,
            "el documento llega al historial del expediente")
    print(f"\nMayan -> historial del gateway: {time.monotonic() - inicio:.2f} s")
    evento = _en_historial(sistema, numero, "DocumentoIncorporado", ref.dms_id)[0]
    assert evento["sobre"]["documentos"] == [ref.a_dict()] and ref.sha256 == sha(contenido)
    assert evento["datos"]["referencia"]["sha256"] == sha(contenido)
    assert evento["datos"]["registrado_por"] == mayan.usuario
    assert evento["sobre"]["correlacion"] == numero and evento["sobre"]["causacion"].startswith("mayan:")
    sistema.rondas(3)  # more polls, the metadata event, the download events: still attached once
    assert len(sistema.incorporados(numero, ref.dms_id)) == 1


def test_la_misma_notificacion_dos_veces_incorpora_una_sola_vez(sistema, oficina_mayan):
    numero = sistema.abrir_p1()
    sistema.sondeo.intervalo = 3600  # hold the poller so the webhook is the path that attaches
    sistema.rondas(1)
    try:
        ref = oficina_mayan.registrar(pdf_minimo("Informe tecnico 12"), "IT-12.pdf", "informe_tecnico",
                                      {CAMPO_EXPEDIENTE: numero})
        cuerpo, evento_id = {"dms_id": ref.dms_id, "version": ref.version}, f"mayan-hook-{uuid.uuid4().hex}"
        primera = sistema.notificar(evento_id, cuerpo)
        assert primera.status_code == 200, primera.text
        assert primera.json()["incorporado"] and primera.json()["numero"] == numero
        assert primera.json()["referencia"]["sha256"] == ref.sha256
        repetida = sistema.notificar(evento_id, cuerpo)
        assert repetida.status_code == 200 and repetida.json()["repetida"] and not repetida.json()["incorporado"]
        otra = sistema.notificar(f"mayan-hook-{uuid.uuid4().hex}", cuerpo)  # same revision, another event id
        assert otra.status_code == 200 and not otra.json()["incorporado"]
    finally:
        sistema.sondeo.intervalo = 0.3
    sistema.rondas(2)  # the poller now sees the same revision in Mayan's log
    assert len(sistema.incorporados(numero, ref.dms_id)) == 1


def test_notificacion_falsificada_o_vencida_se_rechaza_con_401_sin_efecto(sistema, oficina_mayan):
    numero = sistema.abrir_p1()
    sistema.sondeo.intervalo = 3600
    sistema.rondas(1)
    try:
        ref = oficina_mayan.registrar(pdf_minimo("Acta 7"), "ACTA-7.pdf", "acta", {CAMPO_EXPEDIENTE: numero})
        antes = len(sistema.eventos_tramite(numero))
        cuerpo, evento_id = {"dms_id": ref.dms_id, "version": ref.version}, f"mayan-hook-{uuid.uuid4().hex}"
        for r in (sistema.notificar(evento_id, cuerpo, secreto="otro-secreto-que-no-es-el-compartido"),
                  sistema.notificar(evento_id, cuerpo, momento=time.time() - 600)):
            assert r.status_code == 401 and r.headers["content-type"].startswith("application/problem+json")
        sin_firma = sistema.gateway.post("/api/v1/dms/notificaciones", json=cuerpo)
        assert sin_firma.status_code == 401
        assert len(sistema.eventos_tramite(numero)) == antes  # nothing changed in the file
        buena = sistema.notificar(evento_id, cuerpo)  # the forged copies did not burn the event id
        assert buena.status_code == 200 and buena.json()["incorporado"] and not buena.json()["repetida"]
    finally:
        sistema.sondeo.intervalo = 0.3


def test_resolucion_producida_por_un_acto_queda_en_mayan_identica(sistema, oficina_mayan):
    numero = sistema.abrir_p4()
    contenido = pdf_minimo(f"Resolucion Ministerial 0456-2026-MINSA {numero}")
    hoy = hoy_en_lima() - timedelta(days=1)
    cuerpo = {"fecha": hoy.isoformat(), "datos": {"motivo": "bienes usados sin certificado sanitario"},
              "documento_emitido": {"nombre": "RM-0456-2026-MINSA.pdf", "numero": "R.M. 0456-2026-MINSA",
                                    "fecha": hoy.isoformat(),
                                    "contenido_base64": base64.b64encode(contenido).decode()}}
    inicio = time.monotonic()
    r = sistema.gateway.post(f"/api/v1/expedientes/{numero}/acciones/denegar", json=cuerpo,
                             headers=sistema.cab(MINSA, "titular"))
    assert r.status_code == 200, r.text
    print(f"\nacto con resolucion registrada en Mayan: {time.monotonic() - inicio:.2f} s")
    acto = sistema.eventos_tramite(numero)[-1]
    assert type(acto).__name__ == "DonacionDenegadaPorResolucionMinisterial"
    [ref] = [d for d in acto.sobre["documentos"] if d.get("dms") == "mayan"]
    assert (ref["tipo"], ref["numero"], ref["sha256"]) == ("resolucion_ministerial", "R.M. 0456-2026-MINSA",
                                                           sha(contenido))
    archivo = oficina_mayan.api.json("GET", f"/documents/{ref['dms_id']}/files/{ref['version']}/")
    assert archivo["checksum"] == ref["sha256"]  # Mayan's own checksum
    descargado = oficina_mayan.api.pedir("GET", f"/documents/{ref['dms_id']}/files/{ref['version']}/download/")
    assert descargado.content == contenido  # byte-identical
    assert oficina_mayan.api.metadatos_de(ref["dms_id"])[CAMPO_EXPEDIENTE] == numero
    sistema.rondas(3)  # the poller sees the new Mayan document: the act already carries it
    assert sistema.incorporados(numero) == []
    refusado = sistema.gateway.post(f"/api/v1/expedientes/{numero}/acciones/denegar", json=cuerpo,
                                    headers=sistema.cab(MINSA, "titular"))
    assert refusado.status_code == 422  # an act the law refuses files nothing
    assert [x.dms_id for x in oficina_mayan.documentos_de(numero)] == [ref["dms_id"]]


def test_suscriptor_caido_un_rato_recibe_todo_en_orden(sistema):
    receptor = Receptor()
    admin = sistema.cab("APCI-DE", "administrador")
    r = sistema.gateway.post("/api/v1/suscripciones", headers=admin, json={
        "id": "sgd-caido", "url": receptor.url, "filtro": "tramite.expediente.*"})
    assert r.status_code == 201 and r.json()["secreto"], r.text
    receptor.secreto = r.json()["secreto"]
    try:
        inicio = time.monotonic()
        numeros = [sistema.abrir_p1() for _ in range(3)]
        time.sleep(max(0.0, inicio + 1.5 - time.monotonic()))  # down: attempts fail with backoff, none skipped
        assert receptor.recibidos == []
        receptor.levantar()
        esperar(lambda: len(receptor.recibidos) >= 3, 20, "el suscriptor recibe lo pendiente")
        time.sleep(0.5)
        ids = [e for e, _ in receptor.recibidos]
        assert len(ids) == len(set(ids)) == 3  # each once
        assert [c["datos"]["numero"] for _, c in receptor.recibidos] == numeros  # in order
        entregas = sistema.gateway.get("/api/v1/suscripciones/sgd-caido/entregas", headers=admin,
                                       params={"limite": 500}).json()["items"]
        assert [e["evento_id"] for e in entregas if e["estado"] == "entregado"] == ids
        assert any(e["estado"] == "fallido" for e in entregas)
    finally:
        assert sistema.gateway.delete("/api/v1/suscripciones/sgd-caido", headers=admin).status_code == 204
        receptor.bajar()
    assert sistema.gateway.get("/api/v1/suscripciones/sgd-caido", headers=admin).json()["activa"] is False
    assert sistema.gateway.get("/api/v1/suscripciones", headers=sistema.cab("OCI-APCI", "auditor")).status_code == 403


def test_suscriptor_que_siempre_falla_va_a_cartas_muertas_y_se_reenvia(sistema):
    receptor = Receptor(status=500).levantar()
    admin = sistema.cab("APCI-DE", "administrador")
    r = sistema.gateway.post("/api/v1/suscripciones", headers=admin, json={
        "id": "sgd-roto", "url": receptor.url, "filtro": "tramite.expediente.*", "secreto": receptor.secreto})
    assert r.status_code == 201 and r.json()["secreto"] is None, r.text
    try:
        numeros = [sistema.abrir_p1() for _ in range(2)]

        def pendientes() -> list[dict]:
            return [c for c in sistema.gateway.get("/api/v1/suscripciones/cartas-muertas", headers=admin,
                                                   params={"estado": "pendiente"}).json()["items"]
                    if c["suscripcion"] == "sgd-roto"]

        esperar(lambda: len(pendientes()) == 2, 30, "las dos notificaciones pasan a cartas muertas")
        cartas = pendientes()
        sigue = sistema.gateway.post(f"/api/v1/suscripciones/cartas-muertas/{cartas[0]['id']}/reenviar",
                                     headers=admin)
        assert sigue.status_code == 502 and len(pendientes()) == 2  # still failing: stays pending
        receptor.status = 200  # the subscriber fixed its endpoint
        for c in cartas:
            hecho = sistema.gateway.post(f"/api/v1/suscripciones/cartas-muertas/{c['id']}/reenviar", headers=admin)
            assert hecho.status_code == 200 and hecho.json()["estado"] == "reenviada", hecho.text
        assert [c["datos"]["numero"] for _, c in receptor.recibidos] == numeros
        assert pendientes() == []
        otra_vez = sistema.gateway.post(f"/api/v1/suscripciones/cartas-muertas/{cartas[0]['id']}/reenviar",
                                        headers=admin)
        assert otra_vez.status_code == 409
    finally:
        sistema.gateway.delete("/api/v1/suscripciones/sgd-roto", headers=admin)
        receptor.bajar()


def test_verificacion_nombra_el_documento_y_el_acto_cuyo_archivo_cambio(sistema, oficina_mayan, mayan):
    numero = sistema.abrir_p4()
    contenido = pdf_minimo(f"Resolucion Ministerial 0999-2026-MINSA {numero}")
    hoy = hoy_en_lima() - timedelta(days=1)
    r = sistema.gateway.post(f"/api/v1/expedientes/{numero}/acciones/denegar", headers=sistema.cab(MINSA, "titular"),
                             json={"fecha": hoy.isoformat(), "datos": {"motivo": "sin certificado"},
                                   "documento_emitido": {"nombre": "RM-0999.pdf", "numero": "R.M. 0999-2026-MINSA",
                                                         "fecha": hoy.isoformat(), "contenido_base64":
                                                         base64.b64encode(contenido).decode()}})
    assert r.status_code == 200, r.text
    anexo = oficina_mayan.registrar(pdf_minimo("Anexo 1"), "ANEXO-1.pdf", "anexo", {CAMPO_EXPEDIENTE: numero})
    ruta = f"/api/v1/expedientes/{numero}/documentos/verificacion"
    auditor = sistema.cab("OCI-APCI", "auditor")

    esperar(lambda: _en_historial(sistema, numero, "DocumentoIncorporado", anexo.dms_id), 20,
            "el historial del gateway tiene la resolucion y el anexo")
    sano = sistema.gateway.get(ruta, headers=auditor).json()
    assert sano["verificadas"] == 2 and len(sano["referencias"]) == 5  # + the 3 typed-in references of the request
    assert sano["integro"] and {x["estado"] for x in sano["referencias"] if x["documento"]["dms"]} == {"integro"}
    # someone replaces the resolution's bytes inside Mayan's storage, and files a new revision of the annex
    almacen = mayan.log.parent / "media" / "document_storage"
    [guardado] = [p for p in almacen.iterdir() if p.read_bytes() == contenido]
    guardado.write_bytes(pdf_minimo("Resolucion Ministerial 0999-2026-MINSA (adulterada)"))
    oficina_mayan.api.pedir("POST", f"/documents/{anexo.dms_id}/files/", data={"action_name": "replace"},
                            files={"file_new": ("ANEXO-1.pdf", pdf_minimo("Anexo 1 v2"), "application/pdf")})
    informe = sistema.gateway.get(ruta, headers=auditor)
    assert informe.status_code == 200, informe.text
    cuerpo = informe.json()
    assert cuerpo["integro"] is False
    [falla] = cuerpo["discrepancias"]
    assert falla["estado"] == "alterado" and falla["documento"]["numero"] == "R.M. 0999-2026-MINSA"
    assert (falla["acto"]["tipo"], falla["acto"]["servicio"]) == ("DonacionDenegadaPorResolucionMinisterial", "tramite")
    assert falla["sha256_dms"] != falla["documento"]["sha256"] == sha(contenido)
    [del_anexo] = [x for x in cuerpo["referencias"] if (x["documento"]["dms_id"], x["documento"]["version"]) == (
        anexo.dms_id, anexo.version)]
    assert del_anexo["estado"] == "reemplazado"  # intact bytes, newer revision: reported, not a discrepancy
    assert sistema.gateway.get(ruta, headers=sistema.cab(MINSA)).status_code == 403
