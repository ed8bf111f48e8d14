"""The document-management port: the only thing the domain and application layers know about a DMS.

Why a port: the offices' documents live in whatever DMS each one runs (Mayan today; a CMIS repository, Alfresco or
Nuxeo tomorrow). Commands and projections speak to this small interface; one adapter per DMS translates it
(``shared.documentos.mayan``). No I/O here: only the contract and the values it exchanges. The port is synchronous
(DMS client libraries are); async callers wrap calls in ``asyncio.to_thread``.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum

from shared.documentos.referencia import TIPOS_DOCUMENTO, ReferenciaDocumento, ReferenciaInvalida, nombre_seguro

CAMPO_EXPEDIENTE = "numero_expediente"
"""Metadata key that ties a DMS document to an expediente (its number, e.g. ``P1-MINSA-CTI-2026-000001``)."""
CAMPO_NUMERO, CAMPO_FECHA = "numero_documento", "fecha_documento"
"""Optional metadata: the document's own number (``OFICIO-0123-2026-MINSA/OGCTI``) and date (ISO)."""
METADATOS_ADMITIDOS = (CAMPO_EXPEDIENTE, CAMPO_NUMERO, CAMPO_FECHA)


def validar_registro(nombre: str, tipo: str, metadatos: Mapping[str, str]) -> None:
    """What every adapter checks before filing anything: raises ReferenciaInvalida naming each bad field."""
    errores = [{"campo": k, "mensaje": "metadato no admitido"} for k in metadatos if k not in METADATOS_ADMITIDOS]
    errores += [{"campo": k, "mensaje": "texto"} for k, v in metadatos.items() if not isinstance(v, str) or not v]
    if CAMPO_EXPEDIENTE not in metadatos:
        errores.append({"campo": CAMPO_EXPEDIENTE, "mensaje": "obligatorio"})
    if tipo not in TIPOS_DOCUMENTO:
        errores.append({"campo": "tipo", "mensaje": "tipo de documento fuera del catalogo"})
    if nombre_seguro(nombre):
        errores.append({"campo": "nombre", "mensaje": f"nombre de archivo {nombre_seguro(nombre)}"})
    if errores:
        raise ReferenciaInvalida("No se puede registrar el documento.", errores)


class ErrorDocumental(Exception):
    """The DMS refused or failed an operation (unreachable, 4xx/5xx)."""


class DocumentoAusente(ErrorDocumental):
    """The document or revision does not exist (any more) in the DMS."""


class DocumentoIncompleto(ErrorDocumental):
    """The document exists but its file is not processed yet (no checksum): try again later."""


class EstadoVerificacion(str, Enum):
    INTEGRO = "integro"  # the referenced revision's bytes hash to the reference's sha256 and it is the current one
    REEMPLAZADO = "reemplazado"  # the referenced bytes are intact, but the document now has a newer, different file
    ALTERADO = "alterado"  # the referenced revision's bytes (or the DMS checksum) no longer match the sha256
    AUSENTE = "ausente"  # the document or the revision no longer exists in the DMS


@dataclass(frozen=True)
class ResultadoVerificacion:
    """What ``verificar`` found; ``coincide`` is True only when the document in the DMS still is what was referenced."""

    referencia: ReferenciaDocumento
    estado: EstadoVerificacion
    sha256_dms: str | None = None  # hash of the referenced revision's bytes as downloaded now
    checksum_dms: str | None = None  # the checksum the DMS itself reports for that revision
    version_vigente: str | None = None  # the document's current revision
    sha256_vigente: str | None = None  # and its checksum
    detalle: str = ""

    @property
    def coincide(self) -> bool:
        return self.estado is EstadoVerificacion.INTEGRO


class ClaseEvento(str, Enum):
    """DMS-neutral kinds of DMS events; an adapter maps its own verbs onto these."""

    DOCUMENTO_NUEVO = "documento_nuevo"
    ARCHIVO_NUEVO = "archivo_nuevo"  # new bytes: first upload or a new revision
    METADATOS = "metadatos"  # metadata added or edited (e.g. the expediente number)
    OTRO = "otro"


@dataclass(frozen=True)
class EventoDocumental:
    """One entry of the DMS event log; ``posicion`` is what ``eventos_desde`` takes to resume after it."""

    posicion: int
    evento_id: str  # unique per DMS (for idempotency), e.g. ``mayan:25``
    clase: ClaseEvento
    verbo: str  # the DMS's own verb, for the record
    dms_id: str | None  # the document concerned, when the event concerns one
    version: str | None  # the revision, for ARCHIVO_NUEVO
    actor: str | None
    momento: str  # ISO timestamp as the DMS reports it


@dataclass(frozen=True)
class FichaDocumento:
    """A document as the DMS holds it now: the reference to its current revision and its metadata."""

    referencia: ReferenciaDocumento
    expediente: str | None
    registrado_por: str | None = None
    metadatos: Mapping[str, str] = field(default_factory=dict)


class PuertoDocumental(ABC):
    """A document-management system as the CTI system needs it."""

    nombre: str = "dms"

    @abstractmethod
    def registrar(self, contenido: bytes, nombre: str, tipo: str,
                  metadatos: Mapping[str, str]) -> ReferenciaDocumento:
        """File ``contenido`` as a new document of ``tipo`` with ``metadatos`` (must include CAMPO_EXPEDIENTE);
        return the reference once the DMS holds the bytes and its checksum equals our SHA-256."""

    @abstractmethod
    def obtener(self, referencia: ReferenciaDocumento) -> bytes:
        """The exact bytes of the referenced revision; raises ErrorDocumental if they no longer hash to sha256."""

    @abstractmethod
    def verificar(self, referencia: ReferenciaDocumento) -> ResultadoVerificacion:
        """Whether the DMS still holds what the reference names (bytes, checksum, current revision)."""

    @abstractmethod
    def describir(self, dms_id: str, version: str | None = None) -> FichaDocumento:
        """A revision (default: the current one) as a reference whose hash was checked against the downloaded
        bytes, with the document's metadata and who created it in the DMS."""

    @abstractmethod
    def eventos_desde(self, posicion: int, limite: int = 500) -> list[EventoDocumental]:
        """Events after ``posicion``, oldest first, at most ``limite`` (the oldest ones when there are more)."""

    @abstractmethod
    def documentos_de(self, expediente: str) -> list[ReferenciaDocumento]:
        """Current revisions of the documents whose CAMPO_EXPEDIENTE metadata equals ``expediente``."""
