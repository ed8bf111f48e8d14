"""B3..B6 on generated stores of 10 thousand and 1 million events in total (90% tramite, 8% registro, 2%
fiscalizacion), plus one file with 200 events across the three services (170 tramite, 20 registro, 10 fiscalizacion).

Per size: generate (bulk, valid chains) -> B4 rebuild tramite's read models in-process -> B5 verify every stored
chain in-process -> start the four services (B6 startup time) -> B3 the file's history and state as of a date
through the gateway, one client, sequential requests -> B5 one file's online verification -> B6 RSS.
"""

from __future__ import annotations

import time
from typing import Any

import httpx

from bench import carga, generador, plantillas
from bench.carga import percentil
from bench.entorno import Entorno, Suite, rss_mb
from services.registro.aplicacion import AplicacionRegistro
from services.registro.domain.oficina import Oficina
from services.tramite.aplicacion import AplicacionTramite
from services.tramite.domain.expediente import Expediente
from shared.lecturas.migraciones import migrar

ARCHIVO = "2026-BENCH-000001"
REPARTO = {"tramite": 0.90, "registro": 0.08, "fiscalizacion": 0.02}
LARGO = {"tramite": 50, "registro": 20, "fiscalizacion": 10}
DEL_ARCHIVO = {"tramite": 170, "registro": 20, "fiscalizacion": 10}


def _aplicacion(servicio: str, url: str) -> Any:
    if servicio == "tramite":
        return AplicacionTramite(url)
    if servicio == "registro":
        return AplicacionRegistro(url)
    from services.fiscalizacion.aplicacion import AplicacionFiscalizacion

    return AplicacionFiscalizacion(url)


def _familias() -> tuple[dict[str, generador.Familia], dict[str, list[Any]]]:
    familias = {
        "tramite": generador.Familia("tramite", plantillas.expediente("2026-MINSA-999999", LARGO["tramite"]),
                                     lambda i: (Expediente.create_id(n := f"2026-MINSA-{i:06d}"),
                                                ("2026-MINSA-999999", n), n)),
        "registro": generador.Familia("registro", plantillas.oficina("BENCH-PLANTILLA", LARGO["registro"]),
                                      lambda i: (Oficina.create_id(c := f"BENCH-{i:06d}"), ("BENCH-PLANTILLA", c),
                                                 f"OFICINA-{c}")),
    }
    fisc = plantillas.fiscalizacion("PLANTILLA", LARGO["fiscalizacion"])
    if fisc is not None:
        from services.fiscalizacion.domain.fiscalizacion import Fiscalizacion

        familias["fiscalizacion"] = generador.Familia(
            "fiscalizacion", fisc, lambda i: (Fiscalizacion.create_id(c := f"FISC-BENCH-{i:06d}"),
                                              ("PLANTILLA", c), f"FISC-20131312955-{i:06d}"))
    archivo = {"tramite": plantillas.expediente(ARCHIVO, DEL_ARCHIVO["tramite"]),
               "registro": plantillas.oficina("BENCH-ARCHIVO", DEL_ARCHIVO["registro"], ARCHIVO)}
    if fisc is not None:
        archivo["fiscalizacion"] = plantillas.fiscalizacion("FISC-ARCHIVO", DEL_ARCHIVO["fiscalizacion"], ARCHIVO)
    return familias, archivo


def preparar(suite: Suite, total: int) -> dict[str, Any]:
    """Migrate, generate and finish the four stores; returns counts and timings."""
    import importlib

    inicio = time.monotonic()
    for s, url in suite.urls_db.items():
        migrar(url, importlib.import_module(f"services.{s}.main").MIGRACIONES)
    familias, archivo = _familias()
    datos: dict[str, Any] = {"total_objetivo": total}
    for s, fam in familias.items():
        app = _aplicacion(s, suite.urls_db[s])
        tabla = app.recorder.events_table_name
        clones = max(1, round(total * REPARTO[s] / LARGO[s]))
        t = time.monotonic()
        siguiente = generador.generar(fam, clones, suite.urls_db[s], suite.urls_db["gateway"], tabla)
        generador.escribir(suite.urls_db[s], suite.urls_db["gateway"], tabla, s, [archivo[s]], siguiente)
        fin = generador.finalizar(s, suite.urls_db[s], suite.urls_db["gateway"], tabla,
                                  suite.datos / "claves" / f"checkpoint-{s}.pem")
        datos[s] = {**fin, "segundos": round(time.monotonic() - t, 1)}
        print(f"  {s}: {fin['eventos']} eventos en {datos[s]['segundos']} s", flush=True)
    datos["total"] = sum(v["eventos"] for k, v in datos.items() if isinstance(v, dict))
    datos["eventos_del_expediente"] = sum(len(v) for v in archivo.values())
    datos["segundos"] = round(time.monotonic() - inicio, 1)
    return datos


class _Tope:
    """The application as the projector sees it, answering no more events once ``segundos`` have passed."""

    def __init__(self, app: Any, segundos: float) -> None:
        self.app, self.mapper, self.limite = app, app.mapper, time.perf_counter() + segundos

        self.leidos = 0

    def notificaciones(self, desde: int, limite: int) -> Any:
        lote = [] if time.perf_counter() > self.limite else self.app.notificaciones(desde, limite)
        self.leidos += len(lote)
        return lote


def b4(suite: Suite, tope_s: float) -> dict[str, Any]:
    """``reconstruir()`` of tramite's read models; past ``tope_s`` it stops (rate over the prefix it did) and the
    rest of the log is marked applied, so the service does not start by projecting it (said in the report)."""
    import psycopg

    from services.tramite.proyecciones import PROYECCIONES
    from shared.lecturas.motor import crear_motor
    from shared.lecturas.proyector_local import ProyectorLocal

    app = AplicacionTramite(suite.urls_db["tramite"])
    motor = crear_motor(suite.urls_db["tramite"])
    proyector = ProyectorLocal("tramite", _Tope(app, tope_s), motor, PROYECCIONES)  # type: ignore[arg-type]
    t = time.perf_counter()
    n = proyector.reconstruir()
    s = time.perf_counter() - t
    motor.dispose()
    total = app.ultima_notificacion()
    if n < total:
        with psycopg.connect(suite.urls_db["tramite"]) as c:
            c.execute("INSERT INTO seguimiento (origen, notificacion_id) SELECT 'local:tramite', notification_id "
                      "FROM tramite_events WHERE notification_id > %s", (proyector.posicion,))
    return {"servicio": "tramite", "modelos": [t.name for p in PROYECCIONES for t in p.tablas], "eventos": n,
            "eventos_en_el_log": total, "completo": n >= total, "segundos": round(s, 2), "eventos_s": round(n / s),
            "como": "ProyectorLocal.reconstruir() en proceso (lo mismo que POST /operaciones/lecturas/reconstruir)"
            + ("" if n >= total else f"; cortado a los {tope_s:.0f} s: el ritmo es el del prefijo reconstruido y el "
               "resto del log se marco como aplicado (los modelos de lectura quedan incompletos en este escenario)")}


def b5_almacen(suite: Suite, tope_s: float) -> dict[str, Any]:
    """Each store's chains as its audit route checks them; a store still running at ``tope_s`` s is cut there (the
    verifier then covers the prefix it read: streams cut short at the end are not failures)."""
    from shared.auditoria.almacen import verificar_almacen

    total, segundos, fallas, por_servicio = 0, 0.0, 0, {}
    for s in ("registro", "tramite", "fiscalizacion"):
        app = _aplicacion(s, suite.urls_db[s])
        en_log = app.ultima_notificacion()
        contador = _Tope(app, tope_s)
        t = time.perf_counter()
        f = verificar_almacen(contador, s)  # type: ignore[arg-type]
        dt = time.perf_counter() - t
        n = contador.leidos
        por_servicio[s] = {"eventos": n, "eventos_en_el_log": en_log, "segundos": round(dt, 2),
                           "eventos_s": round(n / dt) if dt else None, "fallas": len(f)}
        total, segundos, fallas = total + n, segundos + dt, fallas + len(f)
    return {"eventos": total, "segundos": round(segundos, 2), "eventos_s": round(total / segundos), "fallas": fallas,
            "por_servicio": por_servicio, "como": "shared.auditoria.almacen.verificar_almacen (lo mismo que "
            "GET /api/v1/auditoria/<servicio>/verificacion), en proceso"}


def _serie(http: httpx.Client, url: str, veces: int) -> dict[str, Any]:
    latencias, estados = [], {}
    for i in range(veces + 3):
        t = time.perf_counter()
        r = http.get(url)
        dt = time.perf_counter() - t
        estados[r.status_code] = estados.get(r.status_code, 0) + 1
        if i >= 3 and r.status_code == 200:
            latencias.append(dt)
    ultimo = r.json() if r.status_code == 200 else r.text[:300]
    return {**carga.resumen_ms(latencias), "n": len(latencias), "estados": estados, "_ultimo": ultimo}


def b3_y_mas(entorno: Entorno, suite: Suite, veces: int) -> dict[str, Any]:
    token = entorno.token("bench-auditor", "APCI-DE", "administrador", "auditor")
    salida: dict[str, Any] = {}
    with httpx.Client(timeout=120, trust_env=False, headers={"Authorization": f"Bearer {token}"}) as http:
        g = suite.gateway
        hist = _serie(http, f"{g}/api/v1/expedientes/{ARCHIVO}/historial", veces)
        items = hist.pop("_ultimo").get("items", []) if isinstance(hist.get("_ultimo"), dict) else []
        hist["eventos_devueltos"] = len(items)
        hist["servicios"] = sorted({i["servicio"] for i in items})
        salida["historial"] = hist
        fecha = (plantillas.INICIO + plantillas.timedelta(days=plantillas.DIAS // 2)).isoformat()
        estado = _serie(http, f"{g}/api/v1/expedientes/{ARCHIVO}?a_la_fecha={fecha}", veces)
        ultimo = estado.pop("_ultimo")
        estado["a_la_fecha"] = fecha
        estado["version_devuelta"] = ultimo.get("version") if isinstance(ultimo, dict) else ultimo
        salida["a_la_fecha"] = estado
        ver = _serie(http, f"{g}/api/v1/expedientes/{ARCHIVO}/verificacion", 3)  # each reads the whole log
        ultimo = ver.pop("_ultimo")
        ver["resultado"] = {k: ultimo.get(k) for k in ("integro", "verificado", "hallazgos") if k in ultimo} \
            if isinstance(ultimo, dict) else ultimo
        salida["verificacion_expediente"] = ver
    return salida


def correr(entorno: Entorno, token: Any, perfil: dict[str, Any], solo: set[str]) -> dict[str, Any]:
    por_tamano: dict[str, Any] = {}
    for total in perfil["tamanos"]:
        clave = f"{total:_}".replace("_", ".")
        print(f"\n== escenario de {clave} eventos", flush=True)
        suite = Suite(entorno, f"n{total}")
        r: dict[str, Any] = {}
        try:
            r["almacenes"] = preparar(suite, total)
            if True:  # B4 always runs: the rebuild also leaves the read models current for the services' start-up
                r["B4"] = b4(suite, perfil["b4_tope_s"])
                print(f"  B4 {r['B4']['eventos_s']} eventos/s", flush=True)
            if "B5" in solo:
                r["B5"] = b5_almacen(suite, perfil["b4_tope_s"])
                print(f"  B5 {r['B5']['eventos_s']} eventos/s", flush=True)
            r["B6"] = {"arranque_s": {k: round(v, 2) for k, v in suite.arrancar().items()}}
            r["B6"]["rss_tras_arranque_mb"] = {s: _mb(rss_mb(p)) for s, p in suite.pids().items()}
            if solo & {"B3", "B5"}:
                r["B3"] = b3_y_mas(entorno, suite, perfil["b3_n"])
            r["B6"]["rss_tras_consultas_mb"] = {s: _mb(rss_mb(p)) for s, p in suite.pids().items()}
            print(f"  B3/B6 listos", flush=True)
        except Exception as e:  # noqa: BLE001
            import traceback

            traceback.print_exc()
            for s in suite.procesos:
                print(f"--- {s}.log\n{suite.log(s)}")
            r["error"] = f"{type(e).__name__}: {e}"
        finally:
            suite.borrar()
        por_tamano[clave] = r
    return {"escala": por_tamano}


def _mb(v: float | None) -> float | None:
    return None if v is None else round(v, 1)
