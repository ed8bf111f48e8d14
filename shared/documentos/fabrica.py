"""Composition-root factory: which document-management adapter (if any) a service talks to, from its settings.

Why a registry of builders: the domain and the routes only know ``PuertoDocumental``; choosing Mayan, or a CMIS
repository later, is a setting (``CTI_DMS_ADAPTADOR``) plus one entry here, nothing else changes. Without
``CTI_DMS_URL`` there is no DMS (``make run`` default): polling, filing and verification are then off and the
routes that need a DMS answer 503 saying so.
"""

from __future__ import annotations

from collections.abc import Callable

import httpx

from shared.configuracion import Configuracion
from shared.documentos.puerto import ErrorDocumental, PuertoDocumental


def _token_mayan(config: Configuracion) -> str:
    if config.dms_token:
        return config.dms_token
    if not (config.dms_usuario and config.dms_clave):
        raise ValueError("CTI_DMS_URL requiere CTI_DMS_TOKEN o CTI_DMS_USUARIO y CTI_DMS_CLAVE")
    try:  # Accept: application/json or Mayan answers 500 (dms-mayan-notes.md, pitfall 2)
        r = httpx.post(f"{config.dms_url.rstrip('/')}/api/v4/auth/token/obtain/",  # type: ignore[union-attr]
                       headers={"Accept": "application/json"}, timeout=30,
                       json={"username": config.dms_usuario, "password": config.dms_clave})
    except httpx.HTTPError as e:
        raise ErrorDocumental(f"El DMS no responde al pedir el token: {e!r}") from e
    if r.status_code != 200:
        raise ErrorDocumental(f"El DMS rechazo las credenciales: HTTP {r.status_code}")
    return str(r.json()["token"])


def _mayan(config: Configuracion) -> PuertoDocumental:
    from shared.documentos.mayan import AdaptadorMayan
    from shared.documentos.mayan_api import ClienteMayan

    return AdaptadorMayan(ClienteMayan(str(config.dms_url), _token_mayan(config)))


ADAPTADORES: dict[str, Callable[[Configuracion], PuertoDocumental]] = {"mayan": _mayan}


def crear_puerto(config: Configuracion) -> PuertoDocumental | None:
    """The configured adapter, or None when no DMS is configured."""
    if not config.dms_url:
        return None
    if config.dms_adaptador not in ADAPTADORES:
        raise ValueError(f"CTI_DMS_ADAPTADOR desconocido: {config.dms_adaptador}; use {', '.join(ADAPTADORES)}")
    return ADAPTADORES[config.dms_adaptador](config)


def cerrar_puerto(puerto: PuertoDocumental | None) -> None:
    api = getattr(puerto, "api", None)
    if api is not None and hasattr(api, "cerrar"):
        api.cerrar()
