"""Reactions to other services' events arriving over NATS (real nats-server): a sanction's suspension of benefits from
fiscalizacion applied exactly once although delivered twice, its lifting, and tramite's accepted experts."""

from __future__ import annotations

import asyncio
import json
import uuid

import nats

from shared.mensajeria.flujos import asegurar_stream_servicio
from tests.integration.registro.apoyo_registro import ruc


def _evento(servicio: str, agregado: str, agregado_id: str, version: int, tipo: str, datos: dict, n: int,
            correlacion: str) -> dict:
    return {"servicio": servicio, "agregado": agregado, "agregado_id": agregado_id, "version": version, "tipo": tipo,
            "timestamp": "2026-06-10T15:00:00+00:00", "datos": datos, "notificacion_id": n,
            "sobre": {"correlacion": correlacion, "actor": {"persona": "dfs", "oficina": "APCI-DFS", "roles": []},
                      "fundamento_legal": [{"norma": "Ley 27692", "articulo": "22(c)"}]}}


def _publicar(url: str, servicio: str, eventos: list[dict]) -> None:
    async def _todo() -> None:
        nc = await nats.connect(url)
        js = nc.jetstream()
        await asegurar_stream_servicio(js, servicio)
        for e in eventos:  # no Nats-Msg-Id: a repeated message is delivered again, as after a relay restart
            await js.publish(f"{servicio}.{e['agregado']}.{e['tipo']}", json.dumps(e).encode())
        await nc.close()

    asyncio.run(_todo())


def test_suspension_por_sancion_se_aplica_una_sola_vez_aunque_llegue_dos_veces(servicio, nats_servidor):
    r20 = ruc(20)
    ins = servicio.inscrita(r20, "APCI-DOC-2026-000020", "2026-03-02", "2026-03-10")
    s1, s2 = str(uuid.uuid4()), str(uuid.uuid4())
    aplicada = _evento("fiscalizacion", "sancion", s1, 2, "SuspensionBeneficiosAplicada",
                       {"el": "2026-06-10", "asigna": {"suspension_activa": True}, "ruc": r20,
                        "regla": "Ley 27692 22.c"}, 11, "PAS-2026-0001")
    levantada = {**aplicada, "tipo": "SuspensionBeneficiosLevantada", "version": 3, "notificacion_id": 12,
                 "datos": {"el": "2026-07-01", "asigna": {"suspension_activa": False}}}  # RUC from s1's events
    iniciada = _evento("fiscalizacion", "sancion", s1, 1, "EjecucionSancionIniciada",
                       {"ruc": r20, "expediente": "PAS-2026-0001"}, 10, "PAS-2026-0001")
    _publicar(nats_servidor.url, "fiscalizacion", [iniciada, aplicada, aplicada])
    url = f"/api/v1/inscripciones/{ins['id']}"
    estado = servicio.esperar(lambda: (e := servicio.get(url, r20).json())["estado"] == "beneficios_suspendidos"
                              and e, mensaje="suspendida por la sancion")
    assert list(estado["suspensiones"]) == [s1] and estado["suspensiones"][s1]["causa"] == "sancion"
    segunda = {**aplicada, "agregado_id": s2, "notificacion_id": 13}
    _publicar(nats_servidor.url, "fiscalizacion", [levantada, levantada, segunda])
    servicio.esperar(lambda: list(servicio.get(url, r20).json()["suspensiones"]) == [s2], mensaje="s1 levantada")
    eventos = [e for e in servicio.eventos(r20) if e["agregado_id"] == ins["id"]]
    suspendidos = [e for e in eventos if e["tipo"] == "BeneficiosSuspendidos"]
    assert [e["datos"]["causa_id"] for e in suspendidos] == [s1, s2]
    assert [e["datos"]["causa_id"] for e in eventos if e["tipo"] == "BeneficiosRestituidos"] == [s1]
    assert suspendidos[0]["sobre"]["actor"]["persona"] == "sistema"
    assert suspendidos[0]["sobre"]["correlacion"] == r20 and suspendidos[0]["sobre"]["fecha_negocio"] == "2026-06-10"
    assert suspendidos[0]["sobre"]["fundamento_legal"][0]["norma"] == "Ley 27692"


def test_candidatura_de_experto_aceptada_en_tramite_llega_al_registro(servicio, nats_servidor):
    eid = str(uuid.uuid4())
    abierta = _evento("tramite", "expediente", eid, 1, "CandidaturaExpertoPropuesta",
                      {"numero": "EXP-2026-000050", "promotor": "ENTIDAD-20100047218",
                       "datos": {"candidato": {"nombre": "Anna Muller"}, "modalidad": "experto"}}, 30,
                      "EXP-2026-000050")
    aceptada = _evento("tramite", "expediente", eid, 6, "AceptacionCandidaturaOficializada",
                       {"nombre_evento": "AceptacionCandidaturaOficializada", "fecha": "2026-08-01", "datos": {}},
                       31, "EXP-2026-000050")
    _publicar(nats_servidor.url, "tramite", [abierta, aceptada, aceptada])

    def aceptados() -> list[dict]:
        return [f for f in servicio.get("/api/v1/registros/expertos/aceptados", "registrador").json()["items"]
                if f["estado"] == "aceptacion_oficializada"]

    fila = servicio.esperar(aceptados, mensaje="aceptacion registrada")[0]
    assert fila["expediente"] == "EXP-2026-000050" and fila["candidato"] == {"nombre": "Anna Muller"}
    assert fila["aceptado_el"] == "2026-08-01"
    assert servicio.get("/api/v1/registros/expertos/aceptados", "otro").status_code == 403
