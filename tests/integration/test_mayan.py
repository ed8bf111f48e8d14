"""The Mayan adapter against a real Mayan EDMS (started once for this module by ``tests.infra.mayan``).

Filing a PDF under an expediente number, its SHA-256 against Mayan's checksum and the downloaded bytes, a new
revision that must not change what an earlier reference names, tampering, the event log and the inbound flow.
The first run on a machine installs Mayan (about 2 minutes); later runs start it from a snapshot in ~3 s.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import replace

import httpx
import pytest

from shared.documentos import entrada
from shared.documentos.mayan import AdaptadorMayan
from shared.documentos.mayan_api import ClienteMayan
from shared.documentos.puerto import CAMPO_EXPEDIENTE, CAMPO_FECHA, CAMPO_NUMERO, ClaseEvento, ErrorDocumental
from shared.documentos.puerto import EstadoVerificacion as E
from shared.documentos.referencia import ReferenciaInvalida
from tests.infra.mayan import ServidorMayan

pytestmark = pytest.mark.timeout(900)  # a cold machine installs Mayan inside the first test's setup

EXP = "P1-MINSA-CTI-2026-000123"


def pdf_minimo(texto: str) -> bytes:
    """A valid one-page PDF (poppler can count its pages; Mayan needs LibreOffice for anything else)."""
    contenido = f"BT /F1 18 Tf 72 720 Td ({texto}) Tj ET".encode()
    objetos = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n%s\nendstream" % (len(contenido), contenido),
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    salida, posiciones = bytearray(b"%PDF-1.4\n"), []
    for i, obj in enumerate(objetos, 1):
        posiciones.append(len(salida))
        salida += b"%d 0 obj\n%s\nendobj\n" % (i, obj)
    xref = len(salida)
    salida += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objetos) + 1)
    salida += b"".join(b"%010d 00000 n \n" % p for p in posiciones)
    salida += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objetos) + 1, xref)
    return bytes(salida)


@pytest.fixture(scope="module")
def mayan():
    servidor = ServidorMayan()
    servidor.start()
    print(f"\nMayan: preparacion {servidor.tiempos_preparacion}, arranque {servidor.segundos_arranque:.1f} s")
    yield servidor
    servidor.stop()


@pytest.fixture(scope="module")
def puerto(mayan):
    cliente = ClienteMayan(mayan.url, mayan.token, trust_env=False)
    yield AdaptadorMayan(cliente)
    cliente.cerrar()


@pytest.fixture(scope="module")
def resolucion(puerto):
    """A resolution filed under EXP, and the position of the event log just before it."""
    inicio = max((e.posicion for e in puerto.eventos_desde(0)), default=0)
    contenido = pdf_minimo("Resolucion Directoral 0012-2026-APCI-DE")
    ref = puerto.registrar(contenido, "RD-0012-2026-APCI-DE.pdf", "resolucion",
                           {CAMPO_EXPEDIENTE: EXP, CAMPO_NUMERO: "RD-0012-2026-APCI/DE", CAMPO_FECHA: "2026-03-10"})
    return ref, contenido, inicio


def test_registrar_checksum_descarga_y_busqueda(puerto, resolucion):
    ref, contenido, _ = resolucion
    assert ref.sha256 == hashlib.sha256(contenido).hexdigest()
    assert (ref.dms, ref.tipo, ref.media_type, ref.tamano) == ("mayan", "resolucion", "application/pdf", len(contenido))
    assert (ref.numero, ref.fecha.isoformat(), ref.firma_valida) == ("RD-0012-2026-APCI/DE", "2026-03-10", None)
    archivo = puerto.api.json("GET", f"/documents/{ref.dms_id}/files/{ref.version}/")
    assert archivo["checksum"] == hashlib.sha256(contenido).hexdigest()  # Mayan's own checksum is our SHA-256
    assert puerto.obtener(ref) == contenido  # byte-identical
    assert puerto.verificar(ref).estado is E.INTEGRO
    assert [r.dms_id for r in puerto.documentos_de(EXP)] == [ref.dms_id]
    assert puerto.documentos_de("P1-MINSA-CTI-2026-000124") == []


def test_el_log_de_eventos_muestra_la_carga_y_la_entrada_la_incorpora(puerto, resolucion, mayan):
    ref, _, inicio = resolucion
    eventos = puerto.eventos_desde(inicio)
    assert [e.posicion for e in eventos] == sorted(e.posicion for e in eventos)
    archivos = [e for e in eventos if e.clase is ClaseEvento.ARCHIVO_NUEVO]
    assert [(e.dms_id, e.version, e.actor) for e in archivos] == [(ref.dms_id, ref.version, mayan.usuario)]
    assert any(e.clase is ClaseEvento.METADATOS and e.dms_id == ref.dms_id for e in eventos)
    incorporadas, posicion = entrada.sondear(puerto, inicio)
    assert [(i.expediente, i.referencia, i.registrado_por) for i in incorporadas] == [(EXP, ref, mayan.usuario)]
    assert posicion == eventos[-1].posicion
    otra_vez, siguiente = entrada.sondear(puerto, posicion)  # only our own downloads since: nothing to incorporate
    assert otra_vez == [] and siguiente >= posicion
    por_webhook = entrada.de_notificacion(puerto, "mayan:webhook-1", {"dms_id": ref.dms_id, "version": ref.version})
    assert por_webhook is not None and por_webhook.referencia == ref and por_webhook.expediente == EXP


def test_nueva_version_no_cambia_la_referencia_anterior(puerto, resolucion):
    ref, contenido, _ = resolucion
    nuevo = pdf_minimo("Resolucion Directoral 0012-2026-APCI-DE (fe de erratas)")
    puerto.api.pedir("POST", f"/documents/{ref.dms_id}/files/", data={"action_name": "replace", "comment": "rev 2"},
                     files={"file_new": ("RD-0012-2026-APCI-DE.pdf", nuevo, "application/pdf")})
    limite = time.monotonic() + 60
    while (ficha := puerto.describir(ref.dms_id)).referencia.version == ref.version:
        assert time.monotonic() < limite, "Mayan no registro la nueva version"
        time.sleep(0.2)
    assert ficha.referencia.sha256 == hashlib.sha256(nuevo).hexdigest() != ref.sha256
    resultado = puerto.verificar(ref)
    assert resultado.estado is E.REEMPLAZADO and not resultado.coincide
    assert (resultado.sha256_dms, resultado.version_vigente) == (ref.sha256, ficha.referencia.version)
    assert resultado.sha256_vigente == ficha.referencia.sha256
    assert puerto.obtener(ref) == contenido  # what the earlier act referenced is still there, unchanged
    assert puerto.verificar(ficha.referencia).estado is E.INTEGRO
    assert [r.version for r in puerto.documentos_de(EXP)] == [ficha.referencia.version]


def test_referencia_alterada_o_ausente(puerto, resolucion):
    ref, _, _ = resolucion
    falsa = replace(ref, sha256=hashlib.sha256(b"otro contenido").hexdigest())
    assert puerto.verificar(falsa).estado is E.ALTERADO
    with pytest.raises(ErrorDocumental):
        puerto.obtener(falsa)
    assert puerto.verificar(replace(ref, dms_id="999999")).estado is E.AUSENTE
    assert puerto.verificar(replace(ref, version="999999")).estado is E.AUSENTE


@pytest.mark.parametrize("nombre,tipo,metadatos,campo", [
    ("../../x.pdf", "oficio", {CAMPO_EXPEDIENTE: EXP}, "nombre"),
    ("x.pdf", "pasaporte", {CAMPO_EXPEDIENTE: EXP}, "tipo"),
    ("x.pdf", "oficio", {}, CAMPO_EXPEDIENTE),
    ("x.pdf", "oficio", {CAMPO_EXPEDIENTE: EXP, "color": "rojo"}, "color"),
])
def test_registrar_rechaza_entradas_invalidas_sin_tocar_mayan(puerto, nombre, tipo, metadatos, campo):
    antes = max((e.posicion for e in puerto.eventos_desde(0)), default=0)
    with pytest.raises(ReferenciaInvalida) as exc:
        puerto.registrar(pdf_minimo("x"), nombre, tipo, metadatos)
    assert campo in {e["campo"] for e in exc.value.extra["errores"]}
    assert puerto.eventos_desde(antes) == []


def test_token_invalido_es_un_error_documental(mayan):
    with pytest.raises(ErrorDocumental, match="HTTP 40[13]"):
        AdaptadorMayan(ClienteMayan(mayan.url, "0" * 40, trust_env=False)).documentos_de(EXP)
    anonimo = httpx.get(f"{mayan.api}/documents/", headers={"Accept": "application/json"}, trust_env=False)
    assert anonimo.status_code in (401, 403) or anonimo.json()["results"] == []  # Mayan filters by ACL: none
