"""E-mails of identity: invitations to join a firm."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils.translation import gettext as _

from platform_.identity.models import FirmInvitation


def send_invitation(invitation: FirmInvitation) -> None:
    link = settings.SITE_URL.rstrip("/") + reverse("identity:invitation-accept", args=[invitation.token])
    send_mail(
        subject=_("You are invited to join %(firm)s") % {"firm": invitation.firm.name},
        message=_("%(inviter)s invites you to join %(firm)s on Virtual Clusters.\n\nAccept: %(link)s")
        % {"inviter": invitation.invited_by, "firm": invitation.firm.name, "link": link},
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[invitation.email],
    )
