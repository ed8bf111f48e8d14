"""Schemas of the sanctioning-case and sanctions-registry resources (see ``esquemas`` for the shared conventions)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from services.fiscalizacion.api.esquemas import Accion, Fundamento, Ruc


# ---- sanctioning cases ----
class ExpedienteCrear(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "ruc": "20100070970", "codigo": "RIS-6-c", "fecha_hechos": "2026-02-02", "fecha_acto": "2026-02-09",
        "origen": {"tipo": "oficio", "informe": "INFORME 012-2026-APCI/DOC"}}]})
    ruc: str = Ruc
    codigo: str = Field(max_length=30, examples=["RIS-6-c"])
    fecha_hechos: date
    cese: date | None = None
    entidad_publica: bool = False
    origen: dict[str, Any] | None = None
    fecha_acto: date | None = None


class HechosCalculo(BaseModel):
    model_config = ConfigDict(extra="forbid")
    fuerza_mayor: bool = False
    medidas_correctivas: bool = False


class ExpedienteAccion(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [
        {"notificado_el": "2026-02-10", "hechos_imputados": "No presento el Plan Anual 2026"},
        {"presentado_el": "2026-02-18", "resumen": "Descargos"},
        {"tipo": "sancion", "sanciones_propuestas": ["amonestacion", "multa"]},
        {"sanciones": ["amonestacion", "multa"], "fecha_acto": "2026-03-17"},
        {"presentado_el": "2026-03-25", "fundamentos": "Diferente interpretacion de las pruebas"},
        {"confirma": True, "motivo": "Se confirma"}, {"subsanado_el": "2026-05-04"}]})
    motivo: str | None = Field(None, max_length=5000)
    subsanado_el: date | None = None
    entidad_superior: str | None = Field(None, max_length=300)
    notificado_el: date | None = None
    hechos_imputados: str | None = Field(None, max_length=5000)
    presentado_el: date | None = None
    resumen: str | None = Field(None, max_length=5000)
    tipo: Literal["sancion", "no_infraccion"] | None = None
    sanciones_propuestas: list[str] | None = None
    deducida_el: date | None = None
    sanciones: list[str] | None = None
    hechos: HechosCalculo | None = None
    multa_elegida_uit: Decimal | None = Field(None, ge=0, le=500)
    motivacion: str | None = Field(None, max_length=5000)
    nueva_prueba: list[str] | None = None
    fundada: bool | None = None
    fundamentos: str | None = Field(None, max_length=5000)
    recibido_el: date | None = None
    confirma: bool | None = None
    fundamento_legal: Fundamento | None = None
    monto: Decimal | None = Field(None, ge=0)
    pagado_el: date | None = None
    fecha_acto: date | None = None


class ExpedientePublico(BaseModel):
    id: str
    numero: str | None
    correlacion: str
    ruc: str
    codigo: str
    estado: str
    terminado: bool
    organo_instructor: str
    origen: dict[str, Any]
    fecha_hechos: date
    abierto_el: date
    version_reglamento: str
    supletoriedad: dict[str, Any] | None
    plazos: dict[str, Any]
    cargos: dict[str, Any] | None
    descargos: list[dict[str, Any]]
    recursos_usados: list[str]
    propuesta: dict[str, Any] | None
    resultado: dict[str, Any] | None
    eleccion_regimen: dict[str, Any] | None
    prescripcion: dict[str, Any] | None
    resuelto_el: date | None
    resolucion_notificada_el: date | None
    ejecutable: bool
    ejecucion_suspendida: bool
    decisiones: list[dict[str, Any]]
    sancion: dict[str, Any] | None
    calculo: list[dict[str, Any]]
    version: int
    acciones_disponibles: list[Accion] = []


class Calculo(BaseModel):
    expediente: str
    version_reglamento: str | None
    eleccion_regimen: dict[str, Any] | None
    supletoriedad: dict[str, Any] | None
    resultado: dict[str, Any] | None
    pasos: list[dict[str, Any]]


class SancionRegistrada(BaseModel):
    expediente: str
    ruc: str
    infraccion: str
    fecha_hechos: date
    estado: str
    resolucion: dict[str, Any]
    monto_soles: str
    sanciones: list[str]
    version_reglamento: str


class RegistroSanciones(BaseModel):
    items: list[SancionRegistrada]
    siguiente: str | None
