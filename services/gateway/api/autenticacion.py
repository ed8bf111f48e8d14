"""``POST /api/v1/auth/token``: a client exchanges its credentials for a short-lived EdDSA token."""

from __future__ import annotations

import asyncio
from typing import Any

from fastapi import APIRouter, Request
from pydantic import BaseModel, ConfigDict, Field

from shared.errores import ServicioNoDisponible
from shared.http.respuestas import ERRORES_LECTURA

router = APIRouter(prefix="/api/v1/auth", tags=["autenticacion"])

VIGENCIA_S = 3600


class Credenciales(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [
        {"client_id": "minsa-cti", "client_secret": "<secreto entregado a la oficina>"}]})
    client_id: str = Field(min_length=1, max_length=100)
    client_secret: str = Field(min_length=1, max_length=200)


class Token(BaseModel):
    access_token: str
    token_type: str = "Bearer"
    expires_in: int
    oficina: str
    roles: list[str]


@router.post("/token", response_model=Token, responses=ERRORES_LECTURA, summary="Obtener un token de acceso")
async def emitir_token(cuerpo: Credenciales, request: Request) -> dict[str, Any]:
    """Credenciales de cliente (oficinas, funcionarios, entidades, auditores, administradores) -> JWT EdDSA de una
    hora que nombra persona, oficina y roles. El acceso anonimo a lo publico no necesita token."""
    emisor = request.app.state.emisor
    if emisor is None:
        raise ServicioNoDisponible("Este gateway no tiene clave de firma configurada (CTI_CLAVE_PRIVADA).")
    cliente = await asyncio.to_thread(request.app.state.clientes.autenticar, cuerpo.client_id,
                                      cuerpo.client_secret)
    token = emisor.emitir(cliente.persona, cliente.oficina, list(cliente.roles), VIGENCIA_S)
    return {"access_token": token, "expires_in": VIGENCIA_S, "oficina": cliente.oficina,
            "roles": list(cliente.roles)}
