"""The command line's own words, help and parse errors, in the language the user chose.

Typer and click write their help and their parse errors in English, and parse before any command
could read ``--lang``. So the language is chosen from the raw arguments first (``chosen_language``):
``--lang X`` wherever it stands, else ``lang`` in the config file (``--config FILE``, else
./rekruttering.toml), else bokmål. ``localise`` then puts every command's help, its parameters'
help and placeholders in that language (the texts are in ``words/helptexts.py``), ``Speaking`` writes
click's own words (Usage, Options, [required]) in it, and ``words/usage.py`` says click's parse
errors in it. Cheap to import: ``--help`` loads this, the help texts and typer, nothing more.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from typer.core import TyperArgument, TyperOption

from rekruttering.words.helptexts import HELP, Lang, help_text, metavar, option_key

if TYPE_CHECKING:
    from typer._click import Command, Context, HelpFormatter

CONFIG_NAME = "rekruttering.toml"  # as config.CONFIG_NAME, which would import pydantic


class _Spoken:
    """The language of the help and parse errors of the command line running now (one at a time)."""

    lang: Lang = "nb"


def spoken() -> Lang:
    return _Spoken.lang


def _language(value: str | None) -> Lang | None:
    return "en" if value == "en" else "nb" if value == "nb" else None


def chosen_language(args: Sequence[str]) -> Lang:
    """The language asked for by ``--lang`` in ``args`` (the last one given), else by the config file, else nb."""
    chosen: Lang | None = None
    config: str | None = None
    words = iter(args)
    for word in words:
        if word == "--":  # what follows is arguments, not options
            break
        name, equals, value = word.partition("=")
        if name not in ("--lang", "--config"):
            continue
        given = value if equals else next(words, None)
        if name == "--lang":
            chosen = _language(given) or chosen
        else:
            config = given
    if chosen is not None:
        return chosen
    return configured_language(Path(config) if config else None) or "nb"


def configured_language(path: Path | None) -> Lang | None:
    """``lang`` in a config file (None: ./rekruttering.toml); None when there is no such file, or it cannot be
    read (the command will say why)."""
    try:
        path = path or Path.cwd() / CONFIG_NAME
        if not path.is_file():
            return None
        import tomllib

        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):  # TOMLDecodeError is a ValueError
        return None
    value = data.get("lang")
    return _language(value) if isinstance(value, str) else None


def _usage_placeholders(command: Command, lang: Lang) -> None:
    """[OPTIONS] and COMMAND [ARGS]... in the usage line."""
    if command.options_metavar:
        command.options_metavar = help_text("click.options_metavar", lang)
    if hasattr(command, "subcommand_metavar"):
        command.subcommand_metavar = help_text("click.command_metavar", lang)


def localise(command: Command, lang: Lang, path: str = "main") -> None:
    """Give ``command`` and its sub-commands their help and placeholders in ``lang`` (``path``: "rules.show")."""
    key = f"command.{path}"
    if key in HELP:
        command.help = help_text(key, lang)
    if f"{key}.short" in HELP:
        command.short_help = help_text(f"{key}.short", lang)
    _usage_placeholders(command, lang)
    for param in command.params:
        found = option_key(path, param.name or "")
        if found is not None and isinstance(param, TyperOption | TyperArgument):
            param.help = help_text(found, lang)
        if param.metavar:
            param.metavar = metavar(param.metavar, lang)
    subcommands: dict[str, Command] = getattr(command, "commands", {})
    for name, subcommand in subcommands.items():
        localise(subcommand, lang, name if path == "main" else f"{path}.{name}")


def _extras(given: str, record: str, lang: Lang) -> str:
    """The help of a parameter with click's "[required]" and "[default: x]" after it in ``lang``."""
    if not record.startswith(given):
        return record
    rest = record[len(given):].strip()
    if not (rest.startswith("[") and rest.endswith("]")):
        return record
    items = []
    for item in rest[1:-1].split("; "):
        if item == "required":
            item = help_text("click.required", lang)
        elif item.startswith("default: "):
            item = help_text("click.default", lang, default=item.removeprefix("default: "))
        items.append(item)
    said = "[" + "; ".join(items) + "]"
    return f"{given}  {said}" if given else said


class Speaking:
    """A command whose usage line, section titles and help option speak the chosen language (mixed into
    typer's command and group classes, before them), and which, run as the program, says click's parse
    errors in it: one message on stderr, exit code 2, no traceback."""

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True, windows_expand_args: bool = True,
             **extra: Any) -> Any:
        from typer._click.exceptions import ClickException, NoArgsIsHelpError
        from typer.exceptions import Abort

        lang = chosen_language(sys.argv[1:] if args is None else args)
        before, _Spoken.lang = _Spoken.lang, lang
        localise(self, lang)  # type: ignore[arg-type]
        try:
            # not standalone, so that click's errors come here rather than being printed in English
            code = super().main(args, prog_name, complete_var, False, windows_expand_args,  # type: ignore[misc]
                                **extra)
        except NoArgsIsHelpError as error:  # the help (already in the language), on stderr
            if not standalone_mode:
                raise
            error.show()
            sys.exit(error.exit_code)
        except ClickException as error:
            if not standalone_mode:
                raise
            from rekruttering.words.usage import say_usage_error

            print(say_usage_error(error, lang), file=sys.stderr)
            sys.exit(error.exit_code)
        except Abort:
            if not standalone_mode:
                raise
            from rekruttering.words.catalogue import text

            print(text("cli.aborted", lang), file=sys.stderr)
            sys.exit(1)
        finally:
            _Spoken.lang = before
        if not standalone_mode:
            return code
        sys.exit(code if isinstance(code, int) else 0)  # an Exit's code; a command that returned: 0

    def get_help_option(self, ctx: Context) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = help_text("option.help", spoken())
        return option

    def format_usage(self, ctx: Context, formatter: HelpFormatter) -> None:
        pieces: list[str] = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=help_text("click.usage", spoken()))

    def write_parameters(self, ctx: Context, formatter: HelpFormatter) -> None:
        """The Arguments (named by their placeholder, FILE...) and Options sections."""
        lang = spoken()
        arguments, options = [], []
        for param in self.get_params(ctx):  # type: ignore[attr-defined]
            record = param.get_help_record(ctx)
            if record is None:
                continue
            name, said = record[0], _extras(param.help or "", record[1], lang)
            if param.param_type_name == "argument":
                arguments.append((param.metavar or (param.name or "").upper(), said))
            else:
                options.append((name, said))
        for title, rows in (("click.arguments", arguments), ("click.options", options)):
            if rows:
                with formatter.section(help_text(title, lang)):
                    formatter.write_dl(rows)

    def write_commands(self, ctx: Context, formatter: HelpFormatter) -> None:
        """The Commands section: each visible sub-command with its short help."""
        commands: dict[str, Command] = getattr(self, "commands", {})
        shown = [(name, command) for name, command in commands.items() if not command.hidden]
        if not shown:
            return
        limit = formatter.width - 6 - max(len(name) for name, _ in shown)
        with formatter.section(help_text("click.commands", spoken())):
            formatter.write_dl([(name, command.get_short_help_str(limit)) for name, command in shown])
