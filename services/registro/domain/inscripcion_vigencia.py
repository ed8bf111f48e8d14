"""The life of a registration once it is in force: data updates, suspension and restitution of benefits, renewal,
renunciation and the legacy cancellation. ``Inscripcion`` (``inscripcion.py``) extends this base with the application
and its decision; the split only keeps each module readable (one aggregate, two files).

* Suspension of benefits has two causes: a missing annual report (RGL 78: "hasta la reparacion de la omision") and a
  sanction (Ley 27692 art. 22(c)). Causes are kept by id, so benefits come back only when every cause is lifted, and a
  redelivered suspension for the same cause records nothing (process managers may repeat themselves).
* Renewal (RGL 75) requires the annual reports of the current period already filed and the updated documents; the
  ENIEX must also prove it has operated in Peru. The new period follows the old one without a gap.
* Renunciation (TC ¶22, ¶108): the entity leaves APCI's control regime, and cannot be charged with INF-01.
* Cancellation as a sanction was struck down (TC, resolutivo 1): ``cancelar`` always refuses; a cancellation dated
  before 14 Sep 2007 can only be recorded as legacy data.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from eventsourcing.domain import event

from shared.errores import DatosInvalidos, ReglaIncumplida
from shared.eventos import Actor, Agregado

from services.registro.domain import inscripcion_acciones as ia
from services.registro.domain import maquina
from services.registro.domain.plazos import anios_exigibles, plazo
from services.registro.domain.reglas import (
    CAMPOS_ACTUALIZABLES, FUND_ACTUALIZACION, FUND_CANCELACION_DEROGADA, FUND_RENOVACION, FUND_RENUNCIA,
    FUND_RESTITUCION, FUND_SUSPENSION, REQUISITOS_RENOVACION, VIGENCIA_STC_2007, Registro, fl,
)
from services.registro.domain.requisitos import omisiones, validar_motivo_denegacion
from services.registro.domain.validacion import exigir_resolucion, validar_fecha, validar_ubigeo


class VigenciaInscripcion(Agregado):
    def __init__(self) -> None:  # pragma: no cover - only the subclass is instantiated (see module docstring)
        raise NotImplementedError

    # --- shared helpers -------------------------------------------------------------------------------------------

    @property
    def estado(self) -> str:
        if self.fase == ia.VIGENTE and self.suspensiones:
            return ia.SUSPENDIDA
        return self.fase

    def _exigir(self, accion: str, actor: Actor) -> None:
        maquina.exigir_accion(ia.ACCIONES, accion, self.estado, actor, self.ruc)

    @staticmethod
    def _periodo(desde: date) -> tuple[date, date]:
        return desde, plazo("vigencia_inscripcion").vence(desde)

    def _entrar_en_vigencia(self, via: str, desde: date, hasta: date) -> None:
        """Shared by the event bodies that register the entity (resolution, silence, founded appeal)."""
        self.fase, self.via = ia.VIGENTE, via
        self.inscrita_desde = self.inscrita_desde or desde
        self.vigente_desde, self.vigente_hasta = desde, hasta
        self.recurso_vence_el = None

    # --- updates of registered data (RGL 79(b), 80(d)) --------------------------------------------------------------

    def actualizar_datos(self, *, actor: Actor, campo: str, valor: Any, hoy: date) -> None:
        self._exigir("actualizar_datos", actor)
        if campo not in CAMPOS_ACTUALIZABLES:
            mensaje = f"use uno de {', '.join(CAMPOS_ACTUALIZABLES)}"
            raise DatosInvalidos(f"El campo '{campo}' no es actualizable.",
                                 errores=[{"campo": "campo", "mensaje": mensaje}])
        if campo == "domicilio_legal":
            if not isinstance(valor, dict) or not valor.get("direccion"):
                raise DatosInvalidos("El domicilio requiere direccion y ubigeo.",
                                     errores=[{"campo": "valor.direccion", "mensaje": "es obligatorio"}])
            validar_ubigeo(valor.get("ubigeo"), "valor.ubigeo")
        self._actualizar_datos(campo=campo, antes=self.datos.get(campo), despues=valor, actualizado_el=hoy,
                               fundamento_legal=FUND_ACTUALIZACION)

    @event("DatosRegistralesActualizados")
    def _actualizar_datos(self, campo: str, antes: Any, despues: Any, actualizado_el: date,
                          fundamento_legal: list) -> None:
        self.datos = {**self.datos, campo: despues}
        if campo == "domicilio_legal":
            self.ubigeo = despues["ubigeo"]

    # --- suspension and restitution of benefits -------------------------------------------------------------------

    def suspender_beneficios(self, *, actor: Actor, causa: str, causa_id: str, hoy: date) -> None:
        self._exigir("suspender_beneficios", actor)
        if causa not in FUND_SUSPENSION:
            raise DatosInvalidos("Causa de suspension desconocida.",
                                 errores=[{"campo": "causa", "mensaje": "obligacion_anual o sancion"}])
        if causa_id in self.suspensiones:
            return  # the same cause again (a redelivered event): nothing new happened
        self._suspender(causa=causa, causa_id=causa_id, suspendido_el=hoy, fundamento_legal=FUND_SUSPENSION[causa])

    @event("BeneficiosSuspendidos")
    def _suspender(self, causa: str, causa_id: str, suspendido_el: date, fundamento_legal: list) -> None:
        self.suspensiones = {**self.suspensiones, causa_id: {"causa": causa, "desde": suspendido_el}}

    def restituir_beneficios(self, *, actor: Actor, causa_id: str, hoy: date) -> None:
        self._exigir("restituir_beneficios", actor)
        if causa_id not in self.suspensiones:
            raise ReglaIncumplida(f"No hay suspension vigente por la causa '{causa_id}'.",
                                  fundamento_legal=FUND_RESTITUCION[0])
        restantes = sorted(k for k in self.suspensiones if k != causa_id)
        self._restituir(causa_id=causa_id, restituido_el=hoy, suspensiones_restantes=restantes,
                        fundamento_legal=FUND_RESTITUCION)

    @event("BeneficiosRestituidos")
    def _restituir(self, causa_id: str, restituido_el: date, suspensiones_restantes: list,
                   fundamento_legal: list) -> None:
        self.suspensiones = {k: v for k, v in self.suspensiones.items() if k != causa_id}

    def tiene_beneficios(self) -> bool:
        return self.fase in (ia.VIGENTE, ia.RENOVACION) and not self.suspensiones

    # --- renewal (RGL 75) ---------------------------------------------------------------------------------------

    def solicitar_renovacion(self, *, actor: Actor, documentos: list[str], fecha_copia_literal: date | None,
                             anios_declarados: list[int], presentada_el: date, hoy: date) -> None:
        self._exigir("solicitar_renovacion", actor)
        validar_fecha(presentada_el, "presentada_el", hoy=hoy, no_antes_de=self.vigente_desde)
        if presentada_el > self.vigente_hasta:
            raise ReglaIncumplida(f"La inscripcion vencio el {self.vigente_hasta.isoformat()}; ya no puede renovarse.",
                                  fundamento_legal=FUND_RENOVACION[0])
        registro = Registro(self.registro)
        faltantes = omisiones(REQUISITOS_RENOVACION[registro], documentos, fecha_copia_literal, presentada_el)
        sin_informe = [a for a in anios_exigibles(self.vigente_desde, presentada_el) if a not in anios_declarados]
        if faltantes or sin_informe:
            raise ReglaIncumplida(
                "No procede la renovacion: "
                + "; ".join(filter(None, [
                    f"falta la declaracion anual de {', '.join(map(str, sin_informe))}" if sin_informe else "",
                    f"faltan requisitos: {', '.join(faltantes)}" if faltantes else "",
                ])) + ".",
                fundamento_legal=FUND_RENOVACION[0], requisitos_faltantes=faltantes, anios_sin_declaracion=sin_informe,
            )
        regla = plazo("silencio_positivo_renovacion")
        self._solicitar_renovacion(documentos=list(documentos), presentada_el=presentada_el,
                                   silencio_vence_el=regla.vence(presentada_el), plazo=regla.a_dict(),
                                   fundamento_legal=FUND_RENOVACION)

    @event("SolicitudRenovacionPresentada")
    def _solicitar_renovacion(self, documentos: list, presentada_el: date, silencio_vence_el: date, plazo: dict,
                              fundamento_legal: list) -> None:
        self.fase = ia.RENOVACION
        self.renovacion = {"presentada_el": presentada_el, "silencio_vence_el": silencio_vence_el}

    def aprobar_renovacion(self, *, actor: Actor, resolucion: dict, hoy: date) -> None:
        self._exigir("aprobar_renovacion", actor)
        resolucion = exigir_resolucion(resolucion)
        validar_fecha(resolucion["fecha"], "resolucion.fecha", hoy=hoy, no_antes_de=self.renovacion["presentada_el"])
        desde, hasta = self._periodo(self.vigente_hasta + timedelta(days=1))
        self._renovar(resolucion=resolucion, por_silencio=False, vigente_desde=desde, vigente_hasta=hasta,
                      fundamento_legal=FUND_RENOVACION)

    @event("InscripcionRenovada")
    def _renovar(self, resolucion: dict | None, por_silencio: bool, vigente_desde: date, vigente_hasta: date,
                 fundamento_legal: list) -> None:
        self.fase = ia.VIGENTE
        self.renovacion = None
        self.vigente_desde, self.vigente_hasta = vigente_desde, vigente_hasta
        self.renovaciones += 1

    def denegar_renovacion(self, *, actor: Actor, requisitos_incumplidos: list[str], resolucion: dict,
                           hoy: date, motivo: str = "requisitos_incumplidos") -> None:
        self._exigir("denegar_renovacion", actor)
        permitidos = (*REQUISITOS_RENOVACION[Registro(self.registro)], "declaraciones_anuales")
        validar_motivo_denegacion(motivo, requisitos_incumplidos, permitidos)
        resolucion = exigir_resolucion(resolucion)
        self._denegar_renovacion(requisitos_incumplidos=list(requisitos_incumplidos), resolucion=resolucion,
                                 fundamento_legal=FUND_RENOVACION + [fl("STC 0009-2007-PI/TC", "37")])

    @event("RenovacionDenegada")
    def _denegar_renovacion(self, requisitos_incumplidos: list, resolucion: dict, fundamento_legal: list) -> None:
        self.fase = ia.VIGENTE  # the current period still runs until vigente_hasta
        self.renovacion = None

    # --- leaving the registry ----------------------------------------------------------------------------------

    def renunciar(self, *, actor: Actor, hoy: date) -> None:
        self._exigir("renunciar", actor)
        self._renunciar(renunciada_el=hoy, fundamento_legal=FUND_RENUNCIA)

    @event("RenunciaABeneficiosRegistrada")
    def _renunciar(self, renunciada_el: date, fundamento_legal: list) -> None:
        self.fase = ia.RENUNCIADA
        self.renunciada_el = renunciada_el
        self.renovacion = None

    def cancelar(self, **_: Any) -> None:
        """Cancellation as a sanction no longer exists (Ley 27692 art. 22(d), struck by the TC in 2007)."""
        raise ReglaIncumplida(
            "La cancelacion de la inscripcion como sancion fue declarada inconstitucional (STC 0009-2007-PI/TC); "
            "solo caben amonestacion, multa o suspension de beneficios.",
            fundamento_legal=FUND_CANCELACION_DEROGADA[0],
        )

    def registrar_cancelacion_legada(self, *, actor: Actor, resolucion: dict) -> None:
        self._exigir("registrar_cancelacion_legada", actor)
        resolucion = exigir_resolucion(resolucion)
        if resolucion["fecha"] >= VIGENCIA_STC_2007:
            raise ReglaIncumplida("Solo se importan cancelaciones anteriores al 14-09-2007; despues la cancelacion "
                                  "no existe como sancion.", fundamento_legal=FUND_CANCELACION_DEROGADA[0])
        self._cancelacion_legada(resolucion=resolucion, cancelada_el=resolucion["fecha"],
                                 fundamento_legal=FUND_CANCELACION_DEROGADA)

    @event("CancelacionLegadaRegistrada")
    def _cancelacion_legada(self, resolucion: dict, cancelada_el: date, fundamento_legal: list) -> None:
        self.fase = ia.CANCELADA
        self.renovacion = None
