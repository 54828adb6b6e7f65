"""People, their roles, invitations and API tokens."""

from __future__ import annotations

import hashlib
import secrets
from typing import Any, ClassVar

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        if not email:
            raise ValueError("email is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        extra.setdefault("role", User.Role.MINISTRY)
        return self.create_user(email, password, **extra)


class User(AbstractUser):
    """A person who signs in. Their role decides what they see: all hubs, one hub, one company, or reviews."""

    class Role(models.TextChoices):
        MINISTRY = "ministry", _("ministry staff")
        OPERATOR = "operator", _("hub operator")
        MEMBER = "member", _("company member")
        EVALUATOR = "evaluator", _("evaluator")

    username = None  # type: ignore[assignment]
    first_name = None  # type: ignore[assignment]
    last_name = None  # type: ignore[assignment]
    email = models.EmailField(_("email"), unique=True)
    name = models.CharField(_("name"), max_length=60, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    role = models.CharField(_("role"), max_length=12, choices=Role.choices, default=Role.MEMBER)
    hub = models.ForeignKey(
        "hubs.Hub",
        verbose_name=_("hub"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="operators",
        help_text=_("The hub an operator runs."),
    )
    company = models.ForeignKey(
        "companies.Company",
        verbose_name=_("company"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="members",
    )
    is_company_owner = models.BooleanField(_("company owner"), default=False)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []
    objects: ClassVar[UserManager] = UserManager()  # type: ignore[assignment]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.name or self.email

    @property
    def is_ministry(self) -> bool:
        return self.is_authenticated and self.role == self.Role.MINISTRY

    @property
    def is_operator(self) -> bool:
        return self.is_authenticated and self.role == self.Role.OPERATOR and self.hub_id is not None

    @property
    def is_member(self) -> bool:
        return self.is_authenticated and self.role == self.Role.MEMBER and self.company_id is not None

    @property
    def is_evaluator(self) -> bool:
        return self.is_authenticated and self.role == self.Role.EVALUATOR


class Invitation(models.Model):
    """An owner's invitation for a colleague to join their company on dxhub."""

    company = models.ForeignKey(
        "companies.Company", verbose_name=_("company"), on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("email"))
    token = models.CharField(_("token"), max_length=64, unique=True, default=secrets.token_urlsafe)
    invited_by = models.ForeignKey(
        User, verbose_name=_("invited by"), on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.UniqueConstraint(
                fields=["company", "email"],
                condition=models.Q(accepted_at__isnull=True),
                name="one_open_invitation_per_email",
            )
        ]

    def __str__(self) -> str:
        return f"{self.email} → {self.company}"

    def url(self) -> str:
        from django.urls import reverse

        return reverse("accounts:invitation", args=[self.token])


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiToken(models.Model):
    """A personal API token. Only its hash is stored; the raw value is shown once."""

    user = models.ForeignKey(
        User, verbose_name=_("user"), on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("name"), max_length=60, default="API")
    key_hash = models.CharField(_("key hash"), max_length=64, unique=True)
    prefix = models.CharField(_("prefix"), max_length=8)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user})"

    @classmethod
    def issue(cls, user: User, name: str = "API") -> tuple[ApiToken, str]:
        raw = "dxh_" + secrets.token_urlsafe(32)
        token = cls.objects.create(user=user, name=name, key_hash=hash_token(raw), prefix=raw[:8])
        return token, raw
