"""Rows of live collaboration: chat messages, read marks for unread counts, and co-edited documents."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ChatMessage(models.Model):
    """One chat message in a room; ``client_id`` (chosen by the sender's browser) makes resending safe."""

    # No single-column indexes: ``chat_room_latest`` (room, -id) serves every lookup by room, and
    # the (author, client id) constraint every lookup by author; each index is written per message.
    room = models.CharField(_("room"), max_length=64)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="chat_messages",
        verbose_name=_("author"),
        db_index=False,
    )
    client_id = models.CharField(_("client id"), max_length=64)
    body = models.TextField(_("message"))
    body_html = models.TextField(_("message (rendered)"))
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("chat message")
        verbose_name_plural = _("chat messages")
        constraints = [
            models.UniqueConstraint(fields=["author", "client_id"], name="chat_message_client_id_once"),
        ]
        indexes = [models.Index(fields=["room", "-id"], name="chat_room_latest")]

    def __str__(self) -> str:
        return f"{self.room} #{self.pk}"


class RoomReadMark(models.Model):
    """The last message a person has read in a room: what is after it is unread."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    room = models.CharField(_("room"), max_length=64)
    last_read_id = models.BigIntegerField(_("last read message"), default=0)

    class Meta:
        verbose_name = _("read mark")
        verbose_name_plural = _("read marks")
        constraints = [models.UniqueConstraint(fields=["user", "room"], name="read_mark_once_per_room")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.room} {self.last_read_id}"


class SharedDocument(models.Model):
    """A co-edited Yjs document: a compacted snapshot plus the updates received since."""

    name = models.CharField(_("document"), max_length=100, unique=True)
    snapshot = models.BinaryField(_("snapshot"), default=b"")
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("shared document")
        verbose_name_plural = _("shared documents")

    def __str__(self) -> str:
        return self.name


class DocumentUpdate(models.Model):
    """One Yjs update as received, kept until compaction folds it into the snapshot."""

    document = models.ForeignKey(SharedDocument, on_delete=models.CASCADE, related_name="updates")
    data = models.BinaryField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("document update")
        verbose_name_plural = _("document updates")

    def __str__(self) -> str:
        return f"{self.document_id} #{self.pk}"
