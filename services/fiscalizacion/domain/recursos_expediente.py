"""Notification of the first-instance decision and the appeals (RIS arts. 18-24).

* Notification within 5 business days of issue (RIS 18); the decision is enforceable from then, and only an appeal
  suspends its enforcement (RIS 24), so filing either appeal records ``ejecucion_suspendida``.
* Reconsideration (new evidence, to the CIS) and appeal (to the CIS, decided by the Director Ejecutivo): 15 business
  days, peremptory, each usable once, never two at the same time (RIS 19, 20, 23). The terms count from notification
  (parameter ``recursos_cuentan_desde``, gap G10).
* A rejected reconsideration reopens 15 days to appeal (parameter ``apelacion_tras_reconsideracion``, gap G11).
"""

from __future__ import annotations

from datetime import date

from shared.errores import DatosInvalidos, ReglaIncumplida
from services.fiscalizacion.domain.citas import ris
from services.fiscalizacion.domain.plazos_expediente import decision, exigir_fecha, plazo
from services.fiscalizacion.domain.procedimiento import exigir


def notificar_resolucion(exp, actor, *, notificado_el: date, hoy: date) -> None:
    exigir("notificar_resolucion", exp.estado, actor, exp.organo_instructor)
    exigir_fecha("notificado_el", notificado_el, hoy, exp.resuelto_el)
    desde = notificado_el if exp.reglamento.parametro("recursos_cuentan_desde") == "notificacion" else exp.resuelto_el
    exp._registrar("ResolucionNotificada", notificado_el, "RIS-18 notificacion; RIS-24 ejecutoriedad",
                   [ris("18"), ris("24")], estado="plazo_impugnatorio_abierto", cierra=["notificacion_resolucion"],
                   abre=plazo(exp, "impugnacion", desde),
                   asigna={"resolucion_notificada_el": notificado_el, "ejecutable": True})


def _recurso(exp, recurso: str, presentado_el: date, hoy: date, articulo: str) -> None:
    exigir_fecha("presentado_el", presentado_el, hoy)
    if recurso in exp.recursos_usados:
        raise ReglaIncumplida(f"El recurso de {recurso} solo puede interponerse una vez por procedimiento.",
                              fundamento_legal=ris("23"))
    if presentado_el > exp.plazos["impugnacion"]["vence_el"]:
        raise ReglaIncumplida(f"Plazo perentorio de 15 dias vencido el {exp.plazos['impugnacion']['vence_el']}.",
                              fundamento_legal=ris(articulo))


def interponer_reconsideracion(exp, actor, *, presentado_el: date, nueva_prueba: list, hoy: date) -> None:
    exigir("interponer_reconsideracion", exp.estado, actor, exp.organo_instructor)
    _recurso(exp, "reconsideracion", presentado_el, hoy, "19")
    if not nueva_prueba:
        raise ReglaIncumplida("La reconsideracion debe sustentarse en nueva prueba.", fundamento_legal=ris("19"))
    exp._registrar("RecursoReconsideracionInterpuesto", presentado_el, "RIS-19 reconsideracion; RIS-24 suspension",
                   [ris("19"), ris("24")], estado="en_reconsideracion", cierra=["impugnacion"],
                   abre=plazo(exp, "resolver_reconsideracion", presentado_el),
                   asigna={"recursos_usados": "reconsideracion", "ejecucion_suspendida": True,
                           "ultimo_recurso": {"tipo": "reconsideracion", "nueva_prueba": list(nueva_prueba)}})


def interponer_apelacion(exp, actor, *, presentado_el: date, fundamentos: str, hoy: date) -> None:
    exigir("interponer_apelacion", exp.estado, actor, exp.organo_instructor)
    _recurso(exp, "apelacion", presentado_el, hoy, "20")
    if not fundamentos:
        raise DatosInvalidos("La apelacion debe sustentarse en diferente interpretacion de las pruebas o en "
                             "cuestiones de puro derecho.", errores=[{"campo": "fundamentos", "mensaje": "vacio"}])
    exp._registrar("RecursoApelacionInterpuesto", presentado_el, "RIS-20 apelacion; RIS-24 suspension",
                   [ris("20"), ris("24")], estado="apelacion_pendiente_concesion", cierra=["impugnacion"],
                   abre=plazo(exp, "conceder_apelacion", presentado_el),
                   asigna={"recursos_usados": "apelacion", "ejecucion_suspendida": True,
                           "ultimo_recurso": {"tipo": "apelacion", "fundamentos": fundamentos}})


def tras_reconsideracion(exp, el: date) -> tuple[str, dict]:
    """Where a rejected reconsideration leaves the file: a new appeal term, or final if the appeal was used."""
    if "apelacion" in exp.recursos_usados or exp.reglamento.parametro("apelacion_tras_reconsideracion") == "no_procede":
        return "firme", {}
    return "plazo_impugnatorio_abierto", plazo(exp, "impugnacion", el)


def resolver_reconsideracion(exp, actor, *, fundada: bool, hoy: date) -> None:
    exigir("resolver_reconsideracion", exp.estado, actor, exp.organo_instructor)
    regla = "RIS-19 reconsideracion " + ("fundada" if fundada else "infundada")
    if fundada:
        estado, abre, asigna = "archivado", {}, {"ejecutable": False, "ejecucion_suspendida": False}
    else:
        estado, abre = tras_reconsideracion(exp, hoy)
        asigna = {"ejecucion_suspendida": False}
    exp._registrar("ReconsideracionResuelta", hoy, regla, ris("19"), estado=estado, abre=abre,
                   cierra=["resolver_reconsideracion"], asigna=asigna,
                   decision=decision(exp, "reconsideracion", hoy, regla, ris("19"), fundada=fundada))


def conceder_apelacion(exp, actor, *, hoy: date) -> None:
    exigir("conceder_apelacion", exp.estado, actor, exp.organo_instructor)
    distancia = exp.reglamento.parametro("termino_distancia_dias")
    exp._registrar("ApelacionConcedida", hoy, "RIS-20 concesion", ris("20"), estado="por_elevar",
                   cierra=["conceder_apelacion"], abre=plazo(exp, "elevar_expediente", hoy, distancia),
                   decision=decision(exp, "apelacion_concedida", hoy, "RIS-20 concesion", ris("20")))


def denegar_apelacion(exp, actor, *, motivo: str, hoy: date) -> None:
    exigir("denegar_apelacion", exp.estado, actor, exp.organo_instructor)
    exp._registrar("ApelacionDenegada", hoy, "RIS-20 denegatoria motivada", ris("20"), estado="firme",
                   cierra=["conceder_apelacion"], asigna={"ejecucion_suspendida": False},
                   decision=decision(exp, "apelacion_denegada", hoy, "RIS-20 denegatoria", ris("20"), motivo=motivo))


def elevar_expediente(exp, actor, *, recibido_el: date, hoy: date) -> None:
    exigir("elevar_expediente", exp.estado, actor, exp.organo_instructor)
    exigir_fecha("recibido_el", recibido_el, hoy)
    exp._registrar("ExpedienteElevado", recibido_el, "RIS-20 elevacion al Director Ejecutivo", ris("20"),
                   estado="elevado_a_de", cierra=["elevar_expediente"],
                   abre=plazo(exp, "resolver_apelacion", recibido_el))


def resolver_apelacion(exp, actor, *, confirma: bool, hoy: date, motivo: str = "") -> None:
    exigir("resolver_apelacion", exp.estado, actor, exp.organo_instructor)
    evento, estado = ("ResolucionConfirmada", "firme") if confirma else ("ResolucionRevocada", "archivado")
    regla = f"RIS-20 segunda instancia: {'confirma' if confirma else 'revoca'}"
    asigna = {"ejecucion_suspendida": False, **({} if confirma else {"ejecutable": False})}
    fundamento = [ris("4 (segunda instancia)"), ris("20"), {"norma": "D.S. 028-2007-RE", "articulo": "13.n"}]
    exp._registrar(evento, hoy, regla, fundamento, estado=estado, cierra=["resolver_apelacion"], asigna=asigna,
                   decision=decision(exp, evento, hoy, regla, fundamento, motivo=motivo, organo="DE"))
