"""Applying one class's scale (RIS art. 12 and 14): warning and cure period, daily fine with its cap, suspension."""

from __future__ import annotations

from decimal import Decimal

from shared.calendario import CalendarioPeruano
from services.fiscalizacion.domain.devengo import desplazar_por_suspension, dias_devengados
from services.fiscalizacion.domain.reglamento import AMONESTACION, SUSPENSION, EscalaSancion
from services.fiscalizacion.domain.uit import soles


def aplicar_escala(r, escala: EscalaSancion, computo, valor_uit: Decimal, version, cal: CalendarioPeruano) -> None:
    r.sanciones = list(escala.sanciones)
    r.escala_aplicada = escala.clase
    inicio_devengo = computo.inicio
    if AMONESTACION in escala.sanciones:
        inicio_devengo = _amonestacion(r, escala, computo, cal)
    if escala.multa_diaria_uit is None:
        r.suspension_beneficios = SUSPENSION in escala.sanciones
        r.paso("suspension", "Suspension temporal de los beneficios de la inscripcion hasta que se repare la "
               "omision o se cumpla la norma.", escala.fundamento_legal)
        return
    r.multa_diaria_soles = soles(escala.multa_diaria_uit * valor_uit)
    r.tope_soles = soles(escala.tope_uit * valor_uit)
    unidad = version.parametro("dias_multa_diaria")
    if inicio_devengo and computo.corte:
        r.dias_devengados = dias_devengados(inicio_devengo, computo.corte, unidad, computo.excluidos, cal)
    bruto = r.multa_diaria_soles * r.dias_devengados
    r.multa_soles = min(bruto, r.tope_soles)
    r.tope_alcanzado = bruto >= r.tope_soles
    r.paso("multa_diaria", f"{escala.multa_diaria_uit} UIT = S/ {r.multa_diaria_soles} por dia {unidad} x "
           f"{r.dias_devengados} dias = S/ {bruto}; tope de la clase {escala.tope_uit} UIT = S/ {r.tope_soles} -> "
           f"S/ {r.multa_soles}", [escala.fundamento_legal, version.parametros["dias_multa_diaria"].fundamento_legal])
    if escala.suspension_al_tope:
        r.suspension_beneficios = r.tope_alcanzado
        r.paso("suspension_al_tope", "Tope alcanzado sin subsanar: se suspenden los beneficios" if r.tope_alcanzado
               else "Tope no alcanzado: no procede aun la suspension de beneficios", escala.fundamento_legal)


def _amonestacion(r, escala: EscalaSancion, computo, cal: CalendarioPeruano):
    if computo.inicio is None:
        r.paso("amonestacion", f"Amonestacion escrita con {escala.dias_subsanacion} dias "
               f"{escala.unidad_subsanacion.value} para subsanar; luego multa diaria", escala.fundamento_legal)
        return None
    vence = cal.sumar(computo.inicio, escala.dias_subsanacion, escala.unidad_subsanacion)
    vence = desplazar_por_suspension(vence, computo.excluidos, cal)
    r.plazo_subsanacion_vence = vence
    r.paso("amonestacion", f"Amonestacion notificada el {computo.inicio.isoformat()}; plazo para subsanar vence el "
           f"{vence.isoformat()}; la multa diaria corre desde el dia siguiente", escala.fundamento_legal)
    return vence
