"""Old addresses keep working: when a published item's web address (slug) changes, its old
path is recorded as a SlugRedirect, and a request that would end in "not found" on that path
is sent on to the item's current page with a permanent (301) redirect.

Works for every Publishable with `get_absolute_url`, without the apps registering anything:
the model remembers the state it was loaded with (`Publishable.from_db`) and a post_save
receiver compares addresses. A live page always wins: the redirect is only looked up when
the address itself answers 404, so a new item that takes an old slug is simply shown."""

import copy

from django.contrib.contenttypes.models import ContentType
from django.db.models import DEFERRED
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.http import HttpResponsePermanentRedirect
from django.utils import timezone

from razon.models import Publishable, PublishStatus, SlugRedirect


def _was_published(state):
    publish_at = state.get("publish_at")
    return state.get("status") == PublishStatus.PUBLISHED and (
        publish_at is None or publish_at <= timezone.now()
    )


def _url_with(instance, state):
    """The item's address with the values it was loaded with."""
    before = copy.copy(instance)
    for name, value in state.items():
        if name in {"slug", "is_main"}:
            setattr(before, name, value)
    return before.get_absolute_url()


@receiver(post_save, dispatch_uid="razon.redirects.record")
def record_old_address(sender, instance, created, raw=False, **kwargs):
    if raw or created or not isinstance(instance, Publishable):
        return
    if not hasattr(instance, "get_absolute_url"):
        return
    state = getattr(instance, "_loaded_state", None)
    if state is None or state.get("slug", DEFERRED) is DEFERRED:
        return
    new_path = instance.get_absolute_url()
    old_path = _url_with(instance, state)
    content_type = ContentType.objects.get_for_model(instance)
    if old_path != new_path and _was_published(state):
        SlugRedirect.objects.update_or_create(
            old_path=old_path,
            defaults={"content_type": content_type, "object_id": instance.pk},
        )
    if old_path != new_path:
        # The item is back at an address it once had: that address is no longer a redirect.
        SlugRedirect.objects.filter(
            old_path=new_path, content_type=content_type, object_id=instance.pk
        ).delete()
    # The next save of this instance compares with what is in the database now.
    instance._loaded_state = {**state, "slug": instance.slug, "status": instance.status}
    instance._loaded_state["publish_at"] = instance.publish_at
    if "is_main" in state:
        instance._loaded_state["is_main"] = instance.is_main


class SlugRedirectMiddleware:
    """Turns a 404 on an old address into a 301 to the item's current page, if the item is
    still published. Costs nothing for pages that are found."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in {"GET", "HEAD"}:
            return response
        redirect = (
            SlugRedirect.objects.filter(old_path=request.path)
            .select_related("content_type")
            .first()
        )
        if redirect is None:
            return response
        model = redirect.content_type.model_class()
        target = model and model.objects.published().filter(pk=redirect.object_id).first()
        if target is None or target.get_absolute_url() == request.path:
            return response
        query = request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(
            target.get_absolute_url() + (f"?{query}" if query else "")
        )
