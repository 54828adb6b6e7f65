from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest


class AccountAdapter(DefaultAccountAdapter):
    """Open sign-up is off: people join by a hub's import or a company owner's invitation."""

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return False
