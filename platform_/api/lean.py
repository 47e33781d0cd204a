"""A lean read path for the serializers of wide list endpoints: DRF's output, with less work per row.

DRF's ``Serializer.to_representation`` resolves every field of every row through ``Field.get_attribute``
(a generic walk over dotted sources, mappings and callables). For a model's own columns that walk is
``getattr(row, column)``, for a foreign key shown as its primary key it is ``row.<fk>_id``, and for a model
property or a related row shown by a nested serializer it is ``getattr(row, name)``. ``LeanOutput`` works out
once per serializer instance which fields are such plain reads and does them directly; every other field
(method fields, dotted or callable sources, fields with their own walk) goes through DRF unchanged, so the
JSON is the same either way. A serializer may also name per-field functions in ``lean_fields`` for the
fields it knows a cheaper way to compute (``{"province_name": lambda row: ...}``). Aware datetime columns of
plain ISO 8601 ``DateTimeField``s are converted to the request's time zone directly, as the field converts them.
"""

from __future__ import annotations

import copy
import inspect
from collections.abc import Callable
from datetime import tzinfo
from typing import Any

from django.core.exceptions import FieldDoesNotExist, ObjectDoesNotExist
from django.db.models import QuerySet
from django.utils.functional import cached_property
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import ISO_8601, serializers
from rest_framework.fields import Field, SkipField
from rest_framework.relations import PKOnlyObject, PrimaryKeyRelatedField
from rest_framework.settings import api_settings
from rest_framework.utils.serializer_helpers import BindingDict

# (output name, column to read or None, the field to call, a lean function or None, an aware-datetime
# column rendered in this time zone or None, an attribute to read (a property, a related row) or None)
_Step = tuple[str, str | None, Field, Callable[[Any], Any] | None, tzinfo | None, str | None]


def _plain_datetime_zone(field: Field) -> tzinfo | None:
    """The zone a DateTimeField renders aware values in, if it renders them as plain ISO 8601 strings."""
    if type(field) is not serializers.DateTimeField or hasattr(field, "timezone"):
        return None
    output_format = getattr(field, "format", api_settings.DATETIME_FORMAT)
    if not isinstance(output_format, str) or output_format.lower() != ISO_8601:
        return None
    return field.default_timezone()


def _column_of(model: type | None, field: Field, source: str | None = None) -> str | None:
    """The attribute holding the field's value on a row, if it is a plain column (or a foreign key's id)."""
    source = field.source if source is None else source
    if model is None or source is None or source == "*" or "." in source:
        return None
    try:
        model_field = model._meta.get_field(source)  # type: ignore[attr-defined]
    except FieldDoesNotExist:
        return None
    if not getattr(model_field, "concrete", False) or model_field.many_to_many:
        return None
    if model_field.is_relation:
        if (
            isinstance(field, PrimaryKeyRelatedField)
            and field.pk_field is None
            and model_field.many_to_one
            and model_field.target_field.primary_key
        ):
            return model_field.attname
        return None
    return model_field.attname


def _attribute_of(model: type | None, field: Field) -> str | None:
    """The attribute DRF's walk would read for the field, where one ``getattr`` gives the same: a property of
    the model (``name``), or a forward foreign key rendered by a nested serializer (the related row, joined
    by ``select_related``)."""
    source = field.source
    if model is None or not source or source == "*" or "." in source:
        return None
    if type(field).get_attribute is not Field.get_attribute:  # a field with its own walk (relations, methods)
        return None
    try:
        model_field = model._meta.get_field(source)  # type: ignore[attr-defined]
    except FieldDoesNotExist:
        return source if isinstance(inspect.getattr_static(model, source, None), property) else None
    if model_field.many_to_one and isinstance(field, serializers.Serializer):
        return source
    return None


def _fresh(field: Any) -> Field:
    """A new instance of the field, built from the arguments it was made with."""
    return field.__class__(*field._args, **field._kwargs)


def _iso(value: Any, zone: tzinfo, field: Field) -> Any:
    """DateTimeField.to_representation of an aware value: ISO 8601 in the field's zone, "Z" for UTC."""
    try:
        text = value.astimezone(zone).isoformat()
    except OverflowError:
        return field.to_representation(value)  # DRF's own error
    return text[:-6] + "Z" if text.endswith("+00:00") else text


_PLACEHOLDER_PARENT: serializers.Serializer[Any] = serializers.Serializer()
_WALK = object()  # an attribute read that DRF's own walk must redo


class LeanOutput(serializers.Serializer):
    """Mix into an output serializer (before ``ModelSerializer``) to render rows without the generic walk."""

    lean_fields: dict[str, Callable[[Any], Any]] = {}

    def get_fields(self) -> dict[str, Field]:
        """A ModelSerializer builds its fields from the model on every instance; build them once per class."""
        cls = type(self)
        built = cls.__dict__.get("_lean_built_fields")
        if built is None:
            built = super().get_fields()
            cls._lean_built_fields = built  # type: ignore[attr-defined]
        shared = cls.__dict__.get("_lean_shared_fields")
        if shared is None:
            # Fields the lean path renders without them (lean functions) or with only their own settings
            # (plain columns: to_representation reads no parent or context) are shared by every instance.
            model = getattr(getattr(self, "Meta", None), "model", None)
            shared = frozenset(
                name
                for name, field in built.items()
                # Method fields and nested serializers need their own parent (the schema reads it too).
                if not isinstance(field, serializers.SerializerMethodField | serializers.BaseSerializer)
                and (name in self.lean_fields or _column_of(model, field, field.source or name))
            )
            for name in shared:  # bound once, to a placeholder: they never read their parent
                built[name].bind(field_name=name, parent=_PLACEHOLDER_PARENT)
            cls._lean_shared_fields = shared  # type: ignore[attr-defined]
        # Every other field: a fresh instance, as deepcopy gives, without deep-copying querysets and
        # validators (output fields never change them); nested serializers are deep-copied as DRF does.
        return {
            name: field
            if name in shared
            else copy.deepcopy(field)
            if isinstance(field, serializers.BaseSerializer)
            else _fresh(field)
            for name, field in built.items()
        }

    @cached_property
    def fields(self) -> BindingDict:
        """As DRF's, except that the shared fields (bound once for the class) are not bound again."""
        fields = BindingDict(self)
        built = self.get_fields()
        shared = type(self).__dict__.get("_lean_shared_fields", frozenset())
        for name, field in built.items():
            if name in shared:
                fields.fields[name] = field
            else:
                fields[name] = field
        return fields

    def _lean_plan(self) -> list[_Step]:
        plan = self.__dict__.get("_lean_steps")
        if plan is None:
            meta = getattr(self, "Meta", None)
            model = getattr(meta, "model", None)
            plan = []
            for field in self._readable_fields:
                lean = self.lean_fields.get(field.field_name or "")
                column = None if lean is not None else _column_of(model, field)
                zone = _plain_datetime_zone(field) if column is not None else None
                attribute = None if lean is not None or column is not None else _attribute_of(model, field)
                plan.append((field.field_name, column, field, lean, zone, attribute))
            self.__dict__["_lean_steps"] = plan
        return plan

    def to_representation(self, instance: Any) -> dict[str, Any]:
        ret: dict[str, Any] = {}
        for name, column, field, lean, zone, attribute in self._lean_plan():
            if lean is not None:
                ret[name] = lean(instance)
                continue
            if attribute is not None:
                try:
                    value = getattr(instance, attribute)
                except ObjectDoesNotExist:  # a related row gone: None, as DRF's walk gives
                    value = None
                except AttributeError:  # DRF's walk decides (a default, null or the field skipped)
                    value = _WALK
                if value is not _WALK and not callable(value):
                    ret[name] = None if value is None else field.to_representation(value)
                    continue
            if column is not None:
                value = getattr(instance, column)
                if zone is not None and value is not None and value.utcoffset() is not None:
                    ret[name] = _iso(value, zone, field)
                elif isinstance(field, PrimaryKeyRelatedField):
                    ret[name] = value  # the key itself, as DRF's pk-only optimisation gives
                else:
                    ret[name] = None if value is None else field.to_representation(value)
                continue
            try:
                attribute = field.get_attribute(instance)
            except SkipField:
                continue
            check_for_none = attribute.pk if isinstance(attribute, PKOnlyObject) else attribute
            ret[name] = None if check_for_none is None else field.to_representation(attribute)
        return ret


class QueryFilterBackend(DjangoFilterBackend):
    """django-filter's backend, skipped when the query string names none of the view's filters.

    A filter set with no value filters nothing and refuses nothing, but building it costs a deep copy of
    every filter and a form per request; the list endpoints are mostly read unfiltered. (So a filter set
    must never narrow what a caller may see by itself: visibility belongs to the view's queryset.)
    """

    _names: dict[type, frozenset[str]] = {}

    def filter_queryset(self, request: Any, queryset: QuerySet[Any], view: Any) -> QuerySet[Any]:
        names = self._names.get(type(view))
        if names is None:
            filterset_class = self.get_filterset_class(view, queryset)
            names = frozenset(filterset_class.base_filters) if filterset_class is not None else frozenset()
            self._names[type(view)] = names
        if not names.intersection(request.query_params.keys()):
            return queryset
        return super().filter_queryset(request, queryset, view)
