"""Run a service's relay as its own process: ``python -m shared.mensajeria.proceso_relay --servicio registro``.

By default each service runs its relay in-process (``CTI_RELAY_EN_PROCESO=true``); operators who want to restart
or scale publishing separately from the API run this instead, with ``CTI_RELAY_EN_PROCESO=false`` on the service.
"""

from __future__ import annotations

import argparse
import asyncio
import signal

from shared.almacen.aplicacion import AplicacionCTI
from shared.configuracion import Configuracion
from shared.http.registro_log import configurar_logs
from shared.lecturas.motor import crear_motor
from shared.mensajeria.relay import Relay


async def _correr(config: Configuracion) -> None:
    # Same application name as the service, so the PostgreSQL recorder finds the service's own table.
    app = type(f"Relay{config.servicio}", (AplicacionCTI,), {"name": config.servicio})(config.database_url)
    relay = Relay(config.servicio, app, crear_motor(config.database_url), config.nats_url)
    parar = asyncio.Event()
    loop = asyncio.get_running_loop()
    for s in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(s, parar.set)
    await relay.correr(parar)


def main() -> None:
    p = argparse.ArgumentParser(description="Relay del outbox de un servicio hacia NATS JetStream.")
    p.add_argument("--servicio", required=True)
    a = p.parse_args()
    config = Configuracion(servicio=a.servicio)
    configurar_logs(f"relay-{a.servicio}", config.nivel_log)
    asyncio.run(_correr(config))


if __name__ == "__main__":
    main()
