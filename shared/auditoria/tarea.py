"""The service side of checkpoints: sign the log every few seconds when it grew, keep it, publish it on NATS.

Each new checkpoint extends the previous one's root with the entries after its position (cost proportional to the
new events, not to the log). Publishing goes to ``checkpoints.<servicio>`` (stream ``CHECKPOINTS``) with a message
id per (position, root), so re-publishing after a restart or a NATS outage is harmless; the gateway keeps a copy.
"""

from __future__ import annotations

import asyncio
import json
import logging
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import Engine

from shared.almacen.aplicacion import AplicacionCTI
from shared.auditoria import tablas
from shared.auditoria.checkpoint import cargar_o_generar, clave_id, extender, firmar, pem_publica
from shared.auditoria.log_servicio import iterar_entradas
from shared.eventos.sobre import GENESIS
from shared.mensajeria.conexion import conectar
from shared.mensajeria.flujos import asegurar_stream_servicio

log = logging.getLogger("cti.checkpoints")
ORIGEN = "checkpoints"  # stream CHECKPOINTS holds checkpoints.>


class Checkpoints:
    def __init__(self, servicio: str, app: AplicacionCTI, motor: Engine, clave: Ed25519PrivateKey) -> None:
        self.servicio, self.app, self.motor, self.clave = servicio, app, motor, clave
        self.clave_publica = pem_publica(clave)
        self.clave_id = clave_id(self.clave_publica)
        self._cerrojo = threading.Lock()
        self.publicado: tuple[int, str] | None = None

    def ultimo(self) -> dict[str, Any] | None:
        with self.motor.connect() as c:
            propios = [f for f in tablas.listar(c, self.servicio) if f["clave_id"] == self.clave_id]
        return max(propios, key=lambda f: (f["posicion"], f["emitido_en"]), default=None)

    def tomar(self) -> dict[str, Any] | None:
        """Sign the log up to its last readable position if it grew since the last checkpoint; return the latest."""
        with self._cerrojo:
            ultimo = self.ultimo()
            posicion, raiz, cantidad = (ultimo["posicion"], ultimo["raiz"], ultimo["cantidad"]) if ultimo else (
                0, GENESIS, 0)
            nuevas, hasta = 0, posicion  # streamed: the first checkpoint of a large log keeps no list of entries
            for entrada in iterar_entradas(self.app, self.servicio, posicion + 1):
                if entrada[4] is None:
                    log.error("checkpoint %s detenido en %s: evento ilegible", self.servicio, entrada[0])
                    break
                raiz = extender(raiz, (entrada,))
                nuevas, hasta = nuevas + 1, entrada[0]
            if not nuevas:
                return ultimo
            cp = firmar(self.clave, self.servicio, hasta, cantidad + nuevas, raiz, datetime.now(UTC).isoformat())
            with self.motor.begin() as c:
                tablas.guardar(c, cp, self.clave_publica)
            return {**cp, "clave_publica": self.clave_publica}

    async def correr(self, parar: asyncio.Event, nats_url: str, intervalo: float) -> None:
        nc = await conectar(nats_url, f"checkpoints-{self.servicio}", parar)
        if nc is None:
            return
        js = nc.jetstream(timeout=3)
        try:
            while not parar.is_set():
                try:
                    await self._publicar(js, await asyncio.to_thread(self.tomar))
                except Exception as e:  # NATS or the database down: try again at the next tick
                    log.warning("checkpoint %s: %s", self.servicio, e)
                try:
                    await asyncio.wait_for(parar.wait(), timeout=intervalo)
                except TimeoutError:
                    pass
        finally:
            await nc.close()

    async def _publicar(self, js, cp: dict[str, Any] | None) -> None:  # type: ignore[no-untyped-def]
        if cp is None or self.publicado == (cp["posicion"], cp["raiz"]):
            return
        await asegurar_stream_servicio(js, ORIGEN)
        mensaje = {k: cp[k] for k in ("servicio", "posicion", "cantidad", "raiz", "emitido_en", "clave_id", "firma")}
        mensaje["clave_publica"] = self.clave_publica
        await js.publish(f"{ORIGEN}.{self.servicio}", json.dumps(mensaje).encode(),
                         headers={"Nats-Msg-Id": f"checkpoint:{self.servicio}:{cp['posicion']}:{cp['raiz'][:16]}"})
        self.publicado = (cp["posicion"], cp["raiz"])


async def iniciar_checkpoints(comp: Any, parar: asyncio.Event) -> list[asyncio.Task[None]]:
    """Called by the service chassis: the key (created in development), the on-demand signer, the periodic task;
    in the gateway, the consumer that keeps the services' checkpoints (``extra["receptor_checkpoints"]``), kept
    apart from the history consumers so it does not count in the history's lag."""
    config = comp.config
    if comp.extra.get("receptor_checkpoints") is not None:
        return [asyncio.create_task(comp.extra["receptor_checkpoints"].correr(parar))]
    if comp.aplicacion is None:
        return []
    ruta = config.clave_checkpoint or config.directorio_datos / "claves" / f"checkpoint-{config.servicio}.pem"
    clave = await asyncio.to_thread(cargar_o_generar, Path(ruta), config.entorno != "produccion")
    comp.extra["checkpoints"] = cps = Checkpoints(config.servicio, comp.aplicacion, comp.motor, clave)
    if config.intervalo_checkpoint <= 0:
        return []
    return [asyncio.create_task(cps.correr(parar, config.nats_url, config.intervalo_checkpoint))]
