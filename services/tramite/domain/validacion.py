"""Checks of an act's fields and document references, reported all at once as ``DatosInvalidos`` field errors.

Documents are references to the document-management system, never blobs: a dict with ``tipo`` and, for the
document that carries a hop, ``numero`` and ``fecha`` (the oficio/nota number and date the manual's forms cite,
§6.3); ``dms_id``, ``version`` and ``sha256`` identify the stored file. A reference filed by or verified against the
DMS (``shared.documentos.ReferenciaDocumento``) also keeps ``dms``, ``nombre``, ``media_type``, ``tamano`` and the
signature fields, so auditors can fetch and re-hash exactly those bytes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from shared.errores import DatosInvalidos

from services.tramite.domain.definicion import DocumentoCondicional

_SHA256 = re.compile(r"^[0-9a-f]{64}$")
CAMPOS_DOCUMENTO = ("tipo", "numero", "fecha", "dms_id", "version", "sha256", "dms", "nombre", "media_type",
                    "tamano", "firmante", "firma_valida", "firma_detalle")


def normalizar_documentos(documentos: Iterable[dict[str, Any]] | None) -> list[dict[str, Any]]:
    """Keep only the reference fields, with dates as ISO strings, so payloads stay small and JSON-able."""
    salida = []
    for doc in documentos or ():
        ref = {k: doc[k] for k in CAMPOS_DOCUMENTO if doc.get(k) is not None}
        if isinstance(ref.get("fecha"), date):
            ref["fecha"] = ref["fecha"].isoformat()
        salida.append(ref)
    return salida


def errores_documentos(documentos: Sequence[dict[str, Any]], exigidos: Iterable[str], portador: str | None) -> list:
    errores = []
    for i, doc in enumerate(documentos):
        if not doc.get("tipo"):
            errores.append({"campo": f"documentos[{i}].tipo", "mensaje": "cada documento indica su tipo"})
        if doc.get("sha256") and not _SHA256.match(str(doc["sha256"])):
            errores.append({"campo": f"documentos[{i}].sha256", "mensaje": "64 caracteres hexadecimales"})
    tipos = {d.get("tipo") for d in documentos}
    for tipo in exigidos:
        if tipo not in tipos:
            errores.append({"campo": "documentos", "mensaje": f"falta el documento '{tipo}'"})
    if portador:
        for doc in (d for d in documentos if d.get("tipo") == portador):
            for campo in ("numero", "fecha"):
                if not doc.get(campo):
                    errores.append({"campo": f"documentos.{portador}.{campo}", "mensaje": "obligatorio en el tramo"})
    return errores


def errores_campos(
    datos: dict[str, Any],
    campos: Iterable[str],
    valores: dict[str, tuple[str, ...]],
    condicionales: Iterable[DocumentoCondicional],
    documentos: Sequence[dict[str, Any]],
) -> list:
    errores = []
    for campo in campos:
        if datos.get(campo) in (None, "", [], {}):
            errores.append({"campo": campo, "mensaje": "obligatorio"})
    for campo, permitidos in valores.items():
        if campo in datos and datos[campo] not in permitidos:
            errores.append({"campo": campo, "mensaje": f"valores permitidos: {', '.join(permitidos)}"})
    tipos = {d.get("tipo") for d in documentos}
    for cond in condicionales:
        if datos.get(cond.campo) == cond.valor and cond.documento not in tipos:
            errores.append({"campo": "documentos", "mensaje": f"falta '{cond.documento}' ({cond.campo}={cond.valor})"})
    return errores


def exigir_validos(errores: list, que: str) -> None:
    if errores:
        nombres = ", ".join(e["campo"] for e in errores)
        raise DatosInvalidos(f"Datos incompletos o invalidos para {que}: {nombres}", errores=errores)
