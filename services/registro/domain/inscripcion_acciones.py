"""The registration procedure (SM-1 of the laws note) as a table: states and the actions allowed in each.

States of an ``Inscripcion`` (one per entity x registry x application):

``presentada`` (also after a cure: RGL 76 restarts the silence term) -> ``observada`` -> back to ``presentada``;
``vigente`` (by resolution or by positive silence) <-> ``beneficios_suspendidos``; ``renovacion_en_tramite``;
``denegada`` -> ``en_reconsideracion`` / ``en_apelacion`` -> ``vigente`` or ``denegada_firme``;
terminal: ``denegada_firme``, ``vencida``, ``renunciada`` and ``cancelada`` (legacy only: TC 2007 struck
cancellation as a sanction; the state exists only for data imported from before 14 Sep 2007).
"""

from __future__ import annotations

from services.registro.domain.maquina import Accion, tabla
from services.registro.domain.permisos import DIRECTOR_EJECUTIVO, ENTIDAD, REGISTRADOR, SISTEMA

PRESENTADA = "presentada"
OBSERVADA = "observada"
VIGENTE = "vigente"
SUSPENDIDA = "beneficios_suspendidos"
RENOVACION = "renovacion_en_tramite"
DENEGADA = "denegada"
EN_RECONSIDERACION = "en_reconsideracion"
EN_APELACION = "en_apelacion"
DENEGADA_FIRME = "denegada_firme"
VENCIDA = "vencida"
RENUNCIADA = "renunciada"
CANCELADA = "cancelada"

CON_INSCRIPCION = (VIGENTE, SUSPENDIDA, RENOVACION)
"""States in which the entity is registered (its benefits may still be suspended)."""

TERMINALES = (DENEGADA_FIRME, VENCIDA, RENUNCIADA, CANCELADA)
"""States that free the RUC for a new application in the same registry (see ``indice``)."""

ACCIONES = tabla(
    Accion("observar", (PRESENTADA,), (REGISTRADOR,), ("omisiones", "notificada_el", "hoy"),
           "subsanacion_inscripcion"),
    Accion("subsanar", (OBSERVADA,), (ENTIDAD,), ("documentos", "subsanada_el", "fecha_copia_literal", "hoy"),
           "silencio_positivo_inscripcion"),
    Accion("aprobar", (PRESENTADA,), (REGISTRADOR,), ("resolucion", "hoy"), "vigencia_inscripcion"),
    Accion("denegar", (PRESENTADA,), (REGISTRADOR,),
           ("requisitos_incumplidos", "motivo", "resolucion", "notificada_el", "hoy"), "recurso_impugnativo"),
    Accion("interponer_reconsideracion", (DENEGADA,), (ENTIDAD,), ("nueva_prueba", "hoy")),
    Accion("resolver_reconsideracion", (EN_RECONSIDERACION,), (REGISTRADOR,),
           ("fundada", "resolucion", "notificada_el", "hoy"), "recurso_impugnativo"),
    Accion("interponer_apelacion", (DENEGADA,), (ENTIDAD,), ("fundamentos", "hoy")),
    Accion("resolver_apelacion", (EN_APELACION,), (DIRECTOR_EJECUTIVO,), ("fundada", "resolucion", "hoy")),
    Accion("actualizar_datos", CON_INSCRIPCION, (ENTIDAD,), ("campo", "valor", "hoy")),
    Accion("suspender_beneficios", CON_INSCRIPCION, (REGISTRADOR, SISTEMA), ("causa", "causa_id", "hoy")),
    Accion("restituir_beneficios", (SUSPENDIDA, RENOVACION), (REGISTRADOR, SISTEMA), ("causa_id", "hoy")),
    Accion("solicitar_renovacion", (VIGENTE,), (ENTIDAD,),
           ("documentos", "fecha_copia_literal", "anios_declarados", "presentada_el", "hoy"),
           "silencio_positivo_renovacion"),
    Accion("aprobar_renovacion", (RENOVACION,), (REGISTRADOR,), ("resolucion", "hoy"), "vigencia_inscripcion"),
    Accion("denegar_renovacion", (RENOVACION,), (REGISTRADOR,), ("requisitos_incumplidos", "resolucion", "hoy")),
    Accion("renunciar", CON_INSCRIPCION, (ENTIDAD,), ("hoy",)),
    Accion("registrar_cancelacion_legada", CON_INSCRIPCION, (REGISTRADOR, SISTEMA), ("resolucion",)),
)
