from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import PasswordResetForm, SetPasswordForm
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from accounts.password_reset import may_reset, request_mails
from accounts.two_factor import confirmed_device, verify
from razon.forms import PlainLabelsMixin


class TokenField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Code uit je authenticator-app"))
        kwargs.setdefault("max_length", 8)
        kwargs.setdefault(
            "widget",
            forms.TextInput(
                attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "size": 8}
            ),
        )
        super().__init__(**kwargs)


class LoginForm(PlainLabelsMixin, AdminAuthenticationForm):
    """The admin's login: user name and password, and the six-digit code for whoever has set
    up two-factor authentication. Without the right code the login fails exactly as with a
    wrong password (the same message, counted as a failed login by django-axes), so the
    answer never tells whether the password was right."""

    error_messages = {
        **AdminAuthenticationForm.error_messages,
        "invalid_login": _(
            "Vul de juiste gebruikersnaam en het juiste wachtwoord in, en de code uit je "
            "authenticator-app als je tweestapsverificatie gebruikt. Let op hoofdletters."
        ),
    }

    otp_token = TokenField(
        required=False,
        help_text=_("Alleen als je tweestapsverificatie hebt ingesteld."),
    )

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        device = confirmed_device(user)
        if device is None:
            return
        token = self.cleaned_data.get("otp_token")
        if not (token and verify(device, token)):
            user_login_failed.send(
                sender=__name__,
                credentials={"username": user.get_username()},
                request=self.request,
            )
            raise self.get_invalid_login_error()
        # django_otp marks the session as verified when the login goes through.
        user.otp_device = device


class TokenForm(PlainLabelsMixin, forms.Form):
    otp_token = TokenField()

    def __init__(self, *args, device, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_otp_token(self):
        token = self.cleaned_data["otp_token"]
        if not verify(self.device, token):
            raise ValidationError(
                _("Deze code klopt niet. Vul de code in die de app nu toont."),
                code="invalid_token",
            )
        return token


class StaffPasswordResetForm(PlainLabelsMixin, PasswordResetForm):
    """Django's form for a forgotten password, for staff only, and without sending: `save`
    records the mail each account is owed and the mail worker sends it."""

    email = forms.EmailField(
        label=_("E-mailadres"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def get_users(self, email):
        return (user for user in super().get_users(email) if may_reset(user))

    def save(self, **kwargs):
        # Django's keyword arguments (templates, domain, token generator) are for a mail sent
        # here; ours is built by the worker (accounts/password_reset.py).
        request_mails(self.get_users(self.cleaned_data["email"]))


class StaffSetPasswordForm(PlainLabelsMixin, SetPasswordForm):
    """Django's form for the new password, with labels like every other form here."""
