"""One settings object for the whole process, read from environment variables."""

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_SECRET_KEY = "development-only-secret-change-me"  # noqa: S105 - refused outside development
DEFAULT_DATABASE_URL = f"sqlite+aiosqlite:///{Path.cwd() / 'var' / 'fosterhub.sqlite3'}"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    environment: Literal["development", "test", "production"] = "development"
    database_url: str = DEFAULT_DATABASE_URL
    secret_key: str = DEFAULT_SECRET_KEY
    redis_url: str | None = None
    smtp_host: str = "127.0.0.1"
    smtp_port: int = 25
    smtp_from: str = "Foster Hub <no-reply@fosterhub.localhost>"
    public_base_url: str = "http://127.0.0.1:8000"

    jwt_issuer: str = "fosterhub"
    jwt_audience: str = "fosterhub-api"
    access_token_minutes: int = Field(default=10, ge=5, le=15)
    refresh_token_days: int = 14

    rate_limit_enquiry: str = "10/minute"
    rate_limit_login: str = "20/minute"
    login_slowdown_after: int = 5
    login_lock_after: int = 10
    login_lock_minutes: int = 15

    max_body_bytes: int = 1_000_000
    # How long a public list page (councils, events) is answered from memory; 0: never.
    public_list_cache_seconds: float = Field(default=5.0, ge=0, le=300)
    frontend_dist: Path | None = None
    log_level: str = "INFO"
    sql_echo: bool = False
    # Connections each process keeps open to PostgreSQL. A request holds one from its first
    # query to its commit, so size it for the requests a process serves at once: beyond it,
    # extra connections are opened and closed per request, and opening one costs PostgreSQL a
    # new backend process. (SQLite opens a connection per session and ignores these.)
    database_pool_size: int = 32
    database_max_overflow: int = 16

    @model_validator(mode="after")
    def _refuse_default_secret(self) -> "Settings":
        if self.environment != "development" and self.secret_key == DEFAULT_SECRET_KEY:
            raise ValueError("SECRET_KEY must be set to a real secret outside development")
        if len(self.secret_key) < 16:
            raise ValueError("SECRET_KEY must be at least 16 characters")
        return self

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


@lru_cache
def get_settings() -> Settings:
    return Settings()
