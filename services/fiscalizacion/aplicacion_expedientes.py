"""Commands on sanctioning cases (``ExpedienteSancionador``) and their enforcement (``Sancion``).

Every act on a case is ``actuar_expediente(ref, accion, ...)``: the domain decides whether the caller's organ may do
it in the current state; then the enforcement is kept in step with the case in the same save (RIS 24: enforceable
once notified; an appeal suspends it; a final decision makes it firm; a revocation leaves it without effect), so the
effects sent to registro (``SuspensionBeneficiosAplicada`` / ``Levantada``) are never out of line with the case.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any
from uuid import UUID, uuid4

from shared.errores import NoEncontrado, TransicionIlegal
from shared.eventos.sobre import acto
from services.fiscalizacion.domain.comandos_expediente import abrir_expediente
from services.fiscalizacion.domain.ejecucion_sancion import iniciar_ejecucion
from services.fiscalizacion.domain.expediente import ExpedienteSancionador
from services.fiscalizacion.domain.procedimiento import ACCIONES
from services.fiscalizacion.domain.sancion import Sancion
from services.fiscalizacion.numeracion import NumeradorPAS, NumeroPAS, formatear

ACCIONES_SANCION = ("verificar_subsanacion", "registrar_pago", "iniciar_cobranza_coactiva")
_FECHAS_ACTO = ("presentado_el", "notificado_el", "recibido_el", "deducida_el")


class ComandosExpediente:
    """Mixin of ``AplicacionFiscalizacion`` (needs ``repository``, ``existe``, ``guardar``, ``antecedentes``)."""

    # ---- opening ----
    def preparar_apertura(self, *, clave_origen: str, hoy: date, numerador: NumeradorPAS | None = None,
                          **datos: Any) -> list[Any]:
        """The aggregates that open a case (case, year counter, number index), or [] if it already exists: the
        case id derives from its origin, so a repeated trigger opens nothing twice. Pass the ``numerador`` returned
        by a previous call when opening several cases in one save."""
        exp_id = ExpedienteSancionador.create_id(clave_origen=clave_origen)
        if self.existe(exp_id):
            return []
        nid = NumeradorPAS.create_id(hoy.year)
        if numerador is None or numerador.anio != hoy.year:
            numerador = self.repository.get(nid) if self.existe(nid) else NumeradorPAS(anio=hoy.year)
        numero = formatear(hoy.year, numerador.ultima + 1)
        with acto(correlacion=numero):  # the case number is the correlation id of everything about the case
            exp = abrir_expediente(clave_origen=clave_origen, hoy=hoy, numero=numero, **datos)
            numerador.asignar(str(exp.id))
            indice = NumeroPAS(numero=numero, expediente_id=str(exp.id))
        return [exp, numerador, indice]

    def abrir_expediente_sancionador(self, *, ruc: str, codigo: str, fecha_hechos: date, hoy: date,
                                     origen: dict | None = None, cese: date | None = None,
                                     entidad_publica: bool = False, clave_origen: str | None = None) -> dict:
        clave = clave_origen or f"oficio/{uuid4()}"
        nuevos = self.preparar_apertura(clave_origen=clave, hoy=hoy, ruc=ruc, codigo=codigo, fecha_hechos=fecha_hechos,
                                        origen=origen or {"tipo": "oficio"}, cese=cese,
                                        entidad_publica=entidad_publica, renuncio_beneficios=self.renuncio(ruc))
        if nuevos:
            self.guardar(*nuevos)
            return self.estado_expediente(nuevos[0])
        return self.estado_expediente(self.expediente(str(ExpedienteSancionador.create_id(clave_origen=clave))))

    # ---- reading ----
    def expediente(self, ref: str, version: int | None = None) -> ExpedienteSancionador:
        """By aggregate id or by case number (PAS-2026-000123)."""
        return self.obtener(self._id_expediente(ref), f"el procedimiento sancionador {ref}", version)

    def _id_expediente(self, ref: str) -> UUID:
        try:
            return UUID(ref)
        except ValueError:
            pass
        indice = NumeroPAS.create_id(ref)
        if not self.existe(indice):
            raise NoEncontrado(f"No existe el procedimiento sancionador {ref}.")
        return UUID(self.repository.get(indice).expediente_id)

    def sancion_de(self, exp: ExpedienteSancionador) -> Sancion | None:
        sid = Sancion.create_id(expediente_id=str(exp.id))
        return self.repository.get(sid) if self.existe(sid) else None

    # ---- acts ----
    def actuar_expediente(self, ref: str, accion: str, actor: Any, version_esperada: int | None, *, hoy: date,
                          **datos: Any) -> dict:
        exp = self.expediente(ref)
        self.exigir_version(exp, version_esperada)
        if accion in ACCIONES_SANCION:
            return self._actuar_sancion(exp, accion, actor, hoy, datos)
        if accion not in ACCIONES:
            raise TransicionIlegal(accion, exp.estado, [a["accion"] for a in exp.acciones_disponibles(actor)])
        if accion in ("imponer_sancion", "formular_propuesta"):
            datos["antecedentes"] = self.antecedentes(exp.ruc, excluir=str(exp.id))
        if datos.get("multa_elegida_uit") is not None:
            datos["multa_elegida_uit"] = Decimal(str(datos["multa_elegida_uit"]))
        getattr(exp, accion)(actor, hoy=hoy, **datos)
        el = next((datos[c] for c in _FECHAS_ACTO if datos.get(c)), hoy)
        self.guardar(exp, *self.sincronizar_sancion(exp, el))
        return self.estado_expediente(exp, actor)

    def sincronizar_sancion(self, exp: ExpedienteSancionador, el: date) -> list[Sancion]:
        s = self.sancion_de(exp)
        if s is None:
            if not (exp.resultado and exp.ejecutable and exp.resolucion_notificada_el) or exp.ejecucion_suspendida:
                return []
            s = iniciar_ejecucion(exp, el)
        elif exp.estado == "archivado" and exp.resultado:
            s.dejar_sin_efecto(motivo=f"resolucion revocada en {exp.correlacion}", hoy=el)
        elif exp.ejecucion_suspendida and not s.ejecucion_suspendida:
            s.suspender_ejecucion(desde=el, hoy=el)
        elif not exp.ejecucion_suspendida and s.ejecucion_suspendida:
            s.reanudar_ejecucion(desde=el, hoy=el)
        if exp.estado == "firme" and not s.firme and s.estado != "sin_efecto":
            s.declarar_firme(hoy=el)
        return [s] if s.pending_events else []

    def _actuar_sancion(self, exp, accion: str, actor: Any, hoy: date, datos: dict) -> dict:
        s = self.sancion_de(exp)
        if s is None:
            raise TransicionIlegal(accion, exp.estado, [a["accion"] for a in exp.acciones_disponibles(actor)])
        if accion == "verificar_subsanacion":
            s.verificar_subsanacion(actor, subsanado_el=datos["subsanado_el"], hoy=hoy)
        elif accion == "registrar_pago":
            s.registrar_pago(monto=Decimal(str(datos["monto"])), pagado_el=datos["pagado_el"], hoy=hoy)
        else:
            s.iniciar_cobranza_coactiva(actor, hoy=hoy)
        self.guardar(s)
        return self.estado_expediente(exp, actor)

    def estado_expediente(self, exp: ExpedienteSancionador, actor: Any | None = None,
                          con_sancion: bool = True) -> dict:
        """The case with its enforcement (current; omitted for a past version); ``calculo`` is the step-by-step
        explanation of the sanction."""
        s = self.sancion_de(exp) if con_sancion else None
        datos = {**exp.a_dict(), "version": exp.version, "sancion": s.a_dict() if s else None,
                 "calculo": (exp.resultado or {}).get("pasos", [])}
        if actor is not None:
            acciones = exp.acciones_disponibles(actor) + (s.acciones_disponibles(actor) if s else [])
            datos["acciones_disponibles"] = acciones
        return datos
