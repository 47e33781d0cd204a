"""Database constraints as form errors a person can read: never a constraint's name on a page."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext_lazy as _

GENERIC = _("These values cannot be saved together. Please check the form.")


class ConstraintMessagesMixin:
    """For model forms: ``constraint_messages = {"constraint_name": ("field or None", message)}``.

    Django reports a violated check or unique constraint as "Constraint “name” is violated.";
    this puts the stated message on the stated field instead, and a general sentence for any
    constraint not listed.
    """

    constraint_messages: dict[str, tuple[str | None, Any]] = {}

    def add_error(self, field: str | None, error: Any) -> None:
        if field in (None, NON_FIELD_ERRORS) and isinstance(error, ValidationError) and hasattr(error, "error_dict"):
            kept: dict[str, list[ValidationError]] = {}
            for name, errors in error.error_dict.items():
                for item in errors:
                    target, message = self._constraint_message(item)
                    if message is None:
                        kept.setdefault(name, []).append(item)
                    else:
                        super().add_error(target, ValidationError(message, code="constraint"))  # type: ignore[misc]
            if kept:
                super().add_error(field, ValidationError(kept))  # type: ignore[misc]
            return
        super().add_error(field, error)  # type: ignore[misc]

    def _constraint_message(self, item: ValidationError) -> tuple[str | None, Any]:
        """The mapped field and message of a constraint's violation; (None, None) for other errors."""
        model = getattr(getattr(self, "_meta", None), "model", None)
        for constraint in getattr(getattr(model, "_meta", None), "constraints", []):
            if item.message != constraint.get_violation_error_message():
                continue
            if constraint.name in self.constraint_messages:
                target, message = self.constraint_messages[constraint.name]
                fields: dict[str, forms.Field] = getattr(self, "fields", {})
                return (target if target in fields else None), message
            return None, GENERIC
        return None, None
