"""Readings chosen where the 2007 texts are ambiguous (domain note section 8, gaps G2-G15), each a parameter.

Changing a reading is a change of data: the value, the options the text allows, why this one, and the citation.
"""

from __future__ import annotations

from services.fiscalizacion.domain.citas import IRRETROACTIVIDAD, cita, ris, rof
from services.fiscalizacion.domain.reglamento import Parametro

PARAMETROS_2007 = {
    "hito_interrupcion_prescripcion": Parametro(
        "imputacion_cargos", ("imputacion_cargos", "notificacion_cis"),
        "G2: el procedimiento empieza con la imputacion de cargos (regla general del procedimiento sancionador); "
        "es la lectura que antes interrumpe y la que el administrado conoce formalmente.", ris("15; 27")),
    "dias_multa_diaria": Parametro(
        "habiles", ("habiles", "calendario"),
        "G3: RIS 1.f define DIAS como dias habiles; es ademas la lectura mas favorable al administrado.", ris("1.f")),
    "inicio_devengo": Parametro(
        "notificacion_resolucion", ("hechos", "notificacion_resolucion", "firmeza"),
        "G4: la multa diaria se devenga desde que la resolucion es eficaz (notificada); la apelacion suspende la "
        "ejecucion y el devengo mientras esta pendiente (RIS 24).", ris("12.b; 24")),
    "reiteracion_solo_firmes": Parametro(
        True, (True, False), "G5: solo cuentan sanciones firmes (presuncion de licitud).", ris("13")),
    "reiteracion_ventana_anios": Parametro(
        None, (None, 1, 4, 5), "G5: el RIS 2007 no fija ventana; no se inventa una.", ris("13")),
    "excepcional_se_agrava": Parametro(
        False, (True, False), "G5: el art. 9 tiene regimen propio (art. 14) fuera de la escala leve-grave-muy grave.",
        ris("13; 14")),
    "grado_inmediato_anterior": Parametro(
        "leve", ("leve",), "G6: para graves con medidas correctivas se aplica la escala leve (amonestacion, 30 dias, "
        "0.10 UIT diaria hasta 10 UIT).", ris("10")),
    "monto_banda_por_defecto": Parametro(
        "minimo", ("minimo",), "G7: sin criterios de graduacion, si la CIS no motiva otro monto se toma el minimo de "
        "la banda (razonabilidad).", cita("Ley 27444", "230.3")),
    "recursos_cuentan_desde": Parametro(
        "notificacion", ("notificacion", "expedicion"),
        "G10: el RIS dice 'de expedida', pero el acto solo es eficaz al notificarse; contar desde la notificacion "
        "protege el derecho de defensa.", cita("Ley 27444", "16; 207.2")),
    "apelacion_tras_reconsideracion": Parametro(
        "desde_notificacion_reconsideracion", ("desde_notificacion_reconsideracion", "no_procede"),
        "G11: la reconsideracion desestimada reabre 15 dias para apelar (cada recurso una sola vez).", ris("19; 23")),
    "termino_distancia_dias": Parametro(
        0, (0,), "RIS 20: se suma al plazo de elevacion; sede unica en Lima por defecto.", ris("20")),
    "paralizacion_reanuda_meses": Parametro(
        1, (1,), "RIS 27: la prescripcion se reanuda si el expediente se paraliza mas de un mes sin culpa del "
        "administrado.", ris("27")),
    "favorabilidad": Parametro(
        "retroactividad_benigna", ("retroactividad_benigna",),
        "Rige la norma vigente a los hechos salvo que una posterior sea mas favorable.", IRRETROACTIVIDAD),
    "plazo_exhibicion_dias_habiles": Parametro(
        10, (5, 10, 15), "G12: no regulado; valor por defecto a acordar con asesoria juridica.", rof("48.a")),
}
