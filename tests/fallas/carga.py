"""Concurrent clients of the public API (through the gateway), remembering exactly what each was told.

A command's outcome for the client is one of: acknowledged (2xx), refused (4xx, nothing applied), or unknown (no
answer, or a 5xx such as the gateway's 503 while a service is down: the act may or may not have committed). The fault
tests then check the stores against these three sets.
"""

from __future__ import annotations

import asyncio
import uuid
from dataclasses import dataclass, field
from typing import Any

import httpx

FUNDAMENTO = {"norma": "D.S. 028-2007-RE", "articulo": "5"}


@dataclass
class Resultado:
    operacion: str
    codigo: str
    status: int | None
    cuerpo: dict[str, Any] = field(default_factory=dict)
    content_type: str = ""
    llave: str = ""

    @property
    def confirmado(self) -> bool:
        return self.status is not None and 200 <= self.status < 300

    @property
    def incierto(self) -> bool:
        return self.status is None or self.status >= 500


def cliente(base: str, conexiones: int = 100) -> httpx.AsyncClient:
    return httpx.AsyncClient(base_url=base, timeout=httpx.Timeout(20, connect=3), trust_env=False,
                             limits=httpx.Limits(max_connections=conexiones, max_keepalive_connections=conexiones))


def cuerpo_oficina(codigo: str) -> dict[str, Any]:
    return {"codigo": codigo, "nombre": f"Oficina {codigo}", "tipo": "sector", "entidad": "Ministerio de Prueba",
            "vigente_desde": "2020-01-01", "fundamento_legal": FUNDAMENTO}


async def enviar(c: httpx.AsyncClient, operacion: str, codigo: str, ruta: str, cuerpo: dict[str, Any],
                 cabeceras: dict[str, str], llave: str | None = None) -> Resultado:
    llave = llave or str(uuid.uuid4())
    try:
        r = await c.post(ruta, json=cuerpo, headers={**cabeceras, "Idempotency-Key": llave})
    except httpx.HTTPError as e:
        return Resultado(operacion, codigo, None, {"_error": f"{type(e).__name__}: {e}"}, llave=llave)
    try:
        datos = r.json()
    except ValueError:
        datos = {"_texto": r.text[:200]}
    return Resultado(operacion, codigo, r.status_code, datos, r.headers.get("content-type", ""), llave)


async def crear(c: httpx.AsyncClient, codigo: str, cabeceras: dict[str, str], llave: str | None = None) -> Resultado:
    return await enviar(c, "crear", codigo, "/api/v1/oficinas", cuerpo_oficina(codigo), cabeceras, llave)


async def renombrar(c: httpx.AsyncClient, codigo: str, nombre: str, version: int | None,
                    cabeceras: dict[str, str]) -> Resultado:
    extra = {"If-Match": f'"{version}"'} if version is not None else {}
    cuerpo = {"nombre": nombre, "fecha": "2021-01-01", "fundamento_legal": FUNDAMENTO}
    return await enviar(c, "renombrar", codigo, f"/api/v1/oficinas/{codigo}/acciones/renombrar", cuerpo,
                        {**cabeceras, **extra})


async def vida_de_oficina(c: httpx.AsyncClient, codigo: str, cabeceras: dict[str, str],
                          renombres: int = 2, pausa: float = 0.0) -> list[Resultado]:
    """One client's story: create an office, then rename it ``renombres`` times acting on the version it was told."""
    resultados = [await crear(c, codigo, cabeceras)]
    version = resultados[0].cuerpo.get("version") if resultados[0].confirmado else None
    for i in range(renombres):
        if version is None:
            break
        await asyncio.sleep(pausa)
        r = await renombrar(c, codigo, f"Oficina {codigo} r{i}", version, cabeceras)
        resultados.append(r)
        version = r.cuerpo.get("version") if r.confirmado else None
    return resultados


async def muchas(c: httpx.AsyncClient, codigos: list[str], cabeceras: dict[str, str], renombres: int = 2,
                 pausa: float = 0.0) -> list[Resultado]:
    grupos = await asyncio.gather(*(vida_de_oficina(c, cod, cabeceras, renombres, pausa) for cod in codigos))
    return [r for g in grupos for r in g]
