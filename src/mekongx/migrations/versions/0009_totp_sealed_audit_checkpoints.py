"""TOTP secrets encrypted at rest; peers' signed checkpoints of their audit chains.

``users.totp_secret`` grows to hold a sealed secret and every existing secret is encrypted with
the node's TOTP key (``keys_dir/totp.key``, made here if missing; the key directory comes from
``mekongx.migrations.upgrade(..., keys_dir=...)``, which ``mekongx db upgrade`` passes). The
format is the one of ``mekongx/accounts/totp_keys.py``, repeated here so that this migration
keeps working whatever the package becomes. ``audit_peer_checkpoints`` keeps what peers sent.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02
"""

import base64
import os
from collections.abc import Sequence
from pathlib import Path

import sqlalchemy as sa
from alembic import context, op
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_PREFIX = "v1:"


def _aead(create: bool) -> ChaCha20Poly1305:
    keys_dir = context.config.attributes.get("mekongx.keys_dir")
    if keys_dir is None:
        raise RuntimeError(
            "users have TOTP secrets to encrypt: run `mekongx db upgrade`, which knows the "
            "node's key directory"
        )
    path = Path(keys_dir) / "totp.key"
    if not path.exists():
        if not create:
            raise RuntimeError(f"{path} is missing: the TOTP secrets cannot be decrypted")
        path.parent.mkdir(parents=True, exist_ok=True)
        os.chmod(path.parent, 0o700)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(base64.b64encode(os.urandom(32)) + b"\n")
            handle.flush()
            os.fsync(handle.fileno())
    return ChaCha20Poly1305(base64.b64decode(path.read_bytes().strip(), validate=True))


def _aad(user_id: int) -> bytes:
    return f"mekongx/totp/v1/user/{user_id}".encode()


def upgrade() -> None:
    bind = op.get_bind()
    rows = bind.execute(
        sa.text("SELECT id, totp_secret FROM users WHERE totp_secret IS NOT NULL")
    ).all()
    plain = [(uid, secret) for uid, secret in rows if not secret.startswith(_PREFIX)]
    aead = _aead(create=True) if plain else None  # before any change: refuse with nothing done
    with op.batch_alter_table("users") as batch:
        batch.alter_column(
            "totp_secret",
            existing_type=sa.String(length=64),
            type_=sa.String(length=160),
            existing_nullable=True,
        )
    for uid, secret in plain:
        assert aead is not None
        nonce = os.urandom(12)
        sealed = nonce + aead.encrypt(nonce, secret.encode(), _aad(uid))
        bind.execute(
            sa.text("UPDATE users SET totp_secret = :s WHERE id = :id"),
            {"s": _PREFIX + base64.b64encode(sealed).decode(), "id": uid},
        )
    op.create_table(
        "audit_peer_checkpoints",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("agency", sa.String(length=16), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("statement", sa.Text(), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_peer_checkpoints")),
        sa.UniqueConstraint("agency", "seq", "hash", name=op.f("uq_audit_peer_checkpoints_agency")),
    )
    op.create_index(op.f("ix_audit_peer_checkpoints_agency"), "audit_peer_checkpoints", ["agency"])


def downgrade() -> None:
    op.drop_index(op.f("ix_audit_peer_checkpoints_agency"), table_name="audit_peer_checkpoints")
    op.drop_table("audit_peer_checkpoints")
    bind = op.get_bind()
    sealed = bind.execute(
        sa.text("SELECT id, totp_secret FROM users WHERE totp_secret LIKE 'v1:%'")
    ).all()
    if sealed:
        aead = _aead(create=False)
        for uid, stored in sealed:
            blob = base64.b64decode(stored[len(_PREFIX) :])
            secret = aead.decrypt(blob[:12], blob[12:], _aad(uid)).decode()
            bind.execute(
                sa.text("UPDATE users SET totp_secret = :s WHERE id = :id"),
                {"s": secret, "id": uid},
            )
    with op.batch_alter_table("users") as batch:
        batch.alter_column(
            "totp_secret",
            existing_type=sa.String(length=160),
            type_=sa.String(length=64),
            existing_nullable=True,
        )
