"""Request and response schemas of the registries (inscriptions, annual obligations, experts, public registry).

Legal checks (RUC check digit, ubigeo, order of dates, checklists) live in the domain and answer 422 naming the field;
these schemas fix only the shape. Action bodies are built from ``acciones_registro.ACCIONES``.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

RegistroNombre = Literal["ONGD", "ENIEX", "IPREDA"]


class Resolucion(BaseModel):
    model_config = ConfigDict(extra="forbid")
    numero: str = Field(min_length=3, max_length=120, examples=["R.D. N. 00123-2026-APCI/DOC"])
    fecha: date


class Adjunto(BaseModel):
    """A document held by the document-management system; only its reference is recorded in the event's envelope."""

    model_config = ConfigDict(extra="forbid")
    tipo: str = Field(min_length=2, max_length=80, examples=["escritura_constitucion"])
    numero: str | None = Field(None, max_length=120)
    fecha: str | None = Field(None, max_length=10)
    dms_id: str | None = Field(None, max_length=120)
    version: str | None = Field(None, max_length=40)
    sha256: str | None = Field(None, pattern=r"^[0-9a-f]{64}$")


class ConFecha(BaseModel):
    model_config = ConfigDict(extra="forbid")
    fecha: date | None = Field(None, description="Fecha del acto (AAAA-MM-DD). Por defecto, la fecha propia del acto "
                               "(notificacion, resolucion, presentacion...) o hoy. No puede ser futura.")
    adjuntos: list[Adjunto] = Field(default_factory=list, max_length=50)


class InscripcionCrear(ConFecha):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "registro": "ONGD", "ruc": "20100047218", "razon_social": "Asociacion para el Desarrollo Rural Cusco",
        "expediente": "APCI-DOC-2026-000123", "presentada_el": "2026-03-02", "ubigeo": "080101",
        "ambito": "nacional", "fecha_copia_literal": "2026-02-10",
        "documentos": ["escritura_constitucion", "copia_literal_sunarp", "nomina_consejo_directivo",
                       "programas_dos_anios", "recursos_previsibles_dos_anios",
                       "opinion_favorable_sector_o_region", "domicilio_legal"],
        "datos": {"representante_legal": "Rosa Quispe"},
        "adjuntos": [{"tipo": "solicitud", "dms_id": "DMS-2026-0001"}]}]})
    registro: RegistroNombre
    ruc: str = Field(max_length=20, description="RUC de la persona juridica (11 digitos, empieza por 20)")
    razon_social: str = Field(min_length=3, max_length=300)
    expediente: str = Field(min_length=3, max_length=60, description="Numero del cargo de recepcion")
    presentada_el: date
    documentos: list[str] = Field(max_length=30)
    ubigeo: str = Field(max_length=6)
    ambito: Literal["nacional", "regional"] = "nacional"
    fecha_copia_literal: date | None = None
    partida_sunarp: str | None = Field(None, max_length=40)
    datos: dict[str, Any] = Field(default_factory=dict)


class ObligacionCrear(ConFecha):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "registro": "ONGD", "ruc": "20100047218", "anio": 2026, "fecha": "2026-01-02"}]})
    registro: RegistroNombre
    ruc: str = Field(max_length=20)
    anio: int = Field(ge=1990, le=2100)


class ExpertoCrear(ConFecha):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "tipo": "experto", "intervencion": "INT-20100047218-1", "ruc_unidad_ejecutora": "20100047218",
        "datos": {"nombre": "Anna Muller", "documento_identidad": "P12345678", "nacionalidad": "DE",
                  "profesion": "Hidrologa", "fuente_cooperante": "GIZ", "experiencia_anios": 9,
                  "idiomas": ["es", "de"]},
        "fecha_ingreso": "2026-10-01", "inicio_servicio": "2026-10-15", "fin_servicio": "2027-10-14",
        "contraparte": {"nombre": "Luis Rojas", "cargo": "Especialista"}}]})
    tipo: Literal["experto", "voluntario"]
    intervencion: str = Field(min_length=2, max_length=120)
    ruc_unidad_ejecutora: str = Field(max_length=20)
    datos: dict[str, Any] = Field(description="Formato B-1: nombre, documento_identidad, nacionalidad (ISO 3166), "
                                  "profesion, fuente_cooperante, experiencia_anios, idiomas")
    fecha_ingreso: date
    inicio_servicio: date
    fin_servicio: date
    contraparte: dict[str, Any] | None = None
    miembro_eniex: bool = False


class AccionRegistro(BaseModel):
    accion: str
    campos: list[str]
    plazo: dict[str, Any] | None = None


class EstadoAgregado(BaseModel):
    """State of a registry aggregate (fields depend on the kind) with the actions the caller may take now."""

    model_config = ConfigDict(extra="allow")
    id: str
    version: int
    estado: str
    acciones_disponibles: list[AccionRegistro] = []


class FilaPublica(BaseModel):
    model_config = ConfigDict(extra="allow")
    inscripcion_id: str
    ruc: str
    razon_social: str
    registro: str
    estado: str


class Pagina(BaseModel):
    items: list[dict[str, Any]]
    siguiente: str | None = None


class Entidad(BaseModel):
    ruc: str
    razon_social: str
    inscripciones: list[dict[str, Any]]


class VerificacionConstancia(BaseModel):
    codigo: str
    autentica: bool
    inscripcion_id: str
    ruc: str
    razon_social: str
    registro: str
    numero_registro: str | None
    via: str
    vigente_desde: date
    vigente_hasta: date
    es_la_ultima: bool
    estado_actual: str
    beneficios_suspendidos: bool
    hash_evento: str
