"""tramite and the document-management system: incorporating DMS documents into files, filing documents acts produce.

Why on the application (a mixin of ``AplicacionTramite``): both are commands on the single writer. Incorporation is
idempotent by (dms, dms_id, version) in the aggregate, so the poller, a webhook and a retry can all deliver the same
revision. Filing happens INSIDE the act's command, after the act was validated with a provisional reference: nothing
is filed for an act the law refuses, and a poller that sees the new DMS document queues its incorporation behind the
act on the same writer, so it finds the revision already carried by the act and attaches nothing (no race).
Cost: the writer waits for the DMS upload (about 0.6-0.9 s with Mayan) on the rare acts that file a document.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from services.tramite.domain import motor
from shared.documentos.entrada import Incorporacion
from shared.documentos.puerto import (CAMPO_EXPEDIENTE, CAMPO_FECHA, CAMPO_NUMERO, ErrorDocumental,
                                      PuertoDocumental)
from shared.documentos.referencia import ReferenciaDocumento
from shared.errores import DatosInvalidos, NoEncontrado, ServicioNoDisponible
from shared.eventos.sobre import SISTEMA, acto

SIN_DMS = "Este servicio no tiene un sistema de gestion documental configurado (CTI_DMS_URL)."


class ComandosDocumentales:
    puerto: PuertoDocumental | None = None

    def incorporar_documento(self, numero: str, referencia: Mapping[str, Any], registrado_por: str | None = None,
                             evento_dms: str | None = None) -> dict[str, Any]:
        """Record ``DocumentoIncorporado`` on the file (its envelope carries the full reference), once per revision."""
        ref = ReferenciaDocumento.de_dict(dict(referencia)).a_dict()  # validated again: it crossed a process
        exp = self.expediente(numero)  # type: ignore[attr-defined]
        with acto(correlacion=numero, documentos=(ref,)):
            nuevo = exp.incorporar_documento(ref, registrado_por, evento_dms)
        if nuevo:
            self.guardar(exp)  # type: ignore[attr-defined]
        return {"numero": numero, "incorporado": nuevo, "version": exp.version, "referencia": ref,
                "motivo": None if nuevo else "la misma version del documento ya esta en el expediente"}

    def emitir_para_acto(self, exp: Any, accion: str, emitido: Mapping[str, Any], documentos: list[dict[str, Any]],
                         kwargs: Mapping[str, Any]) -> dict[str, Any]:
        """Validate the act with a provisional reference, then file the produced document under the file number;
        returns the DMS reference (its SHA-256 equals the DMS checksum: ``registrar`` checks it)."""
        definicion = exp.definicion.accion(accion)
        tipo = emitido.get("tipo") or (definicion.documento if definicion else None)
        if not tipo:
            raise DatosInvalidos(f"La accion '{accion}' no lleva documento propio: indique su tipo.",
                                 [{"campo": "documento_emitido.tipo", "mensaje": "obligatorio para este acto"}])
        provisional = {"tipo": tipo, "numero": emitido["numero"], "fecha": str(emitido["fecha"])}
        argumentos = {**kwargs, "tipo_actor": kwargs["actor_tipo_oficina"]}
        argumentos.pop("actor_tipo_oficina")
        motor.preparar_acto(exp, accion, documentos=[*documentos, provisional], **argumentos)  # pure: raises only
        if self.puerto is None:
            raise ServicioNoDisponible(SIN_DMS)
        metadatos = {CAMPO_EXPEDIENTE: exp.numero, CAMPO_NUMERO: provisional["numero"],
                     CAMPO_FECHA: provisional["fecha"]}
        try:
            ref = self.puerto.registrar(emitido["contenido"], emitido["nombre"], tipo, metadatos)
        except ErrorDocumental as e:
            raise ServicioNoDisponible(f"El sistema de gestion documental no registro el documento: {e}") from e
        return ref.a_dict()


def incorporar_en_acto(app: Any, inc: Incorporacion) -> dict[str, Any]:
    """Run on the writer: the system incorporates what the DMS announced; the DMS event is the causation."""
    with acto(actor=SISTEMA, correlacion=inc.expediente, causacion=inc.evento_id, fecha_negocio=None):
        try:
            return app.incorporar_documento(inc.expediente, inc.referencia.a_dict(), inc.registrado_por,
                                            inc.evento_id)
        except NoEncontrado:
            return {"numero": inc.expediente, "incorporado": False, "version": None,
                    "referencia": inc.referencia.a_dict(), "motivo": f"no existe el expediente {inc.expediente}"}
