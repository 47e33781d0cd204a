"""E-mailing notifications to the people who asked for it."""

from __future__ import annotations

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.utils import translation
from django.utils.translation import gettext

from platform_.notifications.messages import reader_language
from platform_.notifications.models import Notification


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def deliver_notifications(ids: list[int]) -> int:
    """E-mail each notification whose recipient wants e-mail, in the recipient's language.

    Safe to run twice (marks data.emailed).
    """
    sent = 0
    for note in Notification.objects.filter(pk__in=ids).select_related("recipient"):
        if not note.recipient.email_notifications or note.data.get("emailed"):
            continue
        language = reader_language(note.recipient)
        link = settings.SITE_URL.rstrip("/") + note.url if note.url else ""
        with translation.override(language):
            subject = f"[{gettext('Virtual Clusters')}] {note.title_in(language)}"
            footer = gettext("You receive this e-mail because you asked Virtual Clusters to e-mail you notifications.")
        text = f"{note.body_in(language)}\n\n{link}".strip() + f"\n\n-- \n{footer}"
        send_mail(subject, text, settings.DEFAULT_FROM_EMAIL, [note.recipient.email])
        note.data = {**note.data, "emailed": True}
        Notification.objects.filter(pk=note.pk).update(data=note.data)
        sent += 1
    return sent
