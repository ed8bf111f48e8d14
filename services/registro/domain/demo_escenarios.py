"""The scenarios of the demo set: one function per end state of a registration, each emitting the commands (with
their business dates) that lead there. See ``demo`` for the output format."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from services.registro.domain.experto import ExpertoVoluntario
from services.registro.domain.inscripcion import Inscripcion
from services.registro.domain.obligacion_anual import ObligacionAnual
from services.registro.domain.obligacion_anual_reglas import INFORME_ANUAL, PLAN_ANUAL, VARIANTES
from services.registro.domain.plazos import anios_exigibles, sumar_anios, vencimiento_declaracion_anual
from services.registro.domain.reglas import REQUISITOS_RENOVACION, Registro
from services.registro.domain.requisitos import codigos_inscripcion

D = timedelta(days=1)
REGISTRADOR = {"persona": "registrador.demo", "oficina": "APCI-DOC", "roles": ["registrador"]}
DIRECTOR = {"persona": "director.demo", "oficina": "APCI-DE", "roles": ["director_ejecutivo"]}
SISTEMA = {"persona": "sistema", "oficina": "SISTEMA", "roles": ["sistema"]}
RREE = {"persona": "dci.demo", "oficina": "RREE-DCI", "roles": ["cancilleria"]}


def _entidad(ruc: str) -> dict[str, Any]:
    return {"persona": f"representante.{ruc}", "oficina": f"ENTIDAD-{ruc}", "roles": ["representante_legal"]}


@dataclass
class Generador:
    rng: random.Random
    hoy: date
    comandos: list[tuple[date, int, dict[str, Any]]] = field(default_factory=list)
    numeracion: int = 0

    def emitir(self, agregado: str, id_: Any, accion: str, actor: dict, fecha: date, origen: str = "usuario",
               **args: Any) -> str:
        self.comandos.append((fecha, len(self.comandos), {
            "agregado": agregado, "id": str(id_), "accion": accion, "actor": actor, "args": args,
            "origen": origen, "fecha": fecha}))
        return str(id_)

    def numero(self, prefijo: str, anio: int) -> str:
        self.numeracion += 1
        return f"{prefijo}-{anio}-{self.numeracion:06d}"

    def ordenados(self) -> list[dict[str, Any]]:
        return [c for _, _, c in sorted(self.comandos, key=lambda t: (t[0], t[1]))]

    # --- building blocks -----------------------------------------------------------------------------------------

    def presentar(self, e: dict, d0: date, completa: bool = True) -> str:
        reg: Registro = e["registro"]
        docs = list(codigos_inscripcion(reg))
        if not completa:
            docs.remove(self.rng.choice(docs[2:]))  # never the literal copy: its date decides its validity
        expediente = self.numero("APCI-DOC", d0.year)
        args = {"registro": reg.value, "ruc": e["ruc"], "razon_social": e["razon_social"], "expediente": expediente,
                "presentada_el": d0, "documentos": docs, "ubigeo": e["ubigeo"], "hoy": d0,
                "fecha_copia_literal": d0 - 20 * D,
                "ambito": "regional" if reg is Registro.ONGD and self.rng.random() < 0.4 else "nacional",
                "datos": {"representante_legal": f"Representante {e['indice'] + 1}",
                          "domicilio_legal": {"direccion": f"Av. Principal {self.rng.randint(100, 2999)}",
                                              "ubigeo": e["ubigeo"]}}}
        if reg is Registro.ENIEX:
            args["partida_sunarp"] = f"1{self.rng.randrange(10**7):07d}"
        id_ = Inscripcion.create_id(reg.value, e["ruc"], expediente)
        e["faltante"] = next((c for c in codigos_inscripcion(reg) if c not in docs), None)
        return self.emitir("Inscripcion", id_, "presentar", _entidad(e["ruc"]), d0, **args)

    def resolucion(self, fecha: date, organo: str = "APCI/DOC") -> dict[str, Any]:
        self.numeracion += 1
        return {"numero": f"R.D. N. {self.numeracion:05d}-{fecha.year}-{organo}", "fecha": fecha}

    def aprobar(self, id_: str, fecha: date) -> None:
        self.emitir("Inscripcion", id_, "aprobar", REGISTRADOR, fecha, resolucion=self.resolucion(fecha), hoy=fecha)

    def denegar(self, e: dict, id_: str, fecha: date) -> None:
        self.emitir("Inscripcion", id_, "denegar", REGISTRADOR, fecha,
                    requisitos_incumplidos=[self.rng.choice(codigos_inscripcion(e["registro"]))],
                    resolucion=self.resolucion(fecha), notificada_el=fecha + 2 * D, hoy=fecha + 2 * D)

    def vencer(self, agregado: str, id_: str, fecha: date, origen: str = "planificador") -> None:
        self.emitir(agregado, id_, "vencer_plazos", SISTEMA, fecha, origen=origen, hoy=fecha)

    def inscrita(self, e: dict, aprobada_el: date) -> str:
        id_ = self.presentar(e, aprobada_el - self.rng.randint(10, 25) * D)
        self.aprobar(id_, aprobada_el)
        return id_

    def contenido(self, componente: str) -> dict[str, Any]:
        if componente == INFORME_ANUAL:
            fuentes = ("USAID", "AECID", "GIZ", "COSUDE", "Union Europea", "Manos Unidas", "Oxfam")
            return {"intervenciones": [{"nombre": f"Proyecto {self.rng.randint(1, 999)}",
                                        "fuente_cooperante": self.rng.choice(fuentes),
                                        "monto_usd": self.rng.randint(5, 900) * 1000}
                                       for _ in range(self.rng.randint(1, 4))]}
        if componente == PLAN_ANUAL:
            return {"actividades": [f"Actividad {n + 1}" for n in range(self.rng.randint(1, 5))]}
        return {"actividades": ["Atencion alimentaria", "Reforzamiento escolar"][: self.rng.randint(1, 2)],
                "donaciones_recibidas": [{"bien": "alimentos", "monto_usd": self.rng.randint(1, 90) * 1000}],
                "poblacion_beneficiada": self.rng.randint(30, 3000)}

    def obligacion(self, e: dict, anio: int, final: str = "validada") -> str:
        """One year's obligation ending in ``final``: validada, presentada, en_subsanacion, no_conforme, omitida."""
        reg: Registro = e["registro"]
        id_ = str(ObligacionAnual.create_id(reg.value, e["ruc"], anio))
        self.emitir("ObligacionAnual", id_, "abrir", SISTEMA, date(anio, 1, 1), origen="planificador",
                    registro=reg.value, ruc=e["ruc"], anio=anio, hoy=date(anio, 1, 1))
        if final == "omitida":
            self.vencer("ObligacionAnual", id_, vencimiento_declaracion_anual(anio) + 8 * D)
            return id_
        presentada = date(anio, 1, self.rng.randint(8, 26))
        for componente in VARIANTES[reg]["componentes"]:
            self.emitir("ObligacionAnual", id_, "presentar_componente", _entidad(e["ruc"]), presentada,
                        componente=componente, contenido=self.contenido(componente), presentado_el=presentada,
                        hoy=presentada)
        revision = min(date(anio, 2, 16), self.hoy - 2 * D)
        if final in ("en_subsanacion", "no_conforme"):
            self.emitir("ObligacionAnual", id_, "notificar_inconsistencias", REGISTRADOR, revision,
                        inconsistencias=["montos no cuadran con el Plan de Operaciones"], notificada_el=revision,
                        hoy=revision)
            if final == "no_conforme":
                self.vencer("ObligacionAnual", id_, revision + 14 * D)
        elif final == "validada":
            self.emitir("ObligacionAnual", id_, "validar", REGISTRADOR, revision, hoy=revision)
        return id_

    def obligaciones(self, e: dict, desde: date, hasta: date, variar: bool = True) -> list[int]:
        """Every obligation due while registered; the current year's may end unvalidated or "no conforme"."""
        anios = anios_exigibles(desde, hasta)
        for anio in anios:
            variable = variar and anio == self.hoy.year
            final = self.rng.choice(["validada", "validada", "presentada", "no_conforme"]) if variable else "validada"
            self.obligacion(e, anio, final)
        return anios

    def renovar(self, e: dict, id_: str, vigente_hasta: date, desde: date, solicitada_el: date) -> None:
        anios = self.obligaciones(e, desde, self.hoy, variar=False)
        self.emitir("Inscripcion", id_, "solicitar_renovacion", _entidad(e["ruc"]), solicitada_el,
                    documentos=list(REQUISITOS_RENOVACION[e["registro"]]), fecha_copia_literal=solicitada_el - 30 * D,
                    anios_declarados=[a for a in anios if vencimiento_declaracion_anual(a) < solicitada_el],
                    presentada_el=solicitada_el, hoy=solicitada_el)

    def experto(self, e: dict, id_intervencion: str, final: str) -> None:
        rng, hoy = self.rng, self.hoy
        atras = {"arribado": 3, "presentado": 20, "registrado": 40, "en_servicio": 200, "prorrogado": 400,
                 "concluido": 500, "cancelado": 100}[final]
        ingreso = hoy - atras * D
        inicio = ingreso + 14 * D
        fin = inicio + (365 if final in ("prorrogado", "concluido") else 700) * D
        tipo = rng.choice(["experto", "experto", "voluntario"])
        datos = {"nombre": f"{rng.choice(['Anna', 'Jean', 'Klaus', 'Maria', 'John', 'Yuki', 'Lucia'])} "
                           f"{rng.choice(['Muller', 'Dupont', 'Smith', 'Rossi', 'Tanaka', 'Garcia', 'Janssen'])}",
                 "documento_identidad": f"P{rng.randrange(10**8):08d}",
                 "nacionalidad": rng.choice(["DE", "ES", "US", "CH", "CA", "IT", "BE", "FR", "NL", "JP"]),
                 "profesion": rng.choice(["Ingeniera agronoma", "Medico", "Economista", "Hidrologo", "Educadora"]),
                 "experiencia_anios": rng.randint(5, 25) if tipo == "experto" else rng.randint(1, 8),
                 "idiomas": ["es", rng.choice(["de", "en", "fr", "it", "ja", "nl"])],
                 "fuente_cooperante": rng.choice(["GIZ", "AECID", "USAID", "COSUDE", "JICA", "KOICA", "Enabel"])}
        id_ = str(ExpertoVoluntario.create_id(id_intervencion, datos["documento_identidad"], ingreso))
        ent = _entidad(e["ruc"])
        self.emitir("ExpertoVoluntario", id_, "registrar_ingreso", ent, ingreso, tipo=tipo,
                    intervencion=id_intervencion, ruc_unidad_ejecutora=e["ruc"], datos=datos, fecha_ingreso=ingreso,
                    inicio_servicio=inicio, fin_servicio=fin, hoy=ingreso,
                    contraparte={"nombre": "Tecnico contraparte", "cargo": "Especialista"},
                    miembro_eniex=e["registro"] is Registro.ENIEX)
        pasos = ["presentar", "inscribir", "iniciar", "prorrogar", "cancelar", "concluir"]
        hasta = {"arribado": 0, "presentado": 1, "registrado": 2, "en_servicio": 3, "prorrogado": 4,
                 "concluido": 3, "cancelado": 3}[final]
        for paso in pasos[:hasta]:
            if paso == "presentar":
                fecha = ingreso + rng.randint(2, 9) * D
                self.emitir("ExpertoVoluntario", id_, "presentar_oficialmente", ent, fecha, presentada_el=fecha,
                            hoy=fecha)
            elif paso == "inscribir":
                fecha = ingreso + 12 * D
                self.emitir("ExpertoVoluntario", id_, "inscribir", REGISTRADOR, fecha,
                            numero_registro=self.numero("REV", fecha.year), inscrito_el=fecha, hoy=fecha)
            elif paso == "iniciar":
                self.emitir("ExpertoVoluntario", id_, "iniciar_servicio", ent, inicio, iniciado_el=inicio, hoy=inicio)
            elif paso == "prorrogar":
                self.emitir("ExpertoVoluntario", id_, "prorrogar", RREE, fin - 20 * D, nuevo_fin=sumar_anios(fin, 1),
                            solicitada_el=fin - 60 * D, nota=self.resolucion(fin - 20 * D, "RREE/DCI"),
                            hoy=fin - 20 * D)
        if final == "concluido":
            self.vencer("ExpertoVoluntario", id_, hoy)
        if final == "cancelado":
            self.emitir("ExpertoVoluntario", id_, "cancelar", RREE, hoy - 5 * D, motivo="falta de idoneidad",
                        informe_unidad_ejecutora="Informe UE 12-2026", informe_rector="Informe APCI-DOC 45-2026",
                        nota=self.resolucion(hoy - 5 * D, "RREE/DCI"), hoy=hoy - 5 * D)


def _dias_atras(g: Generador, minimo: int, maximo: int) -> date:
    return g.hoy - g.rng.randint(minimo, maximo) * D


def presentada(g: Generador, e: dict) -> None:
    g.presentar(e, _dias_atras(g, 3, 15))


def observada(g: Generador, e: dict) -> None:
    d0 = g.hoy - 12 * D
    id_ = g.presentar(e, d0, completa=False)
    g.emitir("Inscripcion", id_, "observar", REGISTRADOR, d0 + 3 * D, omisiones=[e["faltante"]],
             notificada_el=d0 + 3 * D, hoy=d0 + 3 * D)


def vigente(g: Generador, e: dict) -> None:
    aprobada = _dias_atras(g, 60, 600)
    g.inscrita(e, aprobada)
    g.obligaciones(e, aprobada, g.hoy)
    if e["registro"] is not Registro.IPREDA and g.rng.random() < 0.5:
        g.experto(e, f"INT-{e['ruc']}-1", g.rng.choice(["arribado", "presentado", "registrado", "en_servicio",
                                                        "prorrogado", "concluido", "cancelado"]))


def vigente_por_silencio(g: Generador, e: dict) -> None:
    d0 = _dias_atras(g, 100, 400)
    id_ = g.presentar(e, d0, completa=False)
    g.emitir("Inscripcion", id_, "observar", REGISTRADOR, d0 + 4 * D, omisiones=[e["faltante"]],
             notificada_el=d0 + 4 * D, hoy=d0 + 4 * D)
    g.emitir("Inscripcion", id_, "subsanar", _entidad(e["ruc"]), d0 + 9 * D, documentos=[e["faltante"]],
             subsanada_el=d0 + 9 * D, hoy=d0 + 9 * D)
    g.vencer("Inscripcion", id_, d0 + 45 * D)


def _suspendida(g: Generador, e: dict, reparar: bool) -> None:
    anio = g.hoy.year
    id_ = g.inscrita(e, date(anio - 1, g.rng.randint(3, 11), g.rng.randint(1, 28)))
    obligacion = g.obligacion(e, anio, "omitida")
    vencida_el = vencimiento_declaracion_anual(anio) + D
    g.emitir("Inscripcion", id_, "suspender_beneficios", SISTEMA, vencida_el + 8 * D, origen="politica",
             causa="obligacion_anual", causa_id=obligacion, hoy=vencida_el + 8 * D)
    if reparar:
        tarde = date(anio, 3, g.rng.randint(2, 27))
        for componente in VARIANTES[e["registro"]]["componentes"]:
            g.emitir("ObligacionAnual", obligacion, "presentar_componente", _entidad(e["ruc"]), tarde,
                     componente=componente, contenido=g.contenido(componente), presentado_el=tarde, hoy=tarde)
        g.emitir("Inscripcion", id_, "restituir_beneficios", SISTEMA, tarde, origen="politica", causa_id=obligacion,
                 hoy=tarde)


def beneficios_suspendidos(g: Generador, e: dict) -> None:
    _suspendida(g, e, reparar=False)


def beneficios_restituidos(g: Generador, e: dict) -> None:
    _suspendida(g, e, reparar=True)


def renovacion_en_tramite(g: Generador, e: dict) -> None:
    aprobada = sumar_anios(g.hoy, -2) + g.rng.randint(10, 25) * D
    id_ = g.inscrita(e, aprobada)
    g.renovar(e, id_, sumar_anios(aprobada, 2) - D, aprobada, g.hoy - 3 * D)


def renovada(g: Generador, e: dict) -> None:
    aprobada = sumar_anios(g.hoy, -2) - g.rng.randint(60, 200) * D
    id_ = g.inscrita(e, aprobada)
    solicitada = sumar_anios(aprobada, 2) - 45 * D
    g.renovar(e, id_, sumar_anios(aprobada, 2) - D, aprobada, solicitada)
    g.emitir("Inscripcion", id_, "aprobar_renovacion", REGISTRADOR, solicitada + 15 * D,
             resolucion=g.resolucion(solicitada + 15 * D), hoy=solicitada + 15 * D)


def vencida(g: Generador, e: dict) -> None:
    id_ = g.inscrita(e, sumar_anios(g.hoy, -2) - g.rng.randint(30, 300) * D)
    g.vencer("Inscripcion", id_, g.hoy)


def vencida_anterior_ley_28925(g: Generador, e: dict) -> None:
    """Voluntarily registered before Ley 28925: not obliged to renew (TC ¶109(i))."""
    id_ = g.inscrita(e, date(2005, g.rng.randint(1, 12), g.rng.randint(1, 28)))
    g.vencer("Inscripcion", id_, g.hoy)


def renunciada(g: Generador, e: dict) -> None:
    aprobada = _dias_atras(g, 200, 600)
    id_ = g.inscrita(e, aprobada)
    g.emitir("Inscripcion", id_, "renunciar", _entidad(e["ruc"]), g.hoy - 10 * D, hoy=g.hoy - 10 * D)


def denegada(g: Generador, e: dict) -> None:
    d0 = g.hoy - 25 * D
    g.denegar(e, g.presentar(e, d0), d0 + 14 * D)


def _recurso(g: Generador, e: dict, accion: str) -> str:
    d0 = g.hoy - 30 * D
    id_ = g.presentar(e, d0)
    g.denegar(e, id_, d0 + 10 * D)
    args = {"nueva_prueba": ["opinion_sectorial_favorable_nueva"]} if accion == "interponer_reconsideracion" \
        else {"fundamentos": "La denegacion no precisa el requisito legal incumplido."}
    g.emitir("Inscripcion", id_, accion, _entidad(e["ruc"]), d0 + 20 * D, hoy=d0 + 20 * D, **args)
    return id_


def en_reconsideracion(g: Generador, e: dict) -> None:
    _recurso(g, e, "interponer_reconsideracion")


def en_apelacion(g: Generador, e: dict) -> None:
    _recurso(g, e, "interponer_apelacion")


def vigente_por_apelacion(g: Generador, e: dict) -> None:
    id_ = _recurso(g, e, "interponer_apelacion")
    fecha = g.hoy - 2 * D
    g.emitir("Inscripcion", id_, "resolver_apelacion", DIRECTOR, fecha, fundada=True,
             resolucion=g.resolucion(fecha, "APCI/DE"), hoy=fecha)


def denegada_firme(g: Generador, e: dict) -> None:
    d0 = _dias_atras(g, 100, 300)
    id_ = g.presentar(e, d0, completa=False)
    g.emitir("Inscripcion", id_, "observar", REGISTRADOR, d0 + 5 * D, omisiones=[e["faltante"]],
             notificada_el=d0 + 5 * D, hoy=d0 + 5 * D)
    g.vencer("Inscripcion", id_, d0 + 30 * D)
    g.vencer("Inscripcion", id_, g.hoy)


def cancelada_legado(g: Generador, e: dict) -> None:
    """Imported from before the TC ruling of 2007; never produced by a new sanction."""
    id_ = g.inscrita(e, date(2003, g.rng.randint(1, 12), g.rng.randint(1, 28)))
    fecha = date(2004, g.rng.randint(1, 12), g.rng.randint(1, 28))
    g.emitir("Inscripcion", id_, "registrar_cancelacion_legada", SISTEMA, fecha, origen="migracion",
             resolucion=g.resolucion(fecha))


ESCENARIOS: dict[str, Callable[[Generador, dict], None]] = {
    f.__name__: f for f in (
        presentada, observada, vigente, vigente_por_silencio, beneficios_suspendidos, beneficios_restituidos,
        renovacion_en_tramite, renovada, vencida, vencida_anterior_ley_28925, renunciada, denegada,
        en_reconsideracion, en_apelacion, vigente_por_apelacion, denegada_firme, cancelada_legado)
}

PESOS = {"vigente": 8, "renovada": 4, "vencida": 3, "beneficios_suspendidos": 2, "vigente_por_silencio": 2}
"""Most registered entities are simply in force; every other state appears a few times (default weight 1)."""
