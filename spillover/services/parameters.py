"""The model's parameters as the services accept them: stored or submitted data, validated."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from platform_.errors import DomainError
from spillover import model as sm


def parameters_validate(data: dict[str, Any] | None) -> sm.Parameters:
    """The model's parameters from stored or submitted data, refusing weights out of order."""
    try:
        return sm.Parameters.from_dict(data)
    except (sm.InvalidParameters, TypeError, ValueError) as exc:
        raise DomainError(_("Invalid spillover parameters: %(reason)s") % {"reason": exc}, code="invalid") from exc
