"""Customs as a real office and the IGV constancia through tramite's HTTP API, with office kinds and registrations
learned from registro over NATS: SUNAT's customs office (registro kind ``aduana``) and the Foreign Ministry's protocol
directorate take the acts of the 1984 liberation route (R.S. 450-84-RE Cap. IV Anexo 3), customs acting out of turn
gets 403; APCI's constancia for the IGV/IPM refund is refused to an ONGD whose benefits registro suspended and granted
once they are restored (D.S. 036-94-EF art. 4; Directiva 002-2008-APCI-DOC II.2.a)."""

from __future__ import annotations

from datetime import date
from typing import Any

from services.tramite.consumidores import oficinas_conocidas
from tests.integration.tramite.apoyo import APCI, JICA, ONGD, ONGD_SUSPENDIDA, RREE, RUC, RUC_SUSPENDIDA, doc

PROTOCOLO, ADUANAS = "RREE-DGP", "SUNAT-ADUANAS"
LIB, IGV = "P4-LIBERACION-1984", "P7-CONSTANCIA-IGV"


def _abrir(suite, presenta: str, cuerpo: dict[str, Any], esperado: int = 201) -> dict[str, Any]:
    fecha = date.fromisoformat(cuerpo["presentado_el"])
    cuerpo = {**cuerpo, "documentos": [doc(t, fecha) for t in cuerpo["documentos"]]}
    r = suite.tramite.post("/api/v1/expedientes", json=cuerpo, headers=suite.cab(presenta))
    assert r.status_code == esperado, r.text
    return r.json()


def test_aduanas_es_una_oficina_real_que_actua_en_la_ruta_de_liberacion_de_1984(suite):
    tipos = {f["codigo"]: (f["tipo_registro"], f["tipo"]) for f in suite.filas(oficinas_conocidas)}
    assert tipos[ADUANAS] == ("aduana", "aduana") and tipos[PROTOCOLO] == ("cancilleria", "cancilleria")
    exp = _abrir(suite, JICA, {
        "procedimiento": LIB, "promotor": ONGD, "oficina_apertura": PROTOCOLO, "presentado_el": "2026-03-02",
        "datos": {"proyecto": "Salud materna Cusco", "numero_nota_ct": "CT-0142", "aduana": "Maritima del Callao",
                  "respaldo": "constancia_pedido_nacional"},
        "documentos": ["formulario_liberacion", "factura_comercial", "documento_embarque",
                       "constancia_pedido_nacional"]})
    numero = exp["numero"]
    assert numero == "2026-RREE-000001" and (exp["estado"], exp["custodia"]) == ("en_protocolo", PROTOCOLO)

    fuera = suite.actuar(numero, "emitir_resolucion_liberatoria", ADUANAS, date(2026, 3, 3), docs=(),
                         esperado=403)
    assert fuera["derecho_requerido"] == "custodia del expediente" and PROTOCOLO in fuera["detail"]
    pasos = [
        ("derivar_a_oficina_cti", PROTOCOLO, date(2026, 3, 4), {}, {"destinatario": RREE}, ("oficio",), RREE),
        ("opinar_favorablemente", RREE, date(2026, 3, 9), {"registro_respaldo": "CPN-2026-031"}, {}, ("oficio",),
         PROTOCOLO),
        ("otorgar_liberacion", PROTOCOLO, date(2026, 3, 11), {"fecha_liberacion": "2026-03-11"}, {},
         ("carta_protocolar",), JICA),
        ("presentar_carta_protocolar", JICA, date(2026, 3, 12), {}, {"destinatario": ADUANAS}, ("carta_protocolar",),
         ADUANAS),
        ("emitir_resolucion_liberatoria", ADUANAS, date(2026, 3, 16), {}, {},
         ("resolucion_directoral", "transcripcion_resolucion"), ADUANAS),
        ("iniciar_despacho", ADUANAS, date(2026, 3, 17), {"agente_aduana": "Agencia Callao SAC"}, {},
         ("poliza_importacion", "resolucion_directoral", "factura_comercial", "documento_embarque",
          "declaracion_jurada_valor", "volante_despacho"), ADUANAS),
        ("aforar", ADUANAS, date(2026, 3, 19), {}, {}, ("poliza_liquidada", "volante_entrega"), ADUANAS),
        ("otorgar_levante", ADUANAS, date(2026, 3, 20), {"fecha_levante": "2026-03-20"}, {}, (), ADUANAS),
    ]
    for accion, oficina, fecha, datos, extra, docs, custodia in pasos:
        res = suite.actuar(numero, accion, oficina, fecha, datos=datos, docs=docs, **extra)
        assert res["custodia"] == custodia, accion
    final = suite.leer(numero, ADUANAS, "tramitador").json()  # customs reads it as a participant
    assert (final["estado"], final["terminado"], final["acciones_disponibles"]) == ("levante_otorgado", True, [])
    tramos = suite.tramos(numero)
    assert [(t["remitente"], t["tipo_remitente"]) for t in tramos[5:]] == [(ADUANAS, "aduana")] * 4
    assert tramos[5]["cc"] == [PROTOCOLO, JICA] and tramos[5]["documento"]["tipo"] == "resolucion_directoral"
    assert suite.actuar(numero, "aforar", ADUANAS, date(2026, 3, 23), docs=(), esperado=422)["type"].endswith(
        "/transicion-ilegal")


def _constancia(suite, promotor: str) -> str:
    return _abrir(suite, promotor, {
        "procedimiento": IGV, "promotor": promotor, "oficina_apertura": APCI, "presentado_el": "2026-07-01",
        "regimen_promotor": "ongd",
        "datos": {"proyecto": "Agua segura en Ayacucho", "fuente_cooperante": "FUENTE-GIZ",
                  "plan_operaciones": "2026-APCI-000010", "tipo_beneficiario": "ongd", "periodo_desde": "2026-01",
                  "periodo_hasta": "2026-03", "monto_solicitado": 18450.0},
        "documentos": ["solicitud_anexo_1_igv", "formulario_constancia_igv", "relacion_comprobantes",
                       "constancia_recepcion_informe_avance"]})["numero"]


EMITIR = {"monto_considerado": 18120.0, "fecha_vencimiento": "2026-12-31", "con_observacion": "no"}
DOCS_EMITIR = ("constancia_igv", "oficio_copia_mef")


def test_constancia_igv_denegada_a_ongd_suspendida_y_emitida_al_restituirse(suite):
    suite.inscribir_ongd(RUC)
    ins = suite.suspender(suite.inscribir_ongd(RUC_SUSPENDIDA), "SANCION-2026-021", date(2026, 6, 15))
    numero = _constancia(suite, ONGD_SUSPENDIDA)
    r = suite.actuar(numero, "emitir_constancia", APCI, date(2026, 7, 20), datos=EMITIR, docs=DOCS_EMITIR,
                     esperado=422)
    assert r["type"].endswith("/regla-incumplida") and "suspendidos" in r["detail"]
    assert suite.leer(numero).json()["estado"] == "en_evaluacion"
    suite.restituir(ins, "SANCION-2026-021", date(2026, 7, 21))
    res = suite.actuar(numero, "emitir_constancia", APCI, date(2026, 7, 22), datos=EMITIR, docs=DOCS_EMITIR)
    assert (res["estado"], res["custodia"]) == ("constancia_emitida", ONGD_SUSPENDIDA)

    otra = _constancia(suite, ONGD)  # a registered ONGD gets it at once; the file ends with the constancia
    res = suite.actuar(otra, "emitir_constancia", APCI, date(2026, 7, 10), datos=EMITIR, docs=DOCS_EMITIR)
    assert (res["estado"], res["terminado"], res["custodia"]) == ("constancia_emitida", True, ONGD)
    assert suite.tramos(otra)[-1]["documento"]["tipo"] == "constancia_igv"
