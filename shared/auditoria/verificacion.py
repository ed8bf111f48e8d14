"""Verify a bundle: signatures, every checkpoint against the log, every stream's chain, inclusion and completeness.

The same function runs offline (``cti-auditoria verificar``) and online (the gateway's ``/verificacion``), so the
two cannot disagree. Each finding names the service and, where it can, the stream, the version and the log position.
What each check catches: an edited payload or swapped events break a stream's chain; a deleted event leaves a gap in
its stream or a signed log entry that the bundle does not carry; a deleted tail or a consistently rewritten stream
changes the recomputed root of a checkpoint taken before (the gateway's copy survives a rewritten service table).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from shared.auditoria.cadena import verificar_cadenas
from shared.auditoria.checkpoint import entrada_de, firma_valida, raices_en


@dataclass(frozen=True)
class Hallazgo:
    servicio: str
    motivo: str
    stream: str | None = None
    version: int | None = None
    posicion: int | None = None

    def a_dict(self) -> dict[str, Any]:
        return asdict(self)

    def __str__(self) -> str:
        donde = [f"servicio={self.servicio}"] + [f"{k}={v}" for k, v in (
            ("stream", self.stream), ("version", self.version), ("posicion", self.posicion)) if v is not None]
        return f"{' '.join(donde)}: {self.motivo}"


def verificar_paquete(paquete: Mapping[str, Any], fijadas: Mapping[str, str] | None = None) -> list[Hallazgo]:
    """All findings; an empty list means the bundle verifies. ``fijadas``: service -> pinned public key (PEM)."""
    fijadas = fijadas or {}
    claves = {(c["servicio"], c["clave_id"]): c["pem"] for c in paquete["claves_publicas"]}
    logs = {s["servicio"]: s for s in paquete["checkpoints"]}
    hallazgos = [h for s, sec in logs.items() for h in _verificar_log(s, sec, claves, fijadas.get(s))]
    hallazgos += [Hallazgo(s, "no hay checkpoint del servicio para la clave fijada") for s in fijadas if s not in logs]
    por_servicio: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for e in paquete["eventos"]:
        por_servicio[str(e.get("servicio"))].append(e)
    if not por_servicio:
        hallazgos.append(Hallazgo("-", f"el paquete no trae eventos del expediente {paquete['correlacion']}"))
    for servicio, eventos in por_servicio.items():
        if servicio not in logs:
            hallazgos.append(Hallazgo(servicio, "el paquete no trae el log firmado de este servicio"))
            continue
        hallazgos += _verificar_eventos(servicio, eventos, logs[servicio], paquete["correlacion"])
    return hallazgos


def _verificar_log(servicio: str, seccion: Mapping[str, Any], claves: Mapping[tuple[str, str], str],
                   fijada: str | None) -> list[Hallazgo]:
    log: Sequence[Sequence[Any]] = seccion["log"]
    hallazgos = [Hallazgo(servicio, "evento ilegible en el almacen", e[1], e[2], e[0]) for e in log if e[4] is None]
    ids = [int(e[0]) for e in log]
    if ids != sorted(set(ids)):
        hallazgos.append(Hallazgo(servicio, "las entradas del log no estan en orden o se repiten"))
    if not seccion["firmados"]:
        hallazgos.append(Hallazgo(servicio, "no hay ningun checkpoint firmado del log"))
    validos = []
    for cp in seccion["firmados"]:
        p, emitido = int(cp["posicion"]), cp.get("emitido_en")
        pem = fijada or claves.get((servicio, cp.get("clave_id")))
        if pem is None:
            hallazgos.append(Hallazgo(servicio, f"checkpoint firmado con una clave desconocida ({cp.get('clave_id')})",
                                      posicion=p))
            continue
        if cp.get("servicio") != servicio or not firma_valida(cp, pem):
            extra = " o no con la clave publica fijada" if fijada else ""
            hallazgos.append(Hallazgo(servicio, f"firma invalida del checkpoint emitido {emitido}{extra}", posicion=p))
            continue
        validos.append(cp)
    raices = raices_en(log, sorted({int(cp["posicion"]) for cp in validos}))
    for cp in validos:
        p, emitido = int(cp["posicion"]), cp.get("emitido_en")
        raiz, n = raices[p]
        if n < int(cp["cantidad"]):
            motivo = (f"faltan eventos: el checkpoint firmado {emitido} cuenta {cp['cantidad']} hasta la posicion "
                      f"{p} y el log tiene {n}")
            hallazgos.append(Hallazgo(servicio, motivo, posicion=p))
        elif raiz != cp["raiz"] or n != int(cp["cantidad"]):
            hallazgos.append(Hallazgo(servicio, f"el log hasta la posicion {p} no coincide con el checkpoint firmado "
                                                f"{emitido}: eventos alterados, reordenados o reescritos", posicion=p))
    return hallazgos


def _verificar_eventos(servicio: str, eventos: list[Mapping[str, Any]], seccion: Mapping[str, Any],
                       correlacion: str) -> list[Hallazgo]:
    hallazgos, legibles = [], []
    for e in eventos:
        falta = [c for c in ("agregado_id", "version", "tipo", "timestamp", "notificacion_id") if e.get(c) is None]
        if e.get("ilegible") or falta:
            hallazgos.append(Hallazgo(servicio, f"evento ilegible o incompleto ({e.get('ilegible') or falta})",
                                      e.get("agregado_id"), e.get("version"), e.get("notificacion_id")))
        else:
            legibles.append(e)
    hallazgos += [Hallazgo(servicio, f.motivo, f.stream, f.version) for f in verificar_cadenas(legibles)]
    por_posicion = {int(x[0]): list(x) for x in seccion["log"]}
    firmado_hasta = max((int(cp["posicion"]) for cp in seccion["firmados"]), default=0)
    for e in legibles:
        n = int(e["notificacion_id"])
        if n not in por_posicion:
            motivo = "el evento no esta en el log del servicio"
        elif por_posicion[n] != entrada_de(e):
            motivo = "el evento no coincide con la entrada del log en su posicion"
        elif n > firmado_hasta:
            motivo = f"el evento es posterior al ultimo checkpoint firmado ({firmado_hasta})"
        else:
            continue
        hallazgos.append(Hallazgo(servicio, motivo, e["agregado_id"], int(e["version"]), n))
    incluidos = {int(e["notificacion_id"]) for e in eventos if e.get("notificacion_id") is not None}
    streams = {str(e.get("agregado_id")) for e in eventos}
    for x in seccion["log"]:
        if (x[1] in streams or (correlacion and x[3] == correlacion)) and int(x[0]) not in incluidos:
            hallazgos.append(Hallazgo(servicio, "el log firmado tiene este evento del expediente y el paquete no lo "
                                                "trae", x[1], x[2], int(x[0])))
    return hallazgos
