"""Template event chains made by the real domain code (sealed by ``Agregado``), for the bulk generator to clone.

tramite: a P1 file opened by an ONGD at MINSA's office, sent to APCI, then returned and re-sent (each act with its
oficio and business date); registro: an office created and renamed; fiscalizacion: an inspection and its findings.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from services.registro.domain.oficina import Oficina
from services.tramite.domain.expediente import Expediente
from shared.eventos import Actor, acto
from shared.programador import hoy_en_lima

MINSA, APCI, PROMOTOR = "MINSA-CTI", "APCI-DGNI", "ENTIDAD-20131312955"
TIPOS = {MINSA: "sector", APCI: "rector", PROMOTOR: "promotor"}
DIAS = 50
INICIO = hoy_en_lima() - timedelta(days=DIAS)
"""Acts spread over the last 50 days: recent enough that no deadline (the shortest open one is 60 days) has expired,
so the services' deadline scheduler has nothing to record while the benchmarks run."""


def dia_de(k: int, eventos: int) -> date:
    return INICIO + timedelta(days=(k * (DIAS - 1)) // max(1, eventos - 1))


def _doc(tipo: str, fecha: date) -> dict[str, Any]:
    return {"tipo": tipo, "numero": f"{tipo.upper()}-{fecha.isoformat()}", "fecha": fecha.isoformat(),
            "dms_id": f"dms-{tipo}", "version": "1", "sha256": "ab" * 32}


def expediente(numero: str, eventos: int) -> list[Any]:
    """abrir + derivar_a_rectora + (devolver_al_nivel, reelevar)*: ``eventos`` events, one business day apart."""
    promotor = Actor("representante", PROMOTOR, ("tramitador",))
    with acto(actor=promotor, correlacion=numero, fecha_negocio=INICIO.isoformat()):
        exp = Expediente.abrir(
            procedimiento="P1-SOLICITUD-CTI", numero=numero, promotor=PROMOTOR, oficina_apertura=MINSA,
            tipo_oficina_apertura="sector", presentado_el=INICIO, actor=promotor, actor_tipo_oficina="promotor",
            datos={"titulo": "Fortalecimiento de la salud materna en Cusco", "unidad_ejecutora": PROMOTOR},
            documentos=[_doc("solicitud", INICIO)], regimen_promotor="ongd", version=None)
    pasos = [("derivar_a_rectora", MINSA, {"prioridad_sectorial": 1, "destinatario": APCI})]
    while len(pasos) < eventos - 1:
        pasos += [("devolver_al_nivel", APCI, {"observaciones": "Precisar la contrapartida"}), ("reelevar", MINSA, {})]
    for k, (accion, oficina, datos) in enumerate(pasos[:eventos - 1], start=1):
        dia = dia_de(k, eventos)
        actor = Actor(f"usuario.{oficina.lower()}", oficina, ("tramitador",))
        with acto(actor=actor, correlacion=numero, fecha_negocio=dia.isoformat()):
            exp.ejecutar(accion, actor=actor, actor_tipo_oficina=TIPOS[oficina], hoy=dia, datos=datos,
                         documentos=[_doc("oficio", dia)], resolver_tipo=TIPOS.get, inscrito_vigente=lambda p: True)
    return list(exp.collect_events())


def oficina(codigo: str, eventos: int, correlacion: str | None = None) -> list[Any]:
    admin = Actor("admin", "APCI-DE", ("administrador",))
    fundamento = {"norma": "D.S. 028-2007-RE", "articulo": "5"}
    with acto(actor=admin, correlacion=correlacion, fecha_negocio=INICIO.isoformat()):
        of = Oficina.crear(codigo=codigo, nombre=f"Oficina {codigo}", tipo="sector", entidad="Ministerio de Prueba",
                           vigente_desde=INICIO, fundamento_legal=fundamento)
    for k in range(1, eventos):
        dia = dia_de(k, eventos)
        with acto(actor=admin, correlacion=correlacion, fecha_negocio=dia.isoformat()):
            of.renombrar(nombre=f"Oficina {codigo} ({k})", fecha=dia, fundamento_legal=fundamento)
    return list(of.collect_events())


def fiscalizacion(clave: str, eventos: int, correlacion: str | None = None) -> list[Any] | None:
    """None when fiscalizacion's domain (being wired) does not build this way any more."""
    try:
        from services.fiscalizacion.domain.fiscalizacion import Fiscalizacion

        inspector = Actor("inspector", "APCI-DFS", ("instructor",))
        fundamento = {"norma": "D.S. 028-2007-RE", "articulo": "48"}
        with acto(actor=inspector, correlacion=correlacion, fecha_negocio=INICIO.isoformat()):
            f = Fiscalizacion(clave_origen=clave, ruc="20131312955", objeto={"tipo": "intervencion"},
                              origen={"tipo": "plan_anual"}, programada_el=INICIO, en_ambito=True,
                              fundamento_legal=fundamento)
        for k in range(1, eventos):
            dia = dia_de(k, eventos)
            with acto(actor=inspector, correlacion=correlacion, fecha_negocio=dia.isoformat()):
                f._registrar("HallazgoRegistrado", dia, "ROF-48.d", fundamento,
                             agrega={"hallazgos": {"descripcion": f"Hallazgo {k}", "el": dia}})
        return list(f.collect_events())
    except Exception:  # noqa: BLE001 - the report says fiscalizacion had no generated events
        return None
