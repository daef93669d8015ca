"""The command line's help in bokmål (``nb``, the default) and English (``en``).

A plain dict, cheap to import, since ``rekruttering --help`` loads it (and not the message catalogue).
Keys: ``command.<path>`` for a command's help (``command.rules.show``; ``command.main`` is the tool
itself) and ``command.<path>.short`` for its line in the list of commands; ``option.<path>.<name>``
for a parameter of one command, else ``option.<name>`` for a parameter that reads the same in every
command (``<name>`` is the Python name: ``fmt`` for ``--format``); ``metavar.<METAVAR>`` for a
placeholder such as FILE; ``click.*`` for the words typer and click would write in English.
"""

from __future__ import annotations

from typing import Literal

Lang = Literal["nb", "en"]

HELP: dict[str, tuple[str, str]] = {
    # typer's and click's own words
    "click.usage": ("Bruk: ", "Usage: "),
    "click.options": ("Valg", "Options"),
    "click.arguments": ("Argumenter", "Arguments"),
    "click.commands": ("Kommandoer", "Commands"),
    "click.required": ("påkrevd", "required"),
    "click.default": ("standard: {default}", "default: {default}"),
    "click.options_metavar": ("[VALG]", "[OPTIONS]"),
    "click.command_metavar": ("KOMMANDO [ARGUMENTER]...", "COMMAND [ARGS]..."),
    # placeholders of values
    "metavar.FILE": ("FIL", "FILE"),
    "metavar.PATH": ("STI", "PATH"),
    "metavar.PACK": ("PAKKE", "PACK"),
    "metavar.RULE": ("REGEL", "RULE"),
    "metavar.DATE": ("DATO", "DATE"),
    "metavar.YEAR": ("ÅR", "YEAR"),
    "metavar.LANG": ("SPRÅK", "LANG"),
    "metavar.AUDIENCE": ("MOTTAKER", "AUDIENCE"),
    # the commands
    "command.main": (
        "Kontroller intervju- og kvoteringsregler per utlysning fra eksporter av søkerlister og kortlister.",
        "Check Norwegian public employers' interview rules per job posting, from applicant and shortlist exports.",
    ),
    "command.check": (
        "Kontroller hver stilling mot regelsettet. Avslutningskode 0: ingen brudd uten begrunnelse; 1: minst ett; "
        "2: feil i inndata.",
        "Check every posting against the rule pack. Exit 0: no unjustified breach; 1: at least one; 2: bad input.",
    ),
    "command.check.short": ("Kontroller hver stilling mot regelsettet.", "Check every posting against the rule pack."),
    "command.summary": (
        "Oppsummer en periode: etterlevelse per regel, enhet og måned, søkerløpet per gruppe med stratifisert "
        "statistikk, og representasjon. Avslutningskoder som for check.",
        "Summarise a period: compliance by rule, unit and month, the applicant funnel by group with stratified "
        "statistics, and representation. Exit codes as for check.",
    ),
    "command.summary.short": ("Oppsummer en periode: etterlevelse, søkerløp og representasjon.",
                              "Summarise a period: compliance, applicant funnel and representation."),
    "command.inspect": (
        "Vis hva hver fil blir lest som: rolle, overskriftsrad, hvilken overskrift som ble hvilket felt, hvilke "
        "kolonner som ignoreres (aldri leses) og hvilke av dem som ligner en kjent overskrift, antall rader og "
        "problemer. Med --rules også hvilke regler som kan kjøres på filene.",
        "Show what each file is taken to be: role, header row, which header became which field, which columns "
        "are ignored (never read) and which of those look like a known header, row counts and problems. With "
        "--rules, also which rules can run on the files.",
    ),
    "command.inspect.short": ("Vis hva hver fil blir lest som, og problemene i den.",
                              "Show what each file is taken to be, and its problems."),
    "command.reveal": (
        "Finn søker-ID-ene bak pseudonymer. Trenger samme nøkkel som rapporten ble laget med (HR har den). "
        "Avslutningskode 1 når et pseudonym ikke finnes i eksportene.",
        "Map pseudonyms back to applicant ids. Needs the same key as the report (HR keeps it). Exit 1 when a "
        "pseudonym matches nothing in the exports.",
    ),
    "command.reveal.short": ("Finn søker-ID-ene bak pseudonymer.", "Map pseudonyms back to applicant ids."),
    "command.columns": (
        "Vis feltene verktøyet leser, og overskriftene som gjenkjennes for hvert felt (store og små bokstaver, "
        "mellomrom og tegnsetting spiller ingen rolle).",
        "List the canonical fields and the headers accepted for each (case, spaces and punctuation ignored).",
    ),
    "command.columns.short": ("Vis feltene og overskriftene som gjenkjennes for hvert.",
                              "List the fields and the headers accepted for each."),
    "command.rules": ("Vis reglene i regelsettene, eller forklar én regel.",
                      "List the rule packs' rules, or explain one rule."),
    "command.rules.list": ("Vis alle reglene i ett regelsett (--rules) eller i alle regelsettene som følger med.",
                           "List every rule of one pack (--rules) or of all shipped packs."),
    "command.rules.list.short": ("Vis reglene i ett eller alle regelsett.", "List the rules of one or all packs."),
    "command.rules.show": (
        "Forklar én regel: teksten, kilden, parametrene, når den gjelder og hva hver status betyr.",
        "Explain one rule: its text, source, parameters, dates in force and what each status means.",
    ),
    "command.rules.show.short": ("Forklar én regel: tekst, kilde og statuser.",
                                 "Explain one rule: its text, source and statuses."),
    # parameters every command has, or that read the same wherever they are
    "option.help": ("Vis denne hjelpen og avslutt.", "Show this message and exit."),
    "option.version": ("Vis versjonen og avslutt.", "Show the version and exit."),
    "option.install_completion": ("Installer fullføring (Tab) for skallet du bruker.",
                                  "Install completion for the current shell."),
    "option.show_completion": (
        "Vis fullføringen for skallet du bruker, for å kopiere den eller tilpasse installasjonen.",
        "Show completion for the current shell, to copy it or customize the installation.",
    ),
    "option.main.lang": (
        "Språk for hjelpen, utdataene og feilmeldingene, i alle kommandoer: nb (bokmål, standard) eller en.",
        "Language of the help, the output and the errors, for every command: nb (bokmål, the default) or en.",
    ),
    "option.rules.lang": (
        "Språk for hjelpen, utdataene og feilmeldingene, i rules list og rules show: nb (bokmål, standard) eller en.",
        "Language of the help, the output and the errors, in rules list and rules show: nb (bokmål, the default) "
        "or en.",
    ),
    "option.lang": ("Språk for utdataene, feilmeldingene og denne hjelpen: nb (bokmål, standard) eller en.",
                    "Language of the output, of the errors and of this help: nb (bokmål, the default) or en."),
    "option.rules": ("Regelsett: et navn fra rules/ (staten, sarpsborg, oslo, bergen) eller stien til en TOML-fil.",
                     "Rule pack: a name from rules/ (staten, sarpsborg, oslo, bergen) or a path to a TOML file."),
    "option.columns": ("TOML-fil med flere kolonnenavn for feltene ([aliases] felt = [\"Overskrift\", ...]).",
                       "TOML file with extra header aliases ([aliases] field = [\"Header\", ...])."),
    "option.config": ("Standardverdier fra denne TOML-filen (standard: ./rekruttering.toml hvis den finnes).",
                      "Defaults from this TOML file (default: ./rekruttering.toml if it exists)."),
    "option.select": (
        "Bare disse reglene, gitt ved ID: kommaseparert eller gjentatt, store eller små bokstaver (f.eks. ST01,ST02).",
        "Only these rules: ids, comma-separated or repeated, any case (e.g. ST01,ST02).",
    ),
    "option.ignore": ("Utelat disse reglene (etter --select); kolonnene bare de trenger, kreves da ikke.",
                      "Leave these rules out (applied after --select); their columns are then not needed."),
    "option.fmt": ("text (standard) eller json: ett JSON-dokument på standard ut.",
                   "text (the default) or json: one JSON document on stdout."),
    "option.quiet": ("Bare resultatet og feil (som uten --verbose).",
                     "Only the result and errors (as without --verbose)."),
    "option.force": ("Overskriv --output hvis filen finnes (aldri en inndatafil, en enhet, en FIFO eller en lenke).",
                     "Overwrite --output if it exists (never an input, a device, a FIFO or a link)."),
    "option.fail_on": (
        "Hva som gir avslutningskode 1: breach (standard), review (da gir også et funn til vurdering 1) eller "
        "advice (da gir også et råd som ikke er fulgt, 1). Kommaseparert eller gjentatt.",
        "What gives exit code 1: breach (default), review (a finding to review fails too), or advice (an advice "
        "not followed fails too). Comma-separated or repeated.",
    ),
    # check
    "option.check.applicants": (
        "Eksporter av søkerlister (xlsx, ods eller csv), eller mapper med slike. En fil med både søker- og "
        "kortlistekolonner går fint.",
        "Applicant exports (xlsx, ods or csv), or folders of them. A file holding both applicants and shortlist "
        "columns is fine.",
    ),
    "option.check.shortlist": (
        "Eksport av kortlisten til intervju (kan gjentas). Uten kolonnen «Innkalt til intervju» regnes alle på "
        "kortlisten som innkalt.",
        "Interview shortlist export (repeatable). Presence on a shortlist without an 'Innkalt til intervju' column "
        "means invited.",
    ),
    "option.check.justifications": (
        "Skriftlige begrunnelser for avvik (csv, xlsx eller TOML): stillings-ID, regel, eventuelt søker-ID, tekst, "
        "hvem og dato. En begrunnelse med søker-ID gjelder bare den søkeren; en uten søker-ID gjelder hele funnet.",
        "Written reasons for deviations (csv, xlsx or TOML): posting id, rule, optionally applicant id, text, who, "
        "date. One with an applicant id excuses that applicant only; one without excuses the finding.",
    ),
    "option.check.workforce": (
        "Ansatte per enhet eller stillingsgruppe etter kjønn (csv/xlsx: Enhet eller Stillingsgruppe, Kvinner, "
        "Menn), for reglene om kjønn.",
        "Employees per unit or job group by gender (csv/xlsx: Enhet or Stillingsgruppe, Kvinner, Menn), for the "
        "gender rules.",
    ),
    "option.check.posting": ("Bare denne stillings-ID-en (kan gjentas).", "Only this posting id (repeatable)."),
    "option.check.status": (
        "Vis bare stillinger med et funn med en av disse statusene (met, breach, justified, review, "
        "not_applicable; kommaseparert eller gjentatt). Summene og avslutningskoden teller fortsatt alle "
        "stillingene.",
        "Show only postings with a finding of these statuses (met, breach, justified, review, not_applicable; "
        "comma-separated or repeated). Totals and the exit code still count every posting.",
    ),
    "option.check.fmt": (
        "Rapportformat: text, json, markdown, html eller xlsx (standard: etter filnavnet i --output, ellers text). "
        "xlsx krever --output.",
        "Report format: text, json, markdown, html or xlsx (default: from the --output file name, else text). "
        "xlsx needs --output.",
    ),
    "option.check.audience": (
        "hr: med søkernes ID der et funn gjelder dem (standard). tillitsvalgt: uten søkernes ID og uten tall per "
        "stilling; trygt å gi til tillitsvalgte.",
        "hr: applicant ids where a finding concerns them (default). tillitsvalgt: no applicant ids and no "
        "per-posting counts; safe to hand to union representatives.",
    ),
    "option.check.pseudonymise": (
        "Erstatt søkernes ID med pseudonymer laget med en hemmelig nøkkel (HMAC-SHA256; nøkkelen i "
        "REKRUTTERING_PSEUDO_KEY eller pseudonym_key_file i konfigurasjonsfilen).",
        "Replace applicant ids by keyed HMAC-SHA256 pseudonyms (key in REKRUTTERING_PSEUDO_KEY or "
        "pseudonym_key_file in the config).",
    ),
    "option.check.output": ("Skriv rapporten til denne filen (modus 0600) i stedet for til standard ut.",
                            "Write the report to this file (mode 0600) instead of stdout."),
    "option.check.quiet": (
        "Bare resultatet og feil: ingen fremdriftslinje, og ingen melding om hvilken fil --output skrev.",
        "Only the result and errors: no progress bar, and no line naming the --output file written.",
    ),
    "option.check.verbose": (
        "Fortell også på standard feil hva som ble lest: regelsettet, og hver fil og hvert ark med rolle og antall "
        "rader. Ikke sammen med --quiet.",
        "Also say on stderr what was read: the rule pack, and every file and sheet with its role and row counts. "
        "Not with --quiet.",
    ),
    "option.check.no_fail": (
        "Avslutningskode 0 også når en regel er brutt (standard: 1 ved brudd uten begrunnelse).",
        "Exit 0 even when a rule is breached (default: exit 1 on an unjustified breach).",
    ),
    "option.check.as_of": (
        "Vurder stillinger som mangler søknadsfrist i eksporten, per denne datoen (dd.mm.åååå; standard: i dag).",
        "Judge postings whose export has no deadline as of this date (dd.mm.yyyy; default: today).",
    ),
    # summary
    "option.summary.paths": (
        "Eksporter eller mapper med eksporter (alle regneark i mappen); rollen til hver fil leses fra "
        "overskriftene.",
        "Exports or folders of them (every spreadsheet inside); roles are read from the headers.",
    ),
    "option.summary.shortlist": ("En kortliste som bare har ID-kolonnene (kan gjentas).",
                                 "A shortlist export whose only columns are the ids (repeatable)."),
    "option.summary.start": ("Første søknadsfrist i perioden (dd.mm.åååå).",
                             "First deadline in the period (dd.mm.yyyy)."),
    "option.summary.end": ("Siste søknadsfrist i perioden (dd.mm.åååå).", "Last deadline in the period (dd.mm.yyyy)."),
    "option.summary.year": ("Kalenderåret søknadsfristen ligger i.", "The calendar year of the deadline."),
    "option.summary.justifications": ("Skriftlige begrunnelser for avvik (csv, xlsx eller TOML).",
                                      "Written reasons for deviations (csv, xlsx or TOML)."),
    "option.summary.workforce": ("Ansatte per enhet eller stillingsgruppe etter kjønn, for reglene om kjønn.",
                                 "Employees per unit or job group by gender, for the gender rules."),
    "option.summary.targets": (
        "Mål for andelen ansettelser per enhet og gruppe (csv/xlsx: Enhet, Gruppe, Mål), for årsregelen "
        "representation_target.",
        "Target share of hires per unit and group (csv/xlsx: Enhet, Gruppe, Mål), for the yearly rule "
        "representation_target.",
    ),
    "option.summary.min_cell": (
        "Antall personer fra 1 til K-1 skjules, sammen med nok andre tall til at ingen av dem kan regnes ut "
        "(standard 5). Nuller vises. 1 slår skjulingen av: rapporten er da bare til internt bruk.",
        "Counts of persons from 1 to K-1 are suppressed, with enough others that none can be worked out "
        "(default 5). Zeros are shown. 1 turns suppression off: the report is then for internal use.",
    ),
    "option.summary.suppress_zeros": ("Skjul også antall som er null.", "Suppress counts of zero too."),
    "option.summary.min_informative": (
        "Vis den stratifiserte statistikken for et trinn bare når minst N stillinger gir informasjon "
        "(standard 5): med færre ville den avsløre tallene for de enkelte stillingene.",
        "Publish the stratified statistics of a step only when at least N postings carry information "
        "(default 5): with fewer, they would reveal the postings' own numbers.",
    ),
    "option.summary.audience": ("hr (standard) eller tillitsvalgt (uten søkernes ID; trygt å gi videre).",
                                "hr (default) or tillitsvalgt (no applicant ids; safe to hand over)."),
    "option.summary.fmt": (
        "Rapportformat: text, json, markdown, html eller xlsx (standard: etter filnavnet i --output, ellers text).",
        "Report format: text, json, markdown, html or xlsx (default: from the --output file name, else text).",
    ),
    "option.summary.output": ("Skriv rapporten til denne filen (0600).", "Write the report to this file (0600)."),
    "option.summary.quiet": (
        "Bare resultatet og feil: ingen fremdriftslinje, og ingen melding om hvilken fil --output skrev.",
        "Only the result and errors: no progress bar, and no line naming the --output file written.",
    ),
    "option.summary.verbose": (
        "Fortell også på standard feil hva som ble lest: regelsettet, og hver fil og hvert ark med rolle og antall "
        "rader. Ikke sammen med --quiet.",
        "Also say on stderr what was read: the rule pack, and every file and sheet with its role and row counts. "
        "Not with --quiet.",
    ),
    "option.summary.no_fail": ("Avslutningskode 0 også med brudd uten begrunnelse i perioden.",
                               "Exit 0 even with unjustified breaches in the period."),
    # inspect
    "option.inspect.files": ("Eksportfiler eller mapper som skal undersøkes.", "Export files or folders to inspect."),
    "option.inspect.shortlist": ("En fil som skal leses som kortliste, slik check gjør (kan gjentas).",
                                 "A file to take as a shortlist, as check does (repeatable)."),
    "option.inspect.rules": (
        "Si også hvilke regler i dette regelsettet som kan kjøres på filene, og avslutt med kode 2 når check ville "
        "avvise dem.",
        "Also say which rules of this pack can run on these files, and exit 2 when check would refuse them.",
    ),
    "option.inspect.verbose": ("Nevn også på standard feil filene med kolonnenavn som ble lest. Ikke sammen med "
                               "--quiet.",
                               "Also name on stderr the files of header aliases read. Not with --quiet."),
    # reveal
    "option.reveal.pseudonyms": ("Pseudonymer fra en rapport (P-...).", "Pseudonyms from a report (P-...)."),
    "option.reveal.inputs": ("Eksportene rapporten ble laget fra (kan gjentas).",
                             "The exports the report was made from (repeatable)."),
    "option.reveal.verbose": (
        "Nevn også på standard feil filene som ble lest, og hvor mange pseudonymer som ble funnet. Ikke sammen "
        "med --quiet.",
        "Also name on stderr the files read, and how many pseudonyms were found. Not with --quiet.",
    ),
    # columns, rules list, rules show
    "option.columns.verbose": ("Nevn også på standard feil filene med kolonnenavn som ble lest. Ikke sammen med "
                               "--quiet.",
                               "Also name on stderr the files of header aliases read. Not with --quiet."),
    "option.rules.list.verbose": ("Nevn også på standard feil regelsettfilene som ble lest, med sha256. Ikke "
                                  "sammen med --quiet.",
                                  "Also name on stderr the rule pack files read, with their sha256. Not with "
                                  "--quiet."),
    "option.rules.show.verbose": ("Nevn også på standard feil regelsettfilen som ble lest, med sha256. Ikke "
                                  "sammen med --quiet.",
                                  "Also name on stderr the rule pack files read, with their sha256. Not with "
                                  "--quiet."),
    "option.rules.show.rule_id": ("Regelens ID, f.eks. SA01.", "Rule id, e.g. SA01."),
}


def help_text(key: str, lang: Lang, **params: object) -> str:
    """The help text for ``key`` in ``lang``, with ``{placeholders}`` filled in."""
    nb, en = HELP[key]
    template = en if lang == "en" else nb
    return template.format(**params) if params else template


def option_key(command: str, name: str) -> str | None:
    """The key of a parameter's help: its own in ``command`` (a dotted path), else the common one, else None."""
    for key in (f"option.{command}.{name}", f"option.{name}"):
        if key in HELP:
            return key
    return None


def metavar(value: str, lang: Lang) -> str:
    """A placeholder in ``lang``, from either language: FILE and FIL are FIL in bokmål, FILE... is FIL...;
    one without a translation (K, ID) stays as it is."""
    base, dots = (value[:-3], "...") if value.endswith("...") else (value, "")
    for key, (nb, en) in HELP.items():
        if key.startswith("metavar.") and base in (nb, en):
            return (en if lang == "en" else nb) + dots
    return value
