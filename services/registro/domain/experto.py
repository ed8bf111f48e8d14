"""``ExpertoVoluntario``: a foreign expert or volunteer brought by an intervention, in the Registro Nacional de Expertos
y Voluntarios kept by DOC's Subdireccion de Registros (ROF 43(a)); SM-5 of the laws note.

Rules (RGL 13-18; volunteers "en forma similar", RGL 29-30; Manual R.S. 450-84-RE ch. II):
* only where no qualified national staff exists, advisory role, always within an intervention (RGL 13, 16);
* an expert needs a national counterpart technician; a volunteer may have one (RGL 14, 29);
* experts have >= 5 years of experience, volunteers 2 desirable, both speak Spanish (Manual §2.4);
* the executing unit presents the expert officially within 7 days of entry (RGL 17), then the rector registers them;
* the stay is at most 3 years of effective work including extensions, and only the Foreign Ministry may request an
  extension (RGL 15; Manual §2.6.3, §2.6.8), which the executing unit asks for >= 30 days before the end (§2.7.1);
* the assignment is cancelled for lack of suitability on reports of the executing unit and of the rector (RGL 18).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import event

from shared.errores import ReglaIncumplida
from shared.eventos import Actor, Agregado
from shared.eventos.sobre import a_json

from services.registro.domain import maquina, permisos
from services.registro.domain.experto_reglas import (
    ACCIONES, ARRIBADO, CANCELADO, CONCLUIDO, EN_SERVICIO, FUND, PRESENTADO, PRORROGADO, REGISTRADO,
    validar_datos_personales, validar_perfil,
)
from services.registro.domain.plazos import plazo, sumar_anios
from services.registro.domain.validacion import exigir_resolucion, exigir_texto, validar_fecha, validar_ruc


class ExpertoVoluntario(Agregado):
    @staticmethod
    def create_id(intervencion: str, documento_identidad: str, fecha_ingreso: date) -> UUID:
        return uuid5(NAMESPACE_URL, f"/experto-voluntario/{intervencion}/{documento_identidad}/{fecha_ingreso}")

    @property
    def correlacion(self) -> str | None:
        return getattr(self, "intervencion", None)

    @classmethod
    def correlacion_inicial(cls, datos: dict[str, Any]) -> str:
        return str(datos["intervencion"])

    @classmethod
    def registrar_ingreso(cls, *, actor: Actor, tipo: str, intervencion: str, ruc_unidad_ejecutora: str,
                          datos: dict[str, Any], fecha_ingreso: date, inicio_servicio: date, fin_servicio: date,
                          hoy: date, contraparte: dict[str, Any] | None = None,
                          miembro_eniex: bool = False) -> ExpertoVoluntario:
        """The executing unit records the arrival of the expert or volunteer its intervention brings."""
        datos = validar_datos_personales(datos)
        ruc_unidad_ejecutora = validar_ruc(ruc_unidad_ejecutora, "ruc_unidad_ejecutora")
        permisos.exigir(actor, (permisos.ENTIDAD, permisos.REGISTRADOR), "registrar_ingreso", ruc_unidad_ejecutora)
        validar_fecha(fecha_ingreso, "fecha_ingreso", hoy=hoy)
        validar_fecha(inicio_servicio, "inicio_servicio", no_antes_de=fecha_ingreso)
        validar_fecha(fin_servicio, "fin_servicio", no_antes_de=inicio_servicio + timedelta(days=1))
        observaciones = validar_perfil(tipo, datos, contraparte)
        limite = plazo("estadia_maxima_experto").vence(inicio_servicio)
        if fin_servicio > limite:
            raise ReglaIncumplida(f"La estadia excede 3 anios de trabajo efectivo (limite {limite.isoformat()}).",
                                  fundamento_legal=FUND["estadia"][0])
        regla = plazo("presentacion_oficial_experto")
        return cls(tipo=tipo, intervencion=exigir_texto(intervencion, "intervencion"),
                   ruc_unidad_ejecutora=ruc_unidad_ejecutora, documento_identidad=datos["documento_identidad"],
                   datos=datos, contraparte=contraparte, fecha_ingreso=fecha_ingreso, inicio_servicio=inicio_servicio,
                   fin_servicio=fin_servicio, limite_estadia=limite, miembro_eniex=miembro_eniex,
                   corto_plazo=(fin_servicio - inicio_servicio).days + 1 <= 90, observaciones=observaciones,
                   presentacion_vence_el=regla.vence(fecha_ingreso), plazo=regla.a_dict(),
                   fundamento_legal=FUND["ingreso"])

    @event("IngresoAlPaisRegistrado")
    def __init__(self, tipo: str, intervencion: str, ruc_unidad_ejecutora: str, documento_identidad: str,
                 datos: dict, contraparte: dict | None, fecha_ingreso: date, inicio_servicio: date, fin_servicio: date,
                 limite_estadia: date, miembro_eniex: bool, corto_plazo: bool, observaciones: list,
                 presentacion_vence_el: date, plazo: dict, fundamento_legal: list) -> None:
        self.tipo, self.intervencion, self.ruc_unidad_ejecutora = tipo, intervencion, ruc_unidad_ejecutora
        self.documento_identidad, self.datos, self.contraparte = documento_identidad, datos, contraparte
        self.fecha_ingreso, self.inicio_servicio, self.fin_servicio = fecha_ingreso, inicio_servicio, fin_servicio
        self.limite_estadia, self.miembro_eniex, self.corto_plazo = limite_estadia, miembro_eniex, corto_plazo
        self.observaciones, self.presentacion_vence_el = observaciones, presentacion_vence_el
        self.estado = ARRIBADO
        self.presentada_el: date | None = None
        self.presentacion_extemporanea = False
        self.alerta_presentacion = False
        self.numero_registro: str | None = None
        self.prorrogas: list[dict] = []
        self.concluida_el: date | None = None

    def _exigir(self, accion: str, actor: Actor) -> None:
        maquina.exigir_accion(ACCIONES, accion, self.estado, actor, self.ruc_unidad_ejecutora)

    def presentar_oficialmente(self, *, actor: Actor, presentada_el: date, hoy: date) -> None:
        self._exigir("presentar_oficialmente", actor)
        validar_fecha(presentada_el, "presentada_el", hoy=hoy, no_antes_de=self.fecha_ingreso)
        self._presentar(presentada_el=presentada_el, dentro_de_plazo=presentada_el <= self.presentacion_vence_el,
                        fundamento_legal=FUND["presentacion"])

    @event("PresentacionOficialRealizada")
    def _presentar(self, presentada_el: date, dentro_de_plazo: bool, fundamento_legal: list) -> None:
        self.estado, self.presentada_el, self.presentacion_extemporanea = PRESENTADO, presentada_el, not dentro_de_plazo

    def inscribir(self, *, actor: Actor, numero_registro: str, inscrito_el: date, hoy: date) -> None:
        self._exigir("inscribir", actor)
        validar_fecha(inscrito_el, "inscrito_el", hoy=hoy, no_antes_de=self.presentada_el)
        self._inscribir(numero_registro=exigir_texto(numero_registro, "numero_registro"), inscrito_el=inscrito_el,
                        fundamento_legal=FUND["inscripcion"])

    @event("ExpertoInscritoEnRegistroNacional")
    def _inscribir(self, numero_registro: str, inscrito_el: date, fundamento_legal: list) -> None:
        self.estado, self.numero_registro = REGISTRADO, numero_registro

    def iniciar_servicio(self, *, actor: Actor, iniciado_el: date, hoy: date) -> None:
        self._exigir("iniciar_servicio", actor)
        validar_fecha(iniciado_el, "iniciado_el", hoy=hoy, no_antes_de=self.fecha_ingreso)
        self._iniciar(iniciado_el=iniciado_el, fundamento_legal=FUND["servicio"])

    @event("ServicioIniciado")
    def _iniciar(self, iniciado_el: date, fundamento_legal: list) -> None:
        self.estado = EN_SERVICIO

    def prorrogar(self, *, actor: Actor, nuevo_fin: date, solicitada_el: date, nota: dict, hoy: date) -> None:
        """Only the Foreign Ministry records an extension (RGL 15; Manual §2.6.8)."""
        self._exigir("prorrogar", actor)
        nota = exigir_resolucion(nota, "nota")
        validar_fecha(solicitada_el, "solicitada_el", hoy=hoy)
        if hoy > self.fin_servicio:
            raise ReglaIncumplida("El servicio ya termino; no cabe prorroga.", fundamento_legal=FUND["prorroga"][0])
        if solicitada_el > self.fin_servicio - timedelta(days=30):
            raise ReglaIncumplida("La prorroga se solicita con 30 dias de anticipacion al fin del servicio.",
                                  fundamento_legal=FUND["prorroga"][1])
        validar_fecha(nuevo_fin, "nuevo_fin", no_antes_de=self.fin_servicio + timedelta(days=1))
        if nuevo_fin > self.limite_estadia:
            raise ReglaIncumplida(
                f"La prorroga excede el limite de 3 anios de trabajo efectivo ({self.limite_estadia.isoformat()}).",
                fundamento_legal=FUND["estadia"][0], limite=self.limite_estadia.isoformat())
        self._prorrogar(anterior_fin=self.fin_servicio, nuevo_fin=nuevo_fin, solicitada_el=solicitada_el, nota=nota,
                        fundamento_legal=FUND["prorroga"])

    @event("ProrrogaConcedida")
    def _prorrogar(self, anterior_fin: date, nuevo_fin: date, solicitada_el: date, nota: dict,
                   fundamento_legal: list) -> None:
        self.estado, self.fin_servicio = PRORROGADO, nuevo_fin
        self.prorrogas = [*self.prorrogas, {"anterior_fin": anterior_fin, "nuevo_fin": nuevo_fin}]

    def concluir(self, *, actor: Actor, concluida_el: date, hoy: date) -> None:
        """Early end of the assignment, reported by the executing unit or the registry keeper."""
        self._exigir("concluir", actor)
        validar_fecha(concluida_el, "concluida_el", hoy=hoy, no_antes_de=self.inicio_servicio)
        self._concluir(concluida_el=concluida_el, anticipada=concluida_el < self.fin_servicio,
                       fundamento_legal=FUND["conclusion"])

    @event("AdscripcionConcluida")
    def _concluir(self, concluida_el: date, anticipada: bool, fundamento_legal: list) -> None:
        self.estado, self.concluida_el = CONCLUIDO, concluida_el

    def cancelar(self, *, actor: Actor, motivo: str, informe_unidad_ejecutora: str | None,
                 informe_rector: str | None, nota: dict, hoy: date) -> None:
        self._exigir("cancelar", actor)
        if not informe_unidad_ejecutora or not informe_rector:
            raise ReglaIncumplida("La cancelacion requiere los informes de la unidad ejecutora y del ente rector.",
                                  fundamento_legal=FUND["cancelacion"][0])
        nota = exigir_resolucion(nota, "nota")
        self._cancelar(motivo=exigir_texto(motivo, "motivo"), informes=[informe_unidad_ejecutora, informe_rector],
                       nota=nota, cancelada_el=hoy, fundamento_legal=FUND["cancelacion"])

    @event("AdscripcionCancelada")
    def _cancelar(self, motivo: str, informes: list, nota: dict, cancelada_el: date, fundamento_legal: list) -> None:
        self.estado = CANCELADO

    def vencer_plazos(self, hoy: date) -> list[str]:
        if self.estado == ARRIBADO and hoy > self.presentacion_vence_el and not self.alerta_presentacion:
            self._alerta(vencido_el=self.presentacion_vence_el + timedelta(days=1),
                         fundamento_legal=FUND["presentacion"])
            return ["PlazoPresentacionOficialVencido"]
        if self.estado in (EN_SERVICIO, PRORROGADO) and hoy > self.fin_servicio:
            self._concluir(concluida_el=self.fin_servicio, anticipada=False, fundamento_legal=FUND["conclusion"])
            return ["AdscripcionConcluida"]
        return []

    @event("PlazoPresentacionOficialVencido")
    def _alerta(self, vencido_el: date, fundamento_legal: list) -> None:
        self.alerta_presentacion = True

    @property
    def elegible_privilegios(self) -> bool:
        """Accredited ENIEX members staying at least one year get the Foreign Ministry's privileges (RGL 81)."""
        return self.miembro_eniex and self.fin_servicio >= sumar_anios(self.inicio_servicio, 1) - timedelta(days=1)

    def acciones_disponibles(self, actor: Actor) -> list[dict[str, Any]]:
        return maquina.disponibles(ACCIONES, self.estado, actor, self.ruc_unidad_ejecutora)

    def a_dict(self) -> dict[str, Any]:
        campos = ("tipo", "intervencion", "ruc_unidad_ejecutora", "datos", "contraparte", "fecha_ingreso",
                  "inicio_servicio", "fin_servicio", "limite_estadia", "corto_plazo", "observaciones",
                  "presentacion_vence_el", "presentada_el", "presentacion_extemporanea", "alerta_presentacion",
                  "numero_registro", "prorrogas", "concluida_el", "miembro_eniex")
        return a_json({"id": self.id, "version": self.version, "estado": self.estado,
                       "elegible_privilegios": self.elegible_privilegios, **{c: getattr(self, c) for c in campos}})
