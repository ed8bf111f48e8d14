"""Deadlines of the RIS 2007 procedure as data (RIS art. 1.f: "DIAS: dias habiles" unless the text says otherwise).

Each deadline says how long, in which unit, which act starts it, what its expiry does and where the law says so.
The aggregates only read this table; the scheduler calls ``vencer_plazos(hoy)`` and the expiry becomes an event.
"""

from __future__ import annotations

from shared.calendario import Unidad
from services.fiscalizacion.domain.citas import ris, rof
from services.fiscalizacion.domain.reglamento import Plazo

H, C = Unidad.HABILES, Unidad.CALENDARIO

PLAZOS_2007 = {p.nombre: p for p in (
    Plazo("descargos_instruccion", 7, H, "CargosImputadosNotificados",
          "PlazoDescargosVencido: se abren las actuaciones instructoras (con o sin descargos)", ris("15")),
    Plazo("propuesta_instruccion", 30, H, "PlazoDescargosVencido (etapa instruccion)",
          "PlazoVencido: alerta al organo instructor; el procedimiento no caduca", ris("16"), prorroga_dias=15),
    Plazo("descargos_cis", 7, H, "PropuestaNotificadaAlAdministrado",
          "PlazoDescargosVencido: pasa a evaluacion de la CIS y se cierra la ventana de subsanacion (RIS 10)",
          ris("17")),
    Plazo("resolucion_cis", 30, H, "PropuestaNotificadaAlAdministrado",
          "PlazoVencido: alerta de responsabilidad funcional; la CIS sigue obligada a resolver", ris("17")),
    Plazo("actuaciones_complementarias", 15, H, "ActuacionesComplementariasDispuestas",
          "PlazoVencido: alerta a la CIS", ris("17")),
    Plazo("notificacion_resolucion", 5, H, "SancionImpuesta / ProcedimientoArchivado",
          "PlazoVencido: alerta; el plazo impugnatorio corre desde la notificacion (parametro G10)", ris("18")),
    Plazo("impugnacion", 15, H, "ResolucionNotificada (parametro recursos_cuentan_desde)",
          "PlazoImpugnatorioVencido: la resolucion queda firme", ris("19; 20")),
    Plazo("resolver_reconsideracion", 30, H, "RecursoReconsideracionInterpuesto",
          "SilencioNegativoOperado: reconsideracion desestimada; se abre el plazo de apelacion", ris("19; 22")),
    Plazo("conceder_apelacion", 7, H, "RecursoApelacionInterpuesto",
          "PlazoVencido: alerta a la CIS", ris("20")),
    Plazo("elevar_expediente", 3, H, "ApelacionConcedida (+ termino de la distancia)",
          "PlazoVencido: alerta a la CIS", ris("20")),
    Plazo("resolver_apelacion", 30, H, "ExpedienteElevado",
          "SilencioNegativoOperado: apelacion desestimada; la resolucion queda firme y se agota la via", ris("20; 22")),
    Plazo("subsanacion_amonestacion", 30, C, "Notificacion de la amonestacion",
          "PlazoSubsanacionVencido: empieza a devengar la multa diaria", ris("12.a")),
    Plazo("exhibicion_documentos", 10, H, "RequerimientoInformacionEmitido",
          "PlazoExhibicionVencido + IndicioInfraccionRegistrado RIS-7-a (valor por defecto: no regulado, G12)",
          rof("48.a (directivas de fiscalizacion)")),
)}
