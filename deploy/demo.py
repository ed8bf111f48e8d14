"""Demo data, loaded through the public API so it exercises the same paths as a user. Idempotent: an existing record
answers 409 and is left as it is (with the acts that followed its creation, sent by the run that created it), and
every request carries an ``Idempotency-Key`` for retries within a run, so a second ``make run`` reuses the data.

The offices load before the URLs are printed. The registries' demo (``services.registro.domain.demo``: about 310
entities, 1,629 acts sorted by business date) loads in a background thread afterwards, so ``make run`` still answers
within seconds; each act is sent with a token for its own actor (the entity, the registry keeper, the Director
Ejecutivo, the Foreign Ministry), signed with the development key ``make run`` generated. Acts the service performs
by itself are not sent: deadlines expire through the scheduler (which runs every minute with today's date) and the
suspensions and restitutions that follow an annual obligation are applied by registro's own policies.
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx

DATOS = Path(__file__).resolve().parent.parent / "services" / "registro" / "datos"
HILOS = 4
RUTAS = {"Inscripcion": "inscripciones", "ObligacionAnual": "obligaciones-anuales", "ExpertoVoluntario": "expertos"}
CREACIONES = {"presentar", "abrir", "registrar_ingreso"}


def cargar_oficinas(cliente: httpx.Client, token: str) -> tuple[int, int]:
    oficinas = json.loads((DATOS / "oficinas.json").read_text())["oficinas"]
    creadas = existentes = 0
    for o in oficinas:
        r = cliente.post("/api/v1/oficinas", json=o, headers={"Authorization": f"Bearer {token}",
                                                               "Idempotency-Key": f"demo-oficina-{o['codigo']}"})
        if r.status_code == 201 and r.headers.get("idempotent-replayed") != "true":
            creadas += 1
        elif r.status_code in (201, 409):
            existentes += 1
        else:
            raise RuntimeError(f"no se pudo cargar la oficina {o['codigo']}: {r.status_code} {r.text}")
    return creadas, existentes


def solicitud_http(comando: dict[str, Any]) -> tuple[str, dict[str, Any]] | None:
    """(path, body) of one demo act, or None when the service performs it by itself."""
    from shared.eventos.sobre import a_json

    if comando["origen"] == "politica" or comando["accion"] == "vencer_plazos":
        return None
    args = {k: v for k, v in comando["args"].items() if k not in ("hoy", "anios_declarados")}
    if "hoy" in comando["args"]:
        args["fecha"] = comando["args"]["hoy"]
    base = f"/api/v1/{RUTAS[comando['agregado']]}"
    ruta = base if comando["accion"] in CREACIONES else f"{base}/{comando['id']}/acciones/{comando['accion']}"
    return ruta, a_json(args)


def cargar_registros(url_gateway: str, firmar: Callable[[dict[str, Any]], str],
                     hilos: int = HILOS) -> dict[str, int]:
    """Send every act of the registries' demo; acts of one entity in order, entities in parallel."""
    from services.registro.domain.demo import generar

    por_ruc: dict[str, list[tuple[int, dict]]] = defaultdict(list)
    ruc_de: dict[str, str] = {}
    for n, comando in enumerate(generar()):
        args = comando["args"]
        ruc = ruc_de.setdefault(comando["id"], args.get("ruc") or args.get("ruc_unidad_ejecutora"))
        por_ruc[ruc].append((n, comando))
    cuenta: dict[str, int] = defaultdict(int)
    bloqueo = threading.Lock()

    def entidad(actos: list[tuple[int, dict]]) -> None:
        cargados: set[str] = set()  # aggregates a previous run already created: their acts were sent then
        with httpx.Client(base_url=url_gateway, timeout=60) as cliente:
            for n, comando in actos:
                if comando["id"] in cargados:
                    resultado = "existentes"
                else:
                    resultado = _enviar(cliente, n, comando, firmar)
                    if resultado == "existentes" and comando["accion"] in CREACIONES:
                        cargados.add(comando["id"])
                with bloqueo:
                    cuenta[resultado] += 1

    with ThreadPoolExecutor(max_workers=hilos, thread_name_prefix="demo-registro") as ejecutor:
        list(ejecutor.map(entidad, por_ruc.values()))
    return dict(cuenta)


def _enviar(cliente: httpx.Client, n: int, comando: dict[str, Any], firmar: Callable[[dict[str, Any]], str]) -> str:
    solicitud = solicitud_http(comando)
    if solicitud is None:
        return "del_servicio"
    ruta, cuerpo = solicitud
    cabeceras = {"Authorization": f"Bearer {firmar(comando['actor'])}", "Idempotency-Key": f"demo-registro-{n}"}
    for _ in range(20):
        r = cliente.post(ruta, json=cuerpo, headers=cabeceras)
        if r.status_code != 429:
            break
        time.sleep(float(r.headers.get("retry-after", "1")))
    if r.status_code in (200, 201):
        return "existentes" if r.headers.get("idempotent-replayed") == "true" else "nuevos"
    if r.status_code == 409:
        return "existentes"
    return "rechazados"


def firmante(var: Path) -> Callable[[dict[str, Any]], str]:
    """Tokens for the demo's actors, signed with the development key in ``var/claves`` (cached per actor)."""
    from shared.identidad.tokens import Emisor

    emisor = Emisor((var / "claves" / "privada.pem").read_bytes())
    cache: dict[str, str] = {}
    bloqueo = threading.Lock()

    def firmar(actor: dict[str, Any]) -> str:
        clave = f"{actor['persona']}|{actor['oficina']}"
        with bloqueo:
            if clave not in cache:
                cache[clave] = emisor.emitir(actor["persona"], actor["oficina"], list(actor["roles"]), 8 * 3600)
            return cache[clave]

    return firmar


def _en_segundo_plano(url_gateway: str, var: Path) -> None:
    inicio = time.monotonic()
    try:
        cuenta = cargar_registros(url_gateway, firmante(var))
    except Exception as e:  # the suite keeps running; the demo is a convenience
        print(f"Demo de registros: no se pudo cargar ({e})", flush=True)
        return
    print(f"Demo de registros cargada en {time.monotonic() - inicio:.1f} s: {cuenta.get('nuevos', 0)} actos nuevos, "
          f"{cuenta.get('existentes', 0)} existentes, {cuenta.get('rechazados', 0)} rechazados, "
          f"{cuenta.get('del_servicio', 0)} a cargo del propio servicio (plazos y politicas)", flush=True)


def cargar(url_gateway: str, token: str) -> dict[str, tuple[int, int]]:
    with httpx.Client(base_url=url_gateway, timeout=30) as cliente:
        resultado = {"oficinas": cargar_oficinas(cliente, token)}
    var = Path(os.environ.get("CTI_DIRECTORIO_DATOS", "var")).resolve()
    if os.environ.get("CTI_DEMO_REGISTROS", "1") != "0" and (var / "claves" / "privada.pem").exists():
        threading.Thread(target=_en_segundo_plano, args=(url_gateway, var), name="demo-registros",
                         daemon=True).start()
    return resultado
