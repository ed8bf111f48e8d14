"""Commands on the annual plan (``PlanAnualFiscalizacion``), inspections and complaints (``Fiscalizacion``).

Approving a plan programs its inspections in the same save (their ids derive from plan/year/RUC, so approving is
idempotent); referring findings to the sanctioning procedure opens the cases in the same save as the referral (ids
derive from the inspection and the infraction). Entities that renounced the benefits are outside the regime (TC 105):
they are not programmed.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any
from uuid import UUID, uuid4

from shared.errores import Duplicado, NoEncontrado, TransicionIlegal
from shared.eventos.sobre import acto
from services.fiscalizacion.domain.comandos_fiscalizacion import ACCIONES, nueva_fiscalizacion
from services.fiscalizacion.domain.fiscalizacion import Fiscalizacion
from services.fiscalizacion.domain.plan_anual import PlanAnualFiscalizacion


class ComandosFiscalizacion:
    """Mixin of ``AplicacionFiscalizacion`` (needs ``repository``, ``guardar``, ``renuncio``, ``preparar_apertura``)."""

    # ---- annual plan ----
    def formular_plan(self, *, actor: Any, anio: int, programadas: list[dict], hoy: date) -> dict:
        if self.existe(PlanAnualFiscalizacion.create_id(anio)):
            raise Duplicado(f"Ya existe el Plan Anual de Fiscalizacion {anio}.")
        plan = PlanAnualFiscalizacion.formular(actor=actor, anio=anio, programadas=programadas, hoy=hoy)
        self.guardar(plan)
        return {**plan.a_dict(), "version": plan.version}

    def plan(self, anio: int, version: int | None = None) -> PlanAnualFiscalizacion:
        return self.obtener(PlanAnualFiscalizacion.create_id(anio), f"el Plan Anual de Fiscalizacion {anio}", version)

    def avanzar_plan(self, anio: int, accion: str, actor: Any, version_esperada: int | None, *, hoy: date,
                     **datos: Any) -> dict:
        plan = self.plan(anio)
        self.exigir_version(plan, version_esperada)
        plan.avanzar(accion, actor=actor, hoy=hoy, **datos)
        programadas = self._programar(plan, hoy) if accion == "aprobar_plan" else []
        self.guardar(plan, *programadas)
        return {**plan.a_dict(), "version": plan.version}

    def _programar(self, plan: PlanAnualFiscalizacion, hoy: date) -> list[Fiscalizacion]:
        nuevas = []
        for clave, p in zip(plan.claves_fiscalizaciones(), plan.programadas, strict=True):
            if self.existe(Fiscalizacion.create_id(clave_origen=clave)) or self.renuncio(p["ruc"]):
                continue
            nuevas.append(nueva(clave_origen=clave, ruc=p["ruc"], hoy=hoy, en_ambito=True,
                                objeto=p.get("objeto") or {"tipo": "entidad"}, origen={"tipo": "plan", "anio": plan.anio}))
        return nuevas

    # ---- inspections and complaints ----
    def programar_fiscalizacion(self, *, ruc: str, objeto: dict, hoy: date, origen: dict | None = None,
                                clave_origen: str | None = None) -> dict:
        clave = clave_origen or f"oficio/{uuid4()}"
        if self.existe(Fiscalizacion.create_id(clave_origen=clave)):
            return self.estado_fiscalizacion(self.fiscalizacion(str(Fiscalizacion.create_id(clave_origen=clave))))
        f = nueva(clave_origen=clave, ruc=ruc, objeto=objeto, origen=origen or {"tipo": "oficio"}, hoy=hoy,
                  en_ambito=not self.renuncio(ruc))
        self.guardar(f)
        return self.estado_fiscalizacion(f)

    def registrar_denuncia(self, *, ruc: str, hechos: str, hoy: date, denunciante: dict | None = None) -> dict:
        origen = {"tipo": "denuncia", "hechos": hechos, "denunciante": denunciante or {"reserva_identidad": True}}
        return self.programar_fiscalizacion(ruc=ruc, objeto={"tipo": "entidad"}, hoy=hoy, origen=origen)

    def fiscalizacion(self, fid: str, version: int | None = None) -> Fiscalizacion:
        try:
            uid = UUID(fid)
        except ValueError:
            raise NoEncontrado(f"No existe la fiscalizacion {fid}.") from None
        return self.obtener(uid, f"la fiscalizacion {fid}", version)

    def actuar_fiscalizacion(self, fid: str, accion: str, actor: Any, version_esperada: int | None, *, hoy: date,
                             **datos: Any) -> dict:
        f = self.fiscalizacion(fid)
        self.exigir_version(f, version_esperada)
        if accion not in ACCIONES:
            raise TransicionIlegal(accion, f.estado, [a["accion"] for a in f.acciones_disponibles(actor)])
        getattr(f, accion)(actor, hoy=hoy, **datos)
        casos = self._derivar(f, hoy) if accion == "recomendar_instruccion" else []
        self.guardar(f, *casos)
        return self.estado_fiscalizacion(f)

    def _derivar(self, f: Fiscalizacion, hoy: date) -> list[Any]:
        """Open one sanctioning case per referred infraction (RIS 4), numbered in the same save."""
        agregados: dict[Any, Any] = {}
        numerador = None
        origen = {"tipo": "fiscalizacion", "id": str(f.id), "correlacion": f.correlacion,
                  **({"expediente_tramite": f.origen["expediente_tramite"]} if f.origen.get("expediente_tramite")
                     else {})}
        for d in f.derivacion:
            nuevos = self.preparar_apertura(clave_origen=d["clave_origen"], hoy=hoy, numerador=numerador,
                                            ruc=f.ruc, codigo=d["codigo"], fecha_hechos=_fecha_hechos(f, d["codigo"]),
                                            origen=origen, renuncio_beneficios=self.renuncio(f.ruc))
            for a in nuevos:
                agregados[a.id] = a
            numerador = nuevos[1] if nuevos else numerador
        return list(agregados.values())

    def estado_fiscalizacion(self, f: Fiscalizacion, actor: Any | None = None) -> dict:
        datos = {**f.a_dict(), "version": f.version}
        if actor is not None:
            datos["acciones_disponibles"] = f.acciones_disponibles(actor)
        return datos


def nueva(*, clave_origen: str, ruc: str, **datos: Any) -> Fiscalizacion:
    """A new inspection whose events carry its own correlation id (FISC-<ruc>-<id>) from the first one."""
    fid = Fiscalizacion.create_id(clave_origen=clave_origen)
    with acto(correlacion=f"FISC-{ruc}-{str(fid)[:8]}"):
        return nueva_fiscalizacion(clave_origen=clave_origen, ruc=ruc, **datos)


def _fecha_hechos(f: Fiscalizacion, codigo: str) -> date:
    """Not showing documents happens the day after the deadline; a finding, on the day it was recorded."""
    for i in f.indicios:
        if i["codigo"] == codigo:
            return i["vencio_el"] + timedelta(days=1)
    return next(h["el"] for h in f.hallazgos if h["codigo_infraccion"] == codigo)
