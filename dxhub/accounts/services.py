"""Writes about people: invitations, API tokens, and the personal-data rights (download, delete)."""

from __future__ import annotations

import secrets
from datetime import timedelta
from typing import Any

from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dxhub.accounts.models import ApiToken, Invitation, User
from dxhub.accounts.personal_data import PERSONAL_DATA

INVITATION_DAYS = 14


@transaction.atomic
def invitation_create(*, company: Any, email: str, invited_by: Any) -> Invitation:
    email = email.strip().lower()
    if User.objects.filter(email=email).exists():
        raise ValidationError(_("This person already has an account."))
    invitation, _created = Invitation.objects.get_or_create(
        company=company, email=email, accepted_at=None, defaults={"invited_by": invited_by}
    )
    send_mail(
        subject=_("Invitation to %(company)s on dxhub") % {"company": company.name},
        message=_("%(who)s invited you to join %(company)s on dxhub: %(url)s")
        % {"who": invited_by, "company": company.name, "url": invitation.url()},
        from_email=None,
        recipient_list=[email],
    )
    return invitation


def invitation_open(token: str) -> Invitation | None:
    cutoff = timezone.now() - timedelta(days=INVITATION_DAYS)
    return (
        Invitation.objects.select_related("company")
        .filter(token=token, accepted_at__isnull=True, created_at__gte=cutoff)
        .first()
    )


@transaction.atomic
def invitation_accept(invitation: Invitation, *, name: str, password: str) -> User:
    locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if locked.accepted_at is not None:
        raise ValidationError(_("This invitation has already been used."))
    user = User.objects.create_user(
        locked.email, password, name=name, role=User.Role.MEMBER, company=locked.company
    )
    locked.accepted_at = timezone.now()
    locked.save(update_fields=["accepted_at"])
    return user


def token_issue(user: User, name: str) -> str:
    """Creates a token and returns its raw value, which is shown once and never stored."""
    _token, raw = ApiToken.issue(user, name=name or "API")
    return raw


def personal_data(user: User) -> dict[str, Any]:
    """Everything dxhub holds about this person, as one JSON-ready document."""
    entries = LogEntry.objects.filter(actor=user).select_related("content_type").order_by("-timestamp")[:1000]
    return {
        "generated_at": timezone.now().isoformat(),
        "account": {
            "email": user.email,
            "name": user.name,
            "phone": user.phone,
            "role": user.role,
            "hub": user.hub.name if user.hub else None,
            "company": user.company.name if user.company else None,
            "is_company_owner": user.is_company_owner,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
        },
        **{key: section.export(user) for key, section in PERSONAL_DATA.items()},
        "api_tokens": [
            {"name": t.name, "prefix": t.prefix, "created_at": t.created_at.isoformat()}
            for t in user.api_tokens.all()
        ],
        "activity": [
            {
                "when": e.timestamp.isoformat(),
                "action": e.get_action_display(),
                "object": f"{e.content_type.app_label}.{e.content_type.model}#{e.object_pk}",
            }
            for e in entries
        ],
    }


@transaction.atomic
def personal_data_delete(user: User) -> None:
    """Erases the person: their contact records go, the account is anonymised and closed.

    The account row stays (anonymised) so that audit entries keep pointing at "a deleted user"
    rather than disappearing, which the hub's reporting needs.
    """
    for section in PERSONAL_DATA:
        section.erase(user)
    user.api_tokens.all().delete()
    Invitation.objects.filter(email=user.email, accepted_at__isnull=True).delete()
    user.email = f"deleted-{user.pk}-{secrets.token_hex(4)}@deleted.invalid"
    user.name = _("deleted user")
    user.phone = ""
    user.is_active = False
    user.company = None
    user.hub = None
    user.is_company_owner = False
    user.set_unusable_password()
    user.save()
