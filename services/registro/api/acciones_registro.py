"""The action bodies of the registries as data: for each action of the domain's tables, the fields its body carries,
which of them dates the act, an example and the legal basis quoted in the route's documentation.

The domain's action tables (``inscripcion_acciones``, ``obligacion_anual``, ``experto_reglas``) decide from which
states and by whom; this table only shapes HTTP bodies, so a route exists for every transition and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import Field

from services.registro.api.esquemas_registro import Resolucion

RES = {"numero": "R.D. N. 00123-2026-APCI/DOC", "fecha": "2026-03-20"}
NOTA = {"numero": "Nota RE (DCI) N. 2-10/45", "fecha": "2026-08-01"}
LISTA = (list[str], Field(min_length=1, max_length=30))


@dataclass(frozen=True)
class Spec:
    resumen: str
    fundamento: str
    campos: dict[str, tuple[Any, Any]] = field(default_factory=dict)
    campo_fecha: str | None = None
    ejemplo: dict[str, Any] = field(default_factory=dict)


INSCRIPCION: dict[str, Spec] = {
    "observar": Spec("Notificar las omisiones del expediente", "D.S. 015-92-PCM art. 76 (15 dias para subsanar)",
                     {"omisiones": LISTA, "notificada_el": (date, ...)}, "notificada_el",
                     {"omisiones": ["domicilio_legal"], "notificada_el": "2026-03-05"}),
    "subsanar": Spec("Subsanar las omisiones (reinicia el plazo de 30 dias)", "D.S. 015-92-PCM art. 76",
                     {"documentos": LISTA, "subsanada_el": (date, ...), "fecha_copia_literal": (date | None, None)},
                     "subsanada_el", {"documentos": ["domicilio_legal"], "subsanada_el": "2026-03-10"}),
    "aprobar": Spec("Aprobar la inscripcion (vigencia de 2 anios)", "D.S. 015-92-PCM arts. 75-76; ROF art. 43(a)",
                    {"resolucion": (Resolucion, ...)}, "resolucion.fecha", {"resolucion": RES}),
    "denegar": Spec("Denegar la inscripcion por requisitos legales incumplidos",
                    "D.S. 015-92-PCM art. 76; STC 0009-2007-PI/TC fj. 36-37",
                    {"requisitos_incumplidos": LISTA, "motivo": (str, "requisitos_incumplidos"),
                     "resolucion": (Resolucion, ...), "notificada_el": (date, ...)}, "notificada_el",
                    {"requisitos_incumplidos": ["domicilio_legal"], "resolucion": RES, "notificada_el": "2026-03-22"}),
    "interponer_reconsideracion": Spec("Interponer reconsideracion con nueva prueba", "TUO Ley 27444 arts. 218-219",
                                       {"nueva_prueba": LISTA}, None, {"nueva_prueba": ["opinion_sectorial_nueva"]}),
    "resolver_reconsideracion": Spec("Resolver la reconsideracion", "TUO Ley 27444 arts. 218-219",
                                     {"fundada": (bool, ...), "resolucion": (Resolucion, ...),
                                      "notificada_el": (date, ...)}, "notificada_el",
                                     {"fundada": True, "resolucion": RES, "notificada_el": "2026-03-22"}),
    "interponer_apelacion": Spec("Apelar la denegacion ante la Direccion Ejecutiva", "TUO Ley 27444 arts. 218, 220",
                                 {"fundamentos": (str, Field(min_length=3, max_length=4000))}, None,
                                 {"fundamentos": "La denegacion no precisa el requisito legal incumplido."}),
    "resolver_apelacion": Spec("Resolver la apelacion (ultima instancia)", "D.S. 028-2007-RE art. 13(n)",
                               {"fundada": (bool, ...), "resolucion": (Resolucion, ...)}, "resolucion.fecha",
                               {"fundada": True, "resolucion": RES}),
    "actualizar_datos": Spec("Actualizar datos registrales", "D.S. 015-92-PCM arts. 79(b), 80(d)",
                             {"campo": (str, ...), "valor": (Any, ...)}, None,
                             {"campo": "representante_legal", "valor": "Rosa Quispe Mamani"}),
    "suspender_beneficios": Spec("Suspender los beneficios", "D.S. 015-92-PCM art. 78; Ley 27692 art. 22(c)",
                                 {"causa": (str, ...), "causa_id": (str, Field(min_length=1, max_length=80))},
                                 None, {"causa": "sancion", "causa_id": "RS-0045-2026-APCI/DE"}),
    "restituir_beneficios": Spec("Restituir los beneficios", "D.S. 015-92-PCM art. 78",
                                 {"causa_id": (str, Field(min_length=1, max_length=80))}, None,
                                 {"causa_id": "RS-0045-2026-APCI/DE"}),
    "solicitar_renovacion": Spec("Solicitar la renovacion (exige las declaraciones anuales presentadas)",
                                 "D.S. 015-92-PCM art. 75",
                                 {"documentos": LISTA, "fecha_copia_literal": (date | None, None),
                                  "presentada_el": (date, ...)}, "presentada_el",
                                 {"documentos": ["informacion_actualizada_dos_anios", "nomina_consejo_directivo",
                                                 "domicilio_legal", "copia_literal_sunarp"],
                                  "fecha_copia_literal": "2026-04-01", "presentada_el": "2026-04-20"}),
    "aprobar_renovacion": Spec("Aprobar la renovacion", "D.S. 015-92-PCM art. 75",
                               {"resolucion": (Resolucion, ...)}, "resolucion.fecha", {"resolucion": RES}),
    "denegar_renovacion": Spec("Denegar la renovacion", "D.S. 015-92-PCM art. 75; STC 0009-2007-PI/TC fj. 37",
                               {"requisitos_incumplidos": LISTA, "motivo": (str, "requisitos_incumplidos"),
                                "resolucion": (Resolucion, ...)}, "resolucion.fecha",
                               {"requisitos_incumplidos": ["declaraciones_anuales"], "resolucion": RES}),
    "renunciar": Spec("Renunciar a los beneficios del registro", "STC 0009-2007-PI/TC fj. 22, 108"),
    "registrar_cancelacion_legada": Spec("Registrar una cancelacion anterior al 14-09-2007 (datos historicos)",
                                         "STC 0009-2007-PI/TC, resolutivo 1", {"resolucion": (Resolucion, ...)},
                                         "resolucion.fecha",
                                         {"resolucion": {"numero": "R.D. N. 010-2004-APCI/DOC",
                                                         "fecha": "2004-05-10"}}),
}

OBLIGACION: dict[str, Spec] = {
    "presentar_componente": Spec("Presentar un componente de la declaracion anual",
                                 "D.S. 015-92-PCM arts. 78, 79(b), 80(d); Directivas 001/002/003-2009-APCI/DOC",
                                 {"componente": (str, ...), "contenido": (dict[str, Any], ...),
                                  "presentado_el": (date, ...)}, "presentado_el",
                                 {"componente": "plan_anual", "contenido": {"actividades": ["Taller"]},
                                  "presentado_el": "2026-01-20"}),
    "notificar_inconsistencias": Spec("Notificar inconsistencias (5 dias habiles)", "Directivas 2009 Titulo III",
                                      {"inconsistencias": LISTA, "notificada_el": (date, ...)}, "notificada_el",
                                      {"inconsistencias": ["montos no cuadran"], "notificada_el": "2026-02-10"}),
    "subsanar": Spec("Subsanar las inconsistencias", "Directivas 2009 Titulo III",
                     {"correcciones": (dict[str, Any], ...), "subsanada_el": (date, ...)}, "subsanada_el",
                     {"correcciones": {"monto_usd": 12000}, "subsanada_el": "2026-02-12"}),
    "validar": Spec("Validar la declaracion anual", "Directivas 2009 Titulo III"),
}

EXPERTO: dict[str, Spec] = {
    "presentar_oficialmente": Spec("Presentacion oficial del experto (7 dias desde el ingreso)",
                                   "D.S. 015-92-PCM arts. 17, 30", {"presentada_el": (date, ...)}, "presentada_el",
                                   {"presentada_el": "2026-10-05"}),
    "inscribir": Spec("Inscribir en el Registro Nacional de Expertos y Voluntarios", "D.S. 028-2007-RE art. 43(a)",
                      {"numero_registro": (str, Field(min_length=2, max_length=60)), "inscrito_el": (date, ...)},
                      "inscrito_el", {"numero_registro": "REV-2026-000123", "inscrito_el": "2026-10-08"}),
    "iniciar_servicio": Spec("Inicio del servicio", "D.S. 015-92-PCM arts. 13, 15", {"iniciado_el": (date, ...)},
                             "iniciado_el", {"iniciado_el": "2026-10-15"}),
    "prorrogar": Spec("Prorroga (solo Cancilleria; maximo 3 anios)", "D.S. 015-92-PCM art. 15; R.S. 450-84-RE 2.6.8",
                      {"nuevo_fin": (date, ...), "solicitada_el": (date, ...), "nota": (Resolucion, ...)},
                      "nota.fecha", {"nuevo_fin": "2028-10-14", "solicitada_el": "2027-07-01", "nota": NOTA}),
    "concluir": Spec("Conclusion anticipada de la adscripcion", "D.S. 015-92-PCM art. 15",
                     {"concluida_el": (date, ...)}, "concluida_el", {"concluida_el": "2026-11-01"}),
    "cancelar": Spec("Cancelar la adscripcion por falta de idoneidad", "D.S. 015-92-PCM art. 18",
                     {"motivo": (str, ...), "informe_unidad_ejecutora": (str | None, None),
                      "informe_rector": (str | None, None), "nota": (Resolucion, ...)}, "nota.fecha",
                     {"motivo": "falta de idoneidad", "informe_unidad_ejecutora": "Informe UE 12-2026",
                      "informe_rector": "Informe APCI-DOC 45-2026", "nota": NOTA}),
}
