"""Messages kept as a translatable key with parameters, rendered in each reader's language.

A notification is read by people of either language, often long after it was written and
after its reader has switched language, so it is stored as the English source string (the
gettext message id) with its parameters, never as text in the writer's language. Parameters
that are themselves language-dependent (a cluster's bilingual name, an enum label) are
captured once in every language the platform speaks, because the rows they came from may
change or disappear before the notification is read.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from django.conf import settings
from django.utils import translation
from django.utils.functional import Promise, lazy
from django.utils.translation import gettext


def _languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def _call(fn: Callable[[], object]) -> str:
    return str(fn())


_lazy_call = lazy(_call, str)


def per_language(fn: Callable[[], object]) -> Any:
    """A parameter evaluated in each language: ``per_language(lambda: cluster.name)``."""
    return _lazy_call(fn)


def reader_language(user: Any) -> str:
    """The language a person reads in: their stored preference, else the platform's default."""
    chosen = getattr(user, "language", "") or ""
    return chosen if chosen in _languages() else settings.LANGUAGE_CODE


class Message:
    """``Message("%(firm)s applied to join %(cluster)s", firm=..., cluster=per_language(...))``.

    ``key`` is the untranslated source string; mark it with ``gettext_noop`` where it is written
    so the catalogues know it. Parameters may be plain values, lazy translations or
    ``per_language(...)``.
    """

    def __init__(self, key: str, /, **params: Any) -> None:
        self.key = str(key)
        self.params: Mapping[str, Any] = params
        self.tail = ""

    def followed_by(self, text: str) -> Message:
        """The message and then a person's own words (a reason, feedback), which are never translated."""
        message = Message(self.key, **self.params)
        message.tail = text
        return message

    def as_data(self) -> dict[str, Any]:
        """The stored form: the key and every parameter as text, per language where it differs."""
        stored: dict[str, Any] = {"key": self.key, "params": self._params()}
        if self.tail:
            stored["tail"] = self.tail
        return stored

    def _params(self) -> dict[str, Any]:
        params: dict[str, Any] = {}
        for name, value in self.params.items():
            if isinstance(value, Promise):
                texts = {}
                for code in _languages():
                    with translation.override(code):
                        texts[code] = str(value)
                params[name] = texts if len(set(texts.values())) > 1 else next(iter(texts.values()))
            else:
                params[name] = value if isinstance(value, int | float) else str(value)
        return params


def render(stored: Mapping[str, Any] | None, *, fallback: str = "", language: str | None = None) -> str:
    """The stored message in ``language`` (the active one when None); ``fallback`` if none is stored."""
    if not stored or "key" not in stored:
        return fallback
    code = language or translation.get_language() or settings.LANGUAGE_CODE
    with translation.override(code):
        params = {name: _param(value, code) for name, value in (stored.get("params") or {}).items()}
        text = gettext(stored["key"])
        try:
            text = text % params if params else text
        except (KeyError, ValueError, TypeError):  # a catalogue entry that lost a placeholder
            text = stored["key"] % params if params else stored["key"]
    tail = stored.get("tail") or ""
    return f"{text}\n{tail}" if tail else text


def _param(value: Any, code: str) -> Any:
    if isinstance(value, dict):
        return value.get(code) or value.get(settings.LANGUAGE_CODE) or next(iter(value.values()), "")
    return value
