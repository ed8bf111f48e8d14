"""Stream layout on JetStream: one stream per service (``REGISTRO`` holds ``registro.>``) and one dead-letter stream.

``duplicate_window`` is how long JetStream remembers a ``Nats-Msg-Id``; the relay re-publishes at most what it had
published but not yet recorded as its position, which is seconds of events, so two hours is a wide margin. Consumers
also deduplicate by (service, notification id), so correctness does not depend on the window.
"""

from __future__ import annotations

from nats.js import JetStreamContext
from nats.js.api import StorageType, StreamConfig
from nats.js.errors import NotFoundError

VENTANA_DUPLICADOS_S = 2 * 3600
STREAM_DLQ = "DLQ"


def nombre_stream(servicio: str) -> str:
    return servicio.upper()


def id_mensaje(servicio: str, notificacion_id: int) -> str:
    return f"{servicio}:{notificacion_id}"


async def asegurar_stream(js: JetStreamContext, nombre: str, sujetos: list[str]) -> None:
    try:
        await js.stream_info(nombre)
    except NotFoundError:
        await js.add_stream(
            StreamConfig(
                name=nombre,
                subjects=sujetos,
                storage=StorageType.FILE,
                duplicate_window=VENTANA_DUPLICADOS_S,
            )
        )


async def asegurar_stream_servicio(js: JetStreamContext, servicio: str) -> None:
    await asegurar_stream(js, nombre_stream(servicio), [f"{servicio}.>"])


async def asegurar_stream_dlq(js: JetStreamContext) -> None:
    await asegurar_stream(js, STREAM_DLQ, ["dlq.>"])
