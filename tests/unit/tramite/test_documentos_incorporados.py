"""DocumentoIncorporado: a DMS revision is attached once, whichever path brings it (log, webhook, the act itself)."""

from __future__ import annotations

from datetime import date

from shared.eventos.persistencia_prueba import recargar
from shared.eventos.sobre import acto

from tests.unit.tramite.apoyo import APCI, MINSA, abrir, actor, doc, eventos

REF = {"dms": "mayan", "dms_id": "41", "version": "57", "nombre": "OF-1.pdf", "media_type": "application/pdf",
       "sha256": "cd" * 32, "tamano": 1234, "tipo": "oficio", "numero": "OF-1", "fecha": "2026-03-10"}


def _abrir():
    datos = {"titulo": "Agua segura", "unidad_ejecutora": "PROMOTOR-0042"}
    return abrir("P1-SOLICITUD-CTI", MINSA, date(2026, 3, 2), datos=datos)


def test_la_misma_version_se_incorpora_una_vez_y_sobrevive_a_la_recarga():
    exp = _abrir()
    assert exp.incorporar_documento(REF, "admin", "mayan:25") is True
    assert exp.incorporar_documento(dict(REF), "admin", "mayan:26") is False
    assert exp.incorporar_documento({**REF, "version": "58", "sha256": "ef" * 32}, "admin", "mayan:31") is True
    assert eventos(exp)[1:] == ["DocumentoIncorporado", "DocumentoIncorporado"]
    otra = recargar(exp)
    assert otra.claves_dms == {("mayan", "41", "57"), ("mayan", "41", "58")}
    assert otra.incorporar_documento(REF, "admin", "mayan:25") is False and otra.estado == exp.estado


def test_un_documento_que_ya_lleva_un_acto_no_se_incorpora_de_nuevo():
    exp = _abrir()
    emitido = {**doc("oficio", date(2026, 3, 10)), **REF}
    with acto(actor=actor(MINSA)):
        exp.ejecutar("derivar_a_rectora", actor=actor(MINSA), actor_tipo_oficina="sector", hoy=date(2026, 3, 10),
                     datos={"prioridad_sectorial": 1, "destinatario": APCI}, documentos=[emitido],
                     resolver_tipo={APCI: "rector"}.get)
    assert exp.pending_events[-1].sobre["documentos"][0]["sha256"] == REF["sha256"]  # full reference in the envelope
    assert exp.incorporar_documento(REF, "admin", "mayan:40") is False
    assert exp.historial()[-1]["documento"]["dms"] == "mayan"


def test_referencias_sin_dms_no_tienen_clave():
    exp = _abrir()  # typed-in references: dms_id and version only
    assert exp.claves_dms == frozenset()
