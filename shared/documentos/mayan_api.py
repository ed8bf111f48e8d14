"""Low-level access to Mayan EDMS's REST API v4: authenticated requests, paging, and the types the adapter needs.

Why separate from the adapter: this is the part that knows Mayan's HTTP quirks (``Accept: application/json`` or the
token endpoint answers 500; 429 when throttling is on; paginated lists with ``next``), while ``mayan.py`` maps Mayan
objects onto the port's values. Document types and metadata types are created on first use (idempotently), so a
fresh Mayan needs no manual setup: one document type per ``TIPOS_DOCUMENTO`` entry, OCR off (tesseract is not
needed and its failures would only fill the log), with the expediente-number metadata type attached.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import httpx

from shared.documentos.puerto import CAMPO_EXPEDIENTE, CAMPO_FECHA, CAMPO_NUMERO, DocumentoAusente, ErrorDocumental

METADATOS = {CAMPO_EXPEDIENTE: "Numero de expediente", CAMPO_NUMERO: "Numero del documento",
             CAMPO_FECHA: "Fecha del documento (ISO)"}


class ClienteMayan:
    """Token-authenticated client for ``<url>/api/v4``; raises ErrorDocumental on transport or HTTP errors."""

    def __init__(self, url: str, token: str, timeout: float = 60.0, trust_env: bool = True,
                 transporte: httpx.BaseTransport | None = None) -> None:
        self.http = httpx.Client(base_url=url.rstrip("/") + "/api/v4", timeout=timeout, trust_env=trust_env,
                                 transport=transporte,
                                 headers={"Authorization": f"Token {token}", "Accept": "application/json"})
        self._tipos: dict[str, int] = {}
        self._metadatos: dict[str, int] = {}

    def cerrar(self) -> None:
        self.http.close()

    def pedir(self, metodo: str, ruta: str, esperado: tuple[int, ...] = (200, 201, 202, 204),
              **kw: Any) -> httpx.Response:
        for intento in range(5):
            try:
                r = self.http.request(metodo, ruta, **kw)
            except httpx.HTTPError as e:
                raise ErrorDocumental(f"Mayan no responde ({metodo} {ruta}): {e!r}") from e
            if r.status_code == 429 and intento < 4:  # throttled: Mayan's default is 20 req/s per user
                time.sleep(0.5 * (intento + 1))
                continue
            if r.status_code == 404 and 404 not in esperado:
                raise DocumentoAusente(f"Mayan {metodo} {ruta}: HTTP 404")
            if r.status_code not in esperado:
                raise ErrorDocumental(f"Mayan {metodo} {ruta}: HTTP {r.status_code} {r.text[:300]}")
            return r
        raise ErrorDocumental(f"Mayan {metodo} {ruta}: throttled")

    def json(self, metodo: str, ruta: str, **kw: Any) -> Any:
        return self.pedir(metodo, ruta, **kw).json()

    def paginas(self, ruta: str, params: dict[str, Any] | None = None) -> Iterator[dict[str, Any]]:
        """Every item of a paginated list, following ``next`` links."""
        siguiente: str | None = ruta
        parametros: dict[str, Any] | None = {"page_size": 100, **(params or {})}
        while siguiente:
            datos = self.json("GET", siguiente, params=parametros)
            yield from datos.get("results", [])
            siguiente, parametros = datos.get("next"), None  # ``next`` already carries the query

    def _buscar_o_crear(self, coleccion: str, campo: str, valor: str, cuerpo: dict[str, Any]) -> tuple[int, bool]:
        for item in self.paginas(f"/{coleccion}/"):
            if item.get(campo) == valor:
                return int(item["id"]), False
        try:
            return int(self.json("POST", f"/{coleccion}/", json=cuerpo)["id"]), True
        except ErrorDocumental:  # created concurrently by another process: find it again
            for item in self.paginas(f"/{coleccion}/"):
                if item.get(campo) == valor:
                    return int(item["id"]), False
            raise

    def metadato(self, nombre: str) -> int:
        if nombre not in self._metadatos:
            self._metadatos[nombre], _ = self._buscar_o_crear(
                "metadata_types", "name", nombre, {"name": nombre, "label": METADATOS.get(nombre, nombre)})
        return self._metadatos[nombre]

    def tipo_documento(self, tipo: str) -> int:
        """Id of the Mayan document type labelled ``tipo``, created (OCR off, metadata attached) if missing."""
        if tipo in self._tipos:
            return self._tipos[tipo]
        tipo_id, nuevo = self._buscar_o_crear("document_types", "label", tipo, {"label": tipo})
        if nuevo:
            self.pedir("PATCH", f"/document_types/{tipo_id}/ocr/settings/", json={"auto_ocr": False})
        enlazados = {int(m["metadata_type"]["id"]) for m in self.paginas(f"/document_types/{tipo_id}/metadata_types/")}
        for nombre in METADATOS:
            if self.metadato(nombre) not in enlazados:
                self.pedir("POST", f"/document_types/{tipo_id}/metadata_types/",
                           json={"metadata_type_id": self.metadato(nombre), "required": False})
        self._tipos[tipo] = tipo_id
        return tipo_id

    def metadatos_de(self, documento_id: str) -> dict[str, str]:
        return {m["metadata_type"]["name"]: m.get("value") or ""
                for m in self.paginas(f"/documents/{documento_id}/metadata/")}

    def documento_de_archivo(self, archivo_id: str) -> str | None:
        """The document holding file ``archivo_id`` (file events in Mayan's log name only the file)."""
        for item in self.paginas("/search/advanced/documents.documentfilesearchresult/", {"id": archivo_id}):
            if str(item.get("id")) == str(archivo_id):
                return str(item["document_id"])
        return None
