"""ReferenciaDocumento: a reference with integrity; malformed or dangerous fields are refused with the field named."""

from __future__ import annotations

from datetime import date

import pytest

from shared.documentos.referencia import ReferenciaDocumento, ReferenciaInvalida
from shared.eventos.sobre import Documento

BASE = dict(dms="mayan", dms_id="41", version="97", nombre="RD-0012-2026-APCI-DE.pdf",
            media_type="application/pdf", sha256="ab" * 32, tamano=5120, tipo="resolucion")


def _campos(exc: pytest.ExceptionInfo) -> set[str]:
    return {e["campo"] for e in exc.value.extra["errores"]}


def test_referencia_valida_y_su_forma_publica():
    r = ReferenciaDocumento(**BASE, numero="RD-0012-2026-APCI/DE", fecha="2026-03-10", firmante="Ana Perez",
                            firma_valida=True)
    assert r.fecha == date(2026, 3, 10)
    d = r.a_dict()
    assert d["fecha"] == "2026-03-10" and "firma_detalle" not in d
    assert ReferenciaDocumento.de_dict(d) == r
    # superset of the envelope's document reference: every key of Documento is there with the same meaning
    assert set(Documento(tipo="x").__dataclass_fields__) <= set(d)


@pytest.mark.parametrize("campo,valor", [
    ("sha256", "AB" * 32), ("sha256", "ab" * 31), ("sha256", "zz" * 32), ("sha256", ""),
    ("tamano", -1), ("tamano", True), ("tamano", "10"),
    ("tipo", "pasaporte"), ("tipo", "Oficio"),
    ("nombre", "../../etc/passwd"), ("nombre", "a/b.pdf"), ("nombre", "a\\b.pdf"), ("nombre", "..pdf"),
    ("nombre", ".oculto"), ("nombre", "x\x00.pdf"), ("nombre", ""), ("nombre", "a" * 256),
    ("dms_id", "../41"), ("dms_id", "41/../../admin"), ("dms_id", "41%2F.."), ("dms_id", ""), ("dms_id", 41),
    ("version", "1 2"), ("version", "a..b"), ("dms", "../mayan"),
    ("media_type", "PDF"), ("media_type", "application/pdf; x=1"),
    ("numero", "x\ny"), ("firma_valida", "si"),
])
def test_campo_invalido_rechazado_con_su_nombre(campo, valor):
    with pytest.raises(ReferenciaInvalida) as exc:
        ReferenciaDocumento(**{**BASE, campo: valor})
    assert campo in _campos(exc)


def test_fecha_no_iso_y_campos_desconocidos():
    with pytest.raises(ReferenciaInvalida) as exc:
        ReferenciaDocumento(**BASE, fecha="10/03/2026")
    assert _campos(exc) == {"fecha"}
    with pytest.raises(ReferenciaInvalida) as exc:
        ReferenciaDocumento.de_dict({**BASE, "ruta": "/srv/blob"})
    assert _campos(exc) == {"ruta"}


def test_tamano_cero_y_misma_version():
    a = ReferenciaDocumento(**{**BASE, "tamano": 0})
    assert a.misma_version(ReferenciaDocumento(**{**BASE, "tipo": "oficio"}))
    assert not a.misma_version(ReferenciaDocumento(**{**BASE, "version": "98"}))


def test_validar_registro_comun_a_todos_los_adaptadores():
    from shared.documentos.puerto import CAMPO_EXPEDIENTE, validar_registro

    validar_registro("RD-1.pdf", "resolucion", {CAMPO_EXPEDIENTE: "P1-MINSA-CTI-2026-000001"})
    with pytest.raises(ReferenciaInvalida) as exc:
        validar_registro("../RD-1.pdf", "pasaporte", {"color": "rojo", CAMPO_EXPEDIENTE: ""})
    assert _campos(exc) == {"nombre", "tipo", "color", CAMPO_EXPEDIENTE}
