"""The export bundle: everything an auditor needs to verify one file offline, with no access to the system.

    {formato, generado_en, correlacion,
     eventos: [public events of every stream, in every service, that concerns the file],
     checkpoints: [{servicio, firmados: [signed checkpoints], log: [[notificacion_id, agregado_id, version,
                                                                     correlacion, hash], ...]}],
     claves_publicas: [{servicio, clave_id, pem}]}

``firmados`` holds the checkpoint the service signed at export time and every earlier one the gateway received
from NATS: the earlier ones are what expose a log rewritten (and re-signed) after they were taken. ``log`` is the
service's whole log as entries, so the tool recomputes each root and proves every file event sits at its position.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from shared.auditoria.checkpoint import CAMPOS_FIRMADOS

FORMATO = "cti-auditoria/1"


class PaqueteInvalido(Exception):
    """The file is not a bundle this tool can read (not JSON, wrong format, missing sections)."""


def seccion(servicio: str, eventos: Sequence[Mapping[str, Any]], log: Sequence[Sequence[Any]],
            firmados: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """One service's part; each checkpoint in ``firmados`` carries its ``clave_publica`` (PEM)."""
    return {"servicio": servicio, "eventos": list(eventos), "log": [list(e) for e in log], "firmados": list(firmados)}


def armar(correlacion: str, secciones: Iterable[Mapping[str, Any]], generado_en: str | None = None) -> dict[str, Any]:
    eventos: list[dict[str, Any]] = []
    checkpoints: list[dict[str, Any]] = []
    claves: dict[tuple[str, str], str] = {}
    for s in secciones:
        eventos += [dict(e) for e in s["eventos"]]
        vistos: dict[tuple[int, str], dict[str, Any]] = {}
        for cp in s["firmados"]:
            vistos.setdefault((int(cp["posicion"]), cp["raiz"]), {k: cp[k] for k in (*CAMPOS_FIRMADOS, "firma")})
            if cp.get("clave_publica"):
                claves[(s["servicio"], cp["clave_id"])] = cp["clave_publica"]
        checkpoints.append({"servicio": s["servicio"], "firmados": [vistos[k] for k in sorted(vistos)],
                            "log": s["log"]})
    return {
        "formato": FORMATO,
        "generado_en": generado_en or datetime.now(UTC).isoformat(),
        "correlacion": correlacion,
        "eventos": eventos,
        "checkpoints": checkpoints,
        "claves_publicas": [{"servicio": s, "clave_id": k, "pem": pem} for (s, k), pem in sorted(claves.items())],
    }


def cargar(ruta: Path) -> dict[str, Any]:
    try:
        paquete = json.loads(Path(ruta).read_text(encoding="utf-8"))
    except OSError as e:
        raise PaqueteInvalido(f"no se pudo leer {ruta}: {e.strerror or e}") from None
    except (ValueError, UnicodeDecodeError) as e:
        raise PaqueteInvalido(f"{ruta} no es JSON valido: {e}") from None
    if not isinstance(paquete, dict) or paquete.get("formato") != FORMATO:
        raise PaqueteInvalido(f"{ruta} no es un paquete {FORMATO}")
    for campo, tipo in (("correlacion", str), ("eventos", list), ("checkpoints", list), ("claves_publicas", list)):
        if not isinstance(paquete.get(campo), tipo):
            raise PaqueteInvalido(f"{ruta}: falta el campo '{campo}' o no es {tipo.__name__}")
    return paquete
