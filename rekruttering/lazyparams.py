"""Typer's value coercion, built only for the options that were given.

Typer (0.29 and later) coerces every parameter's value with a pydantic ``TypeAdapter``, and builds it
the first time the parameter is processed, given or not. So ``rekruttering check --help`` imported
pydantic (about 0.2 s) to coerce the group's three absent flags, and a ``check`` run built some
twenty adapters for options left at their default. An absent value needs no adapter: typer's own
``RuntimeParam.coerce`` returns ``None`` (or ``()``) for it before the adapter is used. ``defer``
gives each parameter a stand-in that builds typer's own coercion at the first value it has to
coerce, so what a given value becomes, and every error message, is typer's.

This leans on two typer internals (``_TyperParameter._runtime_param`` and
``typer._coercion.build_runtime_param``); with a typer that has neither, ``defer`` does nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

try:
    from typer._coercion import RuntimeParam, build_runtime_param
except ImportError:  # an older or newer typer: coercion stays as typer does it
    RuntimeParam = None  # type: ignore[assignment,misc]


if RuntimeParam is not None:

    @dataclass(frozen=True)
    class _Deferred(RuntimeParam):
        """Builds typer's coercion for the parameter when there is a value to coerce, then uses it."""

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            real = build_runtime_param(param.type_descriptor)
            param._runtime_param = real
            return real._coerce_value(value, param=param, ctx=ctx)


def defer(params: Iterable[Any]) -> None:
    """Give every typer parameter whose coercion is not built yet the deferred stand-in."""
    if RuntimeParam is None:
        return
    for param in params:
        if getattr(param, "_runtime_param", False) is None and hasattr(param, "type_descriptor"):
            descriptor = param.type_descriptor
            param._runtime_param = _Deferred(parameter_info=descriptor.parameter_info,
                                             annotation=descriptor.annotation)
