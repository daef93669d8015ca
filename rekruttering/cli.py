"""The command line: parse options, call ``api``, render, write, and choose the exit code.

No rule logic lives here. Everything but typer (pydantic, rich, the catalogue, the readers) is
imported only inside the commands that use it, and typer's pydantic coercion is built only for the
options given (``lazyparams``), so ``--help`` stays fast. Every ``RekrutteringError`` becomes one
message on stderr and exit code 2; so does a parse error of click's, in the chosen language, as the help
is (``cli_language``). Nothing else is caught, so a bug still shows a traceback.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
from typer.core import TyperCommand, TyperGroup

from rekruttering import __version__
from rekruttering.cli_language import Speaking
from rekruttering.errors import EXIT_BAD_INPUT, EXIT_BREACH, EXIT_OK, RekrutteringError, UsageError
from rekruttering.formats import Format, ListFormat
from rekruttering.lazyparams import defer

if TYPE_CHECKING:
    from pydantic import BaseModel
    from rich.console import Console
    from typer._click import Context, HelpFormatter, Parameter

    from rekruttering.api import Options, Readiness
    from rekruttering.checks.pack import RulePack
    from rekruttering.config import Config
    from rekruttering.errors import InputError
    from rekruttering.models import Provenance
    from rekruttering.problems import Problem
    from rekruttering.read.fields import ColumnMap
    from rekruttering.read.join import Inspection
    from rekruttering.render.document import Document
    from rekruttering.words.catalogue import Lang

CONTEXT = {"help_option_names": ["-h", "--help"]}


def text(key: str, lang: Lang, **params: object) -> str:
    """The catalogue's text (``messages.text``), the catalogue loaded at the first message, not for --help."""
    from rekruttering.words.catalogue import text as catalogue_text

    return catalogue_text(key, lang, **params)


def field_labels(fields: Sequence[str], lang: Lang) -> str:
    from rekruttering.words.catalogue import field_labels as labels

    return labels(fields, lang)


def level_label(level: str, lang: Lang) -> str:
    from rekruttering.words.catalogue import level_label as label

    return label(level, lang)


class DeferredGroup(Speaking, TyperGroup):
    """A group whose options build typer's coercion only for a value given (``lazyparams``), and whose help
    and parse errors are in the chosen language (``cli_language``)."""

    def get_params(self, ctx: Context) -> list[Parameter]:
        params = super().get_params(ctx)
        defer(params)
        return params

    def format_options(self, ctx: Context, formatter: HelpFormatter) -> None:
        self.write_parameters(ctx, formatter)
        self.write_commands(ctx, formatter)


class ReadableCommand(Speaking, TyperCommand):
    """A command whose help names its arguments by their metavar (FILE...), never by a Python type."""

    def get_params(self, ctx: Context) -> list[Parameter]:
        params = super().get_params(ctx)
        defer(params)
        return params

    def collect_usage_pieces(self, ctx: Context) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument" and param.metavar:
                pieces.append(param.metavar if param.required else f"[{param.metavar}]")
            else:
                pieces += param.get_usage_pieces(ctx)
        return pieces

    def format_options(self, ctx: Context, formatter: HelpFormatter) -> None:
        self.write_parameters(ctx, formatter)


# The help of every command and parameter is in words/helptexts.py, in bokmål and English, keyed by the
# command and the parameter's name; cli_language.localise puts it in place once the language is known.
app = typer.Typer(
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings=CONTEXT,
    cls=DeferredGroup,
)
rules_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None, context_settings=CONTEXT, cls=DeferredGroup)
app.add_typer(rules_app, name="rules")


class AudienceChoice(StrEnum):
    hr = "hr"
    tillitsvalgt = "tillitsvalgt"


class Language(StrEnum):
    nb = "nb"
    en = "en"


def _fail(error: RekrutteringError, lang: Lang) -> NoReturn:
    from rekruttering.render.clean import printable

    lines = []
    if error.problems:
        lines.append(text("error.header", lang))
        lines += [f"  {printable(problem.render(lang))}" for problem in error.problems]
        lines.append(text("error.hint", lang))
    else:
        lines.append(printable(error.say(lang), lines=True))
    print("\n".join(lines), file=sys.stderr)
    raise typer.Exit(EXIT_BAD_INPUT)


def _noise(quiet: bool, verbose: bool, lang: Lang) -> None:
    """--quiet and --verbose ask for opposite things: refuse rather than pick one."""
    if quiet and verbose:
        raise UsageError(text("usage.quiet_and_verbose", lang))


def _note(line: str) -> None:
    """A note for the person at the terminal (--verbose): on stderr, so stdout stays the result alone."""
    from rekruttering.render.clean import printable

    print(printable(line), file=sys.stderr)


def _print_json(data: object) -> None:
    import json

    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _silence_stdout() -> None:
    """The reader of stdout (say `| head`) stopped early: write the rest nowhere, and keep the exit code."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _console() -> Console:
    from rich.console import Console

    class PipeSafeConsole(Console):
        def on_broken_pipe(self) -> None:  # rich's own would exit 1, which reads as "a breach"
            _silence_stdout()

    # COLUMNS wins; a terminal tells its own width; a pipe or a file gets the report's width (100)
    width = int(os.environ["COLUMNS"]) if os.environ.get("COLUMNS", "").isdigit() else (
        None if sys.stdout.isatty() else 100)
    return PipeSafeConsole(file=sys.stdout, highlight=False, soft_wrap=False, width=width)


def _pack_and_format(rules: str | None, fmt: Format | None, output: Path | None, settings: Config, lang: Lang
                     ) -> tuple[str, Format]:
    """The rule pack and report format from the options, the output's name, else the config; both checked."""
    from rekruttering.render.output import choose_format

    pack = rules or settings.rules
    if not pack:
        raise UsageError(text("usage.no_pack", lang))
    return pack, choose_format(fmt.value if fmt else None, output, settings.format, lang)


def _refuse_unsafe(output: Path | None, force: bool, paths: list[Path], options: Options, config: Path | None,
                   settings: Config) -> None:
    """Before any input is read: an output that would overwrite an input, a device or a link is refused."""
    if output is not None:
        from rekruttering.render.output import refuse_unsafe, run_inputs

        inputs = run_inputs(paths, options, config, settings.pseudonym_key_file)
        refuse_unsafe(output, force, options.lang, inputs)


def _emit(report: BaseModel, chosen: Format, document: Callable[[], Document], output: Path | None,
          force: bool, quiet: bool, lang: Lang) -> None:
    """A coloured report on a terminal, the chosen format to stdout, or the output file (named on stderr)."""
    try:
        if chosen == "text" and output is None:
            from rekruttering.render.text import render_to

            render_to(_console(), document())
            return
        from rekruttering.render import render_report

        content = render_report(report, chosen, document)
        if output is None:
            assert isinstance(content, str)  # choose_format sends xlsx to a file only
            sys.stdout.write(content)
            return
        from rekruttering.render.output import say_written, write_report

        write_report(content, output, force, lang)
        say_written(output, quiet, lang)
    except BrokenPipeError:
        _silence_stdout()  # the exit code must still tell breach from no breach


def _tell_inputs(report: Provenance, lang: Lang) -> None:
    """--verbose: the rule pack and every file and sheet the report was made from, with role and row counts."""
    pack = report.rule_pack
    _note(text("verbose.pack", lang, pack=pack.id, version=pack.version, file=pack.file, sha256=pack.sha256[:12],
               rules=", ".join(report.rules_selected) or "-"))
    for item in report.inputs:
        role = text(f"report.role.{item.role}", lang) if f"report.role.{item.role}" in _catalogue() else item.role
        where = item.file + (f", {text('loc.sheet', lang, sheet=item.sheet)}" if item.sheet else "")
        if item.header_row is None:
            _note(text("verbose.file", lang, file=where, role=role, sha256=item.sha256[:12]))
        else:
            _note(text("verbose.sheet", lang, file=where, role=role, header_row=item.header_row, rows=item.rows,
                       used=item.rows_used, aside=item.rows_set_aside, sha256=item.sha256[:12]))
    if report.warnings:
        _note(text("verbose.warnings", lang, count=len(report.warnings)))


def _catalogue() -> dict[str, tuple[str, str]]:
    from rekruttering.words.catalogue import CATALOGUE

    return CATALOGUE


FAIL_ON = ("breach", "review", "advice")


def _fail_on(values: list[str] | None, settings: Config, lang: Lang) -> frozenset[str]:
    """What makes exit code 1: always an unjustified breach; with ``review`` also a finding to review."""
    chosen = {v.strip().casefold() for value in (values or settings.fail_on or []) for v in value.split(",")
              if v.strip()}
    unknown = sorted(chosen - set(FAIL_ON))
    if unknown:
        raise UsageError(text("usage.fail_on", lang, value=", ".join(unknown), allowed=", ".join(FAIL_ON)))
    return frozenset(chosen | {"breach"})


def _exit(failing: bool, no_fail: bool | None, settings: Config) -> NoReturn:
    failing = failing and not (no_fail if no_fail is not None else bool(settings.no_fail))
    raise typer.Exit(EXIT_BREACH if failing else EXIT_OK)


def _lang(option: Language | None, configured: Lang | None = None) -> Lang:
    if option is Language.en:
        return "en"
    if option is Language.nb:
        return "nb"
    return configured or "nb"


def _version(value: bool) -> None:
    if value:
        print(f"rekruttering {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def main_options(
    ctx: typer.Context,
    version: Annotated[bool, typer.Option("--version", "-V", callback=_version, is_eager=True)] = False,
    lang: Annotated[Language | None, typer.Option("--lang", metavar="LANG")] = None,
) -> None:
    """Kontroller intervjuregler per utlysning / check interview rules per job posting."""
    if lang is not None:  # `rekruttering --lang en check ...`: as if every command had been given --lang en
        ctx.default_map = _for_every_command(ctx.command, {"lang": lang.value})


def _for_every_command(group: object, values: dict[str, object]) -> dict[str, object]:
    """A click ``default_map`` giving ``values`` to every command under ``group``, however deep."""
    commands: dict[str, object] = getattr(group, "commands", {})
    return {name: {**values, **_for_every_command(command, values)} for name, command in commands.items()}


@rules_app.callback()
def rules_options(ctx: typer.Context, lang: Annotated[Language | None, typer.Option("--lang", metavar="LANG")] = None
                  ) -> None:
    """List the rule packs' rules, or explain one rule."""
    if lang is not None:  # `rekruttering rules --lang en show ST01`
        ctx.default_map = _for_every_command(ctx.command, {"lang": lang.value})


def _complete_packs(incomplete: str) -> list[str]:
    """Shell completion of --rules: the shipped packs' names."""
    from rekruttering.resources import rules_dir

    return sorted(p.stem for p in rules_dir().glob("*.toml") if p.stem != "columns" and p.stem.startswith(incomplete))


FailOnOption = Annotated[list[str] | None, typer.Option(
    "--fail-on", metavar="breach|review|advice", show_default=False)]
AsOfOption = Annotated[str | None, typer.Option(
    "--as-of", metavar="DATE", show_default=False)]
ConfigOption = Annotated[Path | None, typer.Option(
    "--config", metavar="FILE")]
RulesOption = Annotated[str | None, typer.Option(
    "--rules", "-r", metavar="PACK", autocompletion=_complete_packs)]
ColumnsOption = Annotated[Path | None, typer.Option(
    "--columns", metavar="FILE")]
LangOption = Annotated[Language | None, typer.Option(
    "--lang", metavar="LANG")]
SelectOption = Annotated[list[str] | None, typer.Option(
    "--select", metavar="RULE")]
IgnoreOption = Annotated[list[str] | None, typer.Option(
    "--ignore", metavar="RULE")]
QuietOption = Annotated[bool, typer.Option(
    "--quiet", "-q")]
VerboseOption = Annotated[bool, typer.Option(
    "--verbose", "-v")]
QuietResultOption = Annotated[bool, typer.Option(
    "--quiet", "-q")]
VerboseColumnsOption = Annotated[bool, typer.Option(
    "--verbose", "-v")]
VerbosePackOption = Annotated[bool, typer.Option(
    "--verbose", "-v")]
VerboseRevealOption = Annotated[bool, typer.Option(
    "--verbose", "-v")]
ListFormatOption = Annotated[ListFormat, typer.Option(
    "--format", "-f", metavar="FORMAT", show_default=False)]


@app.command(cls=ReadableCommand)
def check(
    applicants: Annotated[list[Path], typer.Argument(
        metavar="FILE...", show_default=False)],
    shortlist: Annotated[list[Path] | None, typer.Option(
        "--shortlist", "-s", metavar="FILE")] = None,
    rules: RulesOption = None,
    columns: ColumnsOption = None,
    justifications: Annotated[Path | None, typer.Option(
        "--justifications", metavar="FILE")] = None,
    workforce: Annotated[Path | None, typer.Option(
        "--workforce", metavar="FILE")] = None,
    posting: Annotated[list[str] | None, typer.Option(
        "--posting", metavar="ID")] = None,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    status: Annotated[list[str] | None, typer.Option(
        "--status", metavar="STATUS")] = None,
    fmt: Annotated[Format | None, typer.Option(
        "--format", "-f", metavar="FORMAT")] = None,
    audience: Annotated[AudienceChoice | None, typer.Option(
        "--audience", metavar="AUDIENCE")] = None,
    pseudonymise: Annotated[bool, typer.Option(
        "--pseudonymise")] = False,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", metavar="FILE")
    ] = None,
    force: Annotated[bool, typer.Option(
        "--force")] = False,
    quiet: QuietOption = False,
    verbose: VerboseOption = False,
    lang: LangOption = None,
    no_fail: Annotated[bool | None, typer.Option(
        "--no-fail/--fail", show_default=False)] = None,
    fail_on: FailOnOption = None,
    as_of: AsOfOption = None,
    config: ConfigOption = None,
) -> None:
    """Check every posting against the rule pack. Exit 0: no unjustified breach; 1: at least one; 2: bad input."""
    language = _lang(lang)
    try:
        from rekruttering.api import Options, choose_statuses
        from rekruttering.api import check as run_check
        from rekruttering.config import load_config

        _noise(quiet, verbose, language)
        settings = load_config(config)
        language = _lang(lang, settings.lang)
        pack, chosen = _pack_and_format(rules, fmt, output, settings, language)
        failing = _fail_on(fail_on, settings, language)
        key = None
        if pseudonymise or settings.pseudonymise:
            from rekruttering.privacy import pseudonym_key

            key = pseudonym_key(settings.pseudonym_key_file)
        options = Options(rules=pack, columns=columns or settings.columns, lang=language,
                          audience=audience.value if audience else (settings.audience or "hr"),
                          postings=tuple(posting or ()), justifications=justifications or settings.justifications,
                          workforce=workforce or settings.workforce, pseudonym_key=key, aliases=settings.aliases,
                          config_file=settings.source, as_of=_date(as_of, "--as-of", language),
                          select=tuple(select or settings.select or ()),
                          ignore=tuple(ignore or settings.ignore or ()),
                          statuses=choose_statuses(status or [], language))
        _refuse_unsafe(output, force, [*applicants, *(shortlist or [])], options, config, settings)
        report = run_check(applicants, shortlist or [], options)
        if verbose:
            _tell_inputs(report, language)
        from rekruttering.render.check_document import build

        _emit(report, chosen, lambda: build(report), output, force, quiet, language)
    except RekrutteringError as error:
        _fail(error, language)
    _exit(report.fails(failing), no_fail, settings)


def _date(value: str | None, option: str, lang: Lang) -> date | None:
    if value is None:
        return None
    from rekruttering.read.values import parse_deadline

    parsed, ok = parse_deadline(value)  # a plausible date: "2025" is no date, nor 31.12.9999
    if not ok or parsed is None:
        raise UsageError(text("usage.bad_date", lang, option=option, value=value))
    return parsed


def _period(start: str | None, end: str | None, year: int | None, lang: Lang) -> tuple[date | None, date | None]:
    if year is not None:
        if start or end:
            raise UsageError(text("usage.year_and_period", lang))
        return date(year, 1, 1), date(year, 12, 31)
    first, last = _date(start, "--from", lang), _date(end, "--to", lang)
    if first and last and last < first:
        raise UsageError(text("usage.to_before_from", lang))
    return first, last


@app.command(cls=ReadableCommand)
def summary(
    paths: Annotated[list[Path], typer.Argument(
        metavar="PATH...", show_default=False)],
    shortlist: Annotated[list[Path] | None, typer.Option(
        "--shortlist", "-s", metavar="FILE")
    ] = None,
    start: Annotated[str | None, typer.Option(
        "--from", metavar="DATE")] = None,
    end: Annotated[str | None, typer.Option(
        "--to", metavar="DATE")] = None,
    year: Annotated[int | None, typer.Option(
        "--year", metavar="YEAR", min=1990, max=2999)] = None,
    rules: RulesOption = None,
    columns: ColumnsOption = None,
    justifications: Annotated[Path | None, typer.Option(
        "--justifications", metavar="FILE")] = None,
    workforce: Annotated[Path | None, typer.Option(
        "--workforce", metavar="FILE")] = None,
    targets: Annotated[Path | None, typer.Option(
        "--targets", metavar="FILE")] = None,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    min_cell: Annotated[int | None, typer.Option(
        "--min-cell", min=1, metavar="K")
    ] = None,
    suppress_zeros: Annotated[bool, typer.Option(
        "--suppress-zeros")] = False,
    min_informative: Annotated[int | None, typer.Option(
        "--min-informative", min=1, metavar="N")] = None,
    audience: Annotated[AudienceChoice | None, typer.Option(
        "--audience", metavar="AUDIENCE")
    ] = None,
    fmt: Annotated[Format | None, typer.Option(
        "--format", "-f", metavar="FORMAT")] = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", metavar="FILE")] = None,
    force: Annotated[bool, typer.Option(
        "--force")] = False,
    quiet: QuietOption = False,
    verbose: VerboseOption = False,
    lang: LangOption = None,
    no_fail: Annotated[bool | None, typer.Option(
        "--no-fail/--fail", show_default=False)] = None,
    fail_on: FailOnOption = None,
    config: ConfigOption = None,
) -> None:
    """Summarise a period: compliance by rule, unit and month, the applicant funnel by group with stratified
    statistics, and representation. Exit codes as for check."""
    language = _lang(lang)
    try:
        from rekruttering.api import DEFAULT_MIN_CELL, SummaryOptions, summarise
        from rekruttering.config import load_config
        from rekruttering.read.join import expand_paths
        from rekruttering.render.summary_document import build

        _noise(quiet, verbose, language)
        settings = load_config(config)
        language = _lang(lang, settings.lang)
        pack, chosen = _pack_and_format(rules, fmt, output, settings, language)
        failing = _fail_on(fail_on, settings, language)
        first, last = _period(start, end, year, language)
        options = SummaryOptions(
            rules=pack, columns=columns or settings.columns, lang=language,
            audience=audience.value if audience else (settings.audience or "hr"),
            justifications=justifications or settings.justifications, workforce=workforce or settings.workforce,
            aliases=settings.aliases, start=first, end=last, config_file=settings.source,
            select=tuple(select or settings.select or ()), ignore=tuple(ignore or settings.ignore or ()),
            min_cell=min_cell or settings.min_cell or DEFAULT_MIN_CELL,
            suppress_zeros=suppress_zeros or bool(settings.suppress_zeros),
            min_informative=min_informative or settings.min_informative or 5, targets=targets)
        _refuse_unsafe(output, force, [*paths, *(shortlist or [])], options, config, settings)
        files = expand_paths([*paths, *(shortlist or [])])
        with _progress(len(files), quiet, language) as advance:
            report = summarise(paths, shortlist or [], options, on_file=advance)
        if verbose:
            _tell_inputs(report, language)
        _emit(report, chosen, lambda: build(report), output, force, quiet, language)
    except RekrutteringError as error:
        _fail(error, language)
    _exit(report.fails(failing), no_fail, settings)


@contextmanager
def _progress(total: int, quiet: bool, lang: Lang) -> Iterator[Callable[[Path], None]]:
    """A progress bar on stderr while files are read; silent when stderr is not a terminal or with --quiet."""
    if quiet or not sys.stderr.isatty() or total < 2:
        yield lambda path: None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(file=sys.stderr), transient=True) as progress:
        task = progress.add_task(text("summary.progress", lang), total=total)

        def advance(path: Path) -> None:
            progress.update(task, advance=1, description=f"{text('summary.progress', lang)} {path.name}")

        yield advance


@app.command(cls=ReadableCommand)
def inspect(
    files: Annotated[list[Path], typer.Argument(
        metavar="PATH...", show_default=False)],
    shortlist: Annotated[list[Path] | None, typer.Option(
        "--shortlist", "-s", metavar="FILE")
    ] = None,
    rules: Annotated[str | None, typer.Option(
        "--rules", "-r", metavar="PACK", autocompletion=_complete_packs)] = None,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    columns: ColumnsOption = None,
    config: ConfigOption = None,
    fmt: ListFormatOption = ListFormat.text,
    quiet: QuietResultOption = False,
    verbose: VerboseColumnsOption = False,
    lang: LangOption = None,
) -> None:
    """Show what each file is taken to be: role, header row, which header became which field, which columns
    are ignored (never read) and which of those look like a known header, row counts and problems. With --rules,
    also which rules can run on the files."""
    language = _lang(lang)
    try:
        from rekruttering.read.columns import load_column_map
        from rekruttering.read.join import expand_paths, inspect_file

        _noise(quiet, verbose, language)
        options = _preflight_options(rules, select, ignore, columns, config, lang)
        pack = None
        if options is not None:
            from rekruttering.api import selected_pack

            language = options.lang
            pack = selected_pack(options)  # an unknown pack or rule id stops here, before any file is read
        column_map = load_column_map(options.columns, options.aliases) if options else load_column_map(columns)
        if verbose:
            _note(text("verbose.columns", language, files=", ".join(str(p) for p in column_map.sources)))
        forced = {path.resolve() for path in expand_paths(shortlist or [])}
        results = [inspect_file(path, column_map, shortlist=path.resolve() in forced)
                   for path in dict.fromkeys(expand_paths([*files, *(shortlist or [])]))]  # a file named twice once
        ready: Readiness | InputError | None = None
        if options is not None and pack is not None:
            from rekruttering.api import preflight
            from rekruttering.errors import InputError

            named = [path for path in files if path.resolve() not in forced]
            try:
                ready = preflight(pack, named, shortlist or [], options)
            except InputError as error:
                ready = error
        from rekruttering.api import Readiness

        refused = ready is not None and (not isinstance(ready, Readiness) or bool(ready.problems))
        failed = refused or any(problem.level == "error" for result in results for problem in result.problems)
        if fmt is ListFormat.json:
            _print_json(_inspection_json(results, column_map, pack, ready, language, failed))
        else:
            _print_inspection(results, column_map, pack, ready, language)
    except RekrutteringError as error:
        _fail(error, language)
    raise typer.Exit(EXIT_BAD_INPUT if failed else EXIT_OK)


def _problem_json(problem: Problem, lang: Lang) -> dict[str, object]:
    return {"level": problem.level, "code": problem.code, "file": problem.file, "sheet": problem.sheet,
            "row": problem.row, "column": problem.column, "message": problem.message(lang)}


def _inspection_json(results: list[Inspection], column_map: ColumnMap, pack: RulePack | None,
                     ready: Readiness | InputError | None, lang: Lang, failed: bool) -> dict[str, object]:
    """``inspect --format json``: files, their sheets and problems, and the pre-flight when --rules is given."""
    from rekruttering.api import Readiness
    from rekruttering.render.explain import near_misses

    files = []
    for result in results:
        sheets = []
        for sheet in result.sheets:
            hints = near_misses(sheet.ignored, sheet.mapping, column_map)
            sheets.append({
                "sheet": sheet.sheet, "role": sheet.role, "header_row": sheet.header_row, "sha256": sheet.sha256,
                "mapping": {field.value: header for field, header in sheet.mapping.items()},
                "ignored": list(sheet.ignored),
                "did_you_mean": [{"header": hint.header, "field": hint.field.value, "alias": hint.alias,
                                  "columns_line": hint.columns_line} for hint in hints],
                "rows": {"read": sheet.rows_read, "used": sheet.rows_used, "set_aside": sheet.rows_set_aside},
            })
        files.append({"file": result.file, "sheets": sheets,
                      "problems": [_problem_json(problem, lang) for problem in result.problems]})
    preflight: dict[str, object] | None = None
    if pack is not None and isinstance(ready, Readiness):
        preflight = {
            "pack": pack.info.id, "rules": list(ready.rules), "runnable": list(ready.runnable),
            "missing": [{"field": item.field.value, "headers": list(column_map.aliases[item.field][:3]),
                         "rules": list(item.rules), "effect": effect}
                        for items, effect in ((ready.missing, "not_runnable"), (ready.reviewed, "review_every_posting"))
                        for item in items],
            "readable": True, "check_would_refuse": bool(ready.problems),
            "problems": [_problem_json(problem, lang) for problem in ready.problems]}
    elif pack is not None and ready is not None and not isinstance(ready, Readiness):
        preflight = {"pack": pack.info.id, "rules": sorted(rule.id for rule in pack.rules), "runnable": [],
                     "missing": [], "readable": False, "check_would_refuse": True,
                     "problems": [_problem_json(problem, lang) for problem in ready.problems]}
    return {"schema": "inspect/1", "tool_version": __version__, "lang": lang, "ok": not failed, "files": files,
            "preflight": preflight}


def _print_inspection(results: list[Inspection], column_map: ColumnMap, pack: RulePack | None,
                      ready: Readiness | InputError | None, lang: Lang) -> None:
    from rich.table import Table
    from rich.text import Text

    from rekruttering.render.clean import printable
    from rekruttering.render.explain import near_misses

    def safe(value: str, **style: str) -> Text:  # headers come from the file: no terminal escapes
        return Text(printable(value), **style)  # type: ignore[arg-type]

    console = _console()
    shown: set[Problem] = set()
    for result in results:
        console.print(safe(result.file, style="bold"))
        for sheet in result.sheets:
            where = f"  {text('loc.sheet', lang, sheet=sheet.sheet)}" if sheet.sheet else ""
            console.print(safe(
                f"{where}  {text('inspect.role', lang)}: {text(f'report.role.{sheet.role}', lang)}; "
                f"{text('inspect.header_row', lang)}: {sheet.header_row}; "
                f"{text('inspect.rows', lang)}: {sheet.rows_read} / {sheet.rows_used} / "
                f"{sheet.rows_set_aside}; sha256 {sheet.sha256[:16]}"))
            table = Table(show_header=True, box=None, pad_edge=False)
            table.add_column(text("inspect.mapped", lang))
            table.add_column(text("columns.field", lang))
            for field, header in sheet.mapping.items():
                table.add_row(safe(header), field.value)
            console.print(table)
            ignored = ", ".join(sheet.ignored) or text("inspect.none", lang)
            console.print(safe(f"  {text('inspect.ignored', lang)}: {ignored}"))
            for hint in near_misses(sheet.ignored, sheet.mapping, column_map):
                console.print(safe("    " + text("inspect.did_you_mean", lang, header=hint.header, alias=hint.alias,
                                                 field=hint.field.value, line=hint.columns_line)), style="yellow")
        problems = result.problems
        console.print(safe(f"  {text('inspect.problems', lang)}: {len(problems) or text('inspect.none', lang)}"))
        for problem in problems:
            console.print(safe(f"    {level_label(problem.level, lang)}: {problem.render(lang)}"))
        shown.update(problems)
        console.print()
    if pack is not None and ready is not None:
        _print_preflight(console, pack, ready, lang, shown)


def _preflight_options(rules: str | None, select: list[str] | None, ignore: list[str] | None, columns: Path | None,
                       config: Path | None, lang: Language | None) -> Options | None:
    """``inspect --rules``: the options ``check`` would run with (the config file's too); None without --rules."""
    if rules is None:
        if select or ignore:
            raise UsageError(text("inspect.needs_rules", _lang(lang)))
        return None
    from rekruttering.api import Options
    from rekruttering.config import load_config

    settings = load_config(config)
    return Options(rules=rules, columns=columns or settings.columns, lang=_lang(lang, settings.lang),
                   aliases=settings.aliases, select=tuple(select or settings.select or ()),
                   ignore=tuple(ignore or settings.ignore or ()))


def _print_preflight(console: Console, pack: RulePack, ready: Readiness | InputError, lang: Lang,
                     shown: set[Problem]) -> None:
    """Print which of the pack's rules can run on the files and what the others lack, or why check would refuse
    the files."""
    from rich.text import Text

    from rekruttering.api import Readiness
    from rekruttering.render.clean import printable

    console.print(Text(text("preflight.title", lang, pack=pack.info.id), style="bold"))
    if not isinstance(ready, Readiness):
        console.print(Text(f"  {text('preflight.unreadable', lang)}"))
        for problem in ready.problems:
            if problem not in shown:  # the file-by-file part above already showed it
                console.print(Text(printable(f"    {problem.render(lang)}")))
        return
    runnable = ", ".join(ready.runnable) or text("inspect.none", lang)
    console.print(Text(f"  {text('preflight.runnable', lang, rules=runnable)}"))
    for rule in ready.rules:
        for item in ready.missing:
            if rule in item.rules:
                lacks = text("preflight.lacks", lang, rule=rule, field=field_labels([item.field], lang),
                             headers=item.headers)
                console.print(Text(printable(f"  {lacks}")))
        for item in ready.reviewed:
            if rule in item.rules:
                lacks = text("preflight.review_every", lang, rule=rule, field=field_labels([item.field], lang),
                             headers=item.headers)
                console.print(Text(printable(f"  {lacks}")), style="yellow")
    problems = ready.problems
    if not problems:
        console.print(Text(f"  {text('preflight.ok', lang)}", style="green"))
        return
    console.print(Text(f"  {text('preflight.refused', lang)}", style="red"))
    for problem in problems:
        console.print(Text(printable(f"    {problem.render(lang)}")))


@app.command(cls=ReadableCommand)
def reveal(
    pseudonyms: Annotated[list[str], typer.Argument(
        metavar="PSEUDONYM...", show_default=False)],
    inputs: Annotated[list[Path], typer.Option(
        "--input", "-i", metavar="FILE",
        show_default=False)],
    columns: ColumnsOption = None,
    config: ConfigOption = None,
    quiet: QuietResultOption = False,
    verbose: VerboseRevealOption = False,
    lang: LangOption = None,
) -> None:
    """Map pseudonyms back to applicant ids. Needs the same key as the report (HR keeps it). Exit 1 when a
    pseudonym matches nothing in the exports."""
    language = _lang(lang)
    try:
        from rekruttering.api import reveal as find
        from rekruttering.config import load_config
        from rekruttering.privacy import pseudonym_key
        from rekruttering.read.join import expand_paths

        _noise(quiet, verbose, language)
        settings = load_config(config)
        language = _lang(lang, settings.lang)
        key = pseudonym_key(settings.pseudonym_key_file)
        if verbose:
            for path in expand_paths(inputs):
                _note(text("verbose.reading", language, file=path))
        found = find(pseudonyms, inputs, key, columns or settings.columns)
        for alias, pairs in found.items():
            shown = ", ".join(f"{applicant} ({posting})" for posting, applicant in pairs) or "–"
            print(f"{alias}: {shown}")
        if verbose:
            _note(text("verbose.found", language, found=sum(1 for pairs in found.values() if pairs), total=len(found)))
        if not all(found.values()):
            raise typer.Exit(EXIT_BREACH)
    except RekrutteringError as error:
        _fail(error, language)


@app.command("columns", cls=ReadableCommand)
def columns_command(
    columns: ColumnsOption = None,
    fmt: ListFormatOption = ListFormat.text,
    quiet: QuietResultOption = False,
    verbose: VerboseColumnsOption = False,
    lang: LangOption = None,
) -> None:
    """List the canonical fields and the headers accepted for each (case, spaces and punctuation ignored)."""
    language = _lang(lang)
    try:
        from rekruttering.read.columns import load_column_map
        from rekruttering.read.fields import SPECS

        _noise(quiet, verbose, language)
        column_map = load_column_map(columns)
        if verbose:
            _note(text("verbose.columns", language, files=", ".join(str(p) for p in column_map.sources)))
        if fmt is ListFormat.json:
            _print_json({"schema": "columns/1", "tool_version": __version__, "lang": language,
                         "sources": [str(path) for path in column_map.sources],
                         "fields": [{"field": field.value, "level": spec.level,
                                     "level_label": text(f"level.{spec.level}", language), "kind": spec.kind,
                                     "label": text(f"field.{field.value}", language),
                                     "headers": list(column_map.aliases[field])} for field, spec in SPECS.items()]})
            return
        from rich.table import Table
        from rich.text import Text

        table = Table(show_header=True, show_lines=False)
        table.add_column(text("columns.field", language), no_wrap=True)
        table.add_column(text("columns.level", language), no_wrap=True)
        table.add_column(text("columns.headers", language))
        for field, spec in SPECS.items():
            table.add_row(field.value, text(f"level.{spec.level}", language),
                          Text(", ".join(column_map.aliases[field])))
        _console().print(table)
    except RekrutteringError as error:
        _fail(error, language)


def _tell_packs(packs: list[RulePack], lang: Lang) -> None:
    for pack in packs:
        _note(text("verbose.pack_file", lang, pack=pack.info.id, file=pack.path, sha256=pack.sha256[:12]))


@rules_app.command("list", cls=ReadableCommand)
def rules_list(
    rules: RulesOption = None,
    fmt: ListFormatOption = ListFormat.text,
    quiet: QuietResultOption = False,
    verbose: VerbosePackOption = False,
    lang: LangOption = None,
) -> None:
    """List every rule of one pack (--rules) or of all shipped packs."""
    language = _lang(lang)
    try:
        from rekruttering.render.explain import list_rules, packs, rules_json

        _noise(quiet, verbose, language)
        if verbose:
            _tell_packs(packs(rules), language)
        if fmt is ListFormat.json:
            _print_json(rules_json(rules, language))
        else:
            _console().print(list_rules(rules, language))
    except RekrutteringError as error:
        _fail(error, language)


@rules_app.command("show", cls=ReadableCommand)
def rules_show(
    rule_id: Annotated[str, typer.Argument(metavar="RULE", show_default=False)],
    rules: RulesOption = None,
    fmt: ListFormatOption = ListFormat.text,
    quiet: QuietResultOption = False,
    verbose: VerbosePackOption = False,
    lang: LangOption = None,
) -> None:
    """Explain one rule: its text, source, parameters, dates in force and what each status means."""
    language = _lang(lang)
    try:
        from rekruttering.render.explain import find_rule, rule_json, show_rule

        _noise(quiet, verbose, language)
        if verbose:
            _tell_packs([find_rule(rule_id, rules)[0]], language)
        if fmt is ListFormat.json:
            _print_json(rule_json(rule_id, rules, language))
        else:
            _console().print(show_rule(rule_id, rules, language))
    except RekrutteringError as error:
        _fail(error, language)


def _resolve_annotations(*apps: typer.Typer) -> None:
    """Turn each command's annotations from strings (``from __future__ import annotations``) into objects once.

    Typer reads a command's type hints about three times while it builds the commands, and each time
    compiles and evaluates every string: a third of the time --help spends past typer's own import.
    """
    from typing import get_type_hints

    for each in apps:
        callbacks = [info.callback for info in each.registered_commands]
        if each.registered_callback is not None:
            callbacks.append(each.registered_callback.callback)
        for callback in callbacks:
            if callback is not None:
                callback.__annotations__ = get_type_hints(callback, include_extras=True)


_resolve_annotations(app, rules_app)


def main() -> None:
    # One run reads a file into millions of short-lived objects and makes few reference cycles: the
    # cyclic collector's default (a pass every 700 allocations) spent about 0.3 s of a 300 k summary.
    gc.set_threshold(100_000, 20, 20)
    try:
        app(prog_name="rekruttering")
    except BrokenPipeError:
        _silence_stdout()  # not an error of ours, and no traceback
        sys.exit(EXIT_OK)
