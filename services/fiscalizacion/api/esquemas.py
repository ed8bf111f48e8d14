"""Request and response schemas of fiscalizacion's API (Create / action / Public per resource).

Acts share one action body per resource (each action takes a few of its fields; ``acceso.campos_de_accion`` refuses
missing ones and those of another action, naming them). ``fecha_acto`` is the act's business date (defaults to today
in Lima, never future): the domain dates the act and its deadlines with it, so late-recorded acts keep their dates.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

Ruc = Field(pattern=r"^(10|15|17|20)\d{9}$", examples=["20100070970"])


class Fundamento(BaseModel):
    model_config = ConfigDict(extra="forbid")
    norma: str = Field(min_length=2, max_length=200, examples=["D.S. 027-2007-RE"])
    articulo: str = Field(min_length=1, max_length=80, examples=["17"])


class Accion(BaseModel):
    accion: str
    campos: list[str]
    inicia_plazo: dict[str, Any] | None = None


class Lista(BaseModel):
    items: list[dict[str, Any]]
    siguiente: str | None


# ---- plan ----
class PlanCrear(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "anio": 2026, "fecha_acto": "2026-01-15",
        "programadas": [{"ruc": "20100070970", "objeto": {"tipo": "entidad"}, "trimestre": 2}]}]})
    anio: int = Field(ge=2007, le=2100)
    programadas: list[dict[str, Any]] = Field(min_length=1, max_length=2000)
    fecha_acto: date | None = None


class PlanAccion(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [
        {"fecha_acto": "2026-01-20"}, {"resultados": {"ejecutadas": 10, "con_hallazgos": 3}},
        {"acuerdo": "Acuerdo CD 012-2027"}, {"oficio": "OFICIO 045-2027-APCI/DE"}]})
    resultados: dict[str, Any] | None = None
    acuerdo: str | None = Field(None, max_length=300)
    oficio: str | None = Field(None, max_length=300)
    fecha_acto: date | None = None


class PlanPublico(BaseModel):
    id: str
    anio: int
    estado: str
    programadas: list[dict[str, Any]]
    resultados: dict[str, Any] | None
    hitos: list[dict[str, Any]]
    version: int
    acciones_disponibles: list[Accion] = []


# ---- inspections and complaints ----
class FiscalizacionCrear(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "ruc": "20100070970", "objeto": {"tipo": "intervencion", "codigo": "PRY-2026-0042"},
        "fecha_acto": "2026-03-02"}]})
    ruc: str = Ruc
    objeto: dict[str, Any] = Field(examples=[{"tipo": "entidad"}])
    fecha_acto: date | None = None


class DenunciaCrear(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "ruc": "20100070970", "hechos": "Ejecuta un proyecto con fondos de cooperacion sin haberlo inscrito",
        "denunciante": {"reserva_identidad": True}, "fecha_acto": "2026-03-02"}]})
    ruc: str = Ruc
    hechos: str = Field(min_length=10, max_length=5000)
    denunciante: dict[str, Any] | None = None
    fecha_acto: date | None = None


class FiscalizacionAccion(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [
        {"notificado_el": "2026-03-04"},
        {"documentos": ["convenios", "estados de cuenta"], "notificado_el": "2026-03-05"},
        {"numero": 1, "exhibido_el": "2026-03-12", "completa": True},
        {"fecha": "2026-03-20", "acta": {"numero": "ACTA-001-2026", "participantes": ["inspector", "representante"]}},
        {"descripcion": "No exhibio los convenios", "codigo_infraccion": "RIS-7-a"},
        {"resumen": "Informe de fiscalizacion"}, {"codigos": ["RIS-7-a"]}]})
    motivo: str | None = Field(None, max_length=2000)
    notificado_el: date | None = None
    documentos: list[str] | None = None
    plazo_dias: int | None = Field(None, ge=1, le=60)
    numero: int | None = Field(None, ge=1)
    exhibido_el: date | None = None
    completa: bool | None = None
    fecha: date | None = Field(None, description="Fecha de la visita de inspeccion")
    acta: dict[str, Any] | None = None
    descripcion: str | None = Field(None, max_length=5000)
    codigo_infraccion: str | None = Field(None, max_length=30)
    resumen: str | None = Field(None, max_length=5000)
    cumplida: bool | None = None
    codigos: list[str] | None = None
    fecha_acto: date | None = None


class FiscalizacionPublica(BaseModel):
    id: str
    correlacion: str
    ruc: str
    objeto: dict[str, Any]
    origen: dict[str, Any]
    estado: str
    programada_el: date
    requerimientos: list[dict[str, Any]]
    visitas: list[dict[str, Any]]
    hallazgos: list[dict[str, Any]]
    medidas: list[dict[str, Any]]
    indicios: list[dict[str, Any]]
    informe: dict[str, Any] | None
    derivacion: list[dict[str, Any]] | None
    version: int
    acciones_disponibles: list[Accion] = []
