"""Read models of fiscalizacion's own events (kept by the chassis' local projector; rebuilt by
``POST /operaciones/lecturas/reconstruir``).

* ``Seguimiento``: the agenda of aggregates with open deadlines (what ``vencer_plazos`` loads, instead of every
  aggregate), and the lists of cases and inspections the list endpoints page through.
* ``RegistroSanciones`` (``proyeccion_sanciones``): the public Registro de Sanciones.

Everything is computed from the event payloads alone (``abre``/``cierra`` of a case, the requests of an inspection,
the state of a sanction), so a rebuild gives the same rows.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from services.fiscalizacion import tablas as t
from services.fiscalizacion.proyeccion_sanciones import RegistroSanciones

_CON_PLAZO_SANCION = ("amonestada", "multa_devengando")
_REQ_ABIERTOS = ("pendiente", "exhibido_parcial")


def _fecha(v: Any) -> date | None:
    return date.fromisoformat(str(v)[:10]) if v else None


def _estado_inicial_sancion(resultado: Mapping[str, Any]) -> str:
    """The same rule as ``Sancion.__init__``, read from the creation payload."""
    if any(p["paso"] == "multa_agravada" for p in resultado["pasos"]):
        return "multa_liquidada"
    sanciones = resultado["sanciones"]
    return ("amonestada" if "amonestacion" in sanciones else "multa_devengando" if "multa" in sanciones
            else "suspension_pendiente")


class Seguimiento:
    tablas = (t.agenda, t.expedientes, t.fiscalizaciones)

    def aplicar(self, c: Connection, e: Mapping[str, Any]) -> None:
        metodo = getattr(self, "_" + e["agregado"], None)
        if metodo is not None:
            metodo(c, e, e.get("datos") or {})

    @staticmethod
    def _agenda(c: Connection, aid: str, agregado: str, detalle: dict, abierto: bool, proximo: date | None) -> None:
        c.execute(delete(t.agenda).where(t.agenda.c.agregado_id == aid))
        c.execute(insert(t.agenda).values(agregado_id=aid, agregado=agregado, abierto=abierto, proximo=proximo,
                                          detalle=detalle))

    @staticmethod
    def _detalle(c: Connection, aid: str) -> dict:
        fila = c.execute(select(t.agenda.c.detalle).where(t.agenda.c.agregado_id == aid)).first()
        return dict(fila.detalle) if fila else {}

    def _expedientesancionador(self, c: Connection, e: Mapping[str, Any], d: Mapping[str, Any]) -> None:
        aid = e["agregado_id"]
        if e["tipo"] == "InvestigacionPreliminarIniciada":
            c.execute(insert(t.expedientes).values(
                id=aid, numero=d.get("numero") or e["sobre"]["correlacion"], ruc=d["ruc"], codigo=d["codigo"],
                organo_instructor=d["organo_instructor"], estado="en_evaluacion_preliminar",
                origen_tipo=(d.get("origen") or {}).get("tipo", "-"), abierto_el=_fecha(d["abierto_el"]),
                version=e["version"]))
            self._agenda(c, aid, e["agregado"], {}, False, None)
            return
        cambios: dict[str, Any] = {"version": e["version"]}
        if d.get("estado"):
            cambios["estado"] = d["estado"]
        c.execute(update(t.expedientes).where(t.expedientes.c.id == aid).values(**cambios))
        plazos = {k: v for k, v in self._detalle(c, aid).items() if k not in (d.get("cierra") or [])}
        plazos.update({k: v["vence_el"] for k, v in (d.get("abre") or {}).items()})
        proximo = min((_fecha(v) for v in plazos.values()), default=None)
        self._agenda(c, aid, e["agregado"], plazos, bool(plazos), proximo)

    def _fiscalizacion(self, c: Connection, e: Mapping[str, Any], d: Mapping[str, Any]) -> None:
        aid = e["agregado_id"]
        if e["tipo"] == "FiscalizacionProgramada":
            c.execute(insert(t.fiscalizaciones).values(
                id=aid, correlacion=e["sobre"].get("correlacion") or aid, ruc=d["ruc"], estado="programada",
                origen_tipo=(d.get("origen") or {}).get("tipo", "-"), programada_el=_fecha(d["programada_el"]),
                version=e["version"]))
            self._agenda(c, aid, e["agregado"], {"requerimientos": []}, False, None)
            return
        cambios: dict[str, Any] = {"version": e["version"]}
        if d.get("estado"):
            cambios["estado"] = d["estado"]
        c.execute(update(t.fiscalizaciones).where(t.fiscalizaciones.c.id == aid).values(**cambios))
        reqs = self._detalle(c, aid).get("requerimientos", [])
        if "requerimientos" in (d.get("agrega") or {}):
            reqs = [*reqs, d["agrega"]["requerimientos"]]
        if "requerimientos" in (d.get("asigna") or {}):
            reqs = d["asigna"]["requerimientos"]
        reqs = [{"numero": r["numero"], "estado": r["estado"], "vence_el": r["vence_el"]} for r in reqs]
        abiertos = [_fecha(r["vence_el"]) for r in reqs if r["estado"] in _REQ_ABIERTOS]
        self._agenda(c, aid, e["agregado"], {"requerimientos": reqs}, bool(abiertos), min(abiertos, default=None))

    def _sancion(self, c: Connection, e: Mapping[str, Any], d: Mapping[str, Any]) -> None:
        aid = e["agregado_id"]
        if e["tipo"] == "EjecucionSancionIniciada":
            detalle = {"estado": _estado_inicial_sancion(d["resultado"]), "suspendida": False}
        else:
            detalle = self._detalle(c, aid)
            asigna = d.get("asigna") or {}
            detalle.update({k: v for k, v in (("estado", asigna.get("estado")),
                                              ("suspendida", asigna.get("ejecucion_suspendida"))) if v is not None})
        abierto = detalle["estado"] in _CON_PLAZO_SANCION and not detalle["suspendida"]
        self._agenda(c, aid, e["agregado"], detalle, abierto, None)


PROYECCIONES = (Seguimiento(), RegistroSanciones())
