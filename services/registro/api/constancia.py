"""The registration certificate (constancia) as a self-contained HTML document.

Its verification code is taken from the SHA-256 hash of the event that granted the period (approval, positive
silence, founded challenge or renewal): the hash chain already makes that event tamper-evident, so the code needs no
secret of its own, and anyone can check it against ``GET /api/v1/registros/constancias/{codigo}`` (or an auditor
against the event log). Read from the event store, not from the read models, so it is never stale.
"""

from __future__ import annotations

from html import escape
from typing import Any
from uuid import UUID

from services.registro.domain.inscripcion import Inscripcion
from services.registro.lecturas import codigo_constancia
from services.registro.proyecciones import OTORGAN, numero_registro
from shared.errores import NoEncontrado

VIAS = {"resolucion": "resolucion de la Direccion de Operaciones y Capacitacion",
        "silencio_positivo": "silencio administrativo positivo (art. 76 del D.S. 015-92-PCM)",
        "reconsideracion": "reconsideracion declarada fundada", "apelacion": "apelacion declarada fundada",
        "renovacion": "renovacion"}


def otorgamiento(app: Any, agregado_id: UUID) -> tuple[Inscripcion, Any]:
    """The inscription and the last event that granted it a period of registration."""
    ins = app.obtener(agregado_id, "la inscripcion")
    if not isinstance(ins, Inscripcion):
        raise NoEncontrado("No existe la inscripcion.")
    ultimo = None
    for registro in app.recorder.select_events(agregado_id):
        evento = app.mapper.to_domain_event(registro)
        if type(evento).__name__ in OTORGAN:
            ultimo = evento
    if ultimo is None:
        raise NoEncontrado("La inscripcion no ha sido otorgada: no tiene constancia.", estado_actual=ins.estado)
    return ins, ultimo


def generar(app: Any, agregado_id: UUID) -> str:
    ins, evento = otorgamiento(app, agregado_id)
    tipo = type(evento).__name__
    via = "renovacion" if tipo == "InscripcionRenovada" else OTORGAN[tipo]
    codigo = codigo_constancia(evento.__dict__["hash"])
    filas = [("Razon social", ins.razon_social), ("RUC", ins.ruc), ("Registro", f"Registro de {ins.registro}"),
             ("Numero de registro", numero_registro(ins.registro, ins.ruc)), ("Expediente", ins.expediente),
             ("Otorgada por", VIAS[via]), ("Vigente desde", evento.vigente_desde.isoformat()),
             ("Vigente hasta", evento.vigente_hasta.isoformat()), ("Estado actual", ins.estado),
             ("Beneficios", "suspendidos" if ins.suspensiones else "vigentes" if ins.tiene_beneficios() else "no")]
    texto = (ins.certificado_silencio or {}).get("texto", "") if via == "silencio_positivo" else ""
    cuerpo = "\n".join(f"<tr><th>{escape(k)}</th><td>{escape(str(v))}</td></tr>" for k, v in filas)
    return f"""<!doctype html>
<html lang="es"><head><meta charset="utf-8"><title>Constancia de inscripcion {escape(ins.ruc)}</title>
<style>body{{font-family:serif;max-width:44em;margin:2em auto}}th{{text-align:left;padding-right:1em}}</style>
</head><body>
<h1>Agencia Peruana de Cooperacion Internacional</h1>
<h2>Constancia de inscripcion en el Registro de {escape(ins.registro)}</h2>
<table>
{cuerpo}
</table>
<p>{escape(texto)}</p>
<p>Codigo de verificacion: <strong id="codigo">{escape(codigo)}</strong><br>
Verifique en <code>/api/v1/registros/constancias/{escape(codigo)}</code>.<br>
Hash del acto que otorgo la inscripcion: <code>{escape(evento.__dict__["hash"])}</code></p>
</body></html>
"""
