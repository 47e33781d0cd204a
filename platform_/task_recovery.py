"""No orphaned task: a message a dead worker held goes back to its queue within a minute.

With ``acks_late`` the Redis transport keeps each message a worker has taken in the ``unacked`` hash
(and its delivery time in ``unacked_index``) until the task ends. When the worker dies, Kombu hands the
message out again only after the visibility timeout, which stays long (1 h, settings): a message waiting
on a countdown (a webhook retry) is handed out again each time that timeout passes, so a short timeout
multiplies them, and a task longer than it would run twice.

Instead, each worker says who holds what, and that it is alive:

- when the worker's main process receives a message (``task_received``, before any countdown), it
  records the message's delivery tag against its own identity (host, process, a start nonce: a worker
  restarted under the same name is someone else) in ``TASK_HOLDERS_KEY``;
- a thread of that process beats ``worker-alive:<identity>`` every ``TASK_HEARTBEAT_SECONDS`` with a
  time to live of ``TASK_ORPHAN_AFTER_SECONDS``. The thread beats while a task runs (a thread of the
  same process, so a long task never looks dead) and stops with the process.

Beat runs ``sweep_orphaned_tasks`` every ``TASK_ORPHAN_SWEEP_SECONDS``. A message delivered longer ago
than ``TASK_ORPHAN_AFTER_SECONDS`` whose holder is not alive (or never said it held it) becomes a
suspect; a suspect still orphaned ``TASK_ORPHAN_CONFIRM_SECONDS`` later goes back to the head of its
queue (Kombu's own restore: one Redis transaction, so a message acked meanwhile is left alone). The
second look keeps a worker whose beats were held up (Redis unreachable for a moment) from having its
tasks handed out twice. Worst case from the worker's death to the message back in its queue: time to
live + confirmation + one sweep interval, 15 + 10 + 10 s with the defaults.

Every task is safe to run twice (locks or status guards, docs/operations.md): a message restored from a
worker that was only slow would run again, not corrupt anything.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import threading
import time
import uuid
from typing import Any

from celery import shared_task
from celery.signals import task_received, worker_ready, worker_shutdown
from django.conf import settings

from platform_.redis_clients import redis_client

log = logging.getLogger(__name__)

TASK_HOLDERS_KEY = "vc:task-recovery:holders"  # delivery tag -> identity of the worker holding it
TASK_SUSPECTS_KEY = "vc:task-recovery:suspects"  # delivery tag -> when a sweep first found it orphaned
ALIVE_PREFIX = "vc:task-recovery:alive:"


def _seconds(name: str, default: float) -> float:
    return float(getattr(settings, name, default))


def _broker() -> Any:
    return redis_client(settings.CELERY_BROKER_URL)


class _Identity:
    """This worker process's name in the holders' hash, and its heartbeat thread."""

    def __init__(self) -> None:
        self.pid = 0
        self.name = ""
        self.stop = threading.Event()
        self.thread: threading.Thread | None = None
        self.lock = threading.Lock()

    def current(self) -> str:
        with self.lock:
            if self.pid != os.getpid():  # first use in this process (a forked child is someone else)
                self.pid = os.getpid()
                self.name = f"{socket.gethostname()}:{self.pid}:{uuid.uuid4().hex[:8]}"
                self.stop = threading.Event()
                self.thread = None
            if self.thread is None:
                self._beat()  # alive before anyone can find a message it holds
                self.thread = threading.Thread(target=self._run, name="task-recovery-heartbeat", daemon=True)
                self.thread.start()
            return self.name

    def _beat(self) -> None:
        ttl = max(1, round(_seconds("TASK_ORPHAN_AFTER_SECONDS", 15)))
        try:
            _broker().set(ALIVE_PREFIX + self.name, "1", ex=ttl)
        except Exception:  # Redis unreachable: the next beat tries again; sweeps confirm before acting
            log.warning("task recovery: heartbeat not recorded", exc_info=True)

    def _run(self) -> None:
        interval = _seconds("TASK_HEARTBEAT_SECONDS", 5)
        while not self.stop.wait(interval):
            self._beat()

    def retire(self) -> None:
        """A worker shutting down warm gives its messages back itself (Kombu restores them)."""
        self.stop.set()
        if self.name and self.pid == os.getpid():
            try:
                _broker().delete(ALIVE_PREFIX + self.name)
            except Exception:
                log.warning("task recovery: heartbeat not removed", exc_info=True)


_identity = _Identity()


@worker_ready.connect
def _on_worker_ready(**_kwargs: Any) -> None:
    _identity.current()


@worker_shutdown.connect
def _on_worker_shutdown(**_kwargs: Any) -> None:
    _identity.retire()


@task_received.connect
def _on_task_received(request: Any = None, **_kwargs: Any) -> None:
    message = getattr(request, "message", None)
    tag = getattr(message, "delivery_tag", None)
    if tag is None:
        return
    try:
        _broker().hset(TASK_HOLDERS_KEY, str(tag), _identity.current())
    except Exception:  # the message is still recovered: a tag nobody holds counts as orphaned
        log.warning("task recovery: holder of %s not recorded", tag, exc_info=True)


def _text(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value


def _task_name(raw: bytes | None) -> str:
    try:
        payload = json.loads(_text(raw or b"[{}]"))[0]
        return str(payload.get("headers", {}).get("task", "?"))
    except (ValueError, IndexError, AttributeError):
        return "?"


def tasks_orphaned_restore(*, now: float | None = None) -> list[str]:
    """Put back in their queues the messages whose worker is gone; the delivery tags restored."""
    from platform_.celery import app

    now = time.time() if now is None else now
    with app.connection_for_write() as connection:
        channel: Any = connection.default_channel
        return _restore(channel.qos, _broker(), now)  # Kombu's Redis transport: its keys and its restore


def _restore(qos: Any, client: Any, now: float) -> list[str]:
    after = _seconds("TASK_ORPHAN_AFTER_SECONDS", 15)
    confirm = _seconds("TASK_ORPHAN_CONFIRM_SECONDS", 10)
    delivered = {_text(tag): at for tag, at in client.zrange(qos.unacked_index_key, 0, -1, withscores=True)}

    # Forget what no longer waits: tags acked since (or restored by Kombu itself).
    for key in (TASK_HOLDERS_KEY, TASK_SUSPECTS_KEY):
        gone = [tag for tag in map(_text, client.hkeys(key)) if tag not in delivered]
        if gone:
            client.hdel(key, *gone)

    old = [tag for tag, at in delivered.items() if now - at >= after]
    if not old:
        client.delete(TASK_SUSPECTS_KEY)
        return []
    holders = {tag: _text(h) if h else None for tag, h in zip(old, client.hmget(TASK_HOLDERS_KEY, old), strict=True)}
    names = sorted({h for h in holders.values() if h})
    alive = dict(zip(names, client.mget([ALIVE_PREFIX + n for n in names]), strict=True)) if names else {}
    orphaned = [tag for tag in old if not alive.get(holders[tag] or "")]
    suspected = dict(zip(orphaned, client.hmget(TASK_SUSPECTS_KEY, orphaned), strict=True)) if orphaned else {}
    # A tag whose holder came back to life is no longer suspect.
    cleared = [tag for tag in map(_text, client.hkeys(TASK_SUSPECTS_KEY)) if tag not in suspected]
    if cleared:
        client.hdel(TASK_SUSPECTS_KEY, *cleared)

    restored = []
    for tag in orphaned:
        since = suspected[tag]
        if since is None:
            client.hset(TASK_SUSPECTS_KEY, tag, str(now))
            continue
        if now - float(since) < confirm:
            continue
        name = _task_name(client.hget(qos.unacked_key, tag))
        qos.restore_by_tag(tag, client=client, leftmost=True)  # one transaction: an ack meanwhile wins
        client.hdel(TASK_HOLDERS_KEY, tag)
        client.hdel(TASK_SUSPECTS_KEY, tag)
        log.warning("task recovery: %s (%s) held by %s, who is gone, is back in its queue", name, tag, holders[tag])
        restored.append(tag)
    return restored


@shared_task(name="platform_.task_recovery.sweep_orphaned_tasks", ignore_result=True)
def sweep_orphaned_tasks() -> list[str]:
    return tasks_orphaned_restore()
