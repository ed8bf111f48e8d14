"""The orjson candidate used when checking a stored hash never changes the verdict of the defining encoding.

``hash_coincide`` accepts an event when orjson's bytes hash to the stored value and otherwise asks
``codificacion_canonica``; these cases are the ones where the two encoders write different bytes.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from decimal import Decimal
from enum import Enum
from uuid import UUID

import pytest

from shared.eventos.agregado import hash_coincide, hash_de
from shared.eventos.sobre import codificacion_canonica, codificacion_rapida


class Color(Enum):
    ROJO = "rojo"


CASOS = {
    "comun": {"texto": "cooperación 日本", "n": 3, "lista": [1, "a", None, True], "dia": date(2026, 7, 28)},
    "exponente": {"monto": 1e16, "tasa": 1e-05},
    "nan_inf": {"x": float("nan"), "y": float("inf")},
    "claves_no_texto": {"m": {True: 1, None: 2, 3: "c"}},
    "decimal_uuid_enum": {"d": Decimal("10.50"), "u": UUID(int=7), "e": Color.ROJO, "t": (1, 2)},
    "entero_grande": {"g": 2**80},
    "conjunto": {"s": {"b", "a"}},
}


def _estado(datos: dict) -> dict:
    estado = {"originator_id": UUID(int=1), "originator_version": 4,
              "timestamp": datetime(2026, 11, 25, 20, 0, 0, 5, tzinfo=timezone.utc),
              "sobre": {"correlacion": "2026-MINSA-000001"}, "hash_anterior": "0" * 64, **datos}
    estado["hash"] = hash_de("ActoRegistrado", estado, estado["hash_anterior"])
    return estado


@pytest.mark.parametrize("caso", sorted(CASOS))
def test_acepta_el_evento_integro_sea_cual_sea_el_contenido(caso):
    assert hash_coincide("ActoRegistrado", _estado(CASOS[caso]))


@pytest.mark.parametrize("caso", sorted(CASOS))
def test_rechaza_el_evento_alterado(caso):
    estado = _estado(CASOS[caso])
    estado["sobre"] = {"correlacion": "2026-MINSA-000002"}
    assert not hash_coincide("ActoRegistrado", estado)
    assert not hash_coincide("OtroTipo", _estado(CASOS[caso]))


def test_orjson_escribe_los_mismos_bytes_en_el_caso_comun_y_otros_donde_difiere():
    """Why the fallback exists: equal bytes for ordinary payloads, different ones for exponents and NaN."""
    args = ("T", str(UUID(int=1)), 1, "2026-11-25T20:00:00+00:00", {"a": 1})
    assert codificacion_rapida(*args, {"texto": "ñ", "d": date(2026, 1, 2)}) == codificacion_canonica(
        *args, {"texto": "ñ", "d": date(2026, 1, 2)})
    assert codificacion_rapida(*args, {"m": float("nan")}) != codificacion_canonica(*args, {"m": float("nan")})
    assert codificacion_rapida(*args, {"g": 2**80}) is None
