"""Request and response schemas of tramite's API (open / act / public views of a file, its hops, the in-tray)."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

CODIGO = r"^[A-Z0-9][A-Z0-9-]{1,59}$"
DOC_EJEMPLO = {"tipo": "oficio", "numero": "OFICIO-0123-2026-MINSA/OGCTI", "fecha": "2026-03-10",
               "dms_id": "dms-8841", "version": "1", "sha256": "ab" * 32}


class Documento(BaseModel):
    """A reference to a document in the document-management system (never the file itself)."""
    model_config = ConfigDict(extra="forbid")
    tipo: str = Field(min_length=2, max_length=60, examples=["oficio"])
    numero: str | None = Field(None, max_length=120)
    fecha: date | None = None
    dms_id: str | None = Field(None, max_length=120)
    version: str | None = Field(None, max_length=40)
    sha256: str | None = Field(None, pattern=r"^[0-9a-f]{64}$")
    dms: str | None = Field(None, max_length=40, description="DMS que guarda el archivo (p. ej. mayan)")
    nombre: str | None = Field(None, max_length=255)
    media_type: str | None = Field(None, max_length=100)
    tamano: int | None = Field(None, ge=0)


class DocumentoEmitido(BaseModel):
    """The document an act produces (a resolution, an oficio): filed in the DMS under the file number, and its
    reference (DMS id, version, SHA-256 equal to the DMS checksum) carried by the act's event."""
    model_config = ConfigDict(extra="forbid")
    nombre: str = Field(min_length=1, max_length=255, examples=["RM-0456-2026-MINSA.pdf"])
    contenido_base64: str = Field(min_length=4, max_length=28_000_000, description="El archivo, en base64")
    numero: str = Field(min_length=1, max_length=120, examples=["R.M. 0456-2026-MINSA"])
    fecha: date = Field(examples=["2026-03-12"])
    tipo: str | None = Field(None, max_length=60, description="Por defecto, el documento que lleva el acto")


class ExpedienteAbrir(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "procedimiento": "P1-SOLICITUD-CTI", "promotor": "ENTIDAD-20131312955", "oficina_apertura": "MINSA-CTI",
        "presentado_el": "2026-03-02", "regimen_promotor": "ongd",
        "datos": {"titulo": "Salud materna en Cusco", "unidad_ejecutora": "ENTIDAD-20131312955"},
        "documentos": [{**DOC_EJEMPLO, "tipo": "solicitud", "fecha": "2026-03-02"}]}]})
    procedimiento: str = Field(min_length=2, max_length=60, description="Codigo del catalogo (GET /procedimientos)")
    version_procedimiento: int | None = Field(None, ge=1, description="Por defecto, la vigente a la presentacion")
    promotor: str = Field(pattern=CODIGO, description="Entidad solicitante: ENTIDAD-<RUC> o PROMOTOR-<id>")
    oficina_apertura: str = Field(pattern=CODIGO, description="Oficina que recibe la solicitud (da la sigla)")
    presentado_el: date = Field(description="Fecha del cargo de recepcion de la solicitud")
    regimen_promotor: Literal["ongd", "eniex", "ipreda", "publico", "privado"] | None = None
    datos: dict[str, Any] = Field(default_factory=dict)
    documentos: list[Documento] = Field(default_factory=list, max_length=50)


class AccionEjecutar(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "fecha": "2026-03-10", "fecha_cargo": "2026-03-11", "destinatario": "APCI-DGNI", "cc": [],
        "datos": {"prioridad_sectorial": 1}, "documentos": [DOC_EJEMPLO]}]})
    fecha: date | None = Field(None, description="Fecha del acto (del oficio); por defecto hoy en Lima; no futura")
    fecha_cargo: date | None = Field(None, description="Cargo de recepcion del destinatario; inicia sus plazos")
    destinatario: str | None = Field(None, pattern=CODIGO, description="Oficina destino cuando el acto la elige")
    cc: list[str] = Field(default_factory=list, max_length=20, description="Copias ademas de las que fija la norma")
    observaciones: str | None = Field(None, max_length=4000)
    datos: dict[str, Any] = Field(default_factory=dict, description="Campos que exige la accion")
    documentos: list[Documento] = Field(default_factory=list, max_length=50)
    documento_emitido: DocumentoEmitido | None = Field(
        None, description="Documento que el acto produce: se registra en el DMS y su referencia va en el evento")

    def datos_del_acto(self) -> dict[str, Any]:
        datos = dict(self.datos)
        for campo in ("destinatario", "observaciones"):
            if getattr(self, campo) is not None:
                datos[campo] = getattr(self, campo)
        if self.cc:
            datos["cc"] = list(self.cc)
        return datos


class AccionDisponible(BaseModel):
    accion: str
    evento: str
    descripcion: str
    destino: str
    campos: list[str]
    documentos: list[str]
    plazos: list[dict[str, Any]]
    fundamento_legal: list[dict[str, str]]


class ExpedientePublico(BaseModel):
    id: str
    numero: str
    version: int
    procedimiento: dict[str, Any]
    estado: str
    terminado: bool
    custodia: str
    promotor: str
    regimen_promotor: str | None
    oficina_apertura: str
    presentado_el: date
    datos: dict[str, Any]
    plazos_abiertos: list[dict[str, Any]]
    proximo_vencimiento: date | None
    plazos_concluidos: list[dict[str, Any]] = Field(
        default_factory=list, description="Plazos cumplidos (con 'cumplimiento': en_plazo, tardio o anticipado, cuando "
                                          "se juzgan en el propio acto) o vencidos")
    extemporaneo: bool = Field(False, description="Algun acto se realizo fuera del plazo que la norma le fija")
    acciones_disponibles: list[AccionDisponible] = []


class Tramo(BaseModel):
    n: int
    accion: str
    evento: str
    remitente: str
    tipo_remitente: str | None
    destinatario: str
    tipo_destinatario: str | None
    cc: list[str]
    documento: dict[str, Any] | None
    fecha: date
    fecha_cargo: date | None
    observaciones: str | None
    datos: dict[str, Any]
    actor: dict[str, Any]
    estado: str
    fundamento_legal: list[dict[str, str]]


class Tramos(BaseModel):
    numero: str
    version: int
    items: list[Tramo]
    siguiente: str | None


class EntradaBandeja(BaseModel):
    numero: str
    procedimiento: str
    estado: str
    custodia: str
    promotor: str
    oficina_apertura: str
    presentado_el: date
    ultimo_acto: date
    proximo_vencimiento: date | None
    vencido: bool
    dias_para_vencer: int | None
    extemporaneo: bool = False
    version: int


class Bandeja(BaseModel):
    oficina: str
    hoy: date
    items: list[EntradaBandeja]
    siguiente: str | None


class ExpedienteListado(BaseModel):
    numero: str
    procedimiento: str
    version_procedimiento: int
    estado: str
    terminado: bool
    custodia: str = Field(description="Oficina que custodia ahora el expediente")
    promotor: str
    oficina_apertura: str
    presentado_el: date
    ultimo_acto: date
    proximo_vencimiento: date | None
    vencido: bool = Field(description="Tiene un plazo abierto cuyo ultimo dia es anterior a 'hoy'")
    dias_para_vencer: int | None
    extemporaneo: bool = Field(description="Algun acto se realizo fuera del plazo que la norma le fija")
    resumen: str | None = Field(description="Textos de los datos de la presentacion (titulo, proyecto...)")
    version: int


class ListaExpedientes(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        "items": [{"numero": "2026-MINSA-000001", "procedimiento": "P1-SOLICITUD-CTI", "version_procedimiento": 1,
                   "estado": "en_evaluacion_rectora", "terminado": False, "custodia": "APCI-DGNI",
                   "promotor": "ENTIDAD-20131312955", "oficina_apertura": "MINSA-CTI", "presentado_el": "2026-03-02",
                   "ultimo_acto": "2026-03-10", "proximo_vencimiento": "2026-05-01", "vencido": False,
                   "dias_para_vencer": 41, "extemporaneo": False,
                   "resumen": "Salud materna en Cusco | ENTIDAD-20131312955", "version": 2}],
        "siguiente": "eyJvIjoiLXByZXNlbnRhZG9fZWwiLCJ2IjoiMjAyNi0wMy0wMiIsIm4iOiIyMDI2LU1JTlNBLTAwMDAwMSJ9",
        "hoy": "2026-03-21", "orden": "-presentado_el"}]})
    items: list[ExpedienteListado]
    siguiente: str | None = Field(description="Cursor de la pagina siguiente (parametro 'cursor'); null al final")
    hoy: date = Field(description="Dia con que se juzgan los vencimientos")
    orden: str


class Procedimiento(BaseModel):
    codigo: str
    version: int
    vigente_desde: date
    nombre: str
    fundamento: list[dict[str, str]]
    entradas: list[dict[str, Any]]
    acciones: list[dict[str, Any]]
    terminales: list[str]
    notas: list[str]


class Procedimientos(BaseModel):
    items: list[Procedimiento]
    siguiente: str | None
