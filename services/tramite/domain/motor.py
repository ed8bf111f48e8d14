"""The routing engine: turns a requested act into the payload of the event that records it, or refuses it.

Order of checks (each failure is the suite's domain error): version (409), auditor / custody / office kind / role
(403 ``SinDerecho``), state (422 ``TransicionIlegal`` listing the allowed acts), fields and documents (``DatosInvalidos``
naming the fields), prior acts of this file or of another file it names, and benefits (``ReglaIncumplida``), route
and source channel. Nothing here reads a clock or does I/O: ``hoy``, the calendar, the office-kind resolver, the
registration lookup and the lookup of other files come in as arguments.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from shared.calendario import CALENDARIO_NACIONAL, CalendarioPeruano
from shared.errores import DatosInvalidos, TransicionIlegal
from shared.eventos import Actor

from services.tramite.domain import reglas
from services.tramite.domain.custodia import (
    Resolver,
    Ruta,
    exigir_custodia,
    resolver_copias,
    resolver_destino,
    verificar_canal_fuente,
)
from services.tramite.domain.definicion import Accion
from services.tramite.domain.plazos import Efecto, errores_inicio
from services.tramite.domain.validacion import errores_campos, errores_documentos, exigir_validos, normalizar_documentos

if TYPE_CHECKING:
    from services.tramite.domain.expediente import Expediente

_NO_PERSISTIR = ("destinatario", "cc")


def _accion_permitida(exp: Expediente, nombre: str) -> Accion:
    proc = exp.definicion
    accion = proc.accion(nombre)
    if accion is None or exp.estado not in accion.desde:
        raise TransicionIlegal(nombre, exp.estado, [a.nombre for a in proc.acciones_en(exp.estado)])
    return accion


def _ruta(exp: Expediente) -> Ruta:
    return Ruta(custodia=exp.custodia, promotor=exp.promotor, historial=exp.tramos, tipos=exp.tipos)


def _cerrar(exp: Expediente, accion: Accion, nuevo_estado: str) -> list[str]:
    """Deadlines this act satisfies; all of them when the file ends; effect-bearing ones when it leaves their state."""
    terminal = nuevo_estado in exp.definicion.terminales
    cerrados = []
    for p in exp.plazos_abiertos():
        ligado = p["efecto"] != Efecto.ALERTA and p.get("ligado_al_estado", True)
        sale = ligado and p.get("estado_origen") != nuevo_estado
        if terminal or accion.nombre in p["se_cumple_con"] or sale:
            cerrados.append(p["codigo"])
    return cerrados


def preparar_acto(
    exp: Expediente,
    nombre: str,
    *,
    actor: Actor,
    tipo_actor: str,
    hoy: date,
    datos: dict[str, Any] | None = None,
    documentos: list[dict[str, Any]] | None = None,
    fecha_cargo: date | None = None,
    version_esperada: int | None = None,
    resolver_tipo: Resolver | None = None,
    inscrito_vigente: reglas.VerificadorInscripcion | None = None,
    consultar_expediente: reglas.ConsultaExpediente | None = None,
    calendario: CalendarioPeruano = CALENDARIO_NACIONAL,
) -> dict[str, Any]:
    reglas.exigir_version(exp.version, version_esperada)
    reglas.exigir_no_auditor(actor)
    exigir_custodia(actor.oficina, exp.custodia, exp.numero)
    accion = _accion_permitida(exp, nombre)
    reglas.exigir_tipo_oficina(tipo_actor, accion.tipos_oficina, nombre)
    reglas.exigir_rol(actor, accion.roles, nombre)
    datos, docs = dict(datos or {}), normalizar_documentos(documentos)
    errores = errores_campos(datos, accion.campos, accion.valores, accion.condicionales, docs)
    errores += errores_documentos(docs, accion.documentos_exigidos(), accion.documento)
    contexto = {**exp.datos, **datos}
    nombrados = {e["campo"] for e in errores}
    errores += [e for e in errores_inicio(accion.plazos, contexto) if e["campo"] not in nombrados]
    if fecha_cargo and fecha_cargo < hoy:
        errores.append({"campo": "fecha_cargo", "mensaje": "la recepcion no puede ser anterior al acto"})
    errores += [{"campo": c.origen, "mensaje": f"numero entero positivo (de el se calcula {c.campo})"}
                for c in accion.calculos if type(datos.get(c.origen)) is not int or datos[c.origen] < 1]
    exigir_validos(errores, f"la accion '{nombre}'")
    reglas.exigir_requisitos(accion, exp.tramos)
    reglas.exigir_antecedentes(accion.antecedentes, datos, exp.promotor, consultar_expediente)

    ruta = _ruta(exp)
    destino, tipo_destino = resolver_destino(accion.destino, ruta, datos, resolver_tipo)
    copias = resolver_copias(accion.cc, ruta, datos.get("cc", []), excluir={destino, actor.oficina})
    tipos_copias = {c: (resolver_tipo(c) if resolver_tipo else None) or exp.tipos.get(c) for c in copias}
    destinos = {**tipos_copias, **({destino: tipo_destino} if destino != exp.custodia else {})}
    verificar_canal_fuente(tipo_actor, destinos, accion.canal_directo_fuente, nombre)
    esperado = accion.destino[5:] if accion.destino.startswith("tipo:") else None
    if tipo_destino is None or (esperado and tipo_destino != esperado):
        raise DatosInvalidos(
            f"La oficina destinataria {destino} no es de tipo {esperado or 'conocido'} (es {tipo_destino}).",
            errores=[{"campo": "destinatario", "mensaje": f"debe ser una oficina de tipo {esperado}"}],
        )
    reglas.exigir_beneficios(accion, exp.promotor, exp.regimen_promotor, inscrito_vigente)

    cargo = fecha_cargo or hoy
    nuevo = accion.estado_destino(tipo_destino)
    plazos = [p.abrir_en_acto(accion=nombre, hoy=hoy, fecha_cargo=cargo, datos=contexto, estado=nuevo,
                              calendario=calendario) for p in accion.plazos]
    persistir = {k: v for k, v in datos.items() if k not in _NO_PERSISTIR}
    persistir.update({c.campo: c.valor(datos[c.origen]) for c in accion.calculos})
    portador = next((d for d in docs if d.get("tipo") == accion.documento), None)
    tramo = {
        "n": len(exp.tramos) + 1,
        "accion": nombre,
        "evento": accion.evento,
        "remitente": actor.oficina,
        "tipo_remitente": tipo_actor,
        "destinatario": destino,
        "tipo_destinatario": tipo_destino,
        "cc": copias,
        "documento": portador,
        "fecha": hoy,
        "fecha_cargo": cargo,
        "observaciones": datos.get("observaciones"),
        "datos": persistir,
        "actor": actor.a_dict(),
        "estado": nuevo,
        "fundamento_legal": list(accion.fundamento),
    }
    conocidos = {actor.oficina: tipo_actor, destino: tipo_destino}
    conocidos.update({c: t for c, t in tipos_copias.items() if t})
    return {
        "accion": nombre,
        "nombre_evento": accion.evento,
        "estado_anterior": exp.estado,
        "estado_nuevo": nuevo,
        "custodia": destino,
        "tramo": tramo,
        "tipos": conocidos,
        "datos": persistir,
        "documentos": docs,
        "plazos_abiertos": plazos,
        "plazos_cerrados": _cerrar(exp, accion, nuevo),
        "plazo_vencido": None,
        "fecha": hoy,
        "fundamento_legal": list(accion.fundamento),
    }


def preparar_vencimiento(exp: Expediente, plazo: dict[str, Any], hoy: date) -> dict[str, Any]:
    """The event for an expired deadline: an alert keeps the state; silence or denial moves to the data's state."""
    nuevo = plazo["estado_al_vencer"] or exp.estado
    otros = [
        p["codigo"]
        for p in exp.plazos_abiertos()
        if p["codigo"] != plazo["codigo"]
        and (nuevo in exp.definicion.terminales or (nuevo != exp.estado and p["efecto"] != Efecto.ALERTA
                                                     and p.get("ligado_al_estado", True)))
    ]
    return {
        "accion": "vencer_plazo",
        "nombre_evento": plazo["evento_al_vencer"],
        "estado_anterior": exp.estado,
        "estado_nuevo": nuevo,
        "custodia": exp.custodia,
        "tramo": None,
        "tipos": {},
        "datos": {f"plazo_{plazo['codigo']}": plazo["efecto"]},
        "documentos": [],
        "plazos_abiertos": [],
        "plazos_cerrados": otros,
        "plazo_vencido": plazo["codigo"],
        "fecha": hoy,
        "fundamento_legal": plazo["fundamento_legal"],
    }


def acciones_disponibles(exp: Expediente, actor: Actor, tipo_actor: str | None) -> list[dict[str, Any]]:
    """What this actor may do now: empty unless its office holds the file; filtered by office kind and role."""
    if actor.oficina != exp.custodia or "auditor" in actor.roles:
        return []
    disponibles = []
    for a in exp.definicion.acciones_en(exp.estado):
        if (tipo_actor and tipo_actor not in a.tipos_oficina) or (a.roles and not set(a.roles) & set(actor.roles)):
            continue
        disponibles.append(
            {
                "accion": a.nombre,
                "evento": a.evento,
                "descripcion": a.descripcion,
                "destino": a.destino,
                "campos": list(a.campos),
                "documentos": list(a.documentos_exigidos()),
                "plazos": [
                    {"codigo": p.codigo, "duracion": p.duracion, "unidad": p.unidad.value, "efecto": p.efecto.value}
                    for p in a.plazos
                ],
                "fundamento_legal": list(a.fundamento),
            }
        )
    return disponibles
