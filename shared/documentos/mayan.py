"""The Mayan EDMS adapter of the document-management port (REST API v4, httpx).

Mapping: a port ``dms_id`` is a Mayan document id; ``version`` is a Mayan document *file* id, because a Mayan file
is what holds immutable bytes and a checksum (Mayan "versions" are page layouts built from files). A new revision
is a new file, so an old reference keeps naming the old bytes. The DMS checksum is never trusted alone: the bytes
are downloaded and hashed whenever a reference is made from the DMS or checked (D.3 in peers.md).
Filing is stub-first (document, then metadata, then the file), so the expediente number is already on the document
when its file event appears in the log and an event-log poller never sees a file without it.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Mapping
from typing import Any

from shared.documentos.mayan_api import ClienteMayan
from shared.documentos.puerto import (CAMPO_EXPEDIENTE, CAMPO_FECHA, CAMPO_NUMERO, ClaseEvento, DocumentoAusente,
                                      DocumentoIncompleto, ErrorDocumental, EstadoVerificacion, EventoDocumental,
                                      FichaDocumento, PuertoDocumental, ResultadoVerificacion,
                                      validar_registro)
from shared.documentos.referencia import TIPOS_DOCUMENTO, ReferenciaDocumento

CLASES = {"documents.document_create": ClaseEvento.DOCUMENTO_NUEVO,
          "documents.document_file_created": ClaseEvento.ARCHIVO_NUEVO,
          "metadata.document_metadata_added": ClaseEvento.METADATOS,
          "metadata.document_metadata_edited": ClaseEvento.METADATOS}


class AdaptadorMayan(PuertoDocumental):
    nombre = "mayan"

    def __init__(self, cliente: ClienteMayan, espera_archivo: float = 60.0) -> None:
        self.api = cliente
        self.espera_archivo = espera_archivo

    def registrar(self, contenido: bytes, nombre: str, tipo: str,
                  metadatos: Mapping[str, str]) -> ReferenciaDocumento:
        validar_registro(nombre, tipo, metadatos)
        sha = hashlib.sha256(contenido).hexdigest()
        doc = self.api.json("POST", "/documents/", json={"document_type_id": self.api.tipo_documento(tipo),
                                                          "label": nombre})
        for campo, valor in metadatos.items():
            self.api.pedir("POST", f"/documents/{doc['id']}/metadata/",
                           json={"metadata_type_id": self.api.metadato(campo), "value": valor})
        self.api.pedir("POST", f"/documents/{doc['id']}/files/", data={"action_name": "replace"},
                       files={"file_new": (nombre, contenido, "application/octet-stream")})
        archivo = self._esperar_archivo(str(doc["id"]))
        if archivo["checksum"] != sha:
            raise ErrorDocumental(f"Mayan guardo el documento {doc['id']} con checksum {archivo['checksum']}, "
                                  f"distinto del SHA-256 enviado {sha}")
        return self._referencia(str(doc["id"]), archivo, tipo, metadatos)

    def obtener(self, referencia: ReferenciaDocumento) -> bytes:
        contenido = self._descargar(referencia.dms_id, referencia.version)
        if hashlib.sha256(contenido).hexdigest() != referencia.sha256:
            raise ErrorDocumental(f"El archivo {referencia.version} del documento {referencia.dms_id} ya no "
                                  "coincide con su SHA-256")
        return contenido

    def verificar(self, referencia: ReferenciaDocumento) -> ResultadoVerificacion:
        ruta = f"/documents/{referencia.dms_id}/files/{referencia.version}/"
        try:
            archivo = self.api.json("GET", ruta, esperado=(200,))
            sha_dms = hashlib.sha256(self._descargar(referencia.dms_id, referencia.version)).hexdigest()
            vigente = self.api.json("GET", f"/documents/{referencia.dms_id}/", esperado=(200,))["file_latest"] or {}
        except DocumentoAusente as e:
            return ResultadoVerificacion(referencia, EstadoVerificacion.AUSENTE, detalle=str(e))
        datos: dict[str, Any] = dict(sha256_dms=sha_dms, checksum_dms=archivo.get("checksum"),
                                     version_vigente=_str(vigente.get("id")), sha256_vigente=vigente.get("checksum"))
        if sha_dms != referencia.sha256 or archivo.get("checksum") != referencia.sha256:
            return ResultadoVerificacion(referencia, EstadoVerificacion.ALTERADO,
                                         detalle="el archivo referido ya no coincide con su SHA-256", **datos)
        if datos["sha256_vigente"] != referencia.sha256:
            return ResultadoVerificacion(referencia, EstadoVerificacion.REEMPLAZADO, detalle=(
                f"el documento tiene una version vigente distinta ({datos['version_vigente']})"), **datos)
        return ResultadoVerificacion(referencia, EstadoVerificacion.INTEGRO, **datos)

    def describir(self, dms_id: str, version: str | None = None) -> FichaDocumento:
        doc = self.api.json("GET", f"/documents/{dms_id}/", esperado=(200,))
        archivo = (self.api.json("GET", f"/documents/{dms_id}/files/{version}/", esperado=(200,)) if version
                   else doc.get("file_latest"))
        if not archivo or not archivo.get("checksum"):
            raise DocumentoIncompleto(f"El documento {dms_id} aun no tiene archivo procesado en Mayan")
        sha = hashlib.sha256(self._descargar(dms_id, str(archivo["id"]))).hexdigest()
        if sha != archivo["checksum"]:
            raise ErrorDocumental(f"Mayan informa checksum {archivo['checksum']} para el archivo {archivo['id']} "
                                  f"pero sus bytes dan {sha}")
        metadatos = self.api.metadatos_de(dms_id)
        tipo = doc["document_type"]["label"]
        ref = self._referencia(dms_id, archivo, tipo if tipo in TIPOS_DOCUMENTO else "otro", metadatos)
        creacion = next(self.api.paginas(f"/objects/documents/document/{dms_id}/events/",
                                         {"_ordering": "id", "page_size": 1}), None)
        return FichaDocumento(ref, metadatos.get(CAMPO_EXPEDIENTE) or None, _usuario(creacion), metadatos)

    def eventos_desde(self, posicion: int, limite: int = 500) -> list[EventoDocumental]:
        crudos: list[dict[str, Any]] = []
        for e in self.api.paginas("/events/", {"_ordering": "-id"}):  # no "id > N" filter: walk back to it
            if int(e["id"]) <= posicion:
                break
            crudos.append(e)
        return [self._evento(e) for e in sorted(crudos, key=lambda e: int(e["id"]))[:limite]]

    def documentos_de(self, expediente: str) -> list[ReferenciaDocumento]:
        """Search is by token, so each hit's metadata is re-read and compared exactly; checksums as the DMS reports."""
        refs = []
        for doc in self.api.paginas("/search/advanced/documents.documentsearchresult/",
                                    {"metadata__value": expediente}):
            metadatos = self.api.metadatos_de(str(doc["id"]))
            if metadatos.get(CAMPO_EXPEDIENTE) == expediente and (doc.get("file_latest") or {}).get("checksum"):
                tipo = doc["document_type"]["label"]
                refs.append(self._referencia(str(doc["id"]), doc["file_latest"],
                                             tipo if tipo in TIPOS_DOCUMENTO else "otro", metadatos))
        return sorted(refs, key=lambda r: int(r.dms_id))

    def _evento(self, e: dict[str, Any]) -> EventoDocumental:
        clase = CLASES.get(e["verb"]["id"], ClaseEvento.OTRO)
        modelo, objeto = e.get("target_content_type", {}).get("model"), e.get("target_object_id")
        dms_id, version = (str(objeto) if modelo == "document" else None), None
        if clase is ClaseEvento.ARCHIVO_NUEVO and modelo == "documentfile":
            dms_id, version = self.api.documento_de_archivo(str(objeto)), str(objeto)
        return EventoDocumental(posicion=int(e["id"]), evento_id=f"mayan:{e['id']}", clase=clase,
                                verbo=e["verb"]["id"], dms_id=dms_id, version=version, actor=_usuario(e),
                                momento=e["timestamp"])

    def _esperar_archivo(self, dms_id: str) -> dict[str, Any]:
        """Processing may be asynchronous (Celery worker): poll until the file and its checksum are there."""
        limite = time.monotonic() + self.espera_archivo
        while True:
            doc = self.api.json("GET", f"/documents/{dms_id}/")
            if (doc.get("file_latest") or {}).get("checksum"):
                return doc["file_latest"]
            if time.monotonic() > limite:
                raise ErrorDocumental(f"Mayan no proceso el archivo del documento {dms_id} en {self.espera_archivo} s")
            time.sleep(0.1)

    def _descargar(self, dms_id: str, archivo_id: str) -> bytes:
        return self.api.pedir("GET", f"/documents/{dms_id}/files/{archivo_id}/download/", esperado=(200,)).content

    def _referencia(self, dms_id: str, archivo: dict[str, Any], tipo: str,
                    metadatos: Mapping[str, str]) -> ReferenciaDocumento:
        firmas = list(self.api.paginas(f"/documents/{dms_id}/files/{archivo['id']}/signatures/embedded/"))
        firma = firmas[0] if firmas else {}
        return ReferenciaDocumento(
            dms=self.nombre, dms_id=dms_id, version=str(archivo["id"]), nombre=archivo["filename"],
            media_type=archivo["mimetype"], sha256=archivo["checksum"], tamano=int(archivo["size"]), tipo=tipo,
            numero=metadatos.get(CAMPO_NUMERO) or None, fecha=metadatos.get(CAMPO_FECHA) or None,
            firmante=(firma.get("key_user_id") or firma.get("key_id")) or None,
            firma_valida=bool(firma.get("public_key_fingerprint")) if firma else None,
            firma_detalle=f"mayan-gpg:{firma.get('key_id')}" if firma else None)


def _usuario(evento: dict[str, Any] | None) -> str | None:
    actor = (evento or {}).get("actor")
    return actor.get("username") if isinstance(actor, dict) else None


def _str(valor: Any) -> str | None:
    return None if valor is None else str(valor)
