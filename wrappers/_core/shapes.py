"""Whether a generated model holds the types its annotations promise.

The generated parsers check that the keys are there, not what they hold:
``total_time = d.pop("total_time")`` takes ``"abc"`` as well as ``0.5``. A body with the
right keys and the wrong types would reach the caller typed as the spec says, and fail
later, far from the call, as a ``TypeError``. ``check`` walks a model (its lists and nested
models too) against the annotations of its attrs fields, once per answer.
"""

from __future__ import annotations

import importlib
import sys
import types
from collections.abc import Callable
from typing import Any, Union, get_args, get_origin, get_type_hints

import attrs

from wrappers._core.calls import Malformed

#: A check of a value: None where it conforms, else where and what it is not.
Check = Callable[[object], str | None]


def check(model: object) -> None:
    """Raise ``Malformed`` where a field of ``model`` holds another type than annotated."""
    problem = _model_problem(model)
    if problem is not None:
        raise Malformed(f"{type(model).__name__}{problem}")


def _model_problem(model: object) -> str | None:
    for name, check_field in _fields(type(model)):
        problem = check_field(getattr(model, name))
        if problem is not None:
            return f".{name}{problem}"
    return None


_FIELDS: dict[type, tuple[tuple[str, Check], ...]] = {}


def _fields(cls: type) -> tuple[tuple[str, Check], ...]:
    """Each field of a model class and the check of its annotation (made once a class)."""
    fields = _FIELDS.get(cls)
    if fields is None:
        # The models name each other under TYPE_CHECKING only: resolve their annotations
        # in the namespace of their package's ``models``, which imports every one of them.
        module = sys.modules[cls.__module__]
        models = importlib.import_module(cls.__module__.rsplit(".", 1)[0])
        hints = get_type_hints(cls, globalns={**vars(module), **vars(models)})
        fields = _FIELDS[cls] = tuple(
            (field.name, _check(hints[field.name]))
            for field in attrs.fields(cls)
            if field.name != "additional_properties"  # what the spec leaves open
        )
    return fields


def _accepting(test: Callable[[object], bool], expected: str) -> Check:
    def check_value(value: object) -> str | None:
        return None if test(value) else f" is {value!r}, not {expected}"

    return check_value


def _one_of(alternatives: tuple[Check, ...], expected: str) -> Check:
    def check_value(value: object) -> str | None:
        if any(alternative(value) is None for alternative in alternatives):
            return None
        return f" is {value!r}, not {expected}"

    return check_value


def _list_of(each: Check) -> Check:
    def check_value(value: object) -> str | None:
        if not isinstance(value, list):
            return f" is {value!r}, not a list"
        for index, item in enumerate(value):
            problem = each(item)
            if problem is not None:
                return f"[{index}]{problem}"
        return None

    return check_value


def _model(cls: type) -> Check:
    def check_value(value: object) -> str | None:
        if not isinstance(value, cls):
            return f" is {value!r}, not {cls.__name__}"
        return _model_problem(value)

    return check_value


def _name(hint: Any) -> str:
    return "None" if hint is type(None) else getattr(hint, "__name__", str(hint))


def _check(hint: Any) -> Check:
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        names = " or ".join(_name(arg) for arg in get_args(hint))
        return _one_of(tuple(_check(arg) for arg in get_args(hint)), names)
    if origin is list:
        (item,) = get_args(hint)
        return _list_of(_check(item))
    if hint is float:  # JSON has one kind of number: 1 is a float too
        return _accepting(lambda v: isinstance(v, int | float) and not isinstance(v, bool), "float")
    if hint is int:
        return _accepting(lambda v: isinstance(v, int) and not isinstance(v, bool), "int")
    if hint is type(None):
        return _accepting(lambda v: v is None, "None")
    if isinstance(hint, type) and attrs.has(hint):
        return _model(hint)
    if isinstance(hint, type):  # str, bool, Unset, an enum
        return _accepting(lambda v: isinstance(v, hint), hint.__name__)
    return lambda value: None  # Any, an open dict: the spec does not say
