from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Agenda")

    def ready(self):
        from django.db.models.functions import Coalesce, Greatest

        from events.related import events_of
        from razon import related

        related.register("organization", events_of)

        from events.models import Event, Registration, RegistrationStatus
        from events.personal_data import describe_registration
        from events.search import event_search_text
        from events.services import erase_registrations, send_registration_mail
        from razon import mail, pagecache, personal_data, search

        # Only a confirmed registration takes a seat, and the event's pages show how many
        # are left: a registration changes them only when it takes or frees one. One waiting
        # for confirmation, on the waiting list, or set aside as spam changes nothing public,
        # nor does a save that leaves it as it was (an address registered again: refreshing
        # then would tell by its timing that the address was registered).
        pagecache.register(
            Registration,
            "seats:{obj.event.slug}",
            shown_if={"status": RegistrationStatus.CONFIRMED},
            counted=True,
        )
        search.register(Event, "bijeenkomst", event_search_text)
        mail.register(
            "registration mails",
            owed=Registration.objects.awaiting_mail,
            send=send_registration_mail,
            attempts_field="mail_attempts",
            error_field="mail_error",
            claim_field="mail_claimed_at",
            # A confirmation or cancellation owes a mail from then on, not from registering.
            since=Greatest(
                "created_at",
                Coalesce("confirmed_at", "created_at"),
                Coalesce("cancelled_at", "created_at"),
            ),
        )
        # A person's registrations and waiting-list places, for the AVG tool (privacy/).
        registrations = Registration.objects.select_related("event").order_by("created_at")
        personal_data.register(
            "registrations",
            label=_("Aanmeldingen"),
            find=lambda address: registrations.for_email(address).exclude(
                status=RegistrationStatus.WAITING
            ),
            describe=describe_registration,
            erase=erase_registrations,
            erasing=_(
                "Voor een komende bijeenkomst wordt de aanmelding eerst afgemeld (de wachtlijst "
                "schuift door); daarna worden naam, e-mailadres, organisatie, functie en vraag "
                "gewist. De aanmelding telt mee in de aantallen."
            ),
        )
        personal_data.register(
            "waiting list",
            label=_("Wachtlijst"),
            find=lambda address: registrations.for_email(address).filter(
                status=RegistrationStatus.WAITING
            ),
            describe=describe_registration,
            erase=erase_registrations,
            erasing=_(
                "Voor een komende bijeenkomst gaat de plaats op de wachtlijst eraf; daarna "
                "worden naam, e-mailadres, organisatie, functie en vraag gewist."
            ),
        )

        from events.exports import AGENDA
        from razon import exports

        exports.register(AGENDA)
