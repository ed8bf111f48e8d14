"""Bundle verification: a good bundle verifies; each kind of tampering is found and named."""

from __future__ import annotations

import copy

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from shared.auditoria.checkpoint import entrada_de, pem_publica
from shared.auditoria.reproduccion import pasos
from shared.auditoria.verificacion import verificar_paquete
from tests.unit.auditoria.apoyo import CLAVE, checkpoint, log_servicio, paquete, reescribir, streams_de


def _motivos(p, **kw):
    return [str(h) for h in verificar_paquete(p, **kw)]


def test_un_paquete_integro_verifica_y_trae_solo_los_streams_del_expediente():
    log = log_servicio()
    p = paquete(log, [checkpoint("tramite", log)])
    assert verificar_paquete(p) == []
    assert {e["agregado_id"] for e in p["eventos"]} == streams_de(log, "EXP-1")
    assert len(p["eventos"]) == 10 and len(p["checkpoints"][0]["log"]) == 15


def test_editar_el_contenido_de_un_evento_se_detecta_en_esa_version():
    log = log_servicio()
    p = paquete(log, [checkpoint("tramite", log)])
    p["eventos"][4]["datos"]["a"] = "otra"
    hallazgos = verificar_paquete(p)
    assert {(h.stream, h.version) for h in hallazgos} == {(p["eventos"][4]["agregado_id"], p["eventos"][4]["version"])}
    assert any("contenido" in h.motivo for h in hallazgos)


def test_borrar_un_evento_del_paquete_se_detecta_como_hueco_y_como_faltante_del_log():
    log = log_servicio()
    p = paquete(log, [checkpoint("tramite", log)])
    victima = p["eventos"].pop(4)
    motivos = _motivos(p)
    assert any("falta el evento" in m for m in motivos)
    assert any(f"posicion={victima['notificacion_id']}" in m and "no lo trae" in m for m in motivos)


def test_borrar_los_ultimos_eventos_de_un_stream_del_almacen_se_detecta_contra_el_checkpoint():
    log = log_servicio()
    cp = checkpoint("tramite", log)
    stream = paquete(log, [])["eventos"][0]["agregado_id"]
    ultimos = [e["notificacion_id"] for e in log if e["agregado_id"] == stream][-2:]
    truncado = [e for e in log if e["notificacion_id"] not in ultimos]
    p = paquete(truncado, [cp])  # the attacker's store no longer has them: neither events nor log entries
    assert {e["agregado_id"] for e in p["eventos"]} >= {stream}
    motivos = _motivos(p)
    assert len(motivos) == 1 and "faltan eventos" in motivos[0] and "servicio=tramite" in motivos[0]


def test_reordenar_dos_eventos_se_detecta():
    log = log_servicio()
    p = paquete(log, [checkpoint("tramite", log)])
    e = p["eventos"]
    a, b = next((i, j) for i in range(len(e)) for j in range(i + 1, len(e))
                if e[i]["agregado_id"] == e[j]["agregado_id"] and e[i]["version"] > 1)
    e[a], e[b] = ({**copy.deepcopy(e[b]), "version": e[a]["version"], "notificacion_id": e[a]["notificacion_id"]},
                  {**copy.deepcopy(e[a]), "version": e[b]["version"], "notificacion_id": e[b]["notificacion_id"]})
    assert {h.version for h in verificar_paquete(p)} >= {e[a]["version"], e[b]["version"]}


def test_reescribir_un_stream_con_una_cadena_nueva_consistente_solo_lo_detecta_un_checkpoint_anterior():
    log = log_servicio()
    anterior = checkpoint("tramite", log, emitido="2026-01-01T00:00:00+00:00")
    stream = next(iter(streams_de(log, "EXP-1")))
    falso = reescribir(log, stream, "derivado a otra oficina")
    refirmado = checkpoint("tramite", falso, emitido="2026-02-01T00:00:00+00:00")  # the attacker has the key
    assert verificar_paquete(paquete(falso, [refirmado])) == []  # chains alone cannot tell
    motivos = _motivos(paquete(falso, [anterior, refirmado]))
    assert len(motivos) == 1 and "no coincide con el checkpoint firmado 2026-01-01" in motivos[0]


def test_la_clave_fijada_rechaza_un_paquete_rehecho_con_otra_clave():
    log = log_servicio()
    otra = Ed25519PrivateKey.generate()
    p = paquete(log, [checkpoint("tramite", log, clave=otra)])
    assert verificar_paquete(p) == []
    motivos = _motivos(p, fijadas={"tramite": pem_publica(CLAVE)})
    assert motivos and all("firma invalida" in m for m in motivos)
    assert verificar_paquete(paquete(log, [checkpoint("tramite", log)]), {"tramite": pem_publica(CLAVE)}) == []


def test_sin_checkpoint_o_con_eventos_posteriores_al_ultimo_no_verifica():
    log = log_servicio()
    assert any("ningun checkpoint" in m for m in _motivos(paquete(log, [])))
    p = paquete(log, [checkpoint("tramite", log[:-3])])
    assert any("posterior al ultimo checkpoint" in m for m in _motivos(p))


def test_una_entrada_del_log_alterada_para_esconder_un_evento_rompe_la_raiz():
    log = log_servicio()
    p = paquete(log, [checkpoint("tramite", log)])
    victima = p["eventos"].pop()
    for x in p["checkpoints"][0]["log"]:
        if x[0] == victima["notificacion_id"]:
            x[1] = "00000000-0000-0000-0000-000000000000"
    assert any("no coincide con el checkpoint" in m for m in _motivos(p))


def test_la_reproduccion_da_el_estado_tras_cada_evento():
    log = log_servicio()
    p = paquete(log, [checkpoint("tramite", log)])
    lista = list(pasos(p["eventos"]))
    assert [x["paso"] for x in lista] == list(range(1, 11))
    ultimo = [x for x in lista if x["agregado_id"] == lista[0]["agregado_id"]][-1]
    assert ultimo["estado"]["a"] == "etapa 4" and ultimo["estado"]["numero"] == "EXP-1/0"
    assert entrada_de(log[0])[3] == "EXP-1"
