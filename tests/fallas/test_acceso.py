"""The access matrix (``matriz_acceso.py``) against the running suite, bad tokens, and no secret in any log.

Every state-changing operation of the gateway's OpenAPI document (which merges the services' public APIs) and of each
service's own document (its ``/operaciones`` routes) is called once per kind of caller with a request the route
accepts (the documented example body); a kind outside the row must get 401/403 problem+json, a kind inside must not.
"""

from __future__ import annotations

import base64
import json
from typing import Any

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from deploy.procesos import SERVICIOS
from shared.identidad.tokens import Emisor
from tests.fallas import carga
from tests.fallas.comprobaciones import esperar, versiones_oficinas
from tests.fallas.matriz_acceso import (ACCION_POR_RUTA, AUTORIZA_TRAS_CARGAR, CONOCIDAS, MATRIZ, METODOS_DE_ESCRITURA,
                                         ROLES, SOLO_FIRMA, VALORES_RUTA)

pytestmark = pytest.mark.lento

PROBLEMA = "application/problem+json"


def _operaciones(suite) -> list[tuple[str, str, str, dict[str, Any], dict[str, Any]]]:
    """(base url, METHOD, path, operation, document) of every state-changing operation the suite exposes."""
    ops = []
    for servicio in SERVICIOS:
        doc = httpx.get(f"{suite.url(servicio)}/openapi.json", trust_env=False).json()
        for ruta, metodos in doc["paths"].items():
            propia = servicio == "gateway" or not ruta.startswith("/api/")  # /api/v1 is reached via the gateway
            for metodo, op in metodos.items():
                if propia and metodo in METODOS_DE_ESCRITURA:
                    ops.append((suite.url(servicio), metodo.upper(), ruta, op, doc))
    return ops


def _ejemplo(op: dict[str, Any], doc: dict[str, Any]) -> Any:
    contenido = (op.get("requestBody") or {}).get("content", {}).get("application/json")
    if contenido is None:
        return None
    esquema = contenido.get("schema", {})
    if "$ref" in esquema:
        esquema = doc["components"]["schemas"][esquema["$ref"].rsplit("/", 1)[1]]
    ejemplos = esquema.get("examples") or [contenido.get("example")]
    assert ejemplos and ejemplos[0] is not None, f"{op.get('operationId')}: la documentacion no trae ejemplo"
    return ejemplos[0]


def _cabeceras(suite, rol: str, cuerpo: Any = None) -> dict[str, str]:
    """The kind's token; an entity acts for the entity the request is about (the example's promoter or RUC)."""
    datos = ROLES[rol]
    if datos is None:
        return {}
    oficina = datos[1]
    if rol == "entidad" and isinstance(cuerpo, dict):
        if str(cuerpo.get("promotor", "")).startswith("ENTIDAD-"):
            oficina = cuerpo["promotor"]
        elif cuerpo.get("ruc"):
            oficina = f"ENTIDAD-{cuerpo['ruc']}"
    return suite.cabeceras(persona=datos[0], oficina=oficina, roles=datos[2])


def test_matriz_de_acceso_en_cada_operacion_de_escritura_y_cada_rol(suite, informe):
    admin = suite.cabeceras()
    for codigo in ("MATRIZ-1", "MINSA-CTI"):  # an office to act on, and the one the examples present to
        r = httpx.post(f"{suite.gateway}/api/v1/oficinas", json=carga.cuerpo_oficina(codigo), headers=admin,
                       trust_env=False)
        assert r.status_code in (201, 409)
    esperar(lambda: "MINSA-CTI" in versiones_oficinas(suite, "tramite"), 20, "tramite conoce la oficina")
    ops = _operaciones(suite)
    claves = {f"{m} {ruta}" for _, m, ruta, _, _ in ops}
    assert claves - set(MATRIZ) == set(), "operaciones de escritura sin fila en matriz_acceso.MATRIZ"
    celdas, violaciones, conocidas = 0, [], set()
    for base, metodo, ruta, op, doc in ops:
        permitidos = MATRIZ[f"{metodo} {ruta}"]
        cuerpo = _ejemplo(op, doc)
        if ruta == "/api/v1/auth/token":
            cuerpo = {"client_id": "minsa-cti", "client_secret": suite.secretos["minsa-cti"]}
        params = {"hoy": "2026-01-05"} if ruta.endswith("/plazos/vencer") else None
        url = base + ruta.format(**VALORES_RUTA, accion=ACCION_POR_RUTA.get(ruta, "derivar"))
        tras_cargar = f"{metodo} {ruta}" in AUTORIZA_TRAS_CARGAR
        for rol in ROLES:
            r = httpx.request(metodo, url, json=cuerpo, params=params, headers=_cabeceras(suite, rol, cuerpo),
                              trust_env=False, timeout=30)
            celdas += 1
            problema = r.headers.get("content-type", "").startswith(PROBLEMA)
            if f"{metodo} {ruta}" in SOLO_FIRMA:
                ok = r.status_code == 401 and problema
            elif rol in permitidos:
                ok = r.status_code not in (401, 403) and r.status_code < 500
            elif rol == "anonimo":
                ok = r.status_code == 401 and problema
            elif r.status_code == 404 and tras_cargar:
                ok = problema  # the file does not exist: refused before the organ check can run, nothing applied
            else:
                ok = r.status_code == 403 and problema and bool(r.json().get("derecho_requerido"))
            if not ok and (f"{metodo} {ruta}", rol) in CONOCIDAS:
                conocidas.add((f"{metodo} {ruta}", rol))
            elif not ok:
                violaciones.append((metodo, url, rol, r.status_code, r.text[:200]))
    informe["matriz_acceso"] = {**informe.get("matriz_acceso", {}), "operaciones": len(ops), "roles": len(ROLES),
                                "celdas": celdas, "violaciones": len(violaciones) + len(conocidas),
                                "conocidas": sorted(CONOCIDAS[c] for c in conocidas)}
    assert conocidas == set(CONOCIDAS), "una violacion conocida ya no ocurre: quitela de matriz_acceso.CONOCIDAS"
    assert violaciones == [], "\n".join(" ".join(map(str, v)) for v in violaciones)


def _alterado(token: str) -> str:
    cabecera, cuerpo, firma = token.split(".")
    datos = json.loads(base64.urlsafe_b64decode(cuerpo + "=" * (-len(cuerpo) % 4)))
    datos["roles"] = ["administrador"]
    nuevo = base64.urlsafe_b64encode(json.dumps(datos).encode()).rstrip(b"=").decode()
    return f"{cabecera}.{nuevo}.{firma}"


def _tokens_malos(suite) -> dict[str, str]:
    otra = Ed25519PrivateKey.generate().private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                      serialization.NoEncryption())
    privada = suite.privada.read_bytes()
    auditor = suite.token(persona="aud", oficina="CONTRALORIA", roles=("auditor",))
    sin_firma = jwt.encode({"sub": "x", "oficina": "APCI-DE", "roles": ["administrador"], "aud": "cti",
                            "iss": "cti-gateway", "exp": 4102444800}, None, algorithm="none")
    return {
        "vencido": suite.token(vigencia=-120),
        "alterado (auditor que se hace administrador)": _alterado(auditor),
        "otra audiencia": Emisor(privada, audiencia="otro-sistema").emitir("ana", "APCI-DE", ["administrador"]),
        "otro emisor": Emisor(privada, emisor="impostor").emitir("ana", "APCI-DE", ["administrador"]),
        "otra clave": Emisor(otra).emitir("ana", "APCI-DE", ["administrador"]),
        "alg none": sin_firma,
        "basura": "no-es-un-jwt",
    }


def test_tokens_vencidos_alterados_o_de_otra_audiencia_se_rechazan_y_ningun_secreto_llega_a_los_logs(suite, informe):
    cuerpo = {"nombre": "Intento", "fecha": "2021-01-01", "fundamento_legal": carga.FUNDAMENTO}
    destinos = [f"{suite.gateway}/api/v1/oficinas/MATRIZ-1/acciones/renombrar",  # via the gateway
                f"{suite.url('registro')}/api/v1/oficinas/MATRIZ-1/acciones/renombrar",  # straight to the service
                f"{suite.url('registro')}/operaciones/lecturas/reconstruir"]
    probados = rechazados = 0
    for nombre, token in _tokens_malos(suite).items():
        for url in destinos:
            r = httpx.post(url, json=cuerpo, headers={"authorization": f"Bearer {token}"}, trust_env=False)
            probados += 1
            assert r.status_code == 401 and r.headers["content-type"].startswith(PROBLEMA), (nombre, url, r.text)
            assert token not in r.text
            rechazados += 1

    secreto = suite.secretos["minsa-cti"]
    r = httpx.post(f"{suite.gateway}/api/v1/auth/token", json={"client_id": "minsa-cti", "client_secret": secreto},
                   trust_env=False)
    assert r.status_code == 200
    suite.emitidos.append(r.json()["access_token"])
    r = httpx.post(f"{suite.gateway}/api/v1/auth/token", json={"client_id": "minsa-cti", "client_secret": "malo-123"},
                   trust_env=False)
    assert r.status_code == 401

    secretos = {f"token {i}": t for i, t in enumerate(suite.emitidos)}
    secretos |= {f"firma de token {i}": t.rsplit(".", 1)[1] for i, t in enumerate(suite.emitidos)}
    secretos |= {f"secreto de {c}": s for c, s in suite.secretos.items()} | {"secreto rechazado": "malo-123"}
    secretos["clave privada"] = suite.privada.read_text().splitlines()[1]
    for url in suite.bases.values():
        if "@" in url and ":" in url.split("//", 1)[1].split("@", 1)[0]:
            secretos["contrasena de la base"] = url.split("//", 1)[1].split("@", 1)[0].split(":", 1)[1]
    apariciones = []
    for servicio in SERVICIOS:
        texto = suite.log(servicio).read_text(errors="replace")
        assert len(texto) > 0
        apariciones += [(servicio, nombre) for nombre, s in secretos.items() if s and s in texto]
    informe["matriz_acceso"] = {**informe.get("matriz_acceso", {}), "tokens_probados": probados,
                                "tokens_rechazados": rechazados, "secretos_en_logs": len(apariciones)}
    assert apariciones == []
