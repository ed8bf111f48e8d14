"""Bad input: schemathesis over every operation of the gateway's OpenAPI document with the token of each kind of
caller (valid and invalid data), plus hostile requests written by hand. No answer may be a 5xx; every 4xx is
problem+json.
"""

from __future__ import annotations

import httpx
import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.generation import GenerationMode

from tests.fallas.matriz_acceso import ROLES

pytestmark = pytest.mark.lento

PROBLEMA = "application/problem+json"
EJEMPLOS = {"administrador": 3}  # per operation and generation mode; 1 for each other kind of caller (CI budget)
ROLES_SCHEMATHESIS = ("administrador", "oficina_sectorial", "apci_doc", "apci_dfs", "cancilleria", "entidad",
                      "auditor", "anonimo")


def _falla(status: int, content_type: str) -> str | None:
    """None if the answer is acceptable. A 502/503/504 problem+json is a dependency's failure the API reports on
    purpose (an integration this suite does not configure, a subscriber that does not answer): counted apart. A 500,
    or any 5xx that is not problem+json, is a crash."""
    if status in (502, 503, 504) and content_type.startswith(PROBLEMA):
        return None
    if status >= 500:
        return f"{status}"
    if status >= 400 and not content_type.startswith(PROBLEMA):
        return f"{status} sin problem+json ({content_type})"
    return None


def _correr(doc: dict, base: str, cabeceras: dict[str, str], ejemplos: int, fallas: list, cuenta: dict) -> None:
    schema = schemathesis.openapi.from_dict(doc)
    sesion = requests.Session()
    sesion.trust_env = False
    for resultado in schema.get_all_operations():
        op = resultado.ok()
        cuenta["operaciones"].add(f"{op.method.upper()} {op.path}")
        for modo in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):

            @settings(max_examples=ejemplos, deadline=None, database=None, phases=[Phase.generate],
                      suppress_health_check=list(HealthCheck), derandomize=True)
            @given(op.as_strategy(generation_mode=modo))
            def caso(case) -> None:  # type: ignore[no-untyped-def]
                r = case.call(base_url=base, session=sesion, headers=cabeceras, timeout=30)
                cuenta["casos"] += 1
                tipo = r.headers.get("content-type") or ""
                motivo = _falla(r.status_code, tipo[0] if isinstance(tipo, list) else tipo)
                if r.status_code >= 500 and motivo is None:
                    cuenta["sin_configurar"].add(f"{op.method.upper()} {op.path} -> {r.status_code}")
                if motivo:
                    fallas.append((op.method.upper(), op.path, modo.value, motivo, r.request.url[:200],
                                   r.text[:200]))

            try:
                caso()
            except Exception as e:  # a strategy that cannot produce data for this operation is not an API failure
                if "Unsatisfiable" not in type(e).__name__ and "Unsatisfiable" not in str(e)[:200]:
                    raise


def test_schemathesis_sobre_todo_el_openapi_del_gateway_con_cada_tipo_de_llamante(suite, informe):
    doc = httpx.get(f"{suite.gateway}/openapi.json", trust_env=False).json()
    fallas: list = []
    cuenta = {"operaciones": set(), "casos": 0, "sin_configurar": set()}
    for rol in ROLES_SCHEMATHESIS:
        datos = ROLES[rol]
        cabeceras = {} if datos is None else suite.cabeceras(persona=datos[0], oficina=datos[1], roles=datos[2])
        _correr(doc, suite.gateway, cabeceras, EJEMPLOS.get(rol, 1), fallas, cuenta)
    informe["schemathesis"] = {"roles": len(ROLES_SCHEMATHESIS), "operaciones": len(cuenta["operaciones"]),
                               "casos": cuenta["casos"], "errores_5xx": sum(f[3][0] == "5" for f in fallas),
                               "sin_problema": sum(f[3][0] != "5" for f in fallas),
                               "sin_configurar": sorted(cuenta["sin_configurar"])}
    assert fallas == [], "\n".join(" ".join(map(str, f)) for f in fallas[:30])


def _hostiles(suite) -> list[tuple[str, str, str, dict[str, str], bytes | None]]:
    admin = {"authorization": f"Bearer {suite.token()}"}
    json_ = {**admin, "content-type": "application/json"}
    g = suite.gateway
    anidado = b"[" * 200_000 + b"]" * 200_000
    objetos = b'{"a":' * 100_000 + b"1" + b"}" * 100_000
    return [
        ("cuerpo de 2 MB", "POST", f"{g}/api/v1/oficinas", json_, b'{"codigo": "' + b"A" * 2_000_000 + b'"}'),
        ("cuerpo de 2 MB sin content-length", "POST", f"{g}/api/v1/oficinas", {**json_, "transfer-encoding": "chunked"},
         None),
        ("JSON anidado 200.000 niveles", "POST", f"{g}/api/v1/oficinas", json_, anidado),
        ("objetos anidados 100.000 niveles", "POST", f"{g}/api/v1/expedientes", json_, objetos),
        ("UTF-8 invalido", "POST", f"{g}/api/v1/oficinas", json_, b'{"codigo": "\xff\xfe\xc3\x28", "nombre": "x"}'),
        ("UTF-8 invalido en ruta", "GET", f"{g}/api/v1/oficinas/%FF%FE", admin, None),
        ("texto plano", "POST", f"{g}/api/v1/oficinas", {**admin, "content-type": "text/plain"}, b"codigo=X"),
        ("formulario", "POST", f"{g}/api/v1/oficinas",
         {**admin, "content-type": "application/x-www-form-urlencoded"}, b"codigo=X&nombre=Y"),
        ("XML", "POST", f"{g}/api/v1/expedientes", {**admin, "content-type": "application/xml"}, b"<a>1</a>"),
        ("JSON truncado", "POST", f"{g}/api/v1/oficinas", json_, b'{"codigo": "X'),
        ("JSON con NUL", "POST", f"{g}/api/v1/oficinas", json_, b'{"codigo": "A\\u0000B"}'),
        ("lista en vez de objeto", "POST", f"{g}/api/v1/oficinas", json_, b"[1, 2, 3]"),
        ("numero enorme", "POST", f"{g}/api/v1/oficinas", json_, b'{"codigo": ' + b"9" * 5000 + b"}"),
        ("limite enorme", "GET", f"{g}/api/v1/oficinas?limite=999999999999999999999", admin, None),
        ("limite negativo", "GET", f"{g}/api/v1/eventos?correlacion=X&limite=-1", admin, None),
        ("limite enorme auditoria", "GET", f"{g}/api/v1/auditoria/registro/eventos?limite=100000000", admin, None),
        ("cursor malformado", "GET", f"{g}/api/v1/eventos?correlacion=X&cursor=%27%3B--", admin, None),
        ("traversal en codigo", "GET", f"{g}/api/v1/oficinas/..%2F..%2F..%2Fetc%2Fpasswd", admin, None),
        ("traversal literal", "GET", f"{g}/api/v1/oficinas/../../operaciones/cartas-muertas", admin, None),
        ("traversal en expediente", "GET", f"{g}/api/v1/expedientes/..%2F..%2Fhealth%2Flive/historial", admin, None),
        ("traversal hacia operaciones", "POST",
         f"{g}/api/v1/oficinas/%2E%2E%2F%2E%2E%2Foperaciones%2Flecturas%2Freconstruir/acciones/cerrar", json_, b"{}"),
        ("traversal en agregado", "GET", f"{g}/api/v1/auditoria/registro/agregados/..%2F..%2Fverificacion", admin,
         None),
        ("referencia de documento con traversal", "POST", f"{g}/api/v1/expedientes", json_,
         b'{"procedimiento": "P1-SOLICITUD-CTI", "promotor": "ENTIDAD-20131312955", "oficina_apertura": "MINSA-CTI",'
         b' "presentado_el": "2026-03-02", "documentos": [{"dms_id": "../../../etc/passwd", "tipo": "solicitud",'
         b' "numero": "..\\\\..\\\\win.ini", "fecha": "2026-03-02", "version": "1", "sha256": "' + b"ab" * 32 + b'"}]}'),
        ("fecha imposible", "POST", f"{g}/api/v1/oficinas", json_,
         b'{"codigo": "X-1", "nombre": "Oficina", "tipo": "sector", "entidad": "M", "vigente_desde": "2026-02-30",'
         b' "fundamento_legal": {"norma": "DS 1", "articulo": "1"}}'),
        ("If-Match basura", "POST", f"{g}/api/v1/oficinas/NO-EXISTE/acciones/cerrar",
         {**json_, "if-match": '"' + "9" * 400 + '"'}, b'{"fecha": "2026-01-01", "fundamento_legal": {"norma": "DS 1",'
                                                        b' "articulo": "1"}}'),
        ("metodo no permitido", "DELETE", f"{g}/api/v1/oficinas/MINSA-CTI", admin, None),
        ("ruta inexistente", "GET", f"{g}/api/v1/no-existe", admin, None),
        ("cabecera Authorization rara", "POST", f"{g}/api/v1/oficinas",
         {"authorization": "Basic " + "A" * 5000, "content-type": "application/json"}, b"{}"),
    ]


def _trozos():
    for _ in range(40):
        yield b'{"codigo": "' + b"A" * 50_000
    yield b'"}'


def test_entradas_hostiles_escritas_a_mano_nunca_dan_5xx_y_siempre_problem_json(suite, informe):
    fallas = []
    casos = _hostiles(suite)
    with httpx.Client(trust_env=False, timeout=60) as c:
        for nombre, metodo, url, cabeceras, cuerpo in casos:
            contenido = _trozos() if cuerpo is None and "chunked" in cabeceras.get("transfer-encoding", "") else cuerpo
            cab = {k: v for k, v in cabeceras.items() if k != "transfer-encoding"}
            r = c.request(metodo, url, headers=cab, content=contenido)
            motivo = _falla(r.status_code, r.headers.get("content-type", ""))
            if motivo or not 400 <= r.status_code < 500:
                fallas.append((nombre, r.status_code, r.headers.get("content-type"), r.text[:150]))
    informe["entradas_hostiles"] = {"casos": len(casos), "errores_5xx": sum(f[1] >= 500 for f in fallas),
                                    "sin_problema": sum(f[1] < 500 for f in fallas)}
    assert fallas == [], "\n".join(map(str, fallas))
