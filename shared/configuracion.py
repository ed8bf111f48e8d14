"""Settings of a service, read from environment variables (prefix ``CTI_``).

One class serves the four services; each process reads the variables of its own deployment. The defaults are the
embedded development setup that ``make run`` uses (SQLite under ``./var``, a bundled nats-server on 4222); production
sets ``CTI_DATABASE_URL`` to PostgreSQL and ``CTI_ENTORNO=produccion``, where placeholder secrets are refused.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlparse

from pydantic import field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

SERVICIOS = ("registro", "tramite", "fiscalizacion", "gateway")


class Configuracion(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CTI_", env_ignore_empty=True, extra="ignore")

    servicio: str = "registro"
    entorno: str = "desarrollo"
    database_url: str = ""
    nats_url: str = "nats://127.0.0.1:4222"
    directorio_datos: Path = Path("var")
    clave_publica: Path | None = None
    clave_privada: Path | None = None
    audiencia_token: str = "cti"
    emisor_token: str = "cti-gateway"
    relay_en_proceso: bool = True
    max_entregas: int = 5
    clave_checkpoint: Path | None = None  # Ed25519 PEM; default <directorio_datos>/claves/checkpoint-<servicio>.pem
    intervalo_checkpoint: float = 30.0  # seconds between signed checkpoints of the log (0: only on demand)
    nivel_log: str = "INFO"
    clientes: Path | None = None
    limite_solicitudes_s: float = 200.0
    limite_rafaga: int = 400
    # Document management (issue "DMS"): no DMS by default; ``shared.documentos.fabrica`` builds the adapter.
    dms_adaptador: str = "mayan"  # key of shared.documentos.fabrica.ADAPTADORES (a CMIS adapter would add one)
    dms_url: str | None = None  # e.g. http://127.0.0.1:18082 (Mayan EDMS); unset: the suite runs without a DMS
    dms_token: str | None = None  # API token; or dms_usuario + dms_clave to obtain one at start-up
    dms_usuario: str | None = None
    dms_clave: str | None = None
    dms_secreto_webhook: str | None = None  # HMAC secret shared with the DMS for signed notifications
    dms_intervalo_sondeo: float = 5.0  # seconds between polls of the DMS event log by tramite (0: no polling)
    entregas_max_intentos: int = 8  # outbound notifications: attempts before the dead-letter list
    entregas_espera_base: float = 0.5  # first retry delay (doubles per attempt)
    entregas_espera_max: float = 60.0
    urls_servicios: dict[str, str] = {
        "registro": "http://127.0.0.1:8001",
        "tramite": "http://127.0.0.1:8002",
        "fiscalizacion": "http://127.0.0.1:8003",
    }

    @field_validator("servicio")
    @classmethod
    def _servicio_conocido(cls, v: str) -> str:
        if v not in SERVICIOS:
            raise ValueError(f"servicio desconocido: {v}; use uno de {', '.join(SERVICIOS)}")
        return v

    @model_validator(mode="after")
    def _por_defecto(self) -> Configuracion:
        if not self.database_url:
            self.database_url = f"sqlite:///{self.directorio_datos / self.servicio}.db"
        if self.entorno == "produccion" and self.database_url.startswith("sqlite"):
            raise ValueError("en produccion CTI_DATABASE_URL debe ser PostgreSQL")
        return self

    @property
    def es_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    def url_sqlalchemy(self) -> str:
        return url_sqlalchemy(self.database_url)

    def entorno_eventsourcing(self) -> dict[str, str]:
        return entorno_eventsourcing(self.database_url)


def url_sqlalchemy(url: str) -> str:
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def entorno_eventsourcing(url: str) -> dict[str, str]:
    """Translate a database URL into eventsourcing's persistence environment."""
    comun = {"SINGLE_ROW_TRACKING": "n"}  # one tracking row per consumed message: exact dedup, re-drivable DLQ
    if url.startswith("sqlite"):
        ruta = url.split(":///", 1)[1] if ":///" in url else ":memory:"
        if ruta not in (":memory:", "") and not ruta.startswith("file:"):
            Path(ruta).parent.mkdir(parents=True, exist_ok=True)
        return {**comun, "PERSISTENCE_MODULE": "eventsourcing.sqlite", "SQLITE_DBNAME": ruta or ":memory:",
                "SQLITE_LOCK_TIMEOUT": "10"}
    p = urlparse(url)
    return {
        **comun,
        "PERSISTENCE_MODULE": "eventsourcing.postgres",
        "POSTGRES_DBNAME": p.path.lstrip("/"),
        "POSTGRES_HOST": p.hostname or "127.0.0.1",
        "POSTGRES_PORT": str(p.port or 5432),
        "POSTGRES_USER": unquote(p.username or "postgres"),
        "POSTGRES_PASSWORD": unquote(p.password or ""),
        "POSTGRES_CONNECT_TIMEOUT": "5",
        "POSTGRES_POOL_SIZE": "4",
        "POSTGRES_MAX_OVERFLOW": "4",
        # No pre-ping: it cost a round trip per connection checkout (~0.85 ms of a ~5.7 ms act, bench B1). A
        # connection broken by a PostgreSQL restart fails its first statement and eventsourcing retries the
        # operation on a fresh one (tests/fallas/test_reinicio_postgres.py).
        "POSTGRES_PRE_PING": "n",
        "POSTGRES_LOCK_TIMEOUT": "5",
    }
