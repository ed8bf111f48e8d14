"""Every event of every aggregate carries its legal basis, in the payload and in the sealed envelope."""

import re
from datetime import date
from pathlib import Path

from services.registro.domain import indice
from services.registro.domain.demo import generar, reproducir
from services.registro.domain.obligacion_anual import ObligacionAnual

from . import test_experto as te
from .ayudas import DIRECTOR, ENTIDAD, REGISTRADOR, RUC, SISTEMA, inscrita, resolucion, solicitud

DOMINIO = Path(indice.__file__).parent


def _valido(fundamento) -> bool:
    citas = fundamento if isinstance(fundamento, list) else [fundamento]
    return bool(citas) and all(isinstance(c, dict) and c.get("norma") and c.get("articulo") for c in citas)


def _eventos_no_cubiertos_por_la_demo():
    """Aggregates that record the events the demo set does not produce."""
    fundada, infundada, apelada = (solicitud() for _ in range(3))
    for ins in (fundada, infundada, apelada):
        ins.denegar(actor=REGISTRADOR, requisitos_incumplidos=["programas_dos_anios"],
                    resolucion=resolucion(date(2026, 3, 20)), notificada_el=date(2026, 3, 23), hoy=date(2026, 3, 23))
    for ins, es_fundada in ((fundada, True), (infundada, False)):
        ins.interponer_reconsideracion(actor=ENTIDAD, nueva_prueba=["x.pdf"], hoy=date(2026, 4, 1))
        ins.resolver_reconsideracion(actor=REGISTRADOR, fundada=es_fundada, resolucion=resolucion(date(2026, 4, 20)),
                                     notificada_el=date(2026, 4, 20), hoy=date(2026, 4, 20))
    apelada.interponer_apelacion(actor=ENTIDAD, fundamentos="Requisito cumplido.", hoy=date(2026, 4, 1))
    apelada.resolver_apelacion(actor=DIRECTOR, fundada=False, resolucion=resolucion(date(2026, 5, 4)),
                               hoy=date(2026, 5, 4))
    vigente = inscrita(date(2026, 3, 20))
    vigente.actualizar_datos(actor=ENTIDAD, campo="consejo_directivo", valor=["A", "B"], hoy=date(2026, 6, 1))
    vigente.solicitar_renovacion(actor=ENTIDAD, documentos=["informacion_actualizada_dos_anios",
                                                           "nomina_consejo_directivo", "domicilio_legal",
                                                           "copia_literal_sunarp"],
                                 fecha_copia_literal=date(2028, 1, 20), anios_declarados=[2027, 2028],
                                 presentada_el=date(2028, 2, 10), hoy=date(2028, 2, 10))
    vigente.denegar_renovacion(actor=REGISTRADOR, requisitos_incumplidos=["domicilio_legal"],
                               resolucion=resolucion(date(2028, 3, 1)), hoy=date(2028, 3, 1))
    ob = ObligacionAnual.abrir(actor=SISTEMA, registro="IPREDA", ruc=RUC, anio=2026, hoy=date(2026, 1, 1))
    ob.presentar_componente(actor=ENTIDAD, componente="informe_actividades_asistenciales",
                            contenido={"actividades": ["Comedor"], "donaciones_recibidas": [],
                                       "poblacion_beneficiada": 10}, presentado_el=date(2026, 1, 9),
                            hoy=date(2026, 1, 9))
    ob.notificar_inconsistencias(actor=REGISTRADOR, inconsistencias=["poblacion"], notificada_el=date(2026, 2, 9),
                                 hoy=date(2026, 2, 9))
    ob.subsanar(actor=ENTIDAD, correcciones={"poblacion_beneficiada": 12}, subsanada_el=date(2026, 2, 10),
                hoy=date(2026, 2, 10))
    idx = indice.reservar(None, registro="ONGD", ruc=RUC, inscripcion_id=apelada.id, expediente=apelada.expediente)
    idx.liberar(inscripcion_id=apelada.id, estado_final=apelada.estado)
    idx.ocupar(inscripcion_id=fundada.id, expediente="APCI-DOC-2026-000900")
    experto = te.llegada()
    experto.vencer_plazos(date(2026, 8, 1))
    return [fundada, infundada, apelada, vigente, ob, idx, experto]


def test_todo_evento_definido_se_produce_y_lleva_fundamento_legal():
    agregados = list(reproducir(generar(11, date(2026, 11, 20))).values()) + _eventos_no_cubiertos_por_la_demo()
    eventos = [e for a in agregados for e in a._pending_events]
    definidos = {n for f in DOMINIO.glob("*.py") if f.name != "oficina.py"
                 for n in re.findall(r'@event\("(\w+)"\)', f.read_text())}
    assert {type(e).__name__ for e in eventos} == definidos
    assert [type(e).__name__ for e in eventos if not _valido(getattr(e, "fundamento_legal", None))] == []
    assert all(_valido(e.sobre["fundamento_legal"]) for e in eventos)


def test_los_eventos_se_correlacionan_por_expediente_intervencion_o_periodo():
    for a in reproducir(generar(11, date(2026, 11, 20))).values():
        assert all(e.sobre["correlacion"] == a.correlacion for e in a._pending_events[1:])
        assert a.correlacion == type(a).correlacion_inicial(a._pending_events[0].__dict__)
