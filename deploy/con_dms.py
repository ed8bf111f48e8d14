"""``make run-dms``: the suite as ``make run`` starts it, plus a local Mayan EDMS wired in as its DMS.

Why a separate entry point: ``make run`` must work on a machine without a DMS (the default). This one starts the
tests' ``ServidorMayan`` (installed once per machine under ``~/.cache/cti-mayan``, then ~3 s from a snapshot), sets
``CTI_DMS_URL``, ``CTI_DMS_TOKEN`` and ``CTI_DMS_SECRETO_WEBHOOK`` for the four services and runs the usual runner.
Ctrl-C stops the suite, then Mayan. Mayan's data lives in a throwaway dir: each run starts from an empty Mayan.
"""

from __future__ import annotations

import os
import secrets

from deploy import runner
from tests.infra.mayan import ServidorMayan


def main() -> None:
    with ServidorMayan() as mayan:
        secreto = os.environ.get("CTI_DMS_SECRETO_WEBHOOK") or secrets.token_urlsafe(32)
        os.environ.update({"CTI_DMS_URL": mayan.url, "CTI_DMS_TOKEN": str(mayan.token),
                           "CTI_DMS_SECRETO_WEBHOOK": secreto})
        print(f"Mayan EDMS: {mayan.url}/api/v4/ (usuario {mayan.usuario}, clave {mayan.clave}, "
              f"arranque {mayan.segundos_arranque:.1f} s)\nSecreto de notificaciones del DMS: {secreto}", flush=True)
        runner.main()


if __name__ == "__main__":
    main()
