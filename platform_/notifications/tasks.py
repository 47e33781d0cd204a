"""E-mailing notifications to the people who asked for it."""

from __future__ import annotations

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail

from platform_.notifications.models import Notification


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def deliver_notifications(ids: list[int]) -> int:
    """E-mail each notification whose recipient wants e-mail; safe to run twice (marks data.emailed)."""
    sent = 0
    for note in Notification.objects.filter(pk__in=ids).select_related("recipient"):
        if not note.recipient.email_notifications or note.data.get("emailed"):
            continue
        link = settings.SITE_URL.rstrip("/") + note.url if note.url else ""
        send_mail(note.title, f"{note.body}\n\n{link}".strip(), settings.DEFAULT_FROM_EMAIL, [note.recipient.email])
        note.data = {**note.data, "emailed": True}
        Notification.objects.filter(pk=note.pk).update(data=note.data)
        sent += 1
    return sent
