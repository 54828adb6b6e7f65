from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "dxhub.accounts"
    label = "accounts"
