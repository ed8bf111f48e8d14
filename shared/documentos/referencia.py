"""The reference to a document held by a document-management system (DMS): a value with integrity, never the blob.

Why a value object: an act in an expediente must keep pointing at the exact bytes it was based on. The reference
pins the DMS object id AND the revision (``version``) that holds those bytes, plus their SHA-256 and size, so a new
revision in the DMS can never silently change what an earlier act referenced, and anyone can fetch the bytes again
and check them. Ids and names come from outside (a DMS, a webhook), so they are validated here against path
traversal and injection before they reach a URL or a file name.

``a_dict()`` is a superset of ``shared.eventos.sobre.Documento`` (tipo, numero, fecha, dms_id, version, sha256),
so a reference goes into an event envelope's ``documentos`` as is.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from shared.errores import DatosInvalidos

TIPOS_DOCUMENTO: frozenset[str] = frozenset({
    "oficio", "nota_diplomatica", "resolucion", "resolucion_ministerial", "resolucion_directoral", "acta",
    "informe", "informe_tecnico", "informe_legal", "informe_evaluativo", "constancia",
    "constancia_inscripcion_por_silencio_positivo", "carta", "memorando", "solicitud", "convenio",
    "proyecto_convenio", "proyecto_resolucion", "comunicacion_fuente", "escrito_subsanacion",
    "escrito_desistimiento", "apelacion", "reconsideracion", "curriculum_vitae", "programa_actividades",
    "formato_a1", "formato_b1", "formato_f1", "formato_f2", "anexo", "otro",
})
"""Document types the system accepts; the DMS adapter creates one DMS document type per entry on demand."""

_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,119}$")  # no '/', '\\', spaces, '%', starts alphanumeric
_MEDIA = re.compile(r"^[a-z0-9][a-z0-9.+-]*/[a-z0-9][a-z0-9.+-]*$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class ReferenciaInvalida(DatosInvalidos):
    """A reference with a malformed field; ``errores`` names each field (problem+json ``errores``)."""


def nombre_seguro(nombre: str) -> str | None:
    """Why the file name is unsafe (path separators, '..', control chars, too long), or None if it is fine."""
    if not nombre or len(nombre) > 255:
        return "entre 1 y 255 caracteres"
    if "/" in nombre or "\\" in nombre or ".." in nombre or _CONTROL.search(nombre):
        return "sin separadores de ruta, '..' ni caracteres de control"
    if nombre.strip() != nombre or nombre.startswith("."):
        return "sin espacios al borde ni punto inicial"
    return None


def id_seguro(valor: str) -> bool:
    """Ids end up in DMS URLs: only [A-Za-z0-9._:-], starting alphanumeric, no '..'."""
    return bool(_ID.match(valor)) and ".." not in valor


@dataclass(frozen=True)
class ReferenciaDocumento:
    """Which bytes, in which DMS, carried an act: identity, integrity (sha256, size) and the document's own data.

    ``version`` is the DMS revision that holds exactly these bytes (Mayan: the document *file* id; CMIS: the
    version's object id). ``firma_valida`` is None when the DMS did not check a signature.
    """

    dms: str
    dms_id: str
    version: str
    nombre: str
    media_type: str
    sha256: str
    tamano: int
    tipo: str
    numero: str | None = None
    fecha: date | None = None
    firmante: str | None = None
    firma_valida: bool | None = None
    firma_detalle: str | None = None

    def __post_init__(self) -> None:
        if isinstance(self.fecha, str):  # accept ISO dates from JSON
            try:
                object.__setattr__(self, "fecha", date.fromisoformat(self.fecha))
            except ValueError:
                raise ReferenciaInvalida("Referencia de documento invalida.",
                                         [{"campo": "fecha", "mensaje": "fecha ISO AAAA-MM-DD"}]) from None
        errores = list(_errores(self))
        if errores:
            raise ReferenciaInvalida("Referencia de documento invalida.", errores)

    def a_dict(self) -> dict[str, Any]:
        datos = asdict(self)
        datos["fecha"] = self.fecha.isoformat() if self.fecha else None
        return {k: v for k, v in datos.items() if v is not None}

    @classmethod
    def de_dict(cls, datos: dict[str, Any]) -> "ReferenciaDocumento":
        campos = cls.__dataclass_fields__
        extra = sorted(set(datos) - set(campos))
        if extra:
            raise ReferenciaInvalida("Referencia de documento invalida.",
                                     [{"campo": k, "mensaje": "campo desconocido"} for k in extra])
        return cls(**datos)

    def misma_version(self, otra: "ReferenciaDocumento") -> bool:
        """Same DMS object and revision (the key for idempotent incorporation)."""
        return (self.dms, self.dms_id, self.version) == (otra.dms, otra.dms_id, otra.version)


def _errores(r: ReferenciaDocumento):  # type: ignore[no-untyped-def]
    for campo in ("dms", "dms_id", "version"):
        valor = getattr(r, campo)
        if not isinstance(valor, str) or not id_seguro(valor):
            yield {"campo": campo, "mensaje": "identificador: [A-Za-z0-9._:-], sin '..', hasta 120"}
    motivo = nombre_seguro(r.nombre) if isinstance(r.nombre, str) else "texto"
    if motivo:
        yield {"campo": "nombre", "mensaje": f"nombre de archivo {motivo}"}
    if not isinstance(r.media_type, str) or not _MEDIA.match(r.media_type):
        yield {"campo": "media_type", "mensaje": "tipo MIME tipo/subtipo en minusculas"}
    if not isinstance(r.sha256, str) or not _SHA256.match(r.sha256):
        yield {"campo": "sha256", "mensaje": "64 caracteres hexadecimales en minusculas"}
    if not isinstance(r.tamano, int) or isinstance(r.tamano, bool) or r.tamano < 0:
        yield {"campo": "tamano", "mensaje": "entero >= 0"}
    if r.tipo not in TIPOS_DOCUMENTO:
        yield {"campo": "tipo", "mensaje": "tipo de documento fuera del catalogo"}
    for campo in ("numero", "firmante", "firma_detalle"):
        valor = getattr(r, campo)
        if valor is not None and (not isinstance(valor, str) or not valor or len(valor) > 200
                                  or _CONTROL.search(valor)):
            yield {"campo": campo, "mensaje": "texto de 1 a 200 caracteres, sin caracteres de control"}
    if r.fecha is not None and not isinstance(r.fecha, date):
        yield {"campo": "fecha", "mensaje": "fecha"}
    if r.firma_valida is not None and not isinstance(r.firma_valida, bool):
        yield {"campo": "firma_valida", "mensaje": "booleano o nulo"}
