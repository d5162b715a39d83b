from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Gebruikers en inloggen")

    def ready(self):
        from accounts.models import PasswordResetMail
        from accounts.password_reset import send_password_reset_mail
        from razon import mail

        mail.register(
            "password reset mails",
            owed=PasswordResetMail.objects.awaiting_mail,
            attempts_field="mail_attempts",
            send=send_password_reset_mail,
        )
