"""Click's parse errors (an unknown option, a missing argument, a bad value) said in the chosen language.

Click raises them in English before any command runs. Each common one is said anew from the
catalogue, naming the option, argument or command; any other keeps click's own text after a
catalogue sentence, so that nothing it says is lost. A line pointing to ``-h`` follows.
"""

from __future__ import annotations

import ast
import re
from enum import Enum
from typing import TYPE_CHECKING, Any

from typer._click.exceptions import (
    BadOptionUsage,
    BadParameter,
    ClickException,
    MissingParameter,
    NoSuchOption,
    UsageError,
)

from rekruttering.words.catalogue import text
from rekruttering.words.helptexts import metavar

if TYPE_CHECKING:
    from rekruttering.words.catalogue import Lang

_NO_SUCH_COMMAND = re.compile(r"^No such command (?P<name>'.*'|\".*\")\.(?: Did you mean (?P<hints>.+)\?)?$", re.S)
_EXTRA = re.compile(r"^Got unexpected extra argument\(s\) \((?P<args>.*)\)$", re.S)
_REQUIRES_ONE = re.compile(r"^Option .+ requires an argument\.$", re.S)
_NO_VALUE = re.compile(r"^Option .+ does not take a value\.$", re.S)


def say_usage_error(error: ClickException, lang: Lang) -> str:
    """The error as one message in ``lang``, with a line naming the help of the command it was in."""
    message = _message(error, lang)
    ctx = getattr(error, "ctx", None)
    if ctx is not None and ctx.command.get_help_option(ctx) is not None:
        message += "\n" + text("cli.hint", lang, help=f"{ctx.command_path} {ctx.help_option_names[0]}")
    return message


def _message(error: ClickException, lang: Lang) -> str:
    if isinstance(error, NoSuchOption):
        said = text("cli.no_such_option", lang, option=error.option_name)
        return _did_you_mean(said, sorted(error.possibilities or ()), lang)
    if isinstance(error, MissingParameter) and error.param is not None:
        param = error.param
        if param.param_type_name == "argument":
            return text("cli.missing_argument", lang, name=metavar(param.metavar or (param.name or "").upper(), lang))
        return text("cli.missing_option", lang, option=_option_name(param))
    if isinstance(error, BadParameter) and not isinstance(error, MissingParameter) and error.param is not None:
        return _bad_value(error, lang)
    if isinstance(error, BadOptionUsage):
        if _REQUIRES_ONE.match(error.message):
            return text("cli.needs_value", lang, option=error.option_name)
        if _NO_VALUE.match(error.message):
            return text("cli.takes_no_value", lang, option=error.option_name)
    if type(error) is UsageError:
        found = _NO_SUCH_COMMAND.match(error.message)
        if found:
            said = text("cli.no_such_command", lang, command=ast.literal_eval(found["name"]))
            return _did_you_mean(said, re.findall(r"'([^']*)'", found["hints"] or ""), lang)
        found = _EXTRA.match(error.message)
        if found:
            extra = list(error.ctx.args) if error.ctx is not None and error.ctx.args else found["args"].split()
            return text("cli.extra_arguments", lang, count=len(extra), arguments=" ".join(extra))
        if error.message == "Missing command.":
            return text("cli.missing_command", lang)
    return text("cli.other", lang, detail=error.format_message())


def _did_you_mean(said: str, names: list[str], lang: Lang) -> str:
    return f"{said} {text('cli.did_you_mean', lang, names=', '.join(names))}" if names else said


def _option_name(param: Any) -> str:
    """The option's long name (--format rather than -f), or its placeholder if it is an argument."""
    names = [name for name in param.opts if name.startswith("--")] or list(param.opts)
    return str(names[0]) if names else str(param.metavar or param.name)


def _bad_value(error: BadParameter, lang: Lang) -> str:
    """A value the option cannot take: the value, and the values it can take or what a value must be."""
    param = error.param
    name = _option_name(param) if param is not None and param.param_type_name == "option" else \
        metavar(str(getattr(param, "metavar", None) or getattr(param, "name", "")), lang)
    from pydantic import ValidationError  # typer coerces every value with pydantic

    cause = error.__cause__
    items = cause.errors() if isinstance(cause, ValidationError) else []
    if not items:
        return text("cli.bad_value_other", lang, option=name, detail=error.message)
    item = items[0]
    value = str(item.get("input", ""))
    choices = getattr(getattr(param, "type_descriptor", None), "choices", None)
    if choices:
        allowed = ", ".join(str(c.value if isinstance(c, Enum) else c) for c in choices)
        return text("cli.unknown_value", lang, option=name, value=value, allowed=allowed)
    from rekruttering.config import invalid_value

    return text("cli.bad_value", lang, option=name, value=value, reason=invalid_value(item, lang))
