"""Rules of the Sancion aggregate: when the warning's cure term ends, when a fine reaches its cap, what a cure or a
payment does, and when coactive collection can start. The aggregate records; this module decides."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from shared.calendario import CALENDARIO_NACIONAL as CAL
from shared.errores import DatosInvalidos, ReglaIncumplida, SinDerecho, TransicionIlegal
from services.fiscalizacion.domain.citas import COBRANZA_COACTIVA, SUSPENSION_BENEFICIOS, ris
from services.fiscalizacion.domain.devengo import dias_devengados, desplazar_por_suspension, fecha_en_que_se_cumplen
from services.fiscalizacion.domain.versiones import version_por_id

TERMINALES = ("cumplida", "sin_efecto")


def iniciar_ejecucion(exp, hoy: date):
    """Open enforcement of a notified decision (RIS 24: enforceable unless an appeal is pending)."""
    from services.fiscalizacion.domain.sancion import Sancion

    if not exp.resultado or not exp.ejecutable:
        raise ReglaIncumplida("No hay una sancion notificada que ejecutar.", fundamento_legal=ris("18"))
    if exp.ejecucion_suspendida:
        raise ReglaIncumplida("La ejecucion esta suspendida mientras se resuelve el recurso.",
                              fundamento_legal=ris("24"))
    modo = exp.reglamento.parametro("inicio_devengo")
    inicio = {"hechos": exp.fecha_hechos, "firmeza": hoy}.get(modo, exp.resolucion_notificada_el)
    s = Sancion(expediente_id=str(exp.id), expediente=exp.correlacion, ruc=exp.ruc, codigo=exp.codigo,
                resultado=exp.resultado, hechos={"fecha_hechos": exp.fecha_hechos}, inicio_devengo=inicio,
                firme=exp.estado == "firme", version_reglamento=exp.resultado["version"]["id"],
                regla="RIS-24 ejecutoriedad de la resolucion notificada", fundamento_legal=[ris("24"), ris("11")])
    if exp.resultado["suspension_beneficios"]:
        s._registrar("SuspensionBeneficiosAplicada", hoy, "Ley 27692 22.c suspension hasta subsanar",
                     SUSPENSION_BENEFICIOS, suspension_activa=True,
                     **({"estado": "suspension_vigente"} if s.estado == "suspension_pendiente" else {}))
    return s


def _escala(s):
    clase = s.resultado.get("escala_aplicada") or s.clase
    return version_por_id(s.version_reglamento).escalas[clase]


def _inicio_multa(s, excl) -> date:
    escala = _escala(s)
    if escala.dias_subsanacion:
        vence = CAL.sumar(s.inicio_devengo, escala.dias_subsanacion, escala.unidad_subsanacion)
        return desplazar_por_suspension(vence, excl)
    return s.inicio_devengo


def _unidad(s) -> str:
    return version_por_id(s.version_reglamento).parametro("dias_multa_diaria")


def fecha_tope(s, excl) -> date:
    escala = _escala(s)
    dias = int(escala.tope_uit / escala.multa_diaria_uit)
    return fecha_en_que_se_cumplen(_inicio_multa(s, excl), dias, _unidad(s), excl)


def vencer_plazos(s, hoy: date) -> list[str]:
    if s.ejecucion_suspendida or s.estado in TERMINALES:
        return []
    hechos, excl = [], s.excluidos(hoy)
    if s.estado == "amonestada" and hoy > _inicio_multa(s, excl):
        s._registrar("PlazoSubsanacionVencido", hoy, "RIS-12.a 30 dias calendario sin subsanar", ris("12.a"),
                     estado="multa_devengando", plazo_subsanacion_vence=_inicio_multa(s, excl))
        hechos.append("PlazoSubsanacionVencido")
    if s.estado == "multa_devengando" and hoy > fecha_tope(s, excl):
        escala = _escala(s)
        s._registrar("TopeMultaAlcanzado", hoy, f"tope de {escala.tope_uit} UIT", escala.fundamento_legal,
                     estado="multa_liquidada", multa_soles=s.resultado["tope_soles"],
                     tope_alcanzado_el=fecha_tope(s, excl))
        hechos.append("TopeMultaAlcanzado")
        if escala.suspension_al_tope and not s.suspension_activa:
            s._registrar("SuspensionBeneficiosAplicada", hoy, "RIS-12.b tope sin subsanar: suspension",
                         [ris("12.b"), SUSPENSION_BENEFICIOS], suspension_activa=True)
            hechos.append("SuspensionBeneficiosAplicada")
    return hechos


def multa_a_la_fecha(s, corte: date) -> tuple[int, Decimal]:
    excl = s.excluidos(corte)
    dias = dias_devengados(_inicio_multa(s, excl), corte, _unidad(s), excl)
    return dias, min(s.resultado["multa_diaria_soles"] * dias, s.resultado["tope_soles"])


def verificar_subsanacion(s, actor, subsanado_el: date, hoy: date) -> None:
    if actor.oficina not in ("DOC", "DFS"):
        raise SinDerecho("La subsanacion la verifica el organo instructor (DOC o DFS).", "verificar_subsanacion")
    if s.subsanada or s.estado in TERMINALES:
        raise TransicionIlegal("verificar_subsanacion", s.estado, [a["accion"] for a in acciones_disponibles(s, actor)])
    multa = s.multa_soles
    if s.estado in ("amonestada", "multa_devengando"):
        _, multa = multa_a_la_fecha(s, subsanado_el)
    estado = "multa_liquidada" if multa > 0 and not s.pagada else "cumplida"
    s._registrar("SubsanacionVerificada", hoy, "Ley 27692 22.c / RIS-11 hasta adoptar medidas correctivas",
                 [ris("11"), SUSPENSION_BENEFICIOS], subsanada=True, subsanado_el=subsanado_el, multa_soles=multa,
                 estado=estado)
    if s.suspension_activa:
        s._registrar("SuspensionBeneficiosLevantada", hoy, "omision reparada: se levanta la suspension",
                     SUSPENSION_BENEFICIOS, suspension_activa=False)


def registrar_pago(s, monto: Decimal, pagado_el: date, hoy: date) -> None:
    if s.estado != "multa_liquidada" or s.pagada:
        raise TransicionIlegal("registrar_pago", s.estado, [])
    if monto != s.multa_soles:
        raise DatosInvalidos(f"El pago debe ser S/ {s.multa_soles}.",
                             errores=[{"campo": "monto", "mensaje": "distinto"}])
    s._registrar("MultaPagada", hoy, "pago de la multa", COBRANZA_COACTIVA, pagada=True, pagado_el=pagado_el,
                 estado="cumplida" if not s.suspension_activa else "suspension_vigente")


def iniciar_cobranza(s, actor, hoy: date) -> None:
    if actor.oficina != "OGA":
        raise SinDerecho("La cobranza coactiva la propone la OGA en coordinacion con la DFS.", "cobranza_coactiva")
    if s.estado != "multa_liquidada" or s.pagada or s.en_cobranza:
        raise TransicionIlegal("iniciar_cobranza_coactiva", s.estado, [])
    if not s.firme or s.ejecucion_suspendida:
        raise ReglaIncumplida("Solo se cobra coactivamente una multa firme y no suspendida.",
                              fundamento_legal=ris("24"))
    s._registrar("CobranzaCoactivaIniciada", hoy, "Ley 27692 4.t cobranza coactiva", COBRANZA_COACTIVA,
                 en_cobranza=True)


def suspender(s, desde: date, hoy: date) -> None:
    """RIS 24: a pending appeal suspends enforcement, including a suspension of benefits already applied (it is
    lifted, and re-applied if the decision stands), so registro restores the benefits meanwhile."""
    if s.ejecucion_suspendida:
        return
    s._registrar("EjecucionSuspendida", hoy, "RIS-24 recurso pendiente", ris("24"), ejecucion_suspendida=True,
                 periodos_suspension=[*s.periodos_suspension, [desde, None]])
    if s.suspension_activa:
        s._registrar("SuspensionBeneficiosLevantada", hoy, "RIS-24 recurso pendiente: se suspende la ejecucion",
                     [ris("24"), SUSPENSION_BENEFICIOS], suspension_activa=False, suspension_en_suspenso=True)


def reanudar(s, desde: date, hoy: date) -> None:
    if not s.ejecucion_suspendida:
        return
    periodos = [*s.periodos_suspension[:-1], [s.periodos_suspension[-1][0], desde - timedelta(days=1)]]
    s._registrar("EjecucionReanudada", hoy, "RIS-24 recurso resuelto", ris("24"), ejecucion_suspendida=False,
                 periodos_suspension=periodos)
    if getattr(s, "suspension_en_suspenso", False) and s.estado not in TERMINALES:
        s._registrar("SuspensionBeneficiosAplicada", hoy, "RIS-24 recurso resuelto: se reanuda la suspension",
                     [ris("24"), SUSPENSION_BENEFICIOS], suspension_activa=True, suspension_en_suspenso=False)


def declarar_firme(s, hoy: date) -> None:
    if not s.firme:
        s._registrar("SancionFirme", hoy, "resolucion firme: se inscribe en el Registro de Sanciones",
                     ris("Tercera Disposicion Final"), firme=True)


def dejar_sin_efecto(s, motivo: str, hoy: date) -> None:
    if s.estado == "sin_efecto":
        return
    s._registrar("SancionDejadaSinEfecto", hoy, f"resolucion revocada: {motivo}", ris("20"), estado="sin_efecto",
                 multa_soles=Decimal("0.00"), suspension_en_suspenso=False)
    if s.suspension_activa:
        s._registrar("SuspensionBeneficiosLevantada", hoy, "sancion sin efecto: se levanta la suspension",
                     SUSPENSION_BENEFICIOS, suspension_activa=False)


def acciones_disponibles(s, actor) -> list[dict]:
    acciones = []
    if s.estado not in TERMINALES and not s.subsanada and actor.oficina in ("DOC", "DFS"):
        acciones.append({"accion": "verificar_subsanacion", "campos": ["subsanado_el"], "inicia_plazo": None})
    if s.estado == "multa_liquidada" and not s.pagada:
        acciones.append({"accion": "registrar_pago", "campos": ["monto", "pagado_el"], "inicia_plazo": None})
        if actor.oficina == "OGA" and s.firme and not s.en_cobranza and not s.ejecucion_suspendida:
            acciones.append({"accion": "iniciar_cobranza_coactiva", "campos": [], "inicia_plazo": None})
    return acciones
