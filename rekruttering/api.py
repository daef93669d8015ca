"""The one place that joins input, rule packs, the engine and the report model.

``check(...)`` is what the command line calls and what a Python user can call directly: it
returns a ``CheckReport`` (or raises a ``RekrutteringError``) and writes nothing.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from rekruttering import __version__
from rekruttering.checks import Context, ad_statement, union
from rekruttering.checks.pack import RulePack, load_pack, select_rules
from rekruttering.errors import InputError, UsageError
from rekruttering.models import (
    STATUSES,
    CheckReport,
    InputRef,
    Justification,
    PostingReport,
    PostingType,
    RulePackRef,
    Status,
    Totals,
    UnusedJustification,
    Warning_,
)
from rekruttering.privacy import Audience, for_audience, pseudonym
from rekruttering.problems import Problem, ProblemLog
from rekruttering.read.columns import load_column_map
from rekruttering.read.fields import ColumnMap, Field
from rekruttering.read.join import (
    Dataset,
    coerce_all,
    expand_paths,
    finish,
    inspect_file,
    join,
    load,
    read_exports,
    with_postings,
)
from rekruttering.read.justifications import load_justifications
from rekruttering.read.targets import TargetsFile, load_targets_file, unmatched
from rekruttering.read.textcolumns import SMALL_ROWS, TableKind, column_texts
from rekruttering.read.values import parse_id
from rekruttering.read.workforce import load_workforce
from rekruttering.words.catalogue import Lang, format_date, text
from rekruttering.words.findings import evaluate

if TYPE_CHECKING:
    from rekruttering.summary.model import PostingCounts, SummaryReport

CHECK_SCHEMA = "rekruttering.check/1"
DEFAULT_MIN_CELL = 5


@dataclass(frozen=True)
class Options:
    """Everything a ``check`` run depends on besides the files."""

    rules: str
    columns: Path | None = None
    lang: Lang = "nb"
    audience: Audience = "hr"
    postings: tuple[str, ...] = ()
    justifications: Path | None = None
    workforce: Path | None = None
    pseudonym_key: bytes | None = None
    aliases: dict[str, list[str]] | None = None
    config_file: Path | None = None  # the settings file read, named in the report's inputs
    as_of: date | None = None  # check: the date a posting without a deadline is judged on (None: the run's)
    select: tuple[str, ...] = ()  # rule ids to keep (all when empty), case-insensitive
    ignore: tuple[str, ...] = ()  # rule ids to leave out, applied after ``select``
    statuses: tuple[Status, ...] = ()  # check: show only the postings with a finding of one of these


def now_local() -> datetime:
    """The report time: ``SOURCE_DATE_EPOCH`` when set (reproducible reports), else now."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC)
    return datetime.now().astimezone()


def required_fields(pack: RulePack, dataset: Dataset) -> dict[Field, list[str]]:
    """The applicant fields the pack's rules need, with the rules that need each.

    A reservation rule needs its group columns only when some posting is reserved; a quotation
    rule matters only after the decision, so its missing columns become ``review`` findings.
    """
    # reserved: by its type, or by a group named in 'Reservert for' whatever its type (``checks.reserved``)
    reserved = any(p.posting_type is PostingType.reserved or (p.reserved_for or "").strip()
                   for p in dataset.postings) or (
        dataset.frame is not None and (PostingType.reserved in dataset.frame.posting_type
                                       or any((r or "").strip() for r in dataset.frame.reserved_for)))
    needed: dict[Field, list[str]] = {}
    for rule in pack.rules:
        if rule.check == "moderate_quotation" or (rule.check == "reserved_posting" and not reserved):
            continue  # a quotation rule without its columns says "review" once a choice is recorded
        if rule.posting_level:
            continue  # a rule about the posting's process says "review" where its column is missing
        fields = [Field.qualified, *(Field(g) for g in rule.groups)]
        if rule.qualifier:
            fields.append(Field.country_group)
        if rule.approximate_by_country_group and Field.non_western not in dataset.applicant_fields:
            # no non-western declaration in the exports: the rule's approximation needs these instead
            fields = [*(f for f in fields if f is not Field.non_western), Field.immigrant_background,
                      Field.country_group]
        for fld in fields:
            needed.setdefault(fld, []).append(rule.id)
    return needed


# the column each posting-level check kind reads (``checks.ad_statement``, ``checks.union``)
POSTING_LEVEL_COLUMNS = {"ad_statement": ad_statement.COLUMN, "union_involvement": union.COLUMN}


@dataclass(frozen=True)
class MissingField:
    """A field the exports lack, the headers that would supply it, and the rules that need it."""

    field: Field
    headers: str
    rules: tuple[str, ...]


@dataclass(frozen=True)
class Readiness:
    """Whether the pack's (selected) rules can run on a dataset: what ``check`` refuses, and why."""

    rules: tuple[str, ...]
    missing: tuple[MissingField, ...]
    has_shortlist: bool
    # process columns a posting-level rule reads and the exports lack: the rule runs, but is ``review`` on every
    # posting it applies to (``check`` does not refuse the files for it)
    reviewed: tuple[MissingField, ...] = ()

    @property
    def runnable(self) -> tuple[str, ...]:
        if not self.has_shortlist:  # no rule can say who was invited
            return ()
        blocked = {rule for item in self.missing for rule in item.rules}
        return tuple(rule for rule in self.rules if rule not in blocked)

    @property
    def problems(self) -> list[Problem]:
        problems = []
        for item in self.missing:
            params = (("field", item.field.value), ("headers", item.headers), ("rules", ", ".join(item.rules)))
            if set(item.rules) == set(self.rules):  # ignoring them all would leave nothing to check
                problems.append(Problem("error", "read.missing_field_every", params))
            else:
                problems.append(Problem("error", "read.missing_field", (*params, ("ignore", ",".join(item.rules)))))
        if not self.has_shortlist:
            problems.append(Problem("error", "read.no_shortlist"))
        return problems


def readiness(pack: RulePack, dataset: Dataset, columns: ColumnMap) -> Readiness:
    """What ``check`` and ``inspect --rules`` both judge the exports by, so the two cannot disagree."""
    def headers(fld: Field) -> str:
        return ", ".join(f"«{h}»" for h in columns.aliases[fld][:3])

    missing = tuple(MissingField(fld, headers(fld), tuple(rules))
                    for fld, rules in required_fields(pack, dataset).items() if fld not in dataset.applicant_fields)
    reviewed = tuple(MissingField(fld, headers(fld), tuple(rules))
                     for fld, rules in process_fields(pack).items() if fld not in dataset.process_fields)
    return Readiness(tuple(sorted(r.id for r in pack.rules)), missing, dataset.has_shortlist, reviewed)


def process_fields(pack: RulePack) -> dict[Field, list[str]]:
    """The process columns the pack's posting-level rules read, with the rules that read each."""
    needed: dict[Field, list[str]] = {}
    for rule in pack.rules:
        column = POSTING_LEVEL_COLUMNS.get(rule.check)
        if column is not None:
            needed.setdefault(Field(column), []).append(rule.id)
    return needed


def verify_input(pack: RulePack, dataset: Dataset, columns: ColumnMap) -> None:
    """Refuse the exports when a selected rule lacks a column it needs, or there is no shortlist."""
    problems = readiness(pack, dataset, columns).problems
    if problems:
        raise InputError("input", problems)


def selected_pack(options: Options) -> RulePack:
    """The rule pack with only the rules ``--select``/``--ignore`` leave."""
    return select_rules(load_pack(options.rules), options.select, options.ignore, options.lang)


def preflight(pack: RulePack, applicants: Sequence[Path], shortlists: Sequence[Path], options: Options
              ) -> Readiness:
    """``inspect --rules``: read the exports as ``check`` would and say which of ``pack``'s rules can run.

    Raises ``InputError`` when the files cannot be read together (``check`` would refuse them too).
    """
    columns = load_column_map(options.columns, options.aliases)
    dataset = load(applicants, shortlists, columns=columns)
    return readiness(pack, dataset, columns)


@dataclass(frozen=True)
class Inputs:
    """Everything read for a run: the pack, the exports, the side tables and their warnings."""

    pack: RulePack
    dataset: Dataset
    justifications: tuple[Justification, ...]
    context: Context
    warnings: tuple[Problem, ...]
    justification_rows: tuple[int, int] = (0, 0)  # entries read from the justifications file, and usable


def load_input(applicants: Sequence[Path], shortlists: Sequence[Path], options: Options,
               on_file: Callable[[Path], None] | None = None, loader: Callable[..., Dataset] = load,
               read_as: TableKind = "auto") -> Inputs:
    full = load_pack(options.rules)
    pack = select_rules(full, options.select, options.ignore, options.lang,
                        yearly=isinstance(options, SummaryOptions))
    columns = load_column_map(options.columns, options.aliases)
    side = [p for p in (options.justifications, options.workforce, getattr(options, "targets", None)) if p is not None]
    dataset = loader(applicants, shortlists, columns=columns, on_file=on_file, side_files=side, read_as=read_as)
    verify_input(pack, dataset, columns)
    dataset = with_postings(dataset, options.postings)
    log = ProblemLog()
    read: list[int] = []
    justifications = load_justifications(options.justifications, columns, log, read) if options.justifications else []
    counts = (len(read), len(justifications))
    if options.postings:
        justifications = [j for j in justifications if j.posting_id in options.postings]
    left_out = {r.id.casefold() for r in full.rules} - {r.id.casefold() for r in pack.rules}
    if left_out:  # a reason for a rule left out is not stale (one naming no rule of the pack still is)
        justifications = [j for j in justifications if j.rule_id.casefold() not in left_out]
    workforce = load_workforce(options.workforce, columns, log) if options.workforce else {}
    context = Context(workforce, frozenset(f.value for f in dataset.applicant_fields | dataset.process_fields))
    inputs = Inputs(pack, dataset, tuple(justifications), context, tuple(log.finish()), counts)
    return pseudonymised(inputs, options.pseudonym_key) if options.pseudonym_key else inputs


def pseudonymised(inputs: Inputs, key: bytes) -> Inputs:
    """Every applicant id replaced by its keyed pseudonym before anything is evaluated or said."""
    def alias(value: str | None) -> str | None:
        return pseudonym(key, value) if value else value

    postings = [replace(p, applicants=tuple(replace(a, applicant_id=pseudonym(key, a.applicant_id))
                                            for a in p.applicants)) for p in inputs.dataset.postings]
    frame = inputs.dataset.frame
    dataset = replace(inputs.dataset, postings=postings,
                      warnings=pseudonymised_problems(inputs.dataset.warnings, key),
                      frame=frame.renamed(lambda value: pseudonym(key, value)) if frame is not None else None)
    justifications = tuple(replace(j, applicant_id=alias(j.applicant_id)) for j in inputs.justifications)
    return replace(inputs, dataset=dataset, justifications=justifications,
                   warnings=tuple(pseudonymised_problems(inputs.warnings, key)))


APPLICANT_PARAMS = frozenset({"applicant", "near"})  # the problem params that hold an applicant id


def pseudonymised_problems(problems: Sequence[Problem], key: bytes) -> list[Problem]:
    """The problems with every applicant id they quote replaced by its pseudonym."""
    return [replace(p, params=tuple((k, pseudonym(key, v) if k in APPLICANT_PARAMS and v else v)
                                    for k, v in p.params)) for p in problems]


def load_pseudonymised(applicants: Sequence[Path], shortlists: Sequence[Path], options: Options,
                       on_file: Callable[[Path], None] | None = None, loader: Callable[..., Dataset] = load,
                       read_as: TableKind = "auto") -> Inputs:
    """``load_input``, with the applicant ids in an input error pseudonymised as in the report."""
    try:
        return load_input(applicants, shortlists, options, on_file, loader, read_as)
    except InputError as error:
        if options.pseudonym_key is None:
            raise
        raise InputError(error.message, pseudonymised_problems(error.problems, options.pseudonym_key)) from None


def choose_statuses(values: Sequence[str], lang: Lang) -> tuple[Status, ...]:
    """``--status breach,review`` (repeatable, comma-separated) as statuses; an unknown one is refused."""
    chosen: list[Status] = []
    for value in (part.strip() for item in values for part in item.split(",")):
        if not value:
            continue
        status = next((s for s in STATUSES if s == value.casefold().replace("-", "_")), None)
        if status is None:
            raise UsageError(text("status.unknown", lang, value=value, allowed=", ".join(STATUSES)))
        if status not in chosen:
            chosen.append(status)
    return tuple(chosen)


def totals(postings: Sequence[PostingReport]) -> Totals:
    counts = dict.fromkeys(STATUSES, 0)
    advice = 0
    for posting in postings:
        for finding in posting.findings:
            if finding.status == "breach" and finding.severity == "advice":
                advice += 1  # an advice not followed is no breach of an obligation
            else:
                counts[finding.status] += 1
    return Totals(postings=len(postings), **counts, advice_not_followed=advice)


def _pack_ref(pack: RulePack) -> RulePackRef:
    return RulePackRef(id=pack.info.id, title=pack.info.title, version=pack.info.version, sha256=pack.sha256,
                       file=pack.path.name)


def _input_refs(dataset: Dataset, options: Options, pack: RulePack,
                justification_rows: tuple[int, int] = (0, 0),
                targets_rows: tuple[int, int] = (0, 0)) -> list[InputRef]:
    """The exports by sheet, then every side file that can change a verdict, each with its SHA-256; the
    justifications file with its entries read, used and set aside."""
    refs = [InputRef(file=s.file, sha256=s.sha256, role=s.role, sheet=s.sheet, header_row=s.header_row,
                     rows=s.rows_read, rows_used=s.rows_used, rows_set_aside=s.rows_set_aside)
            for s in dataset.sheets]
    given_pack = pack.path if Path(options.rules).is_file() else None
    side = (("config", options.config_file), ("columns", options.columns),
            ("justifications", options.justifications), ("workforce", options.workforce),
            ("targets", getattr(options, "targets", None)), ("rule_pack", given_pack))
    for role, path in side:
        if path is not None and path.is_file():
            read, used = {"justifications": justification_rows, "targets": targets_rows}.get(role, (0, 0))
            refs.append(InputRef(file=str(path), sha256=_sha256(path), role=role, rows=read, rows_used=used,
                                 rows_set_aside=read - used))
    return refs


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def _warning(problem: Problem, lang: Lang) -> Warning_:
    return Warning_(file=problem.file, sheet=problem.sheet, row=problem.row, column=problem.column,
                    code=problem.code, message=problem.message(lang))


def _unused(item: Justification) -> UnusedJustification:
    return UnusedJustification(posting_id=item.posting_id, rule=item.rule_id, applicant_id=item.applicant_id,
                               text=item.text.strip(), file=item.file, row=item.row)


def check(
    applicants: Sequence[Path],
    shortlists: Sequence[Path],
    options: Options,
    *,
    now: datetime | None = None,
    read_as: TableKind = "auto",
    columnar: bool | None = None,
) -> CheckReport:
    """Evaluate the rule pack over every posting in the exports.

    ``read_as`` forces how the exports' columns are held (``textcolumns``; for tests): the report never
    depends on it. Nor does ``columnar``: True judges the postings whose values are not in doubt
    column-wise (``rekruttering.columnar``), False every posting through the typed reference, None
    (the default) column-wise when the exports have more than ``SMALL_ROWS`` rows in all.
    """
    loader = load if columnar is False or options.postings else _check_loader(columnar is None)
    inputs = load_pseudonymised(applicants, shortlists, options, loader=loader, read_as=read_as)
    pack, dataset = inputs.pack, inputs.dataset
    moment = now or now_local()
    as_of = options.as_of or moment.date()
    context = replace(inputs.context, as_of=as_of)
    if dataset.frame is not None:
        from rekruttering.columnar.check import evaluate_columnwise

        evaluation = evaluate_columnwise(pack, dataset.frame, dataset.postings, lang=options.lang,
                                         audience=options.audience, justifications=inputs.justifications,
                                         context=context)
    else:
        evaluation = evaluate(pack, dataset.postings, lang=options.lang, audience=options.audience,
                              justifications=inputs.justifications, context=context)
    dated_rules = any(r.in_force_from is not None or r.in_force_to is not None for r in pack.rules)
    undated = dated_rules * (sum(p.deadline is None and not any(d.field == "deadline" for d in p.doubts)
                                 for p in dataset.postings)
                             + (dataset.frame.deadline.count(None) if dataset.frame is not None else 0))
    postings = evaluation.postings
    shown = [p for p in postings if any(f.status in options.statuses for f in p.findings)] if options.statuses \
        else postings
    # a justification that matches no breach is listed once, in unused_justifications, not as a warning too
    problems = [*dataset.warnings, *inputs.warnings]
    report = CheckReport(
        schema_=CHECK_SCHEMA,
        tool_version=__version__,
        generated_at=moment.isoformat(timespec="seconds"),
        audience=options.audience,
        lang=options.lang,
        rule_pack=_pack_ref(pack),
        rules_selected=sorted(r.id for r in pack.rules),
        inputs=_input_refs(dataset, options, pack, inputs.justification_rows),
        postings=shown,
        totals=totals(postings),  # over every posting, whatever --status shows
        status_filter=list(options.statuses),
        warnings=[_warning(p, options.lang) for p in problems],
        unused_justifications=[_unused(j) for j in evaluation.unused],
        as_of=as_of if undated else None,
        postings_without_deadline=undated,
    )
    return for_audience(report)


def _check_loader(by_size: bool) -> Callable[..., Dataset]:
    """``load`` for ``check``: the simple postings left as columns (``columnar.run``) when the exports have
    more than ``SMALL_ROWS`` rows in all (or always, without ``by_size``); a small check imports no pandas."""
    def loader(applicant_paths: Sequence[Path], shortlist_paths: Sequence[Path] = (), *, columns: ColumnMap,
               on_file: Callable[[Path], None] | None = None, side_files: Sequence[Path] = (),
               read_as: TableKind = "auto") -> Dataset:
        log = ProblemLog()
        sheets = read_exports(applicant_paths, shortlist_paths, columns=columns, log=log, on_file=on_file,
                              side_files=side_files, read_as=read_as)
        if by_size and sum(info.rows_read for _, info in sheets) <= SMALL_ROWS:
            return finish(join(coerce_all(sheets), log), log)
        from rekruttering.columnar.run import join_columnwise

        return join_columnwise(sheets, log)

    return loader


def _empty_period(counts: PostingCounts, lang: Lang) -> Problem:
    """No posting in the period: say how many fall outside it, when, and how many have no deadline."""
    span = (f"{format_date(counts.first_outside, lang)}–{format_date(counts.last_outside, lang)}"
            if counts.first_outside else "–")
    return Problem("error", "summary.no_postings", (("outside", str(counts.outside_period)), ("span", span),
                                                    ("undated", str(counts.without_deadline))))


def reveal(pseudonyms: Sequence[str], paths: Sequence[Path], key: bytes, columns_file: Path | None = None
           ) -> dict[str, list[tuple[str, str]]]:
    """For each pseudonym, the (posting id, applicant id) pairs in the exports that it stands for."""
    columns = load_column_map(columns_file)
    wanted = {p.strip() for p in pseudonyms}
    found: dict[str, list[tuple[str, str]]] = {p: [] for p in sorted(wanted)}
    for path in expand_paths(paths):
        for sheet in inspect_file(path, columns).raw:
            posting_ids = column_texts(sheet.data, Field.posting_id.value)
            for position, cell in enumerate(column_texts(sheet.data, Field.applicant_id.value)):
                applicant_id, _ = parse_id(cell or "")
                if applicant_id is None:
                    continue  # ids are read exactly as check reads them, so the pseudonyms are the same
                alias = pseudonym(key, applicant_id)
                if alias in wanted:
                    posting_id, _ = parse_id(posting_ids[position] or "")
                    pair = (posting_id or "", applicant_id)
                    if pair not in found[alias]:
                        found[alias].append(pair)
    return found


@dataclass(frozen=True)
class SummaryOptions(Options):
    """A ``check``'s options plus the period on the posting deadline and the smallest count shown."""

    start: date | None = None
    end: date | None = None
    min_cell: int = DEFAULT_MIN_CELL
    suppress_zeros: bool = False
    min_informative: int = 5
    targets: Path | None = None  # --targets: the target share of hires per unit and group (yearly rules)


def summarise(
    paths: Sequence[Path],
    shortlists: Sequence[Path],
    options: SummaryOptions,
    *,
    now: datetime | None = None,
    on_file: Callable[[Path], None] | None = None,
    columnar: bool = True,
    read_as: TableKind = "auto",
) -> SummaryReport:
    """Compliance, the funnel by group and representation over the postings of a period.

    ``columnar`` counts the postings whose values are not in doubt column-wise (``rekruttering.columnar``),
    with the same result as the typed path (``columnar=False``), which evaluates every posting.
    ``read_as``: as for ``check``.
    """
    # imported here: the statistics need numpy, which `check` does not
    from rekruttering.columnar import run
    from rekruttering.summary.model import SUMMARY_SCHEMA, Period, SummaryReport
    from rekruttering.summary.report import (
        Disclosure,
        compliance_bounds,
        funnel_groups,
        funnel_of_counts,
        missing_stages,
        representation,
        rule_rows_of,
    )
    from rekruttering.summary.yearly import YearlyInput, targets_used, yearly_results
    from rekruttering.words.summary import worded

    columnar = columnar and not options.postings
    inputs = load_pseudonymised(paths, shortlists, options, on_file=on_file,
                                loader=run.load if columnar else load, read_as=read_as)
    lang = options.lang
    groups = funnel_groups(inputs.pack, inputs.context.fields or frozenset())
    missing = missing_stages({f.value for f in inputs.dataset.shortlist_fields})
    parts = (run.columnar_parts if columnar else run.typed_parts)(
        inputs.pack, inputs.dataset, options.start, options.end, groups, missing, lang=lang,
        audience=options.audience, justifications=inputs.justifications, context=inputs.context)
    counts = parts.counts
    if not counts.in_period:
        raise InputError("period", [_empty_period(counts, lang)])
    rules = rule_rows_of(parts.rules, inputs.pack, lang)
    settings = Disclosure(options.min_cell, options.suppress_zeros, options.min_informative)
    funnel_counts, steps, hidden, tables = funnel_of_counts(parts.by_group, settings, missing=missing,
                                                     bounds=compliance_bounds(rules, inputs.pack, groups))
    warnings = [*inputs.dataset.warnings, *inputs.warnings]
    targets = load_targets_file(options.targets, load_column_map(options.columns, options.aliases)) \
        if options.targets else TargetsFile("", None)
    not_used = unmatched(targets, *targets_used(inputs.pack, parts.facts)) if options.targets else []
    warnings += not_used
    yearly = yearly_results(inputs.pack, YearlyInput(
        parts.facts, parts.by_group, steps, tables, hidden, missing, settings, inputs.context.fields or frozenset(),
        targets.targets, options.audience, inputs.pack.info.population_share_immigrant_background,
        (options.start, options.end)),
        lambda rule: rule.title.get(lang))
    report = SummaryReport(
        schema_=SUMMARY_SCHEMA,
        tool_version=__version__,
        generated_at=(now or now_local()).isoformat(timespec="seconds"),
        audience=options.audience,
        lang=lang,
        rule_pack=_pack_ref(inputs.pack),
        rules_selected=sorted(r.id for r in inputs.pack.all_rules),
        inputs=_input_refs(inputs.dataset, options, inputs.pack, inputs.justification_rows,
                           (len(targets.rows), len(targets.rows) - len(not_used))),
        period=Period(from_=options.start, to=options.end),
        postings=counts,
        min_cell=options.min_cell,
        suppress_zeros=options.suppress_zeros,
        min_informative=options.min_informative,
        internal_use=options.min_cell <= 1 and not options.suppress_zeros,
        missing_stages=list(missing),
        left_out_in_doubt=parts.left_out,
        rules=rules,
        by_unit=rule_rows_of(parts.by_unit, inputs.pack, lang, kind="unit"),
        by_month=rule_rows_of(parts.by_month, inputs.pack, lang, kind="month"),
        follow_up=parts.follow_up,
        funnel_counts=funnel_counts,
        funnel=steps,
        representation=representation(tables, hidden, inputs.pack, missing),
        yearly_rules=yearly,
        warnings=[_warning(p, lang) for p in warnings],
        unused_justifications=[_unused(j) for j in parts.unused],
    )
    return for_audience(worded(report))
