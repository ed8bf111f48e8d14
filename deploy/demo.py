"""Demo data, loaded through the public API so it exercises the same paths as a user. Idempotent: an existing
record answers 409 and is left as it is, so a second ``make run`` reuses the data."""

from __future__ import annotations

import json
from pathlib import Path

import httpx

DATOS = Path(__file__).resolve().parent.parent / "services" / "registro" / "datos"


def cargar_oficinas(cliente: httpx.Client, token: str) -> tuple[int, int]:
    oficinas = json.loads((DATOS / "oficinas.json").read_text())["oficinas"]
    creadas = existentes = 0
    for o in oficinas:
        r = cliente.post("/api/v1/oficinas", json=o, headers={"Authorization": f"Bearer {token}",
                                                               "Idempotency-Key": f"demo-oficina-{o['codigo']}"})
        if r.status_code == 201 and r.headers.get("idempotent-replayed") != "true":
            creadas += 1
        elif r.status_code in (201, 409):
            existentes += 1
        else:
            raise RuntimeError(f"no se pudo cargar la oficina {o['codigo']}: {r.status_code} {r.text}")
    return creadas, existentes


def cargar(url_gateway: str, token: str) -> dict[str, tuple[int, int]]:
    with httpx.Client(base_url=url_gateway, timeout=30) as cliente:
        return {"oficinas": cargar_oficinas(cliente, token)}
