"""Opening a file: choosing the entry route the law gives the presenter, and the first hop.

Routes by level (D.S. 015-92-PCM arts. 48-53, 56, 57; R.S. 450-84-RE §1.5.1, §1.6.1-1.6.2; Ley 27692 art. 5) are
the procedure's ``entradas``: the kind of the receiving office picks the entry and its initial state. The file
keeps the procedure version in force on the presentation date (or the one asked for), stored in the opening event.
An entry's clock may start on a date its data gives (the end of the year a report covers), and an entry may require
an act of another file it names (``antecedentes``: an extension after the evaluation acta that recommends it).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from shared.calendario import CALENDARIO_NACIONAL, CalendarioPeruano
from shared.errores import DatosInvalidos, NoEncontrado, ReglaIncumplida, SinDerecho
from shared.eventos import Actor

from services.tramite.domain.catalogo import Catalogo
from services.tramite.domain.custodia import verificar_canal_fuente
from services.tramite.domain.definicion import REGIMENES_CON_REGISTRO, Procedimiento, TipoOficina
from services.tramite.domain.numeracion import parsear_numero
from services.tramite.domain.plazos import errores_inicio
from services.tramite.domain.reglas import ConsultaExpediente, exigir_antecedentes, exigir_no_auditor
from services.tramite.domain.validacion import errores_campos, errores_documentos, exigir_validos, normalizar_documentos


def preparar(
    catalogo: Catalogo,
    *,
    procedimiento: str,
    numero: str,
    promotor: str,
    oficina_apertura: str,
    tipo_oficina_apertura: str,
    presentado_el: date,
    actor: Actor,
    actor_tipo_oficina: str,
    datos: dict[str, Any] | None = None,
    documentos: list[dict[str, Any]] | None = None,
    regimen_promotor: str | None = None,
    version: int | None = None,
    consultar_expediente: ConsultaExpediente | None = None,
    calendario: CalendarioPeruano = CALENDARIO_NACIONAL,
) -> tuple[Procedimiento, dict[str, Any]]:
    parsear_numero(numero)
    if not isinstance(presentado_el, date) or isinstance(presentado_el, datetime):
        raise DatosInvalidos("presentado_el debe ser una fecha", errores=[{"campo": "presentado_el", "mensaje": "date"}])
    exigir_no_auditor(actor)
    try:
        proc = catalogo.obtener(procedimiento, version) if version else catalogo.vigente(procedimiento, presentado_el)
    except NoEncontrado as e:  # a field of the request, not a missing resource: 422 naming it
        codigos = sorted({p.codigo for p in catalogo.todos()})
        raise DatosInvalidos(e.detalle, errores=[{"campo": "procedimiento",
                                                 "mensaje": f"use uno de: {', '.join(codigos)}"}]) from None
    entrada = proc.entrada(tipo_oficina_apertura)
    if entrada is None:
        rutas = ", ".join(e.tipo_oficina for e in proc.entradas)
        raise ReglaIncumplida(
            f"{proc.nombre} no se presenta ante una oficina de tipo {tipo_oficina_apertura}; rutas previstas: {rutas}.",
            fundamento_legal=proc.fundamento[0],
        )
    if actor_tipo_oficina not in entrada.presenta:
        raise SinDerecho(
            f"Una oficina de tipo {actor_tipo_oficina} no puede presentar este expediente ante {oficina_apertura}.",
            derecho_requerido=f"oficina de tipo {' o '.join(entrada.presenta)}",
        )
    verificar_canal_fuente(
        actor_tipo_oficina, {oficina_apertura: tipo_oficina_apertura}, entrada.canal_directo_fuente, "presentar"
    )
    datos, docs = dict(datos or {}), normalizar_documentos(documentos)
    errores = errores_campos(datos, entrada.campos, entrada.valores, entrada.condicionales, docs)
    errores += errores_documentos(docs, entrada.documentos, None)
    if regimen_promotor is not None and regimen_promotor not in REGIMENES_CON_REGISTRO | {"publico", "privado"}:
        errores.append({"campo": "regimen_promotor", "mensaje": "ongd, eniex, ipreda, publico o privado"})
    nombrados = {e["campo"] for e in errores}
    errores += [e for e in errores_inicio(entrada.plazos, datos) if e["campo"] not in nombrados]
    exigir_validos(errores, "presentar el expediente")
    exigir_antecedentes(entrada.antecedentes, datos, promotor, consultar_expediente)
    plazos = [p.abrir_en_acto(accion="presentar", hoy=presentado_el, fecha_cargo=presentado_el, datos=datos,
                              estado=entrada.estado, calendario=calendario) for p in entrada.plazos]
    tramo = {
        "n": 1,
        "accion": "presentar",
        "evento": entrada.evento,
        "remitente": actor.oficina,
        "tipo_remitente": actor_tipo_oficina,
        "destinatario": oficina_apertura,
        "tipo_destinatario": tipo_oficina_apertura,
        "cc": [],
        "documento": docs[0] if docs else None,
        "fecha": presentado_el,
        "fecha_cargo": presentado_el,
        "observaciones": datos.get("observaciones"),
        "datos": datos,
        "actor": actor.a_dict(),
        "estado": entrada.estado,
        "fundamento_legal": list(entrada.fundamento),
    }
    tipos = {promotor: TipoOficina.PROMOTOR.value, actor.oficina: actor_tipo_oficina}
    tipos[oficina_apertura] = tipo_oficina_apertura
    return proc, {
        "tipo_entrada": entrada.tipo_oficina,
        "procedimiento": proc.codigo,
        "version_procedimiento": proc.version,
        "numero": numero,
        "promotor": promotor,
        "regimen_promotor": regimen_promotor,
        "oficina_apertura": oficina_apertura,
        "presentado_el": presentado_el,
        "estado": entrada.estado,
        "tramo": tramo,
        "tipos": tipos,
        "datos": datos,
        "documentos": docs,
        "plazos_abiertos": plazos,
        "fundamento_legal": list(entrada.fundamento),
    }
