"""Request and response schemas of registro's API (Create / action / Public families per resource)."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from services.registro.domain.oficina import TIPOS

TipoOficina = Literal[TIPOS]  # type: ignore[valid-type]


class Fundamento(BaseModel):
    model_config = ConfigDict(extra="forbid")
    norma: str = Field(min_length=2, max_length=200, examples=["D.S. 028-2007-RE"])
    articulo: str = Field(min_length=1, max_length=50, examples=["5"])


class OficinaCrear(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "codigo": "MINSA-CTI", "nombre": "Oficina General de Cooperacion Tecnica Internacional", "tipo": "sector",
        "entidad": "Ministerio de Salud", "vigente_desde": "2017-03-30",
        "fundamento_legal": {"norma": "D.S. 008-2017-SA", "articulo": "38"}}]})
    codigo: str = Field(pattern=r"^[A-Z0-9][A-Z0-9-]{1,39}$", description="Codigo estable de la oficina")
    nombre: str = Field(min_length=3, max_length=300)
    tipo: TipoOficina
    entidad: str = Field(min_length=2, max_length=300)
    vigente_desde: date
    fundamento_legal: Fundamento


class OficinaRenombrar(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "nombre": "Oficina Ejecutiva de Cooperacion", "fecha": "2026-03-01",
        "fundamento_legal": {"norma": "D.S. 011-2026-SA", "articulo": "3"}}]})
    nombre: str = Field(min_length=3, max_length=300)
    fecha: date
    fundamento_legal: Fundamento


class OficinaCerrar(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "fecha": "2026-12-31", "fundamento_legal": {"norma": "D.S. 001-2027-PCM", "articulo": "2"}}]})
    fecha: date
    fundamento_legal: Fundamento


class AccionDisponible(BaseModel):
    accion: str
    campos: list[str]


class OficinaPublica(BaseModel):
    codigo: str
    nombre: str
    tipo: str
    entidad: str
    estado: str
    vigente_desde: date
    vigente_hasta: date | None
    fundamento_legal: dict
    version: int
    acciones_disponibles: list[AccionDisponible] = []
