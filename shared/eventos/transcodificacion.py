"""Transcodings for payload types eventsourcing's JSON transcoder does not know by default (``date``)."""

from __future__ import annotations

from datetime import date

from eventsourcing.persistence import JSONTranscoder, Transcoder, Transcoding


class DateAsISO(Transcoding):
    type = date
    name = "date_iso"

    def encode(self, obj: date) -> str:
        return obj.isoformat()

    def decode(self, data: str) -> date:
        return date.fromisoformat(data)


def registrar_transcodificaciones(transcoder: Transcoder) -> None:
    if isinstance(transcoder, JSONTranscoder):
        transcoder.register(DateAsISO())
