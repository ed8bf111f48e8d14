"""Who may call each state-changing operation: the access matrix, written as data and tested cell by cell.

``ROLES`` are the kinds of caller the law knows (each kind of office, APCI's organs, the Foreign Ministry, a
registered entity acting for itself, an auditor, an anonymous caller), with the roles their tokens carry (as in
``services/gateway/clientes.DEMO``). ``MATRIZ`` maps ``"METHOD /path"`` (as in the OpenAPI documents) to the kinds of
caller the route lets through its identity and role checks; every other kind must get 401 (anonymous) or 403 problem+json
naming the missing right. "Let through" means not refused for who the caller is: the act may still fail for what it is
(404, 409, 422), which the domain tests cover. The test enumerates every POST/PUT/PATCH/DELETE in the gateway's and the
services' OpenAPI documents and fails on any operation without a row here, so a new route cannot go untested.
"""

from __future__ import annotations

ROLES: dict[str, tuple[str, str, tuple[str, ...]] | None] = {
    "administrador": ("admin", "APCI-DE", ("administrador",)),
    "oficina_sectorial": ("sistema-minsa", "MINSA-CTI", ("tramitador",)),
    "oficina_regional": ("sistema-cusco", "GR-CUSCO", ("tramitador",)),
    "apci_dgni": ("funcionario-dgni", "APCI-DGNI", ("tramitador", "evaluador")),
    "apci_doc": ("registrador-doc", "APCI-DOC", ("registrador", "instructor")),
    "apci_dfs": ("instructor-dfs", "APCI-DFS", ("instructor",)),
    "apci_cis": ("comision-cis", "APCI-CIS", ("comision",)),
    "apci_de": ("director-ejecutivo", "APCI-DE", ("director_ejecutivo", "titular")),
    "cancilleria": ("funcionario-dci", "RREE-DCI", ("tramitador", "titular")),
    "entidad": ("representante", "ENTIDAD-20100047218", ("entidad",)),  # the RUC of the documented examples
    "auditor": ("auditor", "CONTRALORIA", ("auditor",)),
    "anonimo": None,
}

TODOS = frozenset(ROLES)
AUTENTICADOS = TODOS - {"anonimo"}
QUIENES_ACTUAN = AUTENTICADOS - {"auditor"}  # auditors read and verify everything and change nothing
SOLO_ADMIN = frozenset({"administrador"})

ORGANOS_PROCESALES = frozenset({"apci_doc", "apci_dfs", "apci_cis", "apci_de"})  # fiscalizacion/api/acceso.ORGANOS

_INSCRIPCION = ("observar", "subsanar", "aprobar", "denegar", "interponer_reconsideracion", "resolver_reconsideracion",
                "interponer_apelacion", "resolver_apelacion", "actualizar_datos", "suspender_beneficios",
                "restituir_beneficios", "solicitar_renovacion", "aprobar_renovacion", "denegar_renovacion", "renunciar",
                "registrar_cancelacion_legada")
_OBLIGACION = ("presentar_componente", "notificar_inconsistencias", "subsanar", "validar")
_EXPERTO = ("presentar_oficialmente", "inscribir", "iniciar_servicio", "prorrogar", "concluir", "cancelar")

MATRIZ: dict[str, frozenset[str]] = {
    # gateway
    "POST /api/v1/auth/token": TODOS,  # credentials are the client's secret, not a bearer token
    # registro: master data of offices (administrators only)
    "POST /api/v1/oficinas": SOLO_ADMIN,
    "POST /api/v1/oficinas/{codigo}/acciones/renombrar": SOLO_ADMIN,
    "POST /api/v1/oficinas/{codigo}/acciones/cerrar": SOLO_ADMIN,
    # registro: an entity applies for itself; APCI-DOC opens annual obligations and records experts' entry; on an
    # existing file the route refuses auditors and the domain decides by organ (permisos.py)
    "POST /api/v1/inscripciones": frozenset({"entidad"}),
    **{f"POST /api/v1/inscripciones/{{agregado_id}}/acciones/{a}": QUIENES_ACTUAN for a in _INSCRIPCION},
    "POST /api/v1/obligaciones-anuales": frozenset({"apci_doc"}),
    **{f"POST /api/v1/obligaciones-anuales/{{agregado_id}}/acciones/{a}": QUIENES_ACTUAN for a in _OBLIGACION},
    # the registry keeper, or the entity that executes the intervention registering its own expert (RGL 13-18: the
    # entity presents the expert; the domain checks it is the intervention's executing entity)
    "POST /api/v1/expertos": frozenset({"apci_doc", "entidad"}),
    **{f"POST /api/v1/expertos/{{agregado_id}}/acciones/{a}": QUIENES_ACTUAN for a in _EXPERTO},
    # tramite: any office or entity may present and act (custody is the domain's check), never an auditor
    "POST /api/v1/expedientes": frozenset({"entidad"}),  # the promoter presents its own request (the example's)
    # only the office holding custody acts: the example is presented to MINSA-CTI, which then holds it
    "POST /api/v1/expedientes/{numero}/acciones/{accion}": frozenset({"oficina_sectorial"}),
    # fiscalizacion: DFS plans, programs inspections and takes complaints; DOC or DFS open a sanctioning procedure;
    # acts on a case belong to the procedural organs and to the entity concerned (its own RUC only)
    "POST /api/v1/planes-fiscalizacion": frozenset({"apci_dfs"}),
    "POST /api/v1/planes-fiscalizacion/{anio}/acciones/{accion}": ORGANOS_PROCESALES,
    "POST /api/v1/fiscalizaciones": frozenset({"apci_dfs"}),
    "POST /api/v1/fiscalizaciones/{fid}/acciones/{accion}": ORGANOS_PROCESALES | {"entidad"},
    "POST /api/v1/denuncias": frozenset({"apci_dfs"}),
    "POST /api/v1/denuncias/{fid}/acciones/{accion}": ORGANOS_PROCESALES | {"entidad"},
    "POST /api/v1/procedimientos-sancionadores": frozenset({"apci_doc", "apci_dfs"}),
    "POST /api/v1/procedimientos-sancionadores/{ref}/acciones/{accion}": ORGANOS_PROCESALES | {"entidad"},
    # gateway: outbound event subscriptions are configured by administrators
    "POST /api/v1/suscripciones": SOLO_ADMIN,
    "DELETE /api/v1/suscripciones/{id}": SOLO_ADMIN,
    "POST /api/v1/suscripciones/cartas-muertas/{carta_id}/reenviar": SOLO_ADMIN,
    # gateway: the DMS's webhook is authenticated by its HMAC signature only; no bearer token opens it
    "POST /api/v1/dms/notificaciones": frozenset(),
    # operations (each service's own, not routed by the gateway): administrators and operators
    "POST /operaciones/cartas-muertas/{carta_id}/reprocesar": SOLO_ADMIN,
    "POST /operaciones/plazos/vencer": SOLO_ADMIN,
    "POST /operaciones/lecturas/reconstruir": SOLO_ADMIN,
}

SOLO_FIRMA = frozenset({"POST /api/v1/dms/notificaciones"})
"""Routes whose caller is authenticated by a request signature: without one every kind must get 401."""

AUTORIZA_TRAS_CARGAR = frozenset({
    "POST /api/v1/fiscalizaciones/{fid}/acciones/{accion}", "POST /api/v1/denuncias/{fid}/acciones/{accion}",
    "POST /api/v1/procedimientos-sancionadores/{ref}/acciones/{accion}",
    *(k for k in MATRIZ if k.startswith(("POST /api/v1/inscripciones/", "POST /api/v1/obligaciones-anuales/",
                                         "POST /api/v1/expertos/", "POST /api/v1/expedientes/"))),
})
"""Routes that load the file before deciding who may act on it (the organ and the entity's RUC are the file's):
called with an id that does not exist, a kind outside the row may get 404 there instead of 403 (never a 2xx). Their
gate for auditors and anonymous callers comes first and is checked strictly."""

CONOCIDAS: dict[tuple[str, str], str] = {
}
"""Violations found and reported, not yet fixed by the owning team: listed in the report, and the test fails when one
disappears (so the entry is removed) or a new one appears."""

VALORES_RUTA = {"codigo": "MATRIZ-1", "numero": "2026-MINSA-000001", "carta_id": "999999", "fid": "FIS-NO-EXISTE",
                "ref": "PAS-NO-EXISTE", "anio": "2026", "id": "sus-no-existe", "agregado_id": "00000000-0000-0000-0000-000000000000"}
ACCION_POR_RUTA = {"/api/v1/planes-fiscalizacion/{anio}/acciones/{accion}": "aprobar"}

METODOS_DE_ESCRITURA = ("post", "put", "patch", "delete")
