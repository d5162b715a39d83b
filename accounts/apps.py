from axes.apps import AppConfig as AxesConfig
from django.apps import AppConfig
from django.contrib.auth.apps import AuthConfig
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.apps import DefaultConfig as TOTPConfig


class AccountsConfig(AppConfig):
    default = True  # the module also holds the two configurations below
    name = "accounts"
    verbose_name = _("Gebruikers en inloggen")

    def ready(self):
        from accounts.models import PasswordResetMail
        from accounts.password_reset import send_password_reset_mail
        from razon import mail

        mail.register(
            "password reset mails",
            owed=PasswordResetMail.objects.awaiting_mail,
            send=send_password_reset_mail,
            attempts_field="mail_attempts",
            error_field="mail_error",
            claim_field="mail_claimed_at",
            since="requested_at",
        )


class LoginProtectionConfig(AxesConfig):
    """django-axes (the lockout after failed logins) under a Dutch name in the admin; its
    models' names are Dutch through locale/nl."""

    verbose_name = _("Inlogbeveiliging")


class TwoFactorConfig(TOTPConfig):
    """django-otp's authenticator apps under Dutch names in the admin."""

    verbose_name = _("Tweestapsverificatie")

    def ready(self):
        super().ready()
        # django-otp names its model in English without gettext, so no catalogue can
        # translate it. Meta's original options (what migrations compare) stay untouched.
        device = self.get_model("TOTPDevice")
        device._meta.verbose_name = _("authenticator-app")
        device._meta.verbose_name_plural = _("authenticator-apps")


class UsersAndRolesConfig(AuthConfig):
    """Django's users and groups under plain Dutch names in the admin: the groups are the
    roles of razon/roles.py (only superusers see them; a Projectleider sees the users)."""

    verbose_name = _("Gebruikers en rollen")

    def ready(self):
        super().ready()
        # Meta's original options (what migrations compare) stay untouched.
        group = self.get_model("Group")
        group._meta.verbose_name = _("rol")
        group._meta.verbose_name_plural = _("rollen")
