from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "netcompanion.accounts"
    label = "accounts"
    verbose_name = "Accounts"
