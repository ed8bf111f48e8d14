"""``Inscripcion``: one application of one entity (RUC) to one registry (ONGD, ENIEX or IPREDA), and the registration
it becomes (SM-1 of the laws note; the life in force is in ``inscripcion_vigencia``).

The procedure (RGL 76): the filing (cargo de recepcion) opens a 30-calendar-day term; an incomplete file is observed
and the entity has 15 calendar days from receiving the notice to cure it, or the application is denied; the cure
restarts the 30-day term; when APCI does not decide in time the entity "se tendra por registrada" (positive silence)
and may show a certificate of it. A denial may rest only on unmet legal requirements (TC ¶36-37) and can be challenged
by reconsideration (new evidence, same organ) and appeal (to the Director Ejecutivo, ROF 13(n)), 15 business days
each from notice (LPAG art. 218). A registration lasts 2 years (RGL 75).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import event

from shared.errores import DatosInvalidos, ReglaIncumplida
from shared.eventos import Actor
from shared.eventos.sobre import a_json

from services.registro.domain import inscripcion_acciones as ia
from services.registro.domain import maquina, permisos
from services.registro.domain.inscripcion_recursos import RecursosInscripcion
from services.registro.domain.plazos import plazo
from services.registro.domain.reglas import (
    FUND_APROBACION, FUND_DENEGACION, FUND_OBSERVACION, FUND_SILENCIO, FUND_SOLICITUD, FUND_VENCIMIENTO, LEY_APCI,
    LPAG, PREREQUISITO_ENIEX, RGL, RIS, TC, VIGENCIA_LEY_28925, Registro, fl, registro_valido,
)
from services.registro.domain.requisitos import codigos_inscripcion, omisiones, validar_motivo_denegacion
from services.registro.domain.validacion import (
    departamento_de, exigir_codigos, exigir_resolucion, exigir_texto, region_de, validar_fecha,
    validar_ruc_persona_juridica, validar_ubigeo,
)


@dataclass(frozen=True)
class Imputabilidad:
    """Answer of ``puede_imputarse_no_renovacion``: falsy when INF-01 cannot be charged, with the legal reason."""

    procede: bool
    motivo: str
    fundamento_legal: list[dict[str, str]] = field(default_factory=list)

    def __bool__(self) -> bool:
        return self.procede


class Inscripcion(RecursosInscripcion):
    @staticmethod
    def create_id(registro: str, ruc: str, expediente: str) -> UUID:
        return uuid5(NAMESPACE_URL, f"/inscripcion/{registro}/{ruc}/{expediente}")

    @property
    def correlacion(self) -> str | None:
        return getattr(self, "expediente", None)

    @classmethod
    def correlacion_inicial(cls, datos: dict[str, Any]) -> str:
        return str(datos["expediente"])

    # --- filing -------------------------------------------------------------------------------------------------

    @classmethod
    def presentar(cls, *, actor: Actor, registro: str, ruc: str, razon_social: str, expediente: str,
                  presentada_el: date, documentos: list[str], ubigeo: str, hoy: date, ambito: str = "nacional",
                  fecha_copia_literal: date | None = None, partida_sunarp: str | None = None,
                  datos: dict[str, Any] | None = None) -> Inscripcion:
        """The entity files its application with the checklist of its registry (RGL 72 / 74)."""
        reg = registro_valido(registro)
        ruc = validar_ruc_persona_juridica(ruc)
        permisos.exigir(actor, (permisos.ENTIDAD,), "presentar", ruc)
        validar_fecha(presentada_el, "presentada_el", hoy=hoy)
        validar_ubigeo(ubigeo)
        if ambito not in ("nacional", "regional"):
            raise DatosInvalidos("Ambito invalido.", errores=[{"campo": "ambito", "mensaje": "nacional o regional"}])
        codigos = exigir_codigos(documentos, codigos_inscripcion(reg), "documentos")
        if reg is Registro.ENIEX and not partida_sunarp:
            raise ReglaIncumplida("La ENIEX debe inscribir antes su constitucion en los Registros Publicos del Peru.",
                                  fundamento_legal=PREREQUISITO_ENIEX["fundamento_legal"][0])
        regla = plazo("silencio_positivo_inscripcion")
        return cls(
            registro=reg.value, ruc=ruc, razon_social=exigir_texto(razon_social, "razon_social"),
            expediente=exigir_texto(expediente, "expediente"), presentada_el=presentada_el, documentos=codigos,
            omisiones_detectadas=omisiones(codigos_inscripcion(reg), codigos, fecha_copia_literal, presentada_el),
            ubigeo=ubigeo, ambito=ambito, partida_sunarp=partida_sunarp, datos=dict(datos or {}),
            opinion_favorable_de=("Sector" if ambito == "nacional" else region_de(ubigeo))
            if reg is Registro.ONGD else None,
            silencio_vence_el=regla.vence(presentada_el), plazo=regla.a_dict(), fundamento_legal=FUND_SOLICITUD[reg],
        )

    @event("SolicitudInscripcionPresentada")
    def __init__(self, registro: str, ruc: str, razon_social: str, expediente: str, presentada_el: date,
                 documentos: list, omisiones_detectadas: list, ubigeo: str, ambito: str, partida_sunarp: str | None,
                 datos: dict, opinion_favorable_de: str | None, silencio_vence_el: date, plazo: dict,
                 fundamento_legal: list) -> None:
        self.registro, self.ruc, self.razon_social, self.expediente = registro, ruc, razon_social, expediente
        self.presentada_el, self.documentos, self.omisiones_detectadas = presentada_el, documentos, omisiones_detectadas
        self.ubigeo, self.ambito, self.partida_sunarp, self.datos = ubigeo, ambito, partida_sunarp, datos
        self.opinion_favorable_de = opinion_favorable_de
        self.fase = ia.PRESENTADA
        self.silencio_desde, self.silencio_vence_el = presentada_el, silencio_vence_el
        self.omisiones: list[str] = []
        self.notificada_el: date | None = None
        self.subsanacion_vence_el: date | None = None
        self.via: str | None = None
        self.inscrita_desde: date | None = None
        self.vigente_desde: date | None = None
        self.vigente_hasta: date | None = None
        self.certificado_silencio: dict | None = None
        self.suspensiones: dict[str, dict] = {}
        self.renovacion: dict | None = None
        self.renovaciones = 0
        self.denegacion: dict | None = None
        self.recurso_vence_el: date | None = None
        self.reconsideracion_usada = False
        self.renunciada_el: date | None = None
        self.vencida_el: date | None = None

    # --- review: observation and cure (RGL 76) ------------------------------------------------------------------

    def _exigir_sin_silencio(self, hoy: date) -> None:
        if hoy > self.silencio_vence_el:
            raise ReglaIncumplida(
                f"El plazo para resolver vencio el {self.silencio_vence_el.isoformat()}: opero el silencio positivo.",
                fundamento_legal=FUND_SILENCIO[0])

    def observar(self, *, actor: Actor, omisiones: list[str], notificada_el: date, hoy: date) -> None:
        self._exigir("observar", actor)
        self._exigir_sin_silencio(hoy)
        codigos = exigir_codigos(omisiones, codigos_inscripcion(Registro(self.registro)), "omisiones")
        if not codigos:
            raise DatosInvalidos("Indique las omisiones.", errores=[{"campo": "omisiones", "mensaje": "vacio"}])
        validar_fecha(notificada_el, "notificada_el", hoy=hoy, no_antes_de=self.silencio_desde)
        regla = plazo("subsanacion_inscripcion")
        self._observar(omisiones=codigos, notificada_el=notificada_el, subsanacion_vence_el=regla.vence(notificada_el),
                       plazo=regla.a_dict(), fundamento_legal=FUND_OBSERVACION)

    @event("OmisionesNotificadas")
    def _observar(self, omisiones: list, notificada_el: date, subsanacion_vence_el: date, plazo: dict,
                  fundamento_legal: list) -> None:
        self.fase = ia.OBSERVADA
        self.omisiones, self.notificada_el, self.subsanacion_vence_el = omisiones, notificada_el, subsanacion_vence_el

    def subsanar(self, *, actor: Actor, documentos: list[str], subsanada_el: date, hoy: date,
                 fecha_copia_literal: date | None = None) -> None:
        self._exigir("subsanar", actor)
        validar_fecha(subsanada_el, "subsanada_el", hoy=hoy, no_antes_de=self.notificada_el)
        if subsanada_el > self.subsanacion_vence_el:
            raise ReglaIncumplida(f"El plazo de subsanacion vencio el {self.subsanacion_vence_el.isoformat()}.",
                                  fundamento_legal=FUND_OBSERVACION[0])
        faltan = omisiones(self.omisiones, documentos, fecha_copia_literal, subsanada_el)
        if faltan:
            raise ReglaIncumplida(f"Subsanacion incompleta; faltan: {', '.join(faltan)}.",
                                  fundamento_legal=FUND_OBSERVACION[0], faltantes=faltan)
        regla = plazo("silencio_positivo_inscripcion")
        self._subsanar(documentos=list(documentos), subsanada_el=subsanada_el,
                       silencio_vence_el=regla.vence(subsanada_el), plazo=regla.a_dict(),
                       fundamento_legal=FUND_OBSERVACION)

    @event("OmisionesSubsanadas")
    def _subsanar(self, documentos: list, subsanada_el: date, silencio_vence_el: date, plazo: dict,
                  fundamento_legal: list) -> None:
        self.fase = ia.PRESENTADA
        self.documentos = sorted(set(self.documentos) | set(documentos))
        self.omisiones, self.omisiones_detectadas, self.subsanacion_vence_el = [], [], None
        self.silencio_desde, self.silencio_vence_el = subsanada_el, silencio_vence_el

    # --- decision -----------------------------------------------------------------------------------------------

    def aprobar(self, *, actor: Actor, resolucion: dict, hoy: date) -> None:
        self._exigir("aprobar", actor)
        resolucion = exigir_resolucion(resolucion)
        validar_fecha(resolucion["fecha"], "resolucion.fecha", hoy=hoy, no_antes_de=self.presentada_el)
        if self.omisiones_detectadas:
            raise ReglaIncumplida(f"Expediente incompleto ({', '.join(self.omisiones_detectadas)}): notifique las "
                                  "omisiones antes de resolver.", fundamento_legal=FUND_OBSERVACION[0])
        desde, hasta = self._periodo(resolucion["fecha"])
        self._inscribir(resolucion=resolucion, vigente_desde=desde, vigente_hasta=hasta,
                        fundamento_legal=FUND_APROBACION)

    @event("InscripcionAprobada")
    def _inscribir(self, resolucion: dict, vigente_desde: date, vigente_hasta: date, fundamento_legal: list) -> None:
        self._entrar_en_vigencia("resolucion", vigente_desde, vigente_hasta)

    def denegar(self, *, actor: Actor, requisitos_incumplidos: list[str], resolucion: dict, notificada_el: date,
                hoy: date, motivo: str = "requisitos_incumplidos") -> None:
        self._exigir("denegar", actor)
        self._exigir_sin_silencio(hoy)
        validar_motivo_denegacion(motivo, requisitos_incumplidos, codigos_inscripcion(Registro(self.registro)))
        resolucion = exigir_resolucion(resolucion)
        validar_fecha(notificada_el, "notificada_el", hoy=hoy, no_antes_de=resolucion["fecha"])
        regla = plazo("recurso_impugnativo")
        self._denegar(motivo=motivo, requisitos_incumplidos=list(requisitos_incumplidos), resolucion=resolucion,
                      notificada_el=notificada_el, recurso_vence_el=regla.vence(notificada_el), plazo=regla.a_dict(),
                      fundamento_legal=FUND_DENEGACION)

    @event("InscripcionDenegada")
    def _denegar(self, motivo: str, requisitos_incumplidos: list, resolucion: dict | None, notificada_el: date,
                 recurso_vence_el: date, plazo: dict, fundamento_legal: list) -> None:
        self.fase = ia.DENEGADA
        self.denegacion = {"motivo": motivo, "requisitos_incumplidos": requisitos_incumplidos}
        self.recurso_vence_el = recurso_vence_el

    # --- deadlines (scheduler) ----------------------------------------------------------------------------------

    def vencer_plazos(self, hoy: date) -> list[str]:
        """Record every expiry due by ``hoy``; calling again records nothing. Returns the event names recorded."""
        registrados: list[str] = []
        while (nombre := self._vencer_uno(hoy)) is not None:
            registrados.append(nombre)
        return registrados

    def _vencer_uno(self, hoy: date) -> str | None:
        dia = timedelta(days=1)
        if self.fase == ia.PRESENTADA and hoy > self.silencio_vence_el:
            operado = self.silencio_vence_el + dia
            desde, hasta = self._periodo(operado)
            self._silencio(operado_el=operado, vigente_desde=desde, vigente_hasta=hasta,
                           certificado=self._certificado(operado, hasta), fundamento_legal=FUND_SILENCIO)
            return "SilencioPositivoOperado"
        if self.fase == ia.OBSERVADA and hoy > self.subsanacion_vence_el:
            vencido = self.subsanacion_vence_el + dia
            self._subsanacion_vencida(vencido_el=vencido, omisiones=self.omisiones, fundamento_legal=FUND_OBSERVACION)
            regla = plazo("recurso_impugnativo")
            self._denegar(motivo="requisitos_incumplidos", requisitos_incumplidos=self.omisiones, resolucion=None,
                          notificada_el=vencido, recurso_vence_el=regla.vence(vencido), plazo=regla.a_dict(),
                          fundamento_legal=FUND_OBSERVACION)
            return "PlazoSubsanacionVencido"
        if self.fase == ia.DENEGADA and hoy > self.recurso_vence_el:
            self._firme(firme_el=self.recurso_vence_el + dia, fundamento_legal=[fl(LPAG, "222")])
            return "DenegacionQuedoFirme"
        if self.fase == ia.RENOVACION and hoy > self.renovacion["silencio_vence_el"]:
            desde, hasta = self._periodo(self.vigente_hasta + dia)
            self._renovar(resolucion=None, por_silencio=True, vigente_desde=desde, vigente_hasta=hasta,
                          fundamento_legal=[fl(RGL, "75"), fl(RGL, "76 (analogia)")])
            return "InscripcionRenovada"
        if self.fase == ia.VIGENTE and hoy > self.vigente_hasta:
            self._vencer(vencida_el=self.vigente_hasta + dia, fundamento_legal=FUND_VENCIMIENTO)
            return "InscripcionVencida"
        return None

    def _certificado(self, operado_el: date, vigente_hasta: date) -> dict[str, Any]:
        return {
            "tipo": "constancia_inscripcion_por_silencio_positivo",
            "numero": f"APCI-{self.registro}-SP-{self.ruc}-{operado_el:%Y%m%d}",
            "ruc": self.ruc, "razon_social": self.razon_social, "registro": self.registro,
            "expediente": self.expediente, "cargo_recepcion": self.silencio_desde,
            "plazo_vencio_el": self.silencio_vence_el, "inscrita_desde": operado_el, "vigente_hasta": vigente_hasta,
            "texto": f"Transcurridos 30 dias calendario desde el {self.silencio_desde:%d/%m/%Y} sin pronunciamiento "
                     f"de la APCI, la entidad se tiene por inscrita en el Registro de {self.registro} "
                     "(art. 76 D.S. 015-92-PCM).",
        }

    @event("SilencioPositivoOperado")
    def _silencio(self, operado_el: date, vigente_desde: date, vigente_hasta: date, certificado: dict,
                  fundamento_legal: list) -> None:
        self._entrar_en_vigencia("silencio_positivo", vigente_desde, vigente_hasta)
        self.certificado_silencio = certificado

    @event("PlazoSubsanacionVencido")
    def _subsanacion_vencida(self, vencido_el: date, omisiones: list, fundamento_legal: list) -> None:
        self.subsanacion_vence_el = None

    @event("DenegacionQuedoFirme")
    def _firme(self, firme_el: date, fundamento_legal: list) -> None:
        self.fase = ia.DENEGADA_FIRME

    @event("InscripcionVencida")
    def _vencer(self, vencida_el: date, fundamento_legal: list) -> None:
        self.fase, self.vencida_el = ia.VENCIDA, vencida_el

    # --- queries ------------------------------------------------------------------------------------------------

    @property
    def activa(self) -> bool:
        return self.fase not in ia.TERMINALES

    def puede_imputarse_no_renovacion(self, *, hoy: date, dentro_del_ambito: bool = True) -> Imputabilidad:
        """Whether INF-01 ("no renovar inscripcion", Ley 27692 art. 21(1)) may be charged, read as the TC did."""
        if self.fase == ia.RENUNCIADA:
            return Imputabilidad(False, "La entidad renuncio a los beneficios y salio del regimen de control de la "
                                 "APCI: no puede imputarsele la no renovacion.", [fl(TC, "22"), fl(TC, "107-109")])
        if self.fase != ia.VENCIDA:
            return Imputabilidad(False, "No hay inscripcion vencida sin renovar.", [fl(LEY_APCI, "21(1)")])
        if self.inscrita_desde < VIGENCIA_LEY_28925:
            return Imputabilidad(False, "Inscripcion voluntaria anterior a la Ley 28925: no esta obligada a renovar.",
                                 [fl(TC, "109(i)")])
        if not dentro_del_ambito:
            return Imputabilidad(False, "La entidad no usa beneficios ni recursos del Estado: esta fuera del ambito.",
                                 [fl(TC, "105"), fl(TC, "107-109")])
        return Imputabilidad(True, "Inscripcion vencida sin renovar de una entidad dentro del ambito.",
                             [fl(LEY_APCI, "21(1)"), fl(RIS, "6(b)")])

    def acciones_disponibles(self, actor: Actor) -> list[dict[str, Any]]:
        return maquina.disponibles(ia.ACCIONES, self.estado, actor, self.ruc)

    def a_dict(self) -> dict[str, Any]:
        campos = ("registro", "ruc", "razon_social", "expediente", "presentada_el", "documentos",
                  "omisiones_detectadas", "omisiones", "ubigeo", "ambito", "partida_sunarp", "datos",
                  "opinion_favorable_de", "silencio_vence_el", "subsanacion_vence_el", "via", "inscrita_desde",
                  "vigente_desde", "vigente_hasta", "certificado_silencio", "suspensiones", "renovacion",
                  "renovaciones", "denegacion", "recurso_vence_el", "renunciada_el", "vencida_el")
        return a_json({"id": self.id, "version": self.version, "estado": self.estado, "activa": self.activa,
                       "tiene_beneficios": self.tiene_beneficios(), "departamento": departamento_de(self.ubigeo),
                       **{c: getattr(self, c) for c in campos}})
