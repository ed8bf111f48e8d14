"""Cross-aggregate policies of the registry as pure functions (the process managers of the laws note, §7):

1. ``ObligacionAnualVencida`` => suspend the benefits of the entity's registration (RGL 78); fiscalizacion consumes
   the same event to open a case for INF-03 / INF-04 (it is not this service's business).
2. ``OmisionReparada`` => restore them ("hasta la reparacion de la omision", RGL 78; Ley 27692 art. 22(c)).
3. A sanction of suspension imposed by fiscalizacion => suspend; its compliance => restore. A "cancelacion" sanction
   is refused by ``Inscripcion.cancelar`` (struck by the TC).

The application finds the registration through the ``indice`` (RUC + registry), calls the command returned here with
``actor=SISTEMA`` and saves. Suspension is keyed by the cause id, so a redelivered event records nothing new.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any


def comando_para_inscripcion(tipo_evento: str, datos: Mapping[str, Any]) -> dict[str, Any] | None:
    """The ``Inscripcion`` command an upstream event calls for, or None when it calls for nothing."""
    if tipo_evento == "ObligacionAnualVencida":
        return {"accion": "suspender_beneficios", "causa": "obligacion_anual", "causa_id": datos["causa_id"],
                "hoy": _fecha(datos["vencida_el"])}
    if tipo_evento == "OmisionReparada":
        return {"accion": "restituir_beneficios", "causa_id": datos["causa_id"], "hoy": _fecha(datos["reparada_el"])}
    if tipo_evento == "SancionImpuesta" and datos.get("tipo") == "suspension_beneficios":
        return {"accion": "suspender_beneficios", "causa": "sancion", "causa_id": datos["sancion_id"],
                "hoy": _fecha(datos["fecha"])}
    if tipo_evento == "SancionCumplida" and datos.get("tipo") == "suspension_beneficios":
        return {"accion": "restituir_beneficios", "causa_id": datos["sancion_id"], "hoy": _fecha(datos["fecha"])}
    return None


def _fecha(valor: Any) -> date:
    return valor if isinstance(valor, date) else date.fromisoformat(str(valor))
