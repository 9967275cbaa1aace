"""The one typed settings object. Every field is read from a ``MEKONGX_`` environment variable.

``docs/settings.md`` documents every field; ``tests/test_docs.py`` fails when they drift apart.
"""

from __future__ import annotations

from datetime import timedelta
from functools import lru_cache
from ipaddress import IPv4Network, IPv6Network, ip_network
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from mekongx.i18n import Language

Environment = Literal["dev", "demo", "test", "production"]

# the database's defaults (``mekongx.db.Database`` takes them too): SQLite's page cache a
# connection, in MiB; how long PostgreSQL lets a transaction sit idle, in seconds
SQLITE_CACHE_MIB = 16
IDLE_TRANSACTION_SECONDS = 600


class UnsafeSettingsError(ValueError):
    """A setting that is acceptable on a developer laptop but not on a real node."""


class Settings(BaseSettings):
    """Configuration of one MekongX node."""

    model_config = SettingsConfigDict(env_prefix="MEKONGX_", extra="ignore")

    env: Environment = Field("dev", description="dev, demo, test or production.")
    data_dir: Path = Field(Path("var"), description="Folder for the SQLite file, keys, backups.")
    database_url: str = Field(
        "", description="SQLAlchemy URL; empty means SQLite in data_dir/mekongx.db."
    )
    node_agency: str = Field("ONCB", description="Code of the agency that runs this node.")
    timezone: str = Field("Asia/Bangkok", description="Time zone in which times are shown.")
    default_language: Language = Field(
        "en", description="The agency's language: for visitors and new accounts."
    )
    session_hours: int = Field(12, ge=1, le=168, description="Login session lifetime in hours.")
    cookie_secure: bool = Field(
        True, description="Send cookies only over HTTPS (turned off automatically in dev/demo)."
    )
    lockout_attempts: int = Field(5, ge=3, le=20, description="Failed logins before lock-out.")
    lockout_minutes: int = Field(15, ge=1, description="How long a locked account stays locked.")
    password_min_length: int = Field(12, ge=10, description="Minimum password length.")
    login_client_attempts: int = Field(
        20,
        ge=3,
        le=1000,
        description="Failed logins one client address may make per minute before it is answered "
        "429 (counted in memory, per process).",
    )
    token_days: int = Field(
        90, ge=1, le=3650, description="Lifetime of a new API token when none is asked for, days."
    )
    token_max_days: int = Field(
        365, ge=1, le=3650, description="Longest lifetime an API token may be given, days."
    )
    login_cache_seconds: int = Field(
        30,
        ge=0,
        le=300,
        description="How long a process keeps who a token or login session belongs to without "
        "asking the database. Any change by the node (a token revoked, a session ended, a user "
        "disabled) applies at once in every process of the node run by the same system user; "
        "this bounds changes made otherwise (by hand in SQL, by another system user). 0: ask "
        "on every request.",
    )
    upload_max_mb: int = Field(
        5, ge=1, le=100, description="Largest uploaded file (screening lists, results tables), MB."
    )
    upload_max_unpacked_mb: int = Field(
        80, ge=1, le=2000, description="Largest total unpacked size of an uploaded .xlsx, MB."
    )
    upload_bulk_max_mb: int = Field(
        25, ge=1, le=500,
        description="Largest file of a bulk import of records (seizure reports), MB: 100,000 rows "
        "of the seizure template are about 8.2 MB as .xlsx (benchmarks/seizures_import.py).",
    )  # fmt: skip
    upload_bulk_max_unpacked_mb: int = Field(
        400, ge=1, le=4000,
        description="Largest total unpacked size of an .xlsx of a bulk import of records, MB "
        "(a workbook written cell by cell unpacks to about ten times its size).",
    )  # fmt: skip
    upload_max_ratio: int = Field(
        100, ge=10, le=10000, description="Highest compression ratio of a part of an .xlsx."
    )
    upload_max_rows: int = Field(
        100_000, ge=100, le=10_000_000, description="Most rows read from an uploaded table."
    )
    upload_max_columns: int = Field(
        256, ge=16, le=16384, description="Most columns read from an uploaded table."
    )
    upload_max_seconds: int = Field(
        60, ge=1, le=3600, description="Longest time spent reading and checking one upload, s."
    )

    public_url: str = Field(
        "http://127.0.0.1:8000",
        description="Address peers use to reach this node (https:// in production).",
    )
    tls_cert: Path | None = Field(
        None, description="This node's TLS certificate (PEM), issued by its agency's CA."
    )
    tls_key: Path | None = Field(None, description="Private key of tls_cert (PEM, file mode 0600).")
    tls_peer_ca: Path | None = Field(
        None,
        description="CA certificates (PEM bundle) whose client certificates the federation port accepts.",
    )
    federation_port: int = Field(
        0,
        ge=0,
        le=65535,
        description=(
            "Port of the federation listener, the only place peers deliver to (mutual TLS with "
            "tls_cert/tls_key/tls_peer_ca; without them plain HTTP on 127.0.0.1, outside "
            "production only); 0: none."
        ),
    )
    federation_url: str = Field(
        "",
        description=(
            "Address peers use to reach the federation listener; empty: public_url's host "
            "with federation_port."
        ),
    )
    trusted_proxies: str = Field(
        "",
        description=(
            "Comma-separated addresses or networks of reverse proxies whose X-Forwarded-For and "
            "X-Forwarded-Proto headers the web port believes (e.g. 127.0.0.1 behind a "
            "same-host TLS proxy); empty: none. Never applies to the federation listener."
        ),
    )
    federation_refusals_per_minute: int = Field(
        30,
        ge=1,
        le=10000,
        description=(
            "Unauthenticated requests a client may have refused per minute on the federation "
            "listener before it is answered 429 without being read (counted in memory)."
        ),
    )
    key_passphrase_file: Path | None = Field(
        None,
        description="File (mode 0600) whose first line is the passphrase the node's private key "
        "files are encrypted with (`mekongx keys encrypt`); empty: the key files are not "
        "encrypted. Keep it off the data disk (e.g. a systemd credential).",
    )
    key_provider: Literal["file", "pkcs11"] = Field(
        "file",
        description="Where the node's signing key is held: `file` (the key directory, encrypted "
        "with key_passphrase_file when set) or `pkcs11` (generated and used inside the PKCS#11 "
        "token named by pkcs11_module, pkcs11_token and pkcs11_pin_file, never leaving it; "
        "the encryption key stays in the key directory). Set it before `mekongx init` or "
        "`mekongx keys rotate`.",
    )
    pkcs11_module: Path | None = Field(
        None,
        description="The PKCS#11 library of the token when key_provider is `pkcs11` (e.g. "
        "/usr/lib/softhsm/libsofthsm2.so, or the HSM vendor's module).",
    )
    pkcs11_token: str = Field(
        "", description="The label of the PKCS#11 token holding the signing key."
    )
    pkcs11_pin_file: Path | None = Field(
        None,
        description="File (mode 0600) whose first line is the token's user PIN. Keep it off the "
        "data disk (e.g. a systemd credential).",
    )
    key_overlap_days: int = Field(
        30, ge=1, le=365, description="How long old keys stay valid after a rotation."
    )
    link_stall_minutes: int = Field(
        30,
        ge=1,
        le=10_080,
        description="Minutes a link with envelopes waiting may go without a delivery before the "
        "links page and the administrators' home page call it stalled and say what to do.",
    )
    worker: bool = Field(True, description="Run the delivery worker inside `mekongx serve`.")
    db_pool_size: int = Field(
        20,
        ge=1,
        le=500,
        description="PostgreSQL connections each node process keeps open (and as many again "
        "during a burst). `mekongx serve --workers N` (N > 1) sets it to 40 / N, at least 4, "
        "unless it is set: keep processes x 2 x this below the server's max_connections.",
    )
    db_idle_transaction_seconds: int = Field(
        IDLE_TRANSACTION_SECONDS,
        ge=0,
        le=86_400,
        description="PostgreSQL ends a transaction left idle this many seconds "
        "(idle_in_transaction_session_timeout) and with it the locks it holds, so that a request "
        "or command stuck inside one (a change holds the audit chain's head to its commit) cannot "
        "hold up the node's writers for ever; 0: no bound. Between two statements the node's own "
        "transactions wait at most on a peer (15 s).",
    )
    sqlite_cache_mib: int = Field(
        SQLITE_CACHE_MIB,
        ge=2,
        le=4096,
        description="SQLite's page cache, in MiB, for each connection a node process keeps open "
        "(up to 40 readers, one per request thread, and 2 writers; it fills only as pages are read, "
        "and never beyond the database's size). SQLite's own "
        "default, 2, is too small for a node of a million records.",
    )
    retry_max_seconds: int = Field(
        300,
        ge=1,
        le=3600,
        description="Longest wait between delivery retries to a peer that is down.",
    )
    audit_checkpoint_minutes: int = Field(
        60,
        ge=0,
        le=10_080,
        description="Minutes between signed checkpoints of the audit head (appended to "
        "data_dir/audit-checkpoints.jsonl and sent to peers); 0: only on `mekongx audit checkpoint`.",
    )

    @model_validator(mode="after")
    def _refuse_unsafe(self) -> Settings:
        if self.env == "production":
            if not self.database_url:
                raise UnsafeSettingsError(
                    "MEKONGX_DATABASE_URL must name the production database (PostgreSQL) explicitly"
                )
            if not self.public_url.startswith("https://"):
                raise UnsafeSettingsError(
                    "MEKONGX_PUBLIC_URL must be an https:// address in production"
                )
            if not self.cookie_secure:
                raise UnsafeSettingsError("MEKONGX_COOKIE_SECURE cannot be off in production")
            if self.federation_port and not self.federation_tls:
                raise UnsafeSettingsError(
                    "MEKONGX_FEDERATION_PORT needs MEKONGX_TLS_CERT, MEKONGX_TLS_KEY and "
                    "MEKONGX_TLS_PEER_CA in production (mutual TLS)"
                )
        if self.key_provider == "pkcs11" and not (
            self.pkcs11_module and self.pkcs11_token and self.pkcs11_pin_file
        ):
            raise ValueError(
                "MEKONGX_KEY_PROVIDER=pkcs11 needs MEKONGX_PKCS11_MODULE, MEKONGX_PKCS11_TOKEN "
                "and MEKONGX_PKCS11_PIN_FILE"
            )
        try:
            self.proxy_networks()
        except ValueError as error:
            raise ValueError(f"MEKONGX_TRUSTED_PROXIES: {error}") from None
        return self

    def proxy_networks(self) -> list[IPv4Network | IPv6Network]:
        """The configured reverse proxies (addresses are networks of one address)."""
        return [
            ip_network(part.strip(), strict=False)
            for part in self.trusted_proxies.split(",")
            if part.strip()
        ]

    @property
    def federation_tls(self) -> bool:
        """The federation listener runs with mutual TLS (certificate, key and peer CAs set)."""
        return bool(self.tls_cert and self.tls_key and self.tls_peer_ca)

    @property
    def federation_endpoint(self) -> str:
        """Where peers deliver to: ``federation_url``, or public_url's host on federation_port."""
        if self.federation_url:
            return self.federation_url.rstrip("/")
        if not self.federation_port:
            return self.public_url.rstrip("/")
        host = urlsplit(self.public_url).hostname or "127.0.0.1"
        scheme = "https" if self.federation_tls else "http"
        return f"{scheme}://{host}:{self.federation_port}"

    @property
    def effective_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'mekongx.db').resolve()}"

    @property
    def database_options(self) -> dict[str, int]:
        """The keyword arguments of ``mekongx.db.Database`` these settings decide."""
        return {
            "pool_size": self.db_pool_size,
            "sqlite_cache_mib": self.sqlite_cache_mib,
            "idle_transaction_seconds": self.db_idle_transaction_seconds,
        }

    @property
    def secure_cookies(self) -> bool:
        return self.cookie_secure and self.env not in {"dev", "demo", "test"}

    @property
    def link_stall_after(self) -> timedelta:
        return timedelta(minutes=self.link_stall_minutes)

    @property
    def keys_dir(self) -> Path:
        return self.data_dir / "keys"

    @property
    def audit_checkpoints_file(self) -> Path:
        return self.data_dir / "audit-checkpoints.jsonl"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
