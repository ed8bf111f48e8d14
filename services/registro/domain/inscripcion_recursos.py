"""Challenges against the denial of a registration: reconsideration and appeal (LPAG arts. 218-220; ROF 13(n)).

* Reconsideration: before the same organ (the registry keeper, APCI-DOC), once, within 15 business days of notice, and
  only with new evidence (LPAG 219). Founded: the entity is registered. Unfounded: the denial stands and a new 15-day
  term to appeal runs from the notice of that decision (gap G11 of the sanctions note: we count from that notice).
* Appeal: decided by the Director Ejecutivo, last administrative instance on registries (ROF 13(n)). Founded: the
  entity is registered. Unfounded: the denial is final (``denegada_firme``).

The time the authorities take to decide a challenge is not tracked here (no deadline in the sources for registries).
"""

from __future__ import annotations

from datetime import date

from eventsourcing.domain import event

from shared.errores import DatosInvalidos, ReglaIncumplida
from shared.eventos import Actor

from services.registro.domain import inscripcion_acciones as ia
from services.registro.domain.inscripcion_vigencia import VigenciaInscripcion
from services.registro.domain.plazos import plazo
from services.registro.domain.reglas import FUND_APELACION, FUND_RECONSIDERACION
from services.registro.domain.validacion import exigir_resolucion, exigir_texto, validar_fecha


class RecursosInscripcion(VigenciaInscripcion):
    def __init__(self) -> None:  # pragma: no cover - only the subclass is instantiated
        raise NotImplementedError

    def _exigir_en_plazo_de_recurso(self, hoy: date) -> None:
        if hoy > self.recurso_vence_el:
            raise ReglaIncumplida(
                f"El plazo perentorio para impugnar vencio el {self.recurso_vence_el.isoformat()}.",
                fundamento_legal=FUND_RECONSIDERACION[0])

    def interponer_reconsideracion(self, *, actor: Actor, nueva_prueba: list[str], hoy: date) -> None:
        self._exigir("interponer_reconsideracion", actor)
        self._exigir_en_plazo_de_recurso(hoy)
        if self.reconsideracion_usada:
            raise ReglaIncumplida("La reconsideracion ya fue interpuesta; cabe apelacion.",
                                  fundamento_legal=FUND_RECONSIDERACION[0])
        if not nueva_prueba:
            raise DatosInvalidos("La reconsideracion debe sustentarse en nueva prueba.",
                                 errores=[{"campo": "nueva_prueba", "mensaje": "es obligatoria (LPAG art. 219)"}])
        self._reconsideracion(nueva_prueba=list(nueva_prueba), interpuesta_el=hoy,
                              fundamento_legal=FUND_RECONSIDERACION)

    @event("RecursoReconsideracionInterpuesto")
    def _reconsideracion(self, nueva_prueba: list, interpuesta_el: date, fundamento_legal: list) -> None:
        self.fase = ia.EN_RECONSIDERACION
        self.reconsideracion_usada = True

    def resolver_reconsideracion(self, *, actor: Actor, fundada: bool, resolucion: dict, notificada_el: date,
                                 hoy: date) -> None:
        self._exigir("resolver_reconsideracion", actor)
        resolucion = exigir_resolucion(resolucion)
        validar_fecha(notificada_el, "notificada_el", hoy=hoy, no_antes_de=resolucion["fecha"])
        if fundada:
            desde, hasta = self._periodo(resolucion["fecha"])
            self._reconsideracion_fundada(resolucion=resolucion, vigente_desde=desde, vigente_hasta=hasta,
                                          fundamento_legal=FUND_RECONSIDERACION)
            return
        regla = plazo("recurso_impugnativo")
        self._reconsideracion_infundada(resolucion=resolucion, notificada_el=notificada_el,
                                        recurso_vence_el=regla.vence(notificada_el), plazo=regla.a_dict(),
                                        fundamento_legal=FUND_RECONSIDERACION)

    @event("ReconsideracionDeclaradaFundada")
    def _reconsideracion_fundada(self, resolucion: dict, vigente_desde: date, vigente_hasta: date,
                                 fundamento_legal: list) -> None:
        self._entrar_en_vigencia("reconsideracion", vigente_desde, vigente_hasta)

    @event("ReconsideracionDeclaradaInfundada")
    def _reconsideracion_infundada(self, resolucion: dict, notificada_el: date, recurso_vence_el: date, plazo: dict,
                                   fundamento_legal: list) -> None:
        self.fase = ia.DENEGADA
        self.recurso_vence_el = recurso_vence_el

    def interponer_apelacion(self, *, actor: Actor, fundamentos: str, hoy: date) -> None:
        self._exigir("interponer_apelacion", actor)
        self._exigir_en_plazo_de_recurso(hoy)
        self._apelacion(fundamentos=exigir_texto(fundamentos, "fundamentos"), interpuesta_el=hoy,
                        fundamento_legal=FUND_APELACION)

    @event("RecursoApelacionInterpuesto")
    def _apelacion(self, fundamentos: str, interpuesta_el: date, fundamento_legal: list) -> None:
        self.fase = ia.EN_APELACION

    def resolver_apelacion(self, *, actor: Actor, fundada: bool, resolucion: dict, hoy: date) -> None:
        self._exigir("resolver_apelacion", actor)
        resolucion = exigir_resolucion(resolucion)
        validar_fecha(resolucion["fecha"], "resolucion.fecha", hoy=hoy)
        if fundada:
            desde, hasta = self._periodo(resolucion["fecha"])
            self._apelacion_fundada(resolucion=resolucion, vigente_desde=desde, vigente_hasta=hasta,
                                    fundamento_legal=FUND_APELACION)
        else:
            self._apelacion_infundada(resolucion=resolucion, fundamento_legal=FUND_APELACION)

    @event("ApelacionDeclaradaFundada")
    def _apelacion_fundada(self, resolucion: dict, vigente_desde: date, vigente_hasta: date,
                           fundamento_legal: list) -> None:
        self._entrar_en_vigencia("apelacion", vigente_desde, vigente_hasta)

    @event("ApelacionDeclaradaInfundada")
    def _apelacion_infundada(self, resolucion: dict, fundamento_legal: list) -> None:
        self.fase = ia.DENEGADA_FIRME
