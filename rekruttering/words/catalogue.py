"""Every text a person reads, in bokmål (``nb``, the default) and English (``en``).

One catalogue, keyed by dotted names; ``text(key, lang, **params)`` fills in ``{placeholders}``.
Rule titles and explanations live in the rule packs; everything else lives here.
"""

from __future__ import annotations

import string
from collections.abc import Sequence
from datetime import date
from typing import Literal

Lang = Literal["nb", "en"]
LANGS: tuple[Lang, ...] = ("nb", "en")

CATALOGUE: dict[str, tuple[str, str]] = {
    # where a problem is
    "loc.sheet": ("ark «{sheet}»", "sheet '{sheet}'"),
    "loc.row": ("rad {row}", "row {row}"),
    "loc.column": ("kolonne «{column}»", "column '{column}'"),
    # reading files
    "read.not_found": ("filen finnes ikke.", "file not found."),
    "read.empty": ("filen er tom.", "the file is empty."),
    "read.unreadable": (
        "filen kan ikke leses som regneark ({error}). Er den skadet, passordbeskyttet eller i et annet format?",
        "the file cannot be read as a spreadsheet ({error}). Is it damaged, password-protected or another format?",
    ),
    "read.unsupported": (
        "filtypen «{suffix}» støttes ikke; bruk xlsx, ods eller csv.",
        "file type '{suffix}' is not supported; use xlsx, ods or csv.",
    ),
    "read.encoding": (
        "teksten er verken UTF-8 eller Windows-1252; lagre filen som CSV UTF-8.",
        "the text is neither UTF-8 nor Windows-1252; save the file as CSV UTF-8.",
    ),
    "read.csv_malformed": ("CSV-filen kan ikke tolkes: {error}", "the CSV file cannot be parsed: {error}"),
    "read.no_header": (
        "fant ingen overskriftsrad med stillings-ID og søker-ID blant de første radene (første rad: {seen}). "
        "Se `rekruttering columns` for overskrifter som gjenkjennes, eller legg til dine egne med --columns.",
        "found no header row with posting id and applicant id among the first rows (first row: {seen}). "
        "See `rekruttering columns` for the headers recognised, or add your own with --columns.",
    ),
    "read.no_sheet": (
        "ingen synlige ark har både stillings-ID og søker-ID: {sheets}.",
        "no visible sheet has both a posting id and an applicant id: {sheets}.",
    ),
    "read.is_justifications": ("filen ser ut som en begrunnelsesfil (den har kolonnen «Regel»); gi den med --justifications.", "the file looks like a justifications file (it has a 'Regel' column); give it with --justifications."),
    "read.folder_skipped": ("filen i mappen er ikke en søker- eller kortliste og er hoppet over.", "the file in the folder is not an applicant list or shortlist and was skipped."),
    "read.sheet_skipped_hidden": ("skjult ark er hoppet over.", "hidden sheet skipped."),
    "read.sheet_skipped_no_ids": (
        "arket har ikke stillings-ID og søker-ID og er hoppet over.",
        "the sheet has no posting id and applicant id and was skipped.",
    ),
    "read.header_moved": (
        "overskriftsraden kunne ikke leses på nytt; fjern tomme rader over overskriften.",
        "the header row could not be read again; remove blank rows above the header.",
    ),
    "read.duplicate_field": (
        "både «{first}» og «{second}» er kolonner for {field}; fjern den ene, eller gi dem ulike "
        "navn med --columns.",
        "both '{first}' and '{second}' are columns for {field}; remove one, or tell them apart "
        "with --columns.",
    ),
    "read.nothing_usable": (
        "ingen stilling kan kontrolleres: {read:# rad er lest, og den er lagt til side eller tom|# rader er lest, og alle er lagt til side eller tomme}. Ingen rapport er laget; problemene står under.",
        "no posting can be checked: {read:# row was read, and it was set aside or empty|# rows were read, and every one was set aside or empty}. No report was made; the problems are listed below.",
    ),
    "read.no_role": (
        "filen har bare ID-kolonner; den er verken en søkerliste eller en kortliste. Gi kortlister med --shortlist.",
        "the file has only id columns; it is neither an applicant list nor a shortlist. Give shortlists "
        "with --shortlist.",
    ),
    # --- select ---
    "pack.unknown": ("ukjent regelsett «{name}» (tilgjengelig: {available}).",
                     "unknown rule pack '{name}' (available: {available})."),
    "pack.did_you_mean": ("Mente du {names}?", "Did you mean {names}?"),
    "select.unknown_rule": (
        "{option} {rule}: regelsettet {pack} har ingen regel med denne ID-en (reglene er {ids}).",
        "{option} {rule}: rule pack {pack} has no rule with this id (its rules are {ids}).",
    ),
    "select.did_you_mean": ("Mente du {ids}?", "Did you mean {ids}?"),
    "select.nothing_left": (
        "--select og --ignore lar ingen regel i {pack} stå igjen; det er ingenting å kontrollere.",
        "--select and --ignore leave no rule of {pack}; there is nothing to check.",
    ),
    "read.missing_field_every": (
        "ingen søkerliste har kolonnen for {field} ({headers}), som alle de valgte reglene trenger ({rules}).",
        "no applicant list has the column for {field} ({headers}), which every rule selected needs ({rules}).",
    ),
    "status.unknown": ("--status {value}: ukjent status; velg blant {allowed}.",
                       "--status {value}: unknown status; choose from {allowed}."),
    "report.rules_selected": ("Regler", "Rules"),
    "report.status_filter": (
        "Viser bare stillinger med minst ett funn med status {statuses}: {shown} av {total}. Summene gjelder alle.",
        "Showing only postings with at least one finding with status {statuses}: {shown} of {total}. The totals "
        "count them all.",
    ),
    "inspect.needs_rules": ("--select og --ignore i inspect trenger --rules PAKKE.",
                            "--select and --ignore in inspect need --rules PACK."),
    "preflight.title": ("Forhåndskontroll mot regelsett {pack}", "Pre-flight check against rule pack {pack}"),
    "preflight.runnable": ("Regler som kan kjøres med disse filene: {rules}",
                           "Rules that can run with these files: {rules}"),
    "preflight.lacks": ("{rule} mangler kolonnen for {field} ({headers})",
                        "{rule} lacks the column for {field} ({headers})"),
    # --- h-fixpost: a posting-level rule whose process column is missing runs, as review on every posting ---
    "preflight.review_every": (
        "{rule} mangler kolonnen for {field} ({headers}): regelen blir «til vurdering» på hver stilling den gjelder",
        "{rule} lacks the column for {field} ({headers}): the rule will be 'review' on every posting it applies to",
    ),
    "preflight.ok": ("check kan kjøres med disse filene.", "check can run with these files."),
    "preflight.refused": ("check vil avvise disse filene:", "check would refuse these files:"),
    "preflight.unreadable": ("filene kan ikke leses sammen, så check vil avvise dem:",
                             "the files cannot be read together, so check would refuse them:"),
    "read.no_shortlist": (
        "ingen kortliste: gi intervjulisten med --shortlist FIL, eller bruk en søkerliste med kolonnen "
        "«Innkalt til intervju». Uten den kan ingen regel om innkalling vurderes.",
        "no shortlist: give the interview list with --shortlist FILE, or an applicant list with an "
        "'Innkalt til intervju' column. Without it no interview rule can be assessed.",
    ),
    "read.missing_field": (
        "ingen søkerliste har kolonnen for {field} ({headers}), som regel {rules} trenger. Legg til kolonnen, "
        "eller bruk --ignore {ignore} for å kontrollere uten disse reglene.",
        "no applicant list has the column for {field} ({headers}), which rule {rules} needs. Add the column, "
        "or use --ignore {ignore} to check without those rules.",
    ),
    "read.empty_folder": (
        "mappen har ingen regneark (xlsx, xlsm, xls, ods eller csv).",
        "the folder holds no spreadsheet (xlsx, xlsm, xls, ods or csv).",
    ),
    "read.is_folder": ("dette er en mappe, ikke en fil.", "this is a folder, not a file."),
    "read.no_header_legacy": (
        "fant ingen overskriftsrad med stillings-ID og søker-ID blant de første radene (første rad: {seen}). Teksten er lest som Windows-1252; er filen lagret i en annen tegnkoding, lagre den på nytt som CSV UTF-8.",
        "found no header row with posting id and applicant id among the first rows (first row: {seen}). The text was read as Windows-1252; if the file is in another encoding, save it again as CSV UTF-8.",
    ),
    "read.no_sheet_hidden": (
        "ingen synlige ark har både stillings-ID og søker-ID: {sheets}. Skjulte ark leses ikke ({hidden}); vis arket i Excel hvis dataene står der.",
        "no visible sheet has both a posting id and an applicant id: {sheets}. Hidden sheets are not read ({hidden}); unhide the sheet in Excel if the data is there.",
    ),
    "read.empty_workbook": ("arbeidsboken har ingen celler med innhold.", "the workbook has no cells with content."),
    "read.workbook_named_text": (
        "filen heter {suffix}, men er et regneark (xlsx, xls eller ods); den er lest som regneark.",
        "the file is named {suffix} but is a spreadsheet (xlsx, xls or ods); it was read as a spreadsheet.",
    ),
    "read.text_named_workbook": (
        "filen heter {suffix}, men er ren tekst; den er lest som CSV. Gi den gjerne navnet .csv.",
        "the file is named {suffix} but is plain text; it was read as CSV. Consider naming it .csv.",
    ),
    "read.html": (
        "filen heter {suffix}, men er en nettside (HTML), slik noen systemer lager «Excel-eksport». Åpne den i Excel og lagre som xlsx, eller eksporter som CSV.",
        "the file is named {suffix} but is a web page (HTML), as some systems make their 'Excel export'. Open it in Excel and save it as xlsx, or export as CSV.",
    ),
    "read.xml_spreadsheet": (
        "filen er et XML-regneark fra Excel 2003, som ikke kan leses her. Åpne den i Excel og lagre som xlsx.",
        "the file is an Excel 2003 XML spreadsheet, which cannot be read here. Open it in Excel and save it as xlsx.",
    ),
    "read.binary": (
        "filen heter {suffix}, men er ikke tekst (den inneholder binære data). Eksporter søkerlisten som CSV eller xlsx.",
        "the file is named {suffix} but is not text (it holds binary data). Export the applicant list as CSV or xlsx.",
    ),
    "read.corrupt_zip": (
        "filen er skadet eller avkuttet: zip-arkivet et regneark består av, kan ikke åpnes ({error}). Eksporter eller last den ned på nytt.",
        "the file is damaged or cut short: the zip archive a spreadsheet is made of cannot be opened ({error}). Export or download it again.",
    ),
    "read.password": (
        "filen er passordbeskyttet (kryptert) og kan ikke leses. Lagre en kopi uten passord (Fil > Info > Beskytt arbeidsbok > Krypter med passord: tøm feltet) og bruk den.",
        "the file is password-protected (encrypted) and cannot be read. Save a copy without a password (File > Info > Protect Workbook > Encrypt with Password: clear it) and use that.",
    ),
    "read.zip_bomb": (
        "filen er avvist uten å pakkes ut: delen «{member}» ville bli {size} MiB, {ratio} ganger større enn pakket (grensen er {limit} ganger). Slik ser en zip-bombe ut, ikke en eksport.",
        "the file was refused without unpacking it: its part '{member}' would be {size} MiB, {ratio} times its packed size (the limit is {limit} times). That is what a zip bomb looks like, not an export.",
    ),
    "read.zip_too_large": (
        "filen er avvist uten å pakkes ut: innholdet ville bli {size} MiB utpakket (grensen er {limit} MiB). Del eksporten i flere filer.",
        "the file was refused without unpacking it: its content would be {size} MiB unpacked (the limit is {limit} MiB). Split the export into several files.",
    ),
    "read.zip_overlap": (
        "filen er avvist uten å pakkes ut: delene i zip-arkivet overlapper hverandre, slik en zip-bombe gjør, ikke en eksport.",
        "the file was refused without unpacking it: the parts of its zip archive overlap, as a zip bomb's do, not an export's.",
    ),
    # --- guards ---
    "read.huge_range_ods": (
        "arket ville fylle {cells} celler (ut til celle {corner}), flere enn de {limit} som kan leses: en rad eller celle med innhold er gjentatt svært mange ganger. Slett radene og kolonnene etter dataene og lagre.",
        "the sheet would fill {cells} cells (out to cell {corner}), more than the {limit} that can be read: a row or cell with content is repeated very many times. Delete the rows and columns after the data and save.",
    ),
    "read.huge_range": (
        "arket går helt ut til celle {corner}: {cells} celler, flere enn de {limit} som kan leses. Er det en verdi langt unna resten? Slett radene og kolonnene etter dataene (eller kopier dataene til et nytt ark) og lagre.",
        "the sheet reaches out to cell {corner}: {cells} cells, more than the {limit} that can be read. Is there a value far away from the rest? Delete the rows and columns after the data (or copy the data to a new sheet) and save.",
    ),
    "read.zip_bomb_hidden": (
        "filen er avvist: delen «{member}» sier den er {said} byte utpakket, men pakkes ut til minst {size} MiB (over {limit} ganger større enn pakket). Slik ser en zip-bombe ut, ikke en eksport.",
        "the file was refused: its part '{member}' says it is {said} bytes unpacked, but unpacks to at least {size} MiB (over {limit} times its packed size). That is what a zip bomb looks like, not an export.",
    ),
    "read.zip_too_large_hidden": (
        "filen er avvist: zip-arkivet sier innholdet er {said} MiB utpakket, men det pakkes ut til minst {size} MiB (grensen er {limit} MiB). Slik ser en zip-bombe ut, ikke en eksport.",
        "the file was refused: its zip archive says its content is {said} MiB unpacked, but it unpacks to at least {size} MiB (the limit is {limit} MiB). That is what a zip bomb looks like, not an export.",
    ),
    "read.zip_method": (
        "delen «{member}» i zip-arkivet er pakket med en metode (nr. {method}) som regneark ikke bruker; lagre filen på nytt i Excel eller LibreOffice.",
        "the part '{member}' of the zip archive is packed with a method (no. {method}) spreadsheets do not use; save the file again in Excel or LibreOffice.",
    ),
    "key.not_file": (
        "nøkkelfilen er ikke en vanlig fil (en enhet, mappe eller rørledning); legg nøkkelen i en vanlig tekstfil.",
        "the key file is not a regular file (a device, folder or pipe); put the key in an ordinary text file.",
    ),
    "key.too_long": (
        "nøkkelfilen er lengre enn {limit} byte; er det riktig fil? En nøkkel er én linje.",
        "the key file is longer than {limit} bytes; is it the right file? A key is one line.",
    ),
    "key.blank": (
        "nøkkelen til --pseudonymise (i {env} eller nøkkelfilen) består bare av mellomrom; det er ingen hemmelighet.",
        "the key for --pseudonymise (in {env} or the key file) is only blanks; that is no secret.",
    ),
    "read.not_workbook": (
        "filen er et zip-arkiv uten arbeidsbok (ingen xl/workbook.xml eller content.xml); er det et annet dokument med feil navn?",
        "the file is a zip archive without a workbook (no xl/workbook.xml or content.xml); is it another document with the wrong name?",
    ),
    "read.no_rows": (
        "arket har overskrifter, men ingen rader under dem; ingen stillinger er lest herfra.",
        "the sheet has headers but no rows below them; no postings were read from it.",
    ),
    "read.beyond_excel_rows": (
        "filen har {rows} rader, flere enn Excel tillater ({limit}); alle er lest, men er filen satt sammen av flere, eller ble den kuttet da den ble åpnet i Excel?",
        "the file has {rows} rows, more than Excel allows ({limit}); all were read, but was this file joined from several, or cut when it was opened in Excel?",
    ),
    "read.excel_row_limit": (
        "arket slutter på Excels siste rad ({limit}); eksporten kan være kuttet, og søkere kan mangle.",
        "the sheet ends on Excel's last row ({limit}); the export may have been cut, and applicants may be missing.",
    ),
    "read.merged_filled": (
        "sammenslått celle til og med rad {last}: stillingsverdien er brukt på alle radene den dekker.",
        "merged cell down to row {last}: the posting's value is used for every row it covers.",
    ),
    "read.merged_blank": (
        "cellen er dekket av en sammenslått celle (til og med rad {last}); verdien står bare i den første cellen, så de dekkede cellene er lest som ukjente. Del opp sammenslåingen og fyll inn hver rad.",
        "the cell is covered by a merged cell (down to row {last}); the value is only in the first cell, so the covered cells were read as unknown. Unmerge the cells and fill in each row.",
    ),
    "value.formula_no_value": (
        "cellen har en formel uten beregnet verdi (filen er laget av et program, ikke lagret i Excel); lest som ukjent. Åpne og lagre filen i Excel, eller lim inn verdiene.",
        "the cell holds a formula without a computed value (the file was made by a program, not saved in Excel); read as unknown. Open and save the file in Excel, or paste the values.",
    ),
    "value.cell_error": (
        "cellen har Excel-feilen {error}; lest som ukjent.",
        "the cell holds the Excel error {error}; read as unknown.",
    ),
    "value.bad_id": (
        "ID-en er et tall i eksponentform (som 1,23457E+11): Excel har mistet sifre. Raden er lagt til side; formater ID-kolonnen som tekst før eksport.",
        "the id is a number in scientific notation (like 1.23457E+11): Excel has lost digits. The row was set aside; format the id column as text before exporting.",
    ),
    # --- proxy ---
    "proxy.alias_group": (
        "[aliases].{field} = «{alias}»: overskriften handler om {kind}. Gruppetilhørighet kommer bare fra søkerens egen erklæring, aldri fra en kolonne som kan avsløre eller antyde den (likestillings- og diskrimineringsloven § 30).",
        "[aliases].{field} = '{alias}': the header is about {kind}. Group membership comes only from the applicant's own declaration, never from a column that could reveal or suggest it (Equality and Anti-Discrimination Act § 30).",
    ),
    "proxy.alias_personal": (
        "[aliases].{field} = «{alias}»: overskriften handler om {kind}. Verktøyet leser aldri navn, e-post, fødselsnummer, fødselsdato, telefon eller adresse; pek [aliases].{field} på en annen kolonne.",
        "[aliases].{field} = '{alias}': the header is about {kind}. The tool never reads names, e-mail addresses, national id numbers, birth dates, phone numbers or addresses; point [aliases].{field} at another column.",
    ),
    "proxy.group_values": (
        "kolonnen kan ikke brukes for {field}: bare {share} % av de utfylte cellene er en egenerklæring i en kjent form ({forms}). Gruppetilhørighet kommer bare fra søkerens egen erklæring, aldri fra andre opplysninger om søkeren. Bruk kolonnen med søkernes egenerklæring om {field} (gi overskriften med --columns om den ikke gjenkjennes).",
        "the column cannot be used for {field}: only {share}% of its filled cells are a declaration in a known form ({forms}). Group membership comes only from the applicant's own declaration, never from other information about the applicant. Use the column holding the applicants' own declaration of {field} (give its header with --columns if it is not recognised).",
    ),
    "proxy.personal_values.email": (
        "kolonnen kan ikke brukes som {field}: {share} % av de utfylte cellene er personopplysninger, for det meste e-postadresser. Verktøyet leser aldri slike opplysninger; bruk en annen kolonne for {field}.",
        "the column cannot be used as the {field}: {share}% of its filled cells are personal data, mostly e-mail addresses. The tool never reads such data; use another column for the {field}.",
    ),
    "proxy.personal_values.national_id": (
        "kolonnen kan ikke brukes som {field}: {share} % av de utfylte cellene er personopplysninger, for det meste fødselsnumre eller D-numre. Verktøyet leser aldri slike opplysninger; bruk en annen kolonne for {field}.",
        "the column cannot be used as the {field}: {share}% of its filled cells are personal data, mostly national id numbers (fødselsnummer or D-nummer). The tool never reads such data; use another column for the {field}.",
    ),
    "proxy.personal_values.name": (
        "kolonnen kan ikke brukes som {field}: {share} % av de utfylte cellene er personopplysninger, for det meste navn. Verktøyet leser aldri slike opplysninger; bruk en annen kolonne for {field}.",
        "the column cannot be used as the {field}: {share}% of its filled cells are personal data, mostly names. The tool never reads such data; use another column for the {field}.",
    ),
    "proxy.kind.national_id": ("fødselsnummer eller annet personnummer", "a national id number"),
    "proxy.kind.birth": ("fødsel (fødselsdato, fødeland eller fødested)", "birth (date, country or place of birth)"),
    "proxy.kind.email": ("e-post", "e-mail"),
    "proxy.kind.phone": ("telefon", "phone numbers"),
    "proxy.kind.address": ("adresse eller bosted", "address or place of residence"),
    "proxy.kind.name": ("navn", "names"),
    "proxy.kind.nationality": ("nasjonalitet eller statsborgerskap", "nationality or citizenship"),
    "proxy.kind.country": ("land", "a country"),
    "proxy.kind.ethnicity": ("etnisitet", "ethnicity"),
    "proxy.kind.origin": ("opprinnelse eller herkomst", "origin or descent"),
    "proxy.kind.skin": ("hudfarge", "skin colour"),
    "proxy.kind.language": ("språk eller morsmål", "language or mother tongue"),
    "proxy.kind.religion": ("religion, tro eller livssyn", "religion, faith or belief"),
    "proxy.kind.residence": ("pass, visum eller oppholdstillatelse", "passport, visa or residence permit"),
    "proxy.kind.photo": ("bilde", "photos"),
    "proxy.kind.salutation": ("tiltaleform", "forms of address"),
    "row.too_many_fields": (
        "raden har {fields} felt, overskriften {header}; en skilletegn i en verdi uten anførselstegn forskyver kolonnene. Raden er lagt til side.",
        "the row has {fields:# field|# fields}, the header {header}; a separator inside an unquoted value shifts the columns. The row was set aside.",
    ),
    "row.too_few_fields": (
        "raden har bare {fields} felt, overskriften {header}; et linjeskift i en verdi uten anførselstegn deler en rad i to. Raden er lagt til side.",
        "the row has only {fields:# field|# fields}, the header {header}; a line break inside an unquoted value splits a row in two. The row was set aside.",
    ),
    "row.line_break": (
        "radene {first} og {last} ser ut som én rad delt av et linjeskift i en verdi uten anførselstegn; begge er lagt til side. Sett verdien i anførselstegn eller fjern linjeskiftet.",
        "rows {first} and {last} look like one row split by a line break inside an unquoted value; both were set aside. Quote the value or remove the line break.",
    ),
    "read.csv_stray_quote": (
        "et anførselstegn på linje {first} åpner en verdi som ikke lukkes før linje {last}, og linjene imellom ville blitt slukt. Filen er avvist; fjern anførselstegnet eller doble det (\"\").",
        "a quote on line {first} opens a value that is not closed before line {last}, and the lines between would be swallowed. The file was refused; remove the quote or double it (\"\").",
    ),
    "row.unknown_applicant_near": (
        "søker {applicant} i stilling {posting} står på kortlisten, men ikke i noen søkerliste; søkerlisten har {near}. ID-er sammenlignes nøyaktig (store/små bokstaver og innledende nuller teller), bare mellomrom før og etter fjernes.",
        "applicant {applicant} in posting {posting} is on the shortlist but in no applicant list; the applicant list has {near}. Ids are compared exactly (case and leading zeros count); only spaces before and after are removed.",
    ),
    "table.no_header": ("fant ingen overskriftsrad med kolonnene {columns}.", "found no header row with the columns {columns}."),
    "read.toml": ("ugyldig TOML: {error}", "invalid TOML: {error}"),
    # --- outputs ---
    "read.no_header_hidden": (
        "fant ingen overskriftsrad med stillings-ID og søker-ID blant de første radene. Første rad har {cells} "
        "celler som ser ut som data og derfor ikke vises her (kjente overskrifter i den: {seen}). "
        "Se `rekruttering columns` for overskrifter som gjenkjennes, eller legg til dine egne med --columns.",
        "found no header row with posting id and applicant id among the first rows. The first row has {cells} "
        "cells that look like data and are therefore not shown here (known headers in it: {seen}). "
        "See `rekruttering columns` for the headers recognised, or add your own with --columns.",
    ),
    "read.no_header_hidden_legacy": (
        "fant ingen overskriftsrad med stillings-ID og søker-ID blant de første radene. Første rad har {cells} "
        "celler som ser ut som data og derfor ikke vises her (kjente overskrifter i den: {seen}). Teksten er "
        "lest som Windows-1252; er filen lagret i en annen tegnkoding, lagre den på nytt som CSV UTF-8.",
        "found no header row with posting id and applicant id among the first rows. The first row has {cells} "
        "cells that look like data and are therefore not shown here (known headers in it: {seen}). The text was "
        "read as Windows-1252; if the file is in another encoding, save it again as CSV UTF-8.",
    ),
    "output.written": ("Rapporten er skrevet til {path}.", "Report written to {path}."),
    "output.exists": (
        "{path}: filen finnes allerede; bruk --force for å overskrive den.",
        "{path}: the file exists; use --force to overwrite it.",
    ),
    "output.folder": ("{path}: er en mappe, ikke en fil.", "{path}: is a folder, not a file."),
    "output.is_input": (
        "{path}: er en av inndatafilene ({input}); rapporten skrives aldri over den, heller ikke med --force. "
        "Velg et annet filnavn.",
        "{path}: is one of the input files ({input}); the report never overwrites it, not even with --force. "
        "Choose another file name.",
    ),
    "output.device": (
        "{path}: er en enhet, ikke en vanlig fil; rapporten skrives ikke dit, heller ikke med --force.",
        "{path}: is a device, not a regular file; the report is not written there, not even with --force.",
    ),
    "output.fifo": (
        "{path}: er en navngitt rørledning (FIFO), ikke en vanlig fil; rapporten skrives ikke dit, heller ikke "
        "med --force. Uten --output skrives rapporten til standard ut.",
        "{path}: is a named pipe (FIFO), not a regular file; the report is not written there, not even with "
        "--force. Without --output the report goes to standard output.",
    ),
    "output.special": (
        "{path}: er ikke en vanlig fil; rapporten skrives ikke dit, heller ikke med --force.",
        "{path}: is not a regular file; the report is not written there, not even with --force.",
    ),
    "output.symlink": (
        "{path}: er en symbolsk lenke; rapporten skrives ikke gjennom lenker, heller ikke med --force. "
        "Gi selve målfilen.",
        "{path}: is a symbolic link; the report is not written through links, not even with --force. "
        "Give the target file itself.",
    ),
    "output.unwritable": (
        "{path}: rapporten kan ikke skrives ({error}); en eventuell tidligere rapport er urørt.",
        "{path}: the report cannot be written ({error}); any earlier report is untouched.",
    ),
    "output.format_conflict": (
        "--format {format} passer ikke med filnavnet {path}, som betyr {implied}; ta bort --format eller "
        "endre filnavnet.",
        "--format {format} does not match the file name {path}, which means {implied}; drop --format or "
        "change the file name.",
    ),
    "output.xlsx_needs_file": (
        "xlsx skrives til fil: bruk --output FIL.xlsx.",
        "xlsx is written to a file: use --output FILE.xlsx.",
    ),
    "justification.incomplete": ("begrunnelsen mangler stillings-ID eller regel og er ikke brukt.", "the justification has no posting id or rule and was not used."),
    "justification.empty": ("begrunnelsen for {rule} i stilling {posting} er tom; en tom begrunnelse er ingen begrunnelse.", "the justification for {rule} in posting {posting} is empty; an empty justification is no justification."),
    "workforce.bad_row": ("raden har ikke enhet og gyldige antall eller andeler og er ikke brukt.", "the row has no unit and valid counts or shares and was not used."),
    "problem.more": ("… og {count} til av samme slag.", "… and {count} more of the same kind."),
    # --- words13 ---
    # a problem's level, where a problem is listed with it (inspect)
    "level.warning": ("advarsel", "warning"),
    "level.error": ("feil", "error"),
    # union representatives' closing line: the counts, no instruction (fixing is HR's job)
    "report.verdict.tillitsvalgt": (
        "{count} brudd uten begrunnelse, {review} til vurdering.",
        "{count:# unjustified breach|# unjustified breaches}, {review} to review.",
    ),
    "summary.verdict.tillitsvalgt": (
        "{count} brudd uten begrunnelse og {review} til vurdering i perioden.",
        "{count:# unjustified breach|# unjustified breaches} and {review} to review in the period.",
    ),
    # values
    "value.bad_yesno": (
        "verdien er verken ja eller nei; lest som ukjent, og regler som avhenger av den, får status «til vurdering».",
        "the value is neither yes nor no; read as unknown, and rules that depend on it give 'review'.",
    ),
    "value.bad_date": (
        "«{value}» er ingen gyldig søknadsfrist (dd.mm.åååå, åååå-mm-dd eller Excel-dato, mellom 1990 og 2100); tolket som ukjent.",
        "'{value}' is not a valid deadline (dd.mm.yyyy, yyyy-mm-dd or an Excel date, between 1990 and 2100); read as unknown.",
    ),
    "value.bad_rank": ("rangeringen er ikke et tall fra 1 og oppover; tolket som ukjent.", "the rank is not a number from 1 up; read as unknown."),
    "value.bad_number": (
        "verdien er ikke et gyldig tall (ikke negativt, ikke uendelig); tolket som ukjent.",
        "the value is not a valid number (not negative, not infinite); read as unknown.",
    ),
    "value.bad_posting_type": (
        "ukjent utlysningstype «{value}» (ekstern, intern, unntatt, reservert, avlyst); lest som ukjent.",
        "unknown posting type '{value}' (ekstern, intern, unntatt, reservert, avlyst); read as unknown.",
    ),
    "value.bad_gender": ("kjønnet er verken kvinne, mann eller annet; lest som ukjent.", "the gender is neither woman, man nor other; read as unknown."),
    "value.bad_country_group": ("landgruppen er verken 1 eller 2; lest som ukjent.",
                                "the country group is neither 1 nor 2; read as unknown."),
    "value.slash_date": (
        "datoer med skråstrek (som «{value}») er lest som dag/måned/år; sjekk at eksporten ikke bruker måned/dag.",
        "dates with slashes (like '{value}') were read as day/month/year; check that the export does not use month/day.",
    ),
    "value.bad_text": ("ugyldig tekst.", "invalid text."),
    # rows
    "row.missing_id": ("raden mangler ID og er lagt til side.", "the row has no id and was set aside."),
    "row.empty": ("{count:# tom rad er lagt til side|# tomme rader er lagt til side (første vist her)}.",
                  "{count:# empty row was set aside|# empty rows were set aside (the first shown here)}."),
    "row.duplicate_applicant": (
        "søker {applicant} står flere ganger i stilling {posting} (også {first}); radene sier det samme og er slått sammen.",
        "applicant {applicant} appears more than once in posting {posting} (also {first}); the rows agree and were merged.",
    ),
    "row.duplicate_shortlist": (
        "søker {applicant} står flere ganger på kortlisten for {posting} (også {first}); radene sier det samme og er slått sammen.",
        "applicant {applicant} appears more than once on the shortlist of {posting} (also {first}); the rows agree and were merged.",
    ),
    "row.conflict": (
        "søker {applicant} i stilling {posting}: denne raden og {first} sier ulike ting om {fields}; regler som avhenger av det, får status «til vurdering».",
        "applicant {applicant} in posting {posting}: this row and {first} disagree about {fields}; rules that depend on it give 'review'.",
    ),
    "read.shortlist_matches_nothing": (
        "{rows:raden står ikke|ingen av de # radene står} i noen søkerliste (samme stillings-ID og søker-ID). Er det feil fil, eller er den fra en annen eksport enn søkerlisten?",
        "{rows:its one row is not|none of its # rows is} in any applicant list (same posting id and applicant id). Is it the wrong file, or from another export than the applicant list?",
    ),
    "read.shortlist_is_applicants": (
        "filen er gitt med --shortlist, men ser ut som en søkerliste: den har søkernes egenerklæringer og ingen kortlistekolonne (som «Innkalt til intervju» eller «Rangering»). Gi søkerlisten uten --shortlist og kortlisten med --shortlist.",
        "the file is given with --shortlist but looks like an applicant list: it has the applicants' declarations and no shortlist column (like 'Innkalt til intervju' or 'Rangering'). Give the applicant list without --shortlist and the shortlist with --shortlist.",
    ),
    "read.applicants_is_shortlist": (
        "filen er gitt som søkerliste, men ser ut som en kortliste: den har kortlistekolonner og ingen søkerkolonner (som «Kvalifisert» eller «Innvandrerbakgrunn»), og ingen annen fil er en søkerliste. Gi søkerlisten først og kortlisten med --shortlist.",
        "the file is given as an applicant list but looks like a shortlist: it has shortlist columns and no applicant columns (like 'Kvalifisert' or 'Innvandrerbakgrunn'), and no other file is an applicant list. Give the applicant list first and the shortlist with --shortlist.",
    ),
    "read.no_applicants": (
        "ingen av filene er en søkerliste (med kolonner som «Kvalifisert» og «Innvandrerbakgrunn»); gi søkerlisten uten --shortlist.",
        "none of the files is an applicant list (with columns like 'Kvalifisert' and 'Innvandrerbakgrunn'); give the applicant list without --shortlist.",
    ),
    "row.unknown_applicant": (
        "søker {applicant} i stilling {posting} står på kortlisten, men ikke i noen søkerliste.",
        "applicant {applicant} in posting {posting} is on the shortlist but in no applicant list.",
    ),
    "posting.conflict": (
        "stilling {posting} har ulike verdier i denne kolonnen («{kept}» og «{other}»); regler som avhenger av den, får status «til vurdering».",
        "posting {posting} has different values in this column ('{kept}' and '{other}'); rules that depend on it give 'review'.",
    ),
    "posting.not_found": ("fant ingen stilling med ID {posting} i filene.", "no posting with id {posting} in the files."),
    # groups and posting types
    "group.immigrant_background": ("innvandrerbakgrunn", "immigrant background"),
    "group.immigrant_background.2": ("ikke-vestlig innvandrerbakgrunn (landgruppe 2)",
                                     "non-western immigrant background (country group 2)"),
    "group.immigrant_background.1": ("innvandrerbakgrunn fra landgruppe 1", "immigrant background, country group 1"),
    "group.disability": ("nedsatt funksjonsevne", "disability"),
    "group.cv_gap": ("hull i CV", "a gap in the CV"),
    "group.gender": ("underrepresentert kjønn", "the under-represented gender"),
    "posting_type.external": ("ekstern", "external"),
    "posting_type.internal": ("intern", "internal"),
    "posting_type.exempt": ("unntatt fra utlysning", "exempt from advertising"),
    "posting_type.reserved": ("reservert", "reserved"),
    "posting_type.cancelled": ("avlyst", "cancelled"),
    # interview_minimum
    "interview_minimum.met": (
        "Minst {min:# kvalifisert søker|# kvalifiserte søkere} med {group} er innkalt til intervju.",
        "At least {min:# qualified applicant|# qualified applicants} with {group} {min:is|are} invited to interview.",
    ),
    "interview_minimum.not_invited": (
        "Ingen kvalifisert søker med {group} er innkalt til intervju (kravet er minst {min}).",
        "No qualified applicant with {group} is invited to interview (at least {min} required).",
    ),
    "interview_minimum.invite_before_recommendation": (
        "Ingen kvalifisert søker med {group} er innkalt; minst {min} skal intervjues før innstilling.",
        "No qualified applicant with {group} is invited; at least {min} must be interviewed before the "
        "recommendation is made.",
    ),
    "interview_minimum.recommended_without_interview": (
        "Innstilling eller ansettelse er registrert uten at noen kvalifisert søker med {group} er innkalt til intervju.",
        "A recommendation or hire is recorded although no qualified applicant with {group} was invited to interview.",
    ),
    "interview_minimum.qualification_unknown": (
        "Søkere med {group} er ikke vurdert som kvalifisert eller ikke; vurder dem før intervjuene.",
        "Applicants with {group} have not been assessed as qualified or not; assess them before the interviews.",
    ),
    "interview_minimum.invited_unknown_qualification": (
        "Innkalt søker med {group} mangler vurdering av kvalifikasjon; regelen er oppfylt bare hvis søkeren er kvalifisert.",
        "An invited applicant with {group} has no qualification assessment; the rule is met only if the applicant "
        "is qualified.",
    ),
    "interview_minimum.country_group_unknown": (
        "Søkere har oppgitt innvandrerbakgrunn uten landgruppe; det kan ikke avgjøres om regelen gjelder.",
        "Applicants declared immigrant background without a country group; whether the rule applies cannot be decided.",
    ),
    "interview_minimum.nobody_declared": (
        "Ingen søker har oppgitt {group}.", "No applicant declared {group}.",
    ),
    "interview_minimum.none_qualified": (
        "Ingen søker med {group} er kvalifisert og fortsatt med i prosessen.",
        "No applicant with {group} is qualified and still in the process.",
    ),
    "common.posting_type": (
        "Gjelder ikke: stillingen er {type}.", "Does not apply: the posting is {type}.",
    ),
    "common.not_in_force_yet": (
        "Gjelder ikke: regelen gjelder stillinger med søknadsfrist fra {date}.",
        "Does not apply: the rule covers postings with a deadline from {date}.",
    ),
    "common.no_longer_in_force": (
        "Gjelder ikke: regelen gjaldt stillinger med søknadsfrist til {date}.",
        "Does not apply: the rule covered postings with a deadline until {date}.",
    ),
    "common.deadline_unknown": (
        "Søknadsfristen er ukjent, så det kan ikke avgjøres om regelen gjaldt.",
        "The deadline is unknown, so whether the rule was in force cannot be decided.",
    ),
    "common.value_unknown": (
        "Kan ikke avgjøres: eksporten har verdier som ikke kan leses ({fields}), og svaret avhenger av dem. Rett cellene og kjør på nytt.",
        "Cannot be decided: the export has values that cannot be read ({fields}), and the answer depends on them. Correct the cells and run again.",
    ),
    "common.conflicting_input": (
        "Kan ikke avgjøres: rader eller filer sier ulike ting om {fields}, og svaret avhenger av hvilken som stemmer. Rett eksportene og kjør på nytt.",
        "Cannot be decided: rows or files disagree about {fields}, and the answer depends on which is right. Correct the exports and run again.",
    ),
    "common.rows_set_aside": (
        "Kan ikke avgjøres: {count:# rad|# rader} som kan høre til stillingen, er lagt til side fordi {count:den|de} ikke kunne leses (se advarslene), og regelen kan avhenge av {count:den|dem}. Rett {count:raden|radene} og kjør på nytt.",
        "Cannot be decided: {count:# row|# rows} that may belong to the posting {count:was|were} set aside because {count:it|they} could not be read (see the warnings), and the rule may depend on {count:it|them}. Correct the {count:row|rows} and run again.",
    ),
    "public.common.input_unclear": (
        "Kan ikke avgjøres ut fra eksportene; saksbehandler må rette inndata.",
        "Cannot be decided from the exports; the case handler must correct the input.",
    ),
    # what a field is called in a sentence
    "field.posting_id": ("stillings-ID", "posting id"),
    "field.posting_title": ("stillingstittel", "posting title"),
    "field.unit": ("enhet", "unit"),
    "field.deadline": ("søknadsfrist", "deadline"),
    "field.posting_type": ("utlysningstype", "posting type"),
    "field.reserved_for": ("reservert for", "reserved for"),
    "field.underrepresented_gender": ("underrepresentert kjønn", "under-represented gender"),
    "field.applicant_id": ("søker-ID", "applicant id"),
    "field.qualified": ("kvalifisert", "qualified"),
    "field.immigrant_background": ("innvandrerbakgrunn", "immigrant background"),
    "field.country_group": ("landgruppe", "country group"),
    "field.disability": ("nedsatt funksjonsevne", "disability"),
    "field.cv_gap": ("hull i CV", "gap in the CV"),
    "field.gender": ("kjønn", "gender"),
    "field.withdrawn": ("trukket", "withdrawn"),
    "field.invited": ("innkalt til intervju", "invited to interview"),
    "field.rank": ("rangering", "rank"),
    "field.score": ("poeng", "score"),
    "field.recommended": ("innstilt", "recommended"),
    "field.hired": ("ansatt", "hired"),
    "field.justification": ("begrunnelse", "justification"),
    "finding.as_of": (
        "(Eksporten har ingen søknadsfrist for stillingen; regelens datoer er vurdert per {date}.)",
        "(The export has no deadline for the posting; the rule's dates were judged as of {date}.)",
    ),
    "report.as_of": (
        "{count:# stilling|# stillinger} har ingen søknadsfrist i eksporten; regler med datoer er vurdert per {date} (velg en annen dato med --as-of).",
        "{count:# posting has|# postings have} no deadline in the export; rules with dates were judged as of {date} (choose another date with --as-of).",
    ),
    "finding.applicant_rank": ("{id} (rang {rank})", "{id} (rank {rank})"),
    "finding.applicants.breach": ("Gjelder: {applicants}.", "Concerns: {applicants}."),
    "finding.applicants.justified": ("Gjelder: {applicants}.", "Concerns: {applicants}."),
    "finding.applicants.review": ("Gjelder: {applicants}.", "Concerns: {applicants}."),
    "finding.applicants.met": ("Gjelder: {applicants}.", "Concerns: {applicants}."),
    "finding.applicants.interview_minimum.not_invited": ("Ikke innkalt: {applicants}.", "Not invited: {applicants}."),
    "finding.applicants.interview_minimum.invite_before_recommendation": ("Ikke innkalt: {applicants}.", "Not invited: {applicants}."),
    "finding.applicants.interview_minimum.recommended_without_interview": ("Ikke innkalt: {applicants}.", "Not invited: {applicants}."),
    "finding.applicants.moderate_quotation.radical_quotation": ("Forbigått: {applicants}.", "Passed over: {applicants}."),
    "finding.applicants.moderate_quotation.near_equal_passed_over": ("Nesten like godt kvalifisert: {applicants}.", "Nearly as well qualified: {applicants}."),
    "finding.applicants.moderate_quotation.chosen_not_qualified": ("Valgt: {applicants}.", "Chosen: {applicants}."),
    "finding.applicants.moderate_quotation.chosen_qualification_unknown": ("Valgt: {applicants}.", "Chosen: {applicants}."),
    "finding.applicants.moderate_quotation.chosen_group_unknown": ("Valgt: {applicants}.", "Chosen: {applicants}."),
    "finding.applicants.reserved_posting.outside_reservation": ("Innkalt eller ansatt: {applicants}.", "Invited or hired: {applicants}."),
    # moderate_quotation
    "quotation.detail.score": ("poengforskjell {gap} % av beste poengsum, toleranse {tolerance} %", "score gap {gap} % of the best score, tolerance {tolerance} %"),
    "quotation.detail.rank": ("rangavstand {gap}, toleranse {tolerance}", "rank distance {gap}, tolerance {tolerance}"),
    "quotation.duty.shall": (" Når søkerne er tilnærmet like godt kvalifisert, skal søkeren fra gruppen foretrekkes.", " Where applicants are nearly equally qualified, the applicant from the group shall be preferred."),
    "quotation.duty.may": (" Søkeren fra gruppen kan foretrekkes når søkerne er tilnærmet like godt kvalifisert.", " The applicant from the group may be preferred where applicants are nearly equally qualified."),
    "moderate_quotation.column_missing": ("Kan ikke vurderes: eksportene mangler kolonnen for {columns}.", "Cannot be assessed: the exports have no column for {columns}."),
    "moderate_quotation.no_choice": ("Gjelder ikke ennå: ingen innstilling eller ansettelse er registrert.", "Does not apply yet: no recommendation or hire is recorded."),
    "moderate_quotation.no_ranking": ("Gjelder ikke: kortlisten har verken rangering eller poeng, så søkerne kan ikke sammenlignes.", "Does not apply: the shortlist has neither rank nor score, so applicants cannot be compared."),
    "moderate_quotation.workforce_unknown": ("Gjelder ikke: kjønnsbalansen i enheten er ukjent (gi --workforce eller kolonnen «Underrepresentert kjønn»).", "Does not apply: the unit's gender balance is unknown (give --workforce or an 'Underrepresentert kjønn' column)."),
    "moderate_quotation.balanced": ("Gjelder ikke: ingen av kjønnene er under {threshold} % i enheten.", "Does not apply: neither gender is below {threshold} % in the unit."),
    "moderate_quotation.chosen_not_qualified": ("Den valgte søkeren er vurdert som ikke kvalifisert.", "The chosen applicant was assessed as not qualified."),
    "moderate_quotation.chosen_qualification_unknown": ("Den valgte søkeren mangler vurdering av kvalifikasjon.", "The chosen applicant has no qualification assessment."),
    "moderate_quotation.chosen_group_unknown": ("Det kan ikke avgjøres om den valgte søkeren hører til gruppen (landgruppe mangler).", "Whether the chosen applicant belongs to the group cannot be decided (country group missing)."),
    "moderate_quotation.radical_quotation": ("Utover moderat kvotering (radikal kvotering): en søker med {group} ble valgt framfor en klart bedre kvalifisert søker ({detail}).", "Beyond moderate quotation (radical quotation): an applicant with {group} was chosen over a clearly better qualified applicant ({detail})."),
    "moderate_quotation.quotation_used": ("Moderat kvotering er brukt: en søker med {group} ble valgt innenfor toleransen ({detail}).", "Moderate quotation used: an applicant with {group} was chosen within the tolerance ({detail})."),
    "moderate_quotation.chosen_best": ("Den best kvalifiserte søkeren ble valgt.", "The best qualified applicant was chosen."),
    "moderate_quotation.near_equal_passed_over": ("Moderat kvotering kan ha vært aktuelt: en kvalifisert søker med {group} var innenfor toleransen av den valgte ({detail}).{duty} Vurder og begrunn valget.", "Moderate quotation may have applied: a qualified applicant with {group} was within the tolerance of the chosen one ({detail}).{duty} Assess and justify the choice."),
    "moderate_quotation.no_near_equal": ("Ingen kvalifisert søker med {group} var innenfor toleransen av den valgte ({detail}).", "No qualified applicant with {group} was within the tolerance of the chosen one ({detail})."),
    "moderate_quotation.no_member": ("Gjelder ikke: ingen kvalifisert søker med {group} er rangert eller har poeng.", "Does not apply: no qualified applicant with {group} is ranked or scored."),
    # what union representatives read instead (privacy.PUBLIC_REASONS)
    "public.interview_minimum.no_qualified_declared": ("Gjelder ikke: ingen kvalifisert søker med {group} er med i prosessen.", "Does not apply: no qualified applicant with {group} is in the process."),
    "public.moderate_quotation.kept": ("Valget er i samsvar med regelen om moderat kvotering.", "The choice is in line with the rule on moderate quotation."),
    "public.moderate_quotation.not_kept": ("Valget er ikke i samsvar med regelen om moderat kvotering.", "The choice is not in line with the rule on moderate quotation."),
    "public.moderate_quotation.needs_judgement": ("Valget må vurderes av en person mot regelen om moderat kvotering.", "The choice must be judged by a person against the rule on moderate quotation."),
    "public.moderate_quotation.no_comparison": ("Gjelder ikke: det er ingen sammenligning å gjøre for denne gruppen.", "Does not apply: there is no comparison to make for this group."),
    "public.reserved_posting.kept": ("Innkallingene og ansettelsen er i samsvar med reservasjonen.", "Invitations and the hire are in line with the reservation."),
    "public.reserved_posting.not_kept": ("Innkallingene eller ansettelsen er ikke i samsvar med reservasjonen.", "Invitations or the hire are not in line with the reservation."),
    "public.reserved_posting.needs_judgement": ("Reservasjonen kan ikke avgjøres før kvalifikasjonen til søkere i prosessen er vurdert; saksbehandler må vurdere.", "The reservation cannot be decided until the qualification of applicants in the process has been assessed; the case handler must assess."),
    # --- wording ---
    "moderate_quotation.member_ranked_higher": (
        "En kvalifisert søker med {group} lå foran den valgte ({detail}), men ble forbigått. Det er ikke moderat "
        "kvotering; en person må vurdere valget, og det må begrunnes skriftlig.",
        "A qualified applicant with {group} was ahead of the one chosen ({detail}) but was passed over. That is not "
        "moderate quotation; a person must judge the choice, and it must be justified in writing.",
    ),
    "finding.applicants.moderate_quotation.member_ranked_higher": (
        "Rangert foran den valgte: {applicants}.", "Ranked ahead of the one chosen: {applicants}.",
    ),
    # what union representatives read: the rule and the posting's process, never who declared
    "public.interview_minimum.kept": (
        "Innkallingene til intervju er i samsvar med regelen om å innkalle minst {min:# kvalifisert søker|# kvalifiserte søkere} med {group}.",
        "The invitations to interview are in line with the rule to invite at least "
        "{min:# qualified applicant|# qualified applicants} with {group}.",
    ),
    "public.interview_minimum.not_kept": (
        "Innkallingene til intervju er ikke i samsvar med regelen om å innkalle minst "
        "{min:# kvalifisert søker|# kvalifiserte søkere} med {group}.",
        "The invitations to interview are not in line with the rule to invite at least "
        "{min:# qualified applicant|# qualified applicants} with {group}.",
    ),
    "public.interview_minimum.not_kept_before_recommendation": (
        "Innkallingene er ennå ikke i samsvar med regelen: minst {min:# kvalifisert søker|# kvalifiserte søkere} med {group} skal "
        "intervjues før innstilling.",
        "The invitations are not yet in line with the rule: at least {min:# qualified applicant|# qualified applicants} with {group} must "
        "be interviewed before the recommendation.",
    ),
    "public.interview_minimum.recommended_without_interview": (
        "Innstilling eller ansettelse er registrert uten at regelen om å innkalle minst "
        "{min:# kvalifisert søker|# kvalifiserte søkere} med {group} til intervju er fulgt.",
        "A recommendation or hire is recorded without the rule to invite at least "
        "{min:# qualified applicant|# qualified applicants} with {group} to interview having been followed.",
    ),
    "public.interview_minimum.needs_judgement": (
        "Regelen kan ikke avgjøres før det som er registrert om søkerne i prosessen (kvalifikasjon, innkalling, "
        "landgruppe eller om egenerklæring ble tilbudt) er vurdert; saksbehandler må vurdere.",
        "The rule cannot be decided until what is recorded about the applicants in the process (qualification, "
        "invitation, country group or whether self-declaration was offered) has been assessed; the case handler "
        "must assess.",
    ),
    "public.reserved_posting.readvertise": (
        "Gjelder ikke: ingen kvalifisert søker i prosessen hører til reservasjonen ({groups}); stillingen kan lyses "
        "ut på nytt uten reservasjon.",
        "Does not apply: no qualified applicant in the process falls under the reservation ({groups}); the post "
        "may be re-advertised without the reservation.",
    ),
    "public.common.withheld": (
        "Regelen må vurderes av saksbehandler; denne rapporten viser ikke hvorfor.",
        "The rule must be assessed by the case handler; this report does not show why.",
    ),
    # reserved_posting
    "reserved_posting.not_reserved": ("Gjelder ikke: stillingen er ikke reservert.", "Does not apply: the posting is not reserved."),
    "reserved_posting.unlawful_reservation": ("Reservasjonen «{reserved_for}» er ulovlig: en stilling kan ikke reserveres for et kjønn eller en etnisk gruppe (radikal kvotering).", "The reservation '{reserved_for}' is unlawful: a post cannot be reserved for a gender or an ethnic group (radical quotation)."),
    "reserved_posting.reservation_unknown": ("Reservasjonen «{reserved_for}» kan ikke vurderes av regelen, som gjelder reservasjon for {groups}.", "The reservation '{reserved_for}' cannot be judged by the rule, which is about posts reserved for {groups}."),
    "reserved_posting.readvertise": ("Ingen kvalifisert søker har oppgitt {groups}; stillingen kan lyses ut på nytt uten reservasjon.", "No qualified applicant declared {groups}; the post may be re-advertised without the reservation."),
    "reserved_posting.outside_reservation": ("Søkere som ikke er kvalifisert eller ikke har oppgitt {groups}, er innkalt eller ansatt i en reservert stilling.", "Applicants who are not qualified or did not declare {groups} are invited or hired to a reserved post."),
    "reserved_posting.qualification_unknown": ("Innkalte søkere i den reserverte stillingen mangler vurdering av kvalifikasjon.", "Applicants invited to the reserved post have no qualification assessment."),
    "reserved_posting.met": ("Alle som er innkalt eller ansatt, er kvalifisert og har oppgitt {groups}.", "Everyone invited or hired is qualified and declared {groups}."),
    # statuses
    "status.met": ("oppfylt", "met"),
    "status.breach": ("brudd", "breach"),
    "status.justified": ("begrunnet avvik", "justified"),
    "status.review": ("til vurdering", "review"),
    "status.not_applicable": ("gjelder ikke", "not applicable"),
    "status.meaning.met": ("regelen er fulgt", "the rule is kept"),
    "status.meaning.breach": ("regelen er brutt og avviket er ikke begrunnet skriftlig",
                              "the rule is broken and no written justification is given"),
    "status.meaning.justified": ("regelen er brutt, men avviket har en skriftlig begrunnelse",
                                 "the rule is broken, but the deviation has a written justification"),
    "status.meaning.review": ("dataene kan ikke avgjøre saken; en person må vurdere",
                              "the data cannot decide; a person must judge"),
    "status.meaning.not_applicable": ("regelen gjelder ikke for stillingen (grunnen oppgis)",
                                      "the rule does not apply to the posting (the reason is given)"),
    # report
    "report.title": ("Kontroll av intervjuregler", "Interview rule check"),
    "report.for.hr": ("for HR", "for HR"),
    "report.for.tillitsvalgt": ("for tillitsvalgte", "for union representatives"),
    "report.pack_sha": ("Regelsettets SHA-256", "Rule pack SHA-256"),
    "report.tool": ("Verktøy", "Tool"),
    "report.input": ("Inndata", "Input"),
    "report.findings_title": ("Funn per stilling", "Findings per posting"),
    "report.posting": ("Stilling", "Posting"),
    "report.posting_title": ("Tittel", "Title"),
    "report.unit": ("Enhet", "Unit"),
    "report.deadline_col": ("Søknadsfrist", "Deadline"),
    "report.sheet": ("Ark", "Sheet"),
    "report.rows_read": ("Rader lest", "Rows read"),
    "report.rows_used": ("Brukt", "Used"),
    "report.rows_set_aside": ("Lagt til side", "Set aside"),
    "report.sha": ("SHA-256", "SHA-256"),
    "report.applicant": ("Søker", "Applicant"),
    "report.row": ("Rad", "Row"),
    "report.column": ("Kolonne", "Column"),
    "sheet.findings": ("Funn", "Findings"),
    "sheet.totals": ("Totalt", "Totals"),
    "sheet.inputs": ("Inndata", "Inputs"),
    "sheet.unused": ("Ubrukte begrunnelser", "Unused justifications"),
    "sheet.warnings": ("Advarsler", "Warnings"),
    "sheet.method": ("Metode", "Method"),
    # --- xlsx13 ---
    "sheet.follow_up": ("Kall inn", "To invite"),
    "report.follow_up_title": ("Søkere å kalle inn til intervju", "Applicants to invite to interview"),
    "report.follow_up_note": (
        "Per brudd uten begrunnelse: de kvalifiserte søkerne som ikke er kalt inn, best rangert først.",
        "Per unjustified breach: the qualified applicants not invited, best ranked first.",
    ),
    "report.applicant_id": ("Søker-ID", "Applicant ID"),
    "report.rank": ("Rangering", "Rank"),
    "sheet.method.item": ("Opplysning", "Item"),
    "sheet.method.value": ("Verdi", "Value"),
    "sheet.method.report": ("Rapport", "Report"),
    "sheet.method.verdict": ("Konklusjon", "Verdict"),
    "sheet.method.note": ("Merknad", "Note"),
    # --- end xlsx13 ---
    "report.pack": ("Regelsett", "Rule pack"),
    "report.audience": ("Målgruppe", "Audience"),
    "report.audience.hr": ("HR (saksbehandlere)", "HR (case handlers)"),
    "report.audience.tillitsvalgt": ("tillitsvalgte (uten søker-ID-er)", "union representatives (no applicant ids)"),
    "report.generated": ("Laget", "Generated"),
    "report.inputs": ("Inndata", "Inputs"),
    "report.file": ("Fil", "File"),
    "report.role": ("Rolle", "Role"),
    "report.rows": ("Rader lest / brukt / lagt til side", "Rows read / used / set aside"),
    "report.role.applicants": ("søkerliste", "applicants"),
    "report.role.shortlist": ("kortliste", "shortlist"),
    "report.role.combined": ("søkere og kortliste", "applicants and shortlist"),
    "report.warnings_withheld": (
        "{count:# advarsel|# advarsler} om inndata er holdt tilbake i denne rapporten, fordi {count:den viser til en rad|de viser til rader}; saksbehandlers rapport har {count:den|dem}. Funn som avhenger av {count:den|dem}, står som «til vurdering».",
        "{count:# input warning is|# input warnings are} withheld from this report because {count:it points to a row|they point to rows}; the case handler's report has {count:it|them}. Findings that depend on {count:it|them} show 'review'.",
    ),
    "report.role.config": ("innstillinger (rekruttering.toml)", "settings (rekruttering.toml)"),
    "report.role.columns": ("kolonnenavn (--columns)", "column names (--columns)"),
    "report.role.justifications": ("begrunnelser", "justifications"),
    "report.role.workforce": ("arbeidsstyrke", "workforce"),
    "report.role.rule_pack": ("regelsett", "rule pack"),
    "report.deadline": ("frist", "deadline"),
    "report.rule": ("Regel", "Rule"),
    "report.status": ("Status", "Status"),
    "report.message": ("Funn", "Finding"),
    "report.justification": ("Begrunnelse", "Justification"),
    "report.totals": ("Totalt", "Totals"),
    "report.postings": ("stillinger", "postings"),
    "report.findings": ("funn", "findings"),
    "report.unused_justifications": ("Begrunnelser som ikke passer til noe brudd", "Justifications that match no breach"),
    "report.warnings": ("Advarsler om inndata", "Input warnings"),
    "report.no_postings": ("Ingen stillinger i inndataene.", "No postings in the input."),
    "report.verdict.breach": (
        "{count} brudd uten begrunnelse, {review} til vurdering: rett opp {count:bruddet|bruddene} før intervjuene, eller skriv en begrunnelse.",
        "{count:# unjustified breach|# unjustified breaches}, {review} to review: fix {count:the breach|the breaches} before the interviews, or write a justification.",
    ),
    "report.verdict.review": (
        "0 brudd uten begrunnelse, {review} til vurdering: en person må se på {review:funnet|funnene} som står til vurdering.",
        "0 unjustified breaches, {review} to review: a person must look at {review:the finding|the findings} to review.",
    ),
    "report.verdict.ok": ("0 brudd uten begrunnelse, 0 til vurdering.", "0 unjustified breaches, 0 to review."),
    # --- text13 ---
    # the overview every report opens with, and the provenance section it ends with
    "overview.title": ("Oversikt", "Overview"),
    "overview.checked": ("Stillinger kontrollert", "Postings checked"),
    "overview.in_period": ("Stillinger i perioden", "Postings in the period"),
    "overview.breach": ("Brudd å rette opp", "Breaches to fix"),
    "overview.breach.tillitsvalgt": ("Brudd uten begrunnelse", "Unjustified breaches"),
    "overview.review": ("Til vurdering", "To review"),
    "overview.justified": ("Begrunnede avvik", "Justified deviations"),
    "overview.count.one": ("{count} i 1 stilling", "{count} in 1 posting"),
    "overview.count.other": ("{count} i {postings} stillinger", "{count} in {postings} postings"),
    "overview.do.breach": ("Rett opp, eller skriv en begrunnelse for avviket.",
                           "Fix them, or write a justification for the deviation."),
    "overview.do.breach.invite": (
        "Kall inn søkerne som står under «Kall inn til intervju», eller skriv en begrunnelse for avviket.",
        "Invite the applicants listed under 'Invite to interview', or write a justification for the deviation.",
    ),
    "overview.do.breach.invite_and_other": (
        "Kall inn søkerne som står under «Kall inn til intervju», rett opp de andre bruddene, eller skriv en "
        "begrunnelse for avviket.",
        "Invite the applicants listed under 'Invite to interview', fix the other breaches, or write a "
        "justification for the deviation.",
    ),
    "overview.do.review": ("En person må se på funnene og avgjøre dem.",
                           "A person must look at these findings and decide them."),
    "overview.do.justified": ("Begrunnelsen står ved funnet.", "The justification is shown with the finding."),
    "overview.do.follow_up": ("Se «Brudd uten begrunnelse som bør følges opp».",
                              "See 'Unjustified breaches to follow up'."),
    "overview.invite": ("Kall inn til intervju (best rangert først)", "Invite to interview (best ranked first)"),
    "report.about": ("Om rapporten", "About this report"),
    "report.about.note": (
        "Regelsett, verktøy og inndata med fingeravtrykk (SHA-256), så alle kan kontrollere hvilke data og regler rapporten bygger på.",
        "Rule pack, tool and inputs with fingerprints (SHA-256), so anyone can verify which data and rules the report is built on.",
    ),
    "report.contents": ("Innhold", "Contents"),
    # --- end text13 ---
    # summary
    "summary.title": ("Oversikt over rekrutteringen", "Recruitment summary"),
    "summary.period": ("Periode (søknadsfrist)", "Period (deadline)"),
    "summary.period.all": ("alle stillinger i inndataene", "every posting in the input"),
    "summary.postings": ("Stillinger", "Postings"),
    "summary.postings.counts": ("{in_period} i perioden, {outside_period} utenfor, {without_deadline} uten søknadsfrist (ikke med)", "{in_period} in the period, {outside_period} outside, {without_deadline} without deadline (left out)"),
    "summary.min_cell": ("Minste celle", "Smallest cell"),
    "summary.min_cell.text": ("antall personer under {k} vises som «:», og så mange andre tall at de skjulte ikke kan regnes ut; det som bygger på dem skjules også", "counts of persons below {k} are shown as ':', and enough other counts that the hidden ones cannot be worked out; what is built on them is hidden too"),
    "summary.sheet.rules": ("Per regel", "By rule"),
    "summary.sheet.units": ("Per enhet", "By unit"),
    "summary.sheet.months": ("Per måned", "By month"),
    "summary.sheet.follow_up": ("Følg opp", "Follow up"),
    "summary.sheet.funnel": ("Søkerløpet", "Funnel"),
    "summary.sheet.steps": ("Utvalg per trinn", "Selection by step"),
    "summary.sheet.representation": ("Representasjon", "Representation"),
    "summary.title.rules": ("Etterlevelse per regel", "Compliance by rule"),
    "summary.title.units": ("Etterlevelse per enhet", "Compliance by unit"),
    "summary.title.months": ("Etterlevelse per måned (søknadsfrist)", "Compliance by month (deadline)"),
    "summary.title.follow_up": ("Brudd uten begrunnelse som bør følges opp", "Unjustified breaches to follow up"),
    "summary.title.funnel": ("Søkerne gjennom prosessen, per gruppe", "Applicants through the process, by group"),
    "summary.title.steps": ("Utvalg per trinn: forhold og stratifiserte tester", "Selection by step: ratios and stratified tests"),
    "summary.title.representation": ("Representasjon mot befolkningen", "Representation against the population"),
    "summary.note.compliance": ("Andel oppfylt = (oppfylt + begrunnet avvik) / stillinger der regelen gjaldt; «til vurdering» regnes ikke som oppfylt. Tallene teller stillinger, ikke personer.", "Compliance = (met + justified) / postings the rule applied to; 'review' does not count as met. The numbers count postings, not persons."),
    "summary.note.follow_up": ("{count} brudd uten skriftlig begrunnelse i perioden.", "{count:# breach|# breaches} without a written justification in the period."),
    "summary.note.funnel": ("Hvert trinn er en delmengde av det forrige: innkalt betyr kvalifisert og innkalt. «Oppgitt ja», «oppgitt nei» og «ikke oppgitt» holdes adskilt; ikke oppgitt er aldri nei. Tall under {k} vises som «:».", "Each stage is a subset of the one before: invited means qualified and invited. 'Declared yes', 'declared no' and 'not declared' are kept apart; not declared is never no. Counts below {k} are shown as ':'."),
    "summary.note.steps": ("Forholdet er andelen valgt i gruppen delt på andelen blant dem som svarte nei, sammenlignet eksakt med 4/5 (nøyaktig 4/5 er ikke under). Fordi hver stilling er sin egen lille pott, er testene stratifisert per stilling: Mantel-Haenszel risikoforhold og oddsforhold, Cochran-Mantel-Haenszel (uten og med kontinuitetskorreksjon) og en eksakt betinget ensidig test (er gruppen valgt sjeldnere enn ventet?).", "The ratio is the group's selection rate divided by that of those who declared no, compared exactly with 4/5 (exactly 4/5 is not below). Because each posting is its own small pool, the tests are stratified by posting: Mantel-Haenszel risk ratio and odds ratio, Cochran-Mantel-Haenszel (without and with continuity correction) and an exact conditional one-sided test (is the group selected less often than expected?)."),
    "summary.note.representation": ("Andelen som selv har oppgitt gruppen, blant søkere, innkalte og ansatte, mot befolkningen (SSB).", "The share who declared the group themselves among applicants, those invited and those hired, against the population (Statistics Norway)."),
    "summary.chart.compliance": ("Andel oppfylt (%)", "Compliance (%)"),
    "summary.chart.funnel": ("Søkerløpet per gruppe", "Funnel by group"),
    "summary.chart.representation": ("Andel med gruppen (%)", "Share with the group (%)"),
    "summary.col.unit": ("Enhet", "Unit"),
    "summary.col.month": ("Måned", "Month"),
    "summary.col.postings": ("Stillinger", "Postings"),
    "summary.col.rate": ("Andel oppfylt", "Compliance"),
    "summary.col.meaning": ("Hva tallene betyr", "What the numbers mean"),
    "summary.col.group": ("Gruppe", "Group"),
    "summary.col.category": ("Svar", "Answer"),
    "summary.col.step": ("Trinn", "Step"),
    "summary.col.rate_group": ("Andel valgt, gruppen", "Selected, group"),
    "summary.col.rate_reference": ("Andel valgt, svarte nei", "Selected, declared no"),
    "summary.col.impact_ratio": ("Forhold", "Impact ratio"),
    "summary.col.below": ("Under 4/5 (samlet)", "Below 4/5 (pooled)"),
    "summary.col.below_stratified": ("Under 4/5 (per stilling)", "Below 4/5 (by posting)"),
    "summary.col.comparison": ("Sammenligning", "Comparison"),
    "summary.col.mh_rr": ("MH risikoforhold", "MH risk ratio"),
    "summary.col.mh_or": ("MH oddsforhold", "MH odds ratio"),
    "summary.col.cmh": ("CMH", "CMH"),
    "summary.col.cmh_p": ("CMH p", "CMH p"),
    "summary.col.cmh_corrected": ("CMH korr.", "CMH corr."),
    "summary.col.cmh_p_corrected": ("CMH p korr.", "CMH p corr."),
    "summary.col.exact_p": ("Eksakt p (ensidig)", "Exact p (one-sided)"),
    "summary.col.informative": ("Stillinger med informasjon", "Informative postings"),
    "summary.col.applicants": ("Søkere", "Applicants"),
    "summary.col.invited": ("Innkalte", "Invited"),
    "summary.col.hired": ("Ansatte", "Hired"),
    "summary.col.population": ("Befolkningen", "Population"),
    "summary.group.immigrant_background": ("innvandrerbakgrunn", "immigrant background"),
    "summary.group.disability": ("nedsatt funksjonsevne", "disability"),
    "summary.group.cv_gap": ("hull i CV", "CV gap"),
    "summary.group.gender": ("kjønn", "gender"),
    "summary.category.yes": ("oppgitt ja", "declared yes"),
    "summary.category.no": ("oppgitt nei", "declared no"),
    "summary.category.not_declared": ("ikke oppgitt", "not declared"),
    "summary.category.kvinne": ("kvinne", "woman"),
    "summary.category.mann": ("mann", "man"),
    "summary.category.annet": ("annet", "other"),
    "summary.stage.applied": ("søkt", "applied"),
    "summary.stage.qualified": ("kvalifisert", "qualified"),
    "summary.stage.invited": ("innkalt", "invited"),
    "summary.stage.hired": ("ansatt", "hired"),
    "summary.yes": ("ja", "yes"),
    "summary.no": ("nei", "no"),
    "summary.too_little": ("for lite data", "too little data"),
    "summary.who.yes": ("dem som oppga {group}", "those who declared {group}"),
    "summary.who.no": ("dem som svarte nei", "those who declared no"),
    "summary.who.kvinne": ("kvinnene", "the women"),
    "summary.who.mann": ("mennene", "the men"),
    "summary.who.annet": ("dem som oppga annet kjønn", "those who declared another gender"),
    "summary.who.not_declared": ("dem som ikke oppga noe", "those who declared nothing"),
    "summary.sentence.rule": ("{rule} gjaldt {applicable:# stilling|# stillinger}: {kept} oppfylt eller begrunnet ({rate}), {breach} brudd og {review} til vurdering.", "{rule} applied to {applicable:# posting|# postings}: {kept} met or justified ({rate}), {breach:# breach|# breaches} and {review} to review."),
    "summary.sentence.rule_none": ("{rule} gjaldt ingen stilling her.", "{rule} applied to no posting here."),
    "summary.sentence.count": ("{group}, {category}: {applied} søkte, {qualified} var kvalifisert, {invited} ble innkalt og {hired} ansatt.", "{group}, {category}: {applied} applied, {qualified} were qualified, {invited} were invited and {hired} hired."),
    "summary.sentence.count_suppressed": ("{group}, {category}: for få personer til å vise tall.", "{group}, {category}: too few persons to show numbers."),
    "summary.sentence.step": ("Fra {before} til {stage} gikk {rate_g} av {who_yes} videre, mot {rate_r} av {who_no}; forholdet samlet er {ratio}. {verdict}", "From {before} to {stage}, {rate_g} of {who_yes} went on, against {rate_r} of {who_no}; the pooled ratio is {ratio}. {verdict}"),
    "summary.sentence.step_suppressed": ("Fra {before} til {stage}, {group}: for få personer til å vise tall.", "From {before} to {stage}, {group}: too few persons to show numbers."),
    "summary.sentence.step_undefined": ("Fra {before} til {stage}, {group}: forholdet kan ikke beregnes (ingen i sammenligningsgruppen gikk videre).", "From {before} to {stage}, {group}: the ratio cannot be computed (nobody in the comparison group went on)."),
    "summary.verdict.too_little": ("For lite data: én person mer eller mindre ville endre konklusjonen om 4/5, og den eksakte testen er ikke signifikant på 5 %-nivå.", "Too little data: one person more or less would change the four-fifths conclusion, and the exact test is not significant at the 5 % level."),
    "summary.verdict.below": ("Det er under 4/5, en indikasjon på at gruppen velges sjeldnere (ikke et bevis).", "That is below 4/5, an indication that the group is selected less often (not proof)."),
    "summary.verdict.not_below": ("Det er ikke under 4/5.", "That is not below 4/5."),
    "summary.sentence.representation": ("Andelen som oppga {group}: {applied} av søkerne, {invited} av de innkalte og {hired} av de ansatte.", "Share who declared {group}: {applied} of applicants, {invited} of those invited and {hired} of those hired."),
    "summary.sentence.population": ("I befolkningen har {share} innvandrerbakgrunn ({source}).", "In the population, {share} have an immigrant background ({source})."),
    "summary.sentence.voluntary": ("Erklæringen er frivillig, så andelene er nedre grenser.", "The declaration is voluntary, so the shares are lower bounds."),
    "summary.verdict.breach": ("{count} brudd uten begrunnelse og {review} til vurdering i perioden (se «Brudd uten begrunnelse som bør følges opp»).", "{count:# unjustified breach|# unjustified breaches} and {review} to review in the period (see 'Unjustified breaches to follow up')."),
    "summary.verdict.review": ("0 brudd uten begrunnelse og {review} til vurdering i perioden.", "0 unjustified breaches and {review} to review in the period."),
    "summary.verdict.ok": ("0 brudd uten begrunnelse og 0 til vurdering i perioden.", "0 unjustified breaches and 0 to review in the period."),
    "summary.no_postings": (
        "ingen stilling har søknadsfrist i perioden: {outside:# stilling|# stillinger} har frist utenfor ({span}), og {undated} har ingen frist. Velg en annen periode med --from/--to eller --year.",
        "no posting has its deadline in the period: {outside:# posting has|# postings have} a deadline outside it ({span}), and {undated:# has|# have} none. Choose another period with --from/--to or --year.",
    ),
    "summary.missing": ("ikke i eksporten", "not in the export"),
    "summary.sentence.step_missing": ("Fra {before} til {stage}, {group}: trinnet finnes ikke i eksportene (ingen kolonne for det), så det er ikke talt.", "From {before} to {stage}, {group}: the exports do not have this stage (no column for it), so it is not counted."),
    "summary.sentence.stratified": ("Per stilling (stratifisert) er risikoforholdet {rr}, og den eksakte testen gir {p} ({informative:# stilling|# stillinger} med informasjon); det er denne sammenligningen konklusjonen bygger på.", "By posting (stratified) the risk ratio is {rr}, and the exact test gives {p} ({informative:# informative posting|# informative postings}); the conclusion rests on this comparison."),
    "summary.sentence.unstratified": ("Bare {informative:# stilling|# stillinger} har informasjon (minst {minimum} trengs), så de stratifiserte testene vises ikke: med få stillinger ville de avsløre tallene i hver enkelt; konklusjonen bygger på de samlede tallene.", "Only {informative:# posting carries|# postings carry} information (at least {minimum:# is|# are} needed), so the stratified tests are not shown: with few postings they would reveal each posting's numbers; the conclusion rests on the pooled numbers."),
    "summary.sentence.simpson": ("Samlet over alle stillinger og per stilling gir ulike svar om 4/5 (Simpsons paradoks): gruppene søkte til stillinger der ulik andel ble valgt, og sammenligningen per stilling er den rettferdige.", "Pooled over all postings and posting by posting give different answers about 4/5 (Simpson's paradox): the groups applied to postings where different shares were selected, and the posting-by-posting comparison is the fair one."),
    "summary.internal_use": ("Minste celle er 1: ingen tall er skjult. Rapporten er til intern bruk og skal ikke deles videre.", "The smallest cell is 1: no count is hidden. The report is for internal use and must not be handed on."),
    "summary.left_out_in_doubt": ("{count:# søknad|# søknader} er holdt utenfor søkerløpet fordi et trinn eller en erklæring ikke kunne leses eller rader sier ulike ting (se advarslene); å telle {count:den|dem} ville gjøre det ukjente til et nei.", "{count:# application is|# applications are} left out of the funnel because a stage or a declaration could not be read or rows disagree (see the warnings); counting {count:it|them} would turn the unknown into a no."),
    "summary.comparison": ("{focal} mot {reference}", "{focal} against {reference}"),
    "summary.method": (
        "Metode: antall personer under {k} er skjult («:»), og så mange andre at ingen skjult celle kan regnes ut av det rapporten viser ellers (summer, trinn som ligger i hverandre, andeler, etterlevelsestall); nuller vises. Andeler og rater er avrundet til 0,1 %, forhold til 3 gjeldende sifre og p-verdier til 2. Stratifiserte tester vises bare når minst {minimum:# stilling|# stillinger} har informasjon, for med færre ville de avsløre tallene i hver stilling. Prisen er at små grupper og små år får færre tall.",
        "Method: counts of persons below {k} are hidden (':'), and enough others that no hidden cell can be worked out from what the report shows besides (totals, nested stages, shares, compliance counts); zeros are shown. Shares and rates are rounded to 0.1 %, ratios to 3 significant digits and p-values to 2. Stratified tests are shown only when at least {minimum:# posting carries|# postings carry} information, as with fewer they would reveal each posting's numbers. The cost is fewer numbers for small groups and small years.",
    ),
    "summary.progress": ("Leser", "Reading"),
    # errors
    "usage.bad_date": ("{option} {value}: ugyldig dato (dd.mm.åååå eller åååå-mm-dd, mellom 1990 og 2100).", "{option} {value}: invalid date (dd.mm.yyyy or yyyy-mm-dd, between 1990 and 2100)."),
    "usage.year_and_period": ("--year kan ikke kombineres med --from/--to.", "--year cannot be combined with --from/--to."),
    "usage.to_before_from": ("--to er før --from.", "--to is before --from."),
    "usage.fail_on": ("--fail-on {value}: ukjent verdi; bruk {allowed}.", "--fail-on {value}: unknown value; use {allowed}."),
    # --- cli13 ---
    "config.not_found": ("{path}: konfigurasjonsfilen finnes ikke.", "{path}: the config file does not exist."),
    "config.invalid": ("{path}: ugyldig konfigurasjon:", "{path}: invalid configuration:"),
    "file.not_found": ("{path}: filen finnes ikke.", "{path}: the file does not exist."),
    "toml.invalid": ("{path}: ugyldig TOML på linje {line}, kolonne {column}. Sjekk likhetstegn, anførselstegn og klammer der ({detail}).",
                     "{path}: invalid TOML at line {line}, column {column}: {detail}."),
    "toml.invalid_somewhere": ("{path}: ugyldig TOML; filen må være UTF-8-tekst i TOML-format ({detail}).",
                               "{path}: invalid TOML; the file must be UTF-8 text in TOML format ({detail})."),
    "pack.invalid": ("{path}: ugyldig regelsett:", "{path}: invalid rule pack:"),
    "pack.where": ("regel {rule}, felt {field}", "rule {rule}, field {field}"),
    "pack.unknown_check": ("ukjent kontrolltype «{value}»; kjente: {known}", "unknown check kind '{value}'; known: {known}"),
    "pack.unused_parameters": ("kontrolltypen «{check}» bruker ikke disse parametrene: {names}",
                               "check '{check}' does not use these parameters: {names}"),
    "pack.needs_group": ("kontrolltypen «{check}» trenger en gruppe (group)", "check '{check}' needs a group"),
    "pack.one_group": ("interview_minimum tar nøyaktig én gruppe", "interview_minimum takes exactly one group"),
    "pack.underrepresented_gender_only": ("underrepresented_below gjelder bare en regel om kjønn",
                                          "underrepresented_below only applies to a rule about gender"),
    "pack.dates_reversed": ("in_force_to er før in_force_from", "in_force_to is before in_force_from"),
    "pack.duplicate_id": ("regel-ID-en {rule} er brukt to ganger", "rule id {rule} is used twice"),
    "columns.no_table": ("{path}: mangler tabellen [aliases].", "{path}: the [aliases] table is missing."),
    "columns.unknown_field": ("{path}: [aliases].{name}: ukjent felt (kjente felt: {known}).",
                              "{path}: [aliases].{name}: unknown field (known fields: {known})."),
    "columns.not_texts": ("{path}: [aliases].{name}: må være en liste med tekster.",
                          "{path}: [aliases].{name}: must be a list of texts."),
    "columns.refused": ("{path}: {refusal}", "{path}: {refusal}"),
    "key.missing": (
        "--pseudonymise trenger en hemmelig nøkkel på minst {min} tegn i {env} eller i en nøkkelfil "
        "(pseudonym_key_file i rekruttering.toml).",
        "--pseudonymise needs a secret key of at least {min} characters in {env} or a key file "
        "(pseudonym_key_file in rekruttering.toml).",
    ),
    "key.unreadable": ("{path}: nøkkelfilen kan ikke leses ({error}).", "{path}: the key file cannot be read ({error})."),
    "key.in_file": ("{path}: {message}", "{path}: {message}"),
    "usage.no_pack": ("Velg regelsett med --rules (staten, sarpsborg, oslo, bergen eller en TOML-fil).",
                      "Choose a rule pack with --rules (staten, sarpsborg, oslo, bergen or a TOML file)."),
    "usage.quiet_and_verbose": ("--quiet og --verbose kan ikke brukes sammen.", "--quiet and --verbose cannot be used together."),
    "invalid.extra_forbidden": ("ukjent nøkkel", "unknown key"),
    "invalid.missing": ("mangler", "missing"),
    "invalid.literal_error": ("må være {expected}", "must be {expected}"),
    "invalid.bool": ("må være true eller false", "must be true or false"),
    "invalid.int": ("må være et heltall", "must be a whole number"),
    "invalid.float": ("må være et tall", "must be a number"),
    "invalid.string": ("må være en tekst", "must be a text"),
    "invalid.list": ("må være en liste", "must be a list"),
    "invalid.table": ("må være en tabell", "must be a table"),
    "invalid.date": ("må være en dato (åååå-mm-dd)", "must be a date (yyyy-mm-dd)"),
    "invalid.ge": ("må være minst {limit}", "must be at least {limit}"),
    "invalid.gt": ("må være større enn {limit}", "must be greater than {limit}"),
    "invalid.le": ("må være høyst {limit}", "must be at most {limit}"),
    "invalid.empty": ("kan ikke være tom", "must not be empty"),
    "invalid.pattern": ("har ikke riktig form ({pattern})", "does not have the right form ({pattern})"),
    "word.or": ("eller", "or"),
    "forms.yesno": ("ja/nei, «ønsker ikke å oppgi»", "yes/no (ja/nei), 'prefer not to say' (ønsker ikke å oppgi)"),
    "forms.gender": ("kvinne/mann/annet, «ønsker ikke å oppgi»", "woman/man/other (kvinne/mann/annet), 'prefer not to say' (ønsker ikke å oppgi)"),
    "forms.country_group": ("1/2, «ønsker ikke å oppgi»", "1/2, 'prefer not to say' (ønsker ikke å oppgi)"),
    "invalid.other": ("ugyldig verdi", "invalid value"),
    "verbose.pack": ("Regelsett {pack} {version} ({file}, sha256 {sha256}); regler kontrollert: {rules}",
                     "Rule pack {pack} {version} ({file}, sha256 {sha256}); rules checked: {rules}"),
    "verbose.pack_file": ("Regelsett {pack}: {file} (sha256 {sha256})", "Rule pack {pack}: {file} (sha256 {sha256})"),
    "verbose.sheet": (
        "Lest {file}: {role}, overskriftsrad {header_row}; rader lest {rows}, brukt {used}, lagt til side {aside} "
        "(sha256 {sha256})",
        "Read {file}: {role}, header row {header_row}; rows read {rows}, used {used}, set aside {aside} "
        "(sha256 {sha256})",
    ),
    "verbose.file": ("Lest {file}: {role} (sha256 {sha256})", "Read {file}: {role} (sha256 {sha256})"),
    "verbose.warnings": ("Advarsler om inndata: {count}; de står i rapporten.",
                         "Warnings about the input: {count}; they are in the report."),
    "verbose.columns": ("Kolonnenavn lest fra: {files}", "Header aliases read from: {files}"),
    "verbose.reading": ("Leser {file}", "Reading {file}"),
    "verbose.found": ("Pseudonymer funnet: {found} av {total}", "Pseudonyms found: {found} of {total}"),
    "inspect.did_you_mean": (
        "Mente du «{alias}» ({field})? «{header}» ligner. For å lese den, legg {line} under [aliases] i en fil du "
        "gir med --columns.",
        "Did you mean '{alias}' ({field})? '{header}' is close. To read it, put {line} under [aliases] in a file "
        "you give with --columns.",
    ),
    "error.header": ("Inndata kan ikke brukes:", "The input cannot be used:"),
    "error.hint": ("Ingen rapport er laget. Rett opp og kjør på nytt.", "No report was made. Fix and run again."),
    # inspect and columns
    "inspect.role": ("Rolle", "Role"),
    "inspect.header_row": ("Overskriftsrad", "Header row"),
    "inspect.mapped": ("Kolonner brukt", "Columns used"),
    "inspect.ignored": ("Kolonner ignorert (aldri lest)", "Columns ignored (never read)"),
    "inspect.rows": ("Rader", "Rows"),
    "inspect.problems": ("Problemer", "Problems"),
    "inspect.none": ("ingen", "none"),
    "columns.field": ("Felt", "Field"),
    "columns.level": ("Nivå", "Level"),
    "columns.headers": ("Overskrifter som gjenkjennes", "Headers recognised"),
    "level.posting": ("stilling", "posting"),
    "level.applicant": ("søker", "applicant"),
    "level.shortlist": ("kortliste", "shortlist"),
    # rules
    "rules.id": ("ID", "ID"),
    "rules.check": ("Kontrolltype", "Check kind"),
    "rules.group": ("Gruppe", "Group"),
    "rules.title": ("Regel", "Rule"),
    "rules.in_force": ("Gjelder", "In force"),
    "rules.from": ("fra {date}", "from {date}"),
    "rules.to": ("til {date}", "until {date}"),
    "rules.always": ("uten tidsgrense", "no time limit"),
    "rules.source": ("Kilde", "Source"),
    "rules.unverified": ("(ordlyden er ikke bekreftet mot kilden)", "(wording not verified against the source)"),
    "rules.parameters": ("Parametre", "Parameters"),
    "rules.statuses": ("Hva statusene betyr for denne regelen", "What each status means for this rule"),
    "rules.justify": ("Slik begrunner du et avvik", "How to justify a deviation"),
    "rules.justify.default": (
        "Skriv begrunnelsen i kolonnen «Begrunnelse» på kortlisten, på raden til søkeren som ikke ble innkalt.",
        "Write the justification in the shortlist's 'Begrunnelse' column, on the row of the applicant not invited.",
    ),
    "rules.unknown": ("fant ingen regel {rule} i regelsettene: {packs}", "no rule {rule} in the rule packs: {packs}"),
    "rules.pack": ("Regelsett", "Rule pack"),
    "rules.population": ("Andel innvandrerbakgrunn i befolkningen", "Population share with immigrant background"),
    # what each status means for interview_minimum (rules show)
    "explain.interview_minimum.met": (
        "minst {min:# kvalifisert søker|# kvalifiserte søkere} med {group} som ikke har trukket seg før innkalling, er innkalt "
        "(også om søkeren senere takket nei)",
        "at least {min:# qualified applicant|# qualified applicants} with {group} who had not withdrawn {min:is|are} invited (even if the applicant "
        "later declined)",
    ),
    "explain.interview_minimum.breach": (
        "det finnes kvalifiserte søkere med {group}, men færre enn {min} er innkalt; rapporten viser hvem som "
        "bør innkalles, best rangert først (bare for HR)",
        "qualified applicants with {group} exist but fewer than {min} are invited; the report lists whom to invite, "
        "best ranked first (HR only)",
    ),
    "explain.interview_minimum.justified": (
        "som brudd, men kortlisten eller en begrunnelsesfil har en skriftlig begrunnelse; teksten vises i funnet",
        "as breach, but the shortlist or a justifications file carries a written justification; the text is shown",
    ),
    "explain.interview_minimum.review": (
        "en søker med {group} mangler vurdering av kvalifikasjon (eller landgruppe, eller fristen er ukjent); "
        "søkerne ble ikke tilbudt egenerklæring («Egenerklæring tilbudt» nei), eller ingen kvalifisert søker oppga "
        "{group}, og eksporten sier ikke om de ble tilbudt det; regelen sier aldri "
        "«oppfylt» når data mangler",
        "an applicant with {group} has no qualification assessment (or country group, or the deadline is unknown); "
        "applicants were not offered self-declaration ('Egenerklæring tilbudt' no), or no qualified applicant "
        "declared {group} and the export does not say whether they were offered it; "
        "the rule never says 'met' for want of data",
    ),
    "explain.interview_minimum.not_applicable": (
        "ingen søkte med {group}; alle som oppga det er ikke kvalifisert eller trakk seg; stillingen er intern, "
        "unntatt eller avlyst; eller regelen gjaldt ikke på søknadsfristen",
        "nobody declared {group}; everyone who did is not qualified or withdrew; the posting is internal, exempt "
        "or cancelled; or the rule was not in force on the deadline",
    ),
    "explain.moderate_quotation.met": (
        "en søker med {group} ble valgt innenfor toleransen av den beste (moderat kvotering brukt), den best kvalifiserte ble valgt, eller ingen kvalifisert søker med {group} var innenfor toleransen av den valgte",
        "an applicant with {group} was chosen within the tolerance of the best (moderate quotation used), the best qualified was chosen, or no qualified applicant with {group} was within the tolerance of the one chosen",
    ),
    "explain.moderate_quotation.breach": (
        "en søker med {group} ble valgt framfor en søker som var bedre med mer enn toleransen (radikal kvotering, ulovlig), eller den valgte søkeren er vurdert som ikke kvalifisert",
        "an applicant with {group} was chosen over one better by more than the tolerance (radical quotation, unlawful), or the chosen applicant was assessed as not qualified",
    ),
    "explain.moderate_quotation.justified": (
        "som brudd, men med en skriftlig begrunnelse på raden til den valgte eller den forbigåtte, eller i en begrunnelsesfil",
        "as breach, but with a written justification on the row of the chosen or the passed-over applicant, or in a justifications file",
    ),
    "explain.moderate_quotation.review": (
        "den valgte er utenfor gruppen mens en kvalifisert søker med {group} var innenfor toleransen: moderat kvotering kan ha vært aktuelt, og en person må vurdere; likeså når en kvalifisert søker med {group} lå foran den valgte og ble forbigått; også når den valgtes kvalifikasjon eller gruppe er ukjent",
        "the chosen applicant is outside the group while a qualified applicant with {group} was within the tolerance: moderate quotation may have applied and a person must judge; likewise when a qualified applicant with {group} was ahead of the one chosen and was passed over; also when the chosen applicant's qualification or group is unknown",
    ),
    "explain.moderate_quotation.not_applicable": (
        "ingen innstilling eller ansettelse er registrert ennå; kortlisten har verken rangering eller poeng; ingen kvalifisert søker med {group} er rangert; kjønnsbalansen er ukjent eller ingen av kjønnene er underrepresentert; stillingen er intern, unntatt eller avlyst; eller regelen gjaldt ikke på søknadsfristen",
        "no recommendation or hire is recorded yet; the shortlist has neither rank nor score; no qualified applicant with {group} is ranked; the gender balance is unknown or neither gender is under-represented; the posting is internal, exempt or cancelled; or the rule was not in force on the deadline",
    ),
    "explain.moderate_quotation.tolerance": (
        "«Tilnærmet like godt kvalifisert» betyr her: en poengforskjell på høyst {score} % av beste poengsum når begge har poeng, ellers høyst {rank:# plass|# plasser} i rangeringen. Nøyaktig på toleransen regnes som innenfor.",
        "'Nearly equally qualified' here means: a score gap of at most {score} % of the best score when both have a score, otherwise at most {rank:# place|# places} in the ranking. Exactly at the tolerance counts as within.",
    ),
    "explain.reserved_posting.met": (
        "alle som er innkalt eller ansatt i den reserverte stillingen, er kvalifisert og har selv oppgitt den reserverte gruppen",
        "everyone invited or hired to the reserved post is qualified and declared the reserved group",
    ),
    "explain.reserved_posting.breach": (
        "en søker som ikke er kvalifisert eller ikke har oppgitt gruppen, er innkalt eller ansatt; eller stillingen er reservert for et kjønn eller en etnisk gruppe (ulovlig)",
        "an applicant who is not qualified or did not declare the group is invited or hired; or the post is reserved for a gender or an ethnic group (unlawful)",
    ),
    "explain.reserved_posting.justified": (
        "som brudd, men med en skriftlig begrunnelse", "as breach, but with a written justification",
    ),
    "explain.reserved_posting.review": (
        "en innkalt søker mangler vurdering av kvalifikasjon, eller «Reservert for» er ukjent",
        "an invited applicant has no qualification assessment, or 'Reservert for' is unknown",
    ),
    "explain.reserved_posting.not_applicable": (
        "stillingen er ikke reservert, er avlyst, eller ingen kvalifisert søker har oppgitt gruppen (stillingen kan lyses ut på nytt uten reservasjon)",
        "the posting is not reserved, is cancelled, or no qualified applicant declared the group (the post may be re-advertised without the reservation)",
    ),
    # --- h-packs (issue 14 part A): advice, legal background, dates and readings, non-western, job groups ---
    "status.advice": ("ikke fulgt (råd)", "not followed (advice)"),
    "status.meaning.advice": ("et råd fra kilden er ikke fulgt; det gir ikke feilkode",
                              "advice from the source was not followed; it does not change the exit code"),
    "overview.advice": ("Råd som ikke er fulgt", "Advice not followed"),
    "overview.do.advice": ("Vurder om rådet bør følges neste gang.", "Consider whether to follow the advice next time."),
    "summary.sentence.advice": ("I tillegg er rådet ikke fulgt i {count:# stilling|# stillinger} (teller ikke som brudd).",
                                "In addition, the advice was not followed in {count:# posting|# postings} (not counted as breaches)."),
    "pack.unverified_needs_note": ("verified = false eller in_force_verified = false krever en note (note.nb og note.en) som sier hvorfor",
                                   "verified = false or in_force_verified = false needs a note (note.nb and note.en) saying why"),
    "pack.approximation_non_western_only": ("approximate_by_country_group gjelder bare gruppen non_western",
                                            "approximate_by_country_group applies to the group non_western only"),
    "posting_type.trainee": ("trainee", "trainee"),
    "group.non_western": ("ikke-vestlig bakgrunn", "non-western background"),
    "summary.group.non_western": ("ikke-vestlig bakgrunn", "non-western background"),
    "field.non_western": ("ikke-vestlig bakgrunn", "non-western background"),
    "field.job_group": ("stillingsgruppe", "job group"),
    "finding.approximation.country_group_2": (
        "Eksportene har ikke egenerklært ikke-vestlig bakgrunn; regelen bruker egenerklært innvandrerbakgrunn med landgruppe 2 som tilnærming (den utelater blant annet Polen og Baltikum, som var «ikke-vestlige» i 2007).",
        "The exports have no declared non-western background; the rule uses declared immigrant background with country group 2 as an approximation (it leaves out Poland and the Baltic states, among others, which were 'non-western' in 2007)."),
    "finding.balance.unit": (
        "Kjønnsbalansen gjelder stillingsgruppen, men --workforce har ikke tall for den; enhetens kjønnsbalanse er brukt som tilnærming.",
        "The gender balance is that of the job group, but --workforce has no figures for it; the unit's gender balance is used as an approximation."),
    "reserved_posting.reservation_blank": (
        "Stillingen er reservert, men kolonnen «Reservert for» er tom, og regelen har ikke én gruppe den kan bety; saksbehandler må si hvilken gruppe stillingen er reservert for.",
        "The post is reserved, but the 'Reservert for' column is blank and the rule has no single group it can mean; the case handler must say which group the post is reserved for."),
    "rules.severity.advice": ("Råd: et råd som ikke er fulgt, vises som «ikke fulgt (råd)» og gir ikke feilkode (med mindre --fail-on advice).",
                              "Advice: advice not followed is shown as 'not followed (advice)' and does not change the exit code (unless --fail-on advice)."),
    "finding.advice": ("Regelen er et råd fra kilden, ikke en plikt; det gir ikke feilkode.",
                       "The rule is advice from the source, not a duty; it does not change the exit code."),
    "rules.source_note": ("Merknad om kilden", "Note on the source"),
    "rules.legal_background": ("Rettslig bakgrunn (ikke en del av kilden)", "Legal background (not part of the source)"),
    "rules.dates_unverified": ("(datoene er ikke bekreftet av kilden)", "(dates not verified by the source)"),
    "rules.posting_types": ("Gjelder utlysningstypene", "Applies to posting types"),
    "rules.unverified.reading": ("(ikke bekreftet av kilden: se merknaden)", "(not verified by the source: see the note)"),
    # --- end h-packs ---
    # --- h-help (issue 12): the command line's parse errors, said for click (words/usage.py) ---
    "cli.hint": ("Se «{help}» for hjelp.", "Try '{help}' for help."),
    "cli.no_such_option": ("Ukjent valg: {option}.", "No such option: {option}."),
    "cli.did_you_mean": ("Mente du {names}?", "Did you mean {names}?"),
    "cli.no_such_command": ("Ukjent kommando: {command}.", "No such command: {command}."),
    "cli.missing_command": ("Ingen kommando er oppgitt.", "Missing command."),
    "cli.missing_argument": ("Mangler argumentet «{name}».", "Missing argument '{name}'."),
    "cli.missing_option": ("Mangler valget {option}; det er påkrevd.", "Missing option {option}; it is required."),
    "cli.needs_value": ("Valget {option} trenger en verdi.", "Option {option} requires a value."),
    "cli.takes_no_value": ("Valget {option} tar ingen verdi.", "Option {option} does not take a value."),
    "cli.extra_arguments": ("{count:Uventet ekstra argument|Uventede ekstra argumenter}: {arguments}.",
                            "Got {count:an unexpected extra argument|unexpected extra arguments}: {arguments}."),
    "cli.unknown_value": ("{option} {value}: ukjent verdi; velg blant {allowed}.",
                          "{option} {value}: unknown value; choose from {allowed}."),
    "cli.bad_value": ("{option} {value}: ugyldig verdi ({reason}).", "{option} {value}: invalid value ({reason})."),
    "cli.bad_value_other": ("Ugyldig verdi for {option}: {detail}", "Invalid value for {option}: {detail}"),
    "cli.other": ("Kommandolinjen kan ikke tolkes (meldingen fra click, på engelsk): {detail}",
                  "The command line cannot be parsed: {detail}"),
    "cli.aborted": ("Avbrutt.", "Aborted!"),
    # --- h-postrules (issue 14 part B 1 and 4): the ad's diversity statement, self-declaration offered, union ---
    "field.ad_statement": ("mangfoldserklæring i annonsen", "diversity statement in the ad"),
    "field.declaration_offered": ("egenerklæring tilbudt", "self-declaration offered"),
    "field.union_involved": ("tillitsvalgt deltatt", "union representative involved"),
    "interview_minimum.declaration_not_offered": (
        "Egenerklæring ikke tilbudt: søkerne ble ikke bedt om å oppgi {group}, så regelen kan ikke kontrolleres "
        "(at ingen har oppgitt noe, betyr her ingenting). Vurder prosessen, og tilby egenerklæring i neste utlysning.",
        "Self-declaration not offered: applicants were not asked to declare {group}, so the rule cannot be checked "
        "('nobody declared' means nothing here). Assess the process, and offer self-declaration in the next posting.",
    ),
    "interview_minimum.declaration_offered_unknown": (
        "Ingen kvalifisert søker har oppgitt {group}, men eksporten sier ikke om søkerne ble tilbudt egenerklæring "
        "(«Egenerklæring tilbudt» er tom): at ingen kvalifisert "
        "søker oppga det, kan ikke skilles fra at søkerne ikke ble spurt. Vurder prosessen.",
        "No qualified applicant declared {group}, but the export does not say whether applicants were offered "
        "self-declaration ('Egenerklæring tilbudt' is blank): no "
        "qualified applicant declaring cannot be told from applicants not being asked. Assess the process.",
    ),
    "ad_statement.statement": ("Annonsen har en mangfoldserklæring.", "The ad has a diversity statement."),
    "ad_statement.no_statement": (
        "Annonsen har ingen mangfoldserklæring; regelen krever annonsetekster som oppfordrer et mangfold av "
        "kandidater til å søke.",
        "The ad has no diversity statement; the rule asks for ad texts that invite a diversity of candidates to apply.",
    ),
    "ad_statement.no_statement_if_relevant": (
        "Annonsen har ingen mangfoldserklæring. Kilden foreslår det der det er relevant; vurder om det var det.",
        "The ad has no diversity statement. The source suggests it where it is relevant; judge whether it was.",
    ),
    "ad_statement.statement_unknown": (
        "Eksporten sier ikke om annonsen hadde en mangfoldserklæring (cellen er tom).",
        "The export does not say whether the ad had a diversity statement (the cell is blank).",
    ),
    "ad_statement.column_missing": (
        "Kan ikke vurderes: eksportene mangler kolonnen for {columns}, så regelen er ikke kontrollert.",
        "Cannot be assessed: the exports have no column for {columns}, so the rule was not checked.",
    ),
    "union_involvement.involved": (
        "En tillitsvalgt har deltatt i rekrutteringen.", "A union representative took part in the recruitment.",
    ),
    "union_involvement.not_involved": (
        "Ingen tillitsvalgt har deltatt i rekrutteringen. Kilden sier at tillitsvalgte kan involveres; vurder om "
        "de burde vært det.",
        "No union representative took part in the recruitment. The source says union representatives may be "
        "involved; judge whether they should have been.",
    ),
    "union_involvement.involvement_unknown": (
        "Eksporten sier ikke om en tillitsvalgt har deltatt i rekrutteringen (cellen er tom).",
        "The export does not say whether a union representative took part in the recruitment (the cell is blank).",
    ),
    "union_involvement.column_missing": (
        "Kan ikke vurderes: eksportene mangler kolonnen for {columns}, så regelen er ikke kontrollert.",
        "Cannot be assessed: the exports have no column for {columns}, so the rule was not checked.",
    ),
    "explain.ad_statement.met": (
        "eksporten sier at annonsen hadde en mangfoldserklæring",
        "the export says the ad had a diversity statement",
    ),
    "explain.ad_statement.breach": (
        "eksporten sier at annonsen ikke hadde noen mangfoldserklæring",
        "the export says the ad had no diversity statement",
    ),
    "explain.ad_statement.justified": (
        "som brudd, men en begrunnelsesfil har en skriftlig begrunnelse for stillingen og regelen",
        "as breach, but a justifications file carries a written justification for the posting and rule",
    ),
    "explain.ad_statement.review": (
        "cellen er tom, eksportene mangler kolonnen «Mangfoldserklæring i annonsen», eller (der kilden bare "
        "foreslår det når det er relevant) annonsen hadde ingen, og en person må vurdere om den burde hatt det; "
        "regelen sier aldri «oppfylt» når data mangler",
        "the cell is blank, the exports have no 'Mangfoldserklæring i annonsen' column, or (where the source "
        "suggests it only where relevant) the ad had none and a person must judge whether it should have; the rule "
        "never says 'met' for want of data",
    ),
    "explain.ad_statement.not_applicable": (
        "stillingen har en utlysningstype regelen ikke gjelder (se «Gjelder utlysningstypene»), eller regelen gjaldt ikke på søknadsfristen",
        "the posting has a type the rule does not apply to (see 'Applies to posting types'), or the rule was not in force on the deadline",
    ),
    "explain.union_involvement.met": (
        "eksporten sier at en tillitsvalgt deltok i rekrutteringen",
        "the export says a union representative took part in the recruitment",
    ),
    "explain.union_involvement.review": (
        "ingen tillitsvalgt deltok, cellen er tom, eller eksportene mangler kolonnen «Tillitsvalgt deltatt»: "
        "kilden sier «kan», så en person vurderer; aldri brudd",
        "no union representative took part, the cell is blank, or the exports have no 'Tillitsvalgt deltatt' "
        "column: the source says 'may', so a person judges; never a breach",
    ),
    "explain.union_involvement.not_applicable": (
        "stillingen har en utlysningstype regelen ikke gjelder (se «Gjelder utlysningstypene»), eller regelen gjaldt ikke på søknadsfristen",
        "the posting has a type the rule does not apply to (see 'Applies to posting types'), or the rule was not in force on the deadline",
    ),
    # --- end h-postrules ---
    # --- h-yearly (issue 14 part B 2, 3, 5, 6): yearly rules, targets file, job level, employment type ---
    "field.job_level": ("lederstilling / stillingsnivå", "leader post / job level"),
    "field.employment_type": ("ansettelsesform", "employment type"),
    "pack.yearly_posting_types": ("kontrolltypen «{check}» gjelder en hel periode og velger selv hvilke stillinger den ser på; posting_types kan ikke brukes",
                                  "check '{check}' judges a whole period and chooses the postings it looks at itself; posting_types cannot be used"),
    "pack.yearly_one_declared_group": ("kontrolltypen «{check}» trenger nøyaktig én egenerklært gruppe (ikke kjønn)",
                                       "check '{check}' needs exactly one declared group (not gender)"),
    "targets.no_unit": ("raden har ingen enhet.", "the row has no unit."),
    "targets.bad_group": ("ukjent gruppe «{value}»; kjente grupper: {known}.", "unknown group '{value}'; known groups: {known}."),
    "targets.bad_share": ("«{value}» er ingen andel fra 0 til 1 («0,244») eller prosent med prosenttegn («24,4 %»).",
                          "'{value}' is no share from 0 to 1 ('0.244') or percent with a percent sign ('24.4 %')."),
    "targets.duplicate": ("enheten «{unit}» har allerede et mål for «{group}».", "the unit '{unit}' already has a target for '{group}'."),
    "rules.yearly": ("Årlig regel: vurderes én gang for hele perioden i «summary», aldri per stilling, og gir aldri brudd.",
                     "Yearly rule: judged once for the whole period by 'summary', never per posting, and never a breach."),
    "rules.posting_types.yearly.selection_parity": ("alle stillingene i perioden (som trakten)", "every posting of the period (as the funnel)"),
    "rules.posting_types.yearly.representation_target": ("alle stillingene i perioden (som trakten)", "every posting of the period (as the funnel)"),
    "rules.posting_types.yearly.trainee_recruitment": ("traineestillinger", "trainee postings"),
    "explain.selection_parity.met": (
        "den stratifiserte utvalgsraten for søkere som har oppgitt {group}, er ikke under fire femdeler av de andres, eller den er det, men den eksakte testen er ikke signifikant",
        "the stratified selection rate of applicants who declared {group} is not below four fifths of the others', or it is, but the exact test is not significant"),
    "explain.selection_parity.review": (
        "i et trinn av trakten er den stratifiserte (Mantel-Haenszel) utvalgsraten for søkere som har oppgitt {group}, under fire femdeler av de andres, og den eksakte ensidige testen er signifikant (p under alpha) med minst min_informative stillinger som bærer informasjon: en person må vurdere om søkerne behandles likeverdig",
        "in a step of the funnel the stratified (Mantel-Haenszel) selection rate of applicants who declared {group} is below four fifths of the others', and the exact one-sided test is significant (p below alpha) with at least min_informative postings carrying information: a person must judge whether applicants are treated equally"),
    "explain.selection_parity.not_applicable": (
        "for lite data: for få stillinger bærer informasjon, statistikken er ikke publisert, et tall er skjult, eller eksportene mangler trinnet eller gruppen",
        "too little data: too few postings carry information, the statistics are not published, a count is hidden, or the exports lack the step or the group"),
    "explain.representation_target.met": (
        "andelen som har oppgitt {group} blant de ansatte (i perioden, i enheten, blant lederstillinger osv.), når målet",
        "the share who declared {group} among those hired (in the period, the unit, among leader posts etc.) reaches the target"),
    "explain.representation_target.review": (
        "andelen som har oppgitt {group} blant de ansatte, er under målet",
        "the share who declared {group} among those hired is below the target"),
    "explain.representation_target.not_applicable": (
        "færre ansatte enn min_hires, intet mål, ingen «Ansatt»-kolonne, eller (for tillitsvalgte) statusen ville avsløre et skjult lite tall",
        "fewer hires than min_hires, no target, no 'Ansatt' column, or (for union representatives) the status would reveal a hidden small count"),
    "explain.trainee_recruitment.met": (
        "minst én trainee som ble ansatt i perioden, har selv oppgitt {group}",
        "at least one trainee hired in the period declared {group}"),
    "explain.trainee_recruitment.review": (
        "ingen trainee som ble ansatt i perioden, har oppgitt {group} (eller det kan ikke leses for noen av dem)",
        "no trainee hired in the period declared {group} (or it cannot be read for some of them)"),
    "explain.trainee_recruitment.not_applicable": (
        "ingen traineestillinger i perioden, ingen «Ansatt»-kolonne, eller (for tillitsvalgte) statusen ville avsløre et skjult lite tall",
        "no trainee postings in the period, no 'Ansatt' column, or (for union representatives) the status would reveal a hidden small count"),
    "value.bad_job_level": ("ukjent stillingsnivå «{value}» (ja/nei, leder / ikke leder); lest som ukjent.",
                            "unknown job level '{value}' (ja/nei, leder / ikke leder); read as unknown."),
    "value.bad_employment_type": ("ukjent ansettelsesform «{value}» (fast, midlertidig, vikariat, engasjement); lest som ukjent.",
                                  "unknown employment type '{value}' (fast, midlertidig, vikariat, engasjement); read as unknown."),
    "report.role.targets": ("mål per enhet (--targets)", "targets per unit (--targets)"),
    "rules.justify.yearly": ("En årlig regel begrunnes ikke per stilling: skriv vurderingen av et «til vurdering» i årsrapporten eller saken den hører til.",
                             "A yearly rule is not justified per posting: write the assessment of a 'review' in the annual report or the case it belongs to."),
    "summary.sheet.yearly": ("Årlige regler", "Yearly rules"),
    "summary.title.yearly": ("Årlige regler: likebehandling i utvelgelsen, mål for de ansatte, traineer",
                             "Yearly rules: equal treatment in selection, targets for those hired, trainees"),
    "summary.note.yearly": (
        "Regler som vurderes én gang for hele perioden. De gir aldri brudd, bare «til vurdering». Bare de ansatte kan måles, ut fra søkerens egen erklæring i søknaden: Oslo kommunes tekst sier at registrering av etnisitet i personaldata ikke er tillatt, så arbeidsstokken selv telles ikke.",
        "Rules judged once for the whole period. They are never a breach, only 'review'. Only hires can be measured, from the applicant's own declaration in the application: the City of Oslo's text says registering ethnicity in personnel data is not allowed, so the workforce itself is not counted."),
    "summary.note.yearly.hidden": ("Tall for personer fra 1 til {top} er skjult («:»), og så mange andre at de ikke kan regnes ut av summene.",
                                   "Counts of persons from 1 to {top} are hidden (':'), with as many others as it takes that they cannot be worked out from the totals."),
    "summary.col.scope": ("Gjelder", "Scope"),
    "summary.col.status": ("Status", "Status"),
    "summary.col.hires": ("Ansatte", "Hires"),
    "summary.col.declared_hires": ("Ansatte som har oppgitt gruppen", "Hires who declared the group"),
    "summary.col.hired_share": ("Andel", "Share"),
    "summary.col.target": ("Mål", "Target"),
    "summary.scope.all": ("alle stillinger", "all postings"),
    "summary.scope.unit": ("enhet {value}", "unit {value}"),
    "summary.scope.job_level.leader": ("lederstillinger", "leader posts"),
    "summary.scope.job_level.other": ("andre stillinger enn ledere", "posts other than leaders"),
    "summary.scope.job_level.–": ("stillinger uten oppgitt nivå", "posts with no level given"),
    "summary.scope.employment_type.permanent": ("faste stillinger", "permanent posts"),
    "summary.scope.employment_type.temporary": ("midlertidige stillinger (vikariater, engasjementer)", "temporary posts (substitutes, fixed-term)"),
    "summary.scope.employment_type.–": ("stillinger uten oppgitt ansettelsesform", "posts with no employment type given"),
    "summary.scope.trainee": ("traineestillinger", "trainee postings"),
    "summary.scope.step": ("{before} → {stage}", "{before} → {stage}"),
    "summary.target_source.targets_file": ("fra --targets", "from --targets"),
    "summary.target_source.rule": ("regelsettets mål", "the pack's target"),
    "summary.target_source.population_share": ("befolkningsandelen, SSB", "the population share, Statistics Norway"),
    "yearly.selection_parity.adverse_impact": (
        "{Scope}: utvalgsraten for dem som har oppgitt {group}, er under fire femdeler av de andres (stratifisert), og den eksakte testen er signifikant ({p}, alpha {alpha}) over {informative} stillinger som bærer informasjon. Vurder om søkerne behandles likeverdig.",
        "{Scope}: the selection rate of those who declared {group} is below four fifths of the others' (stratified), and the exact test is significant ({p}, alpha {alpha}) over {informative} postings carrying information. Judge whether applicants are treated equally."),
    "yearly.selection_parity.not_significant": (
        "{Scope}: utvalgsraten for dem som har oppgitt {group}, er under fire femdeler av de andres (stratifisert), men den eksakte testen er ikke signifikant ({p}, alpha {alpha}): ikke belegg for ulik behandling.",
        "{Scope}: the selection rate of those who declared {group} is below four fifths of the others' (stratified), but the exact test is not significant ({p}, alpha {alpha}): no evidence of unequal treatment."),
    "yearly.selection_parity.not_below": (
        "{Scope}: utvalgsraten for dem som har oppgitt {group}, er ikke under fire femdeler av de andres (stratifisert).",
        "{Scope}: the selection rate of those who declared {group} is not below four fifths of the others' (stratified)."),
    "yearly.selection_parity.too_few_postings": (
        "{Scope}: for lite data: {informative} stillinger bærer informasjon, regelen trenger minst {minimum}.",
        "{Scope}: too little data: {informative} postings carry information, the rule needs at least {minimum}."),
    "yearly.selection_parity.suppressed": (
        "{Scope}: tall i trinnet er skjult (for små), så regelen vurderes ikke.",
        "{Scope}: counts of the step are hidden (too small), so the rule is not judged."),
    "yearly.selection_parity.stage_missing": (
        "{Scope}: eksportene har ikke dette trinnet.", "{Scope}: the exports do not have this step."),
    "yearly.selection_parity.group_not_in_exports": (
        "{Scope}: eksportene har ingen kolonne for {group}.", "{Scope}: the exports have no column for {group}."),
    "yearly.representation_target.target_reached": (
        "{Scope}: {share} av {hires} ansatte har oppgitt {group}; målet er {target} ({source}) og er nådd.",
        "{Scope}: {share} of {hires} hires declared {group}; the target is {target} ({source}) and is reached."),
    "yearly.representation_target.below_target": (
        "{Scope}: {share} av {hires} ansatte har oppgitt {group}; det er under målet på {target} ({source}).",
        "{Scope}: {share} of {hires} hires declared {group}; that is below the target of {target} ({source})."),
    "yearly.representation_target.target_reached.hidden": (
        "{Scope}: {hires} ansatte; hvor mange som har oppgitt {group}, er skjult (for få personer, eller det kunne regnes ut); målet er {target} ({source}) og er nådd.",
        "{Scope}: {hires} hires; how many declared {group} is hidden (too few persons, or it could be worked out); the target is {target} ({source}) and is reached."),
    "yearly.representation_target.below_target.hidden": (
        "{Scope}: {hires} ansatte; hvor mange som har oppgitt {group}, er skjult (for få personer, eller det kunne regnes ut); andelen er under målet på {target} ({source}).",
        "{Scope}: {hires} hires; how many declared {group} is hidden (too few persons, or it could be worked out); the share is below the target of {target} ({source})."),
    "yearly.representation_target.too_few_hires": (
        "{Scope}: færre enn {minimum} ansatte; ikke vurdert.", "{Scope}: fewer than {minimum} hires; not judged."),
    "yearly.representation_target.no_target": (
        "{Scope}: intet mål for {group} (verken i regelsettet eller i --targets).",
        "{Scope}: no target for {group} (neither in the pack nor in --targets)."),
    "yearly.representation_target.hired_missing": (
        "Eksportene har ingen «Ansatt»-kolonne; de ansatte kan ikke telles.",
        "The exports have no 'Ansatt' column; hires cannot be counted."),
    "yearly.representation_target.group_not_in_exports": (
        "Eksportene har ingen kolonne for {group}.", "The exports have no column for {group}."),
    "yearly.representation_target.withheld": (
        "{Scope}: ikke vist: vurderingen ville avsløre et tall for færre enn {k} personer (HR-rapporten har den).",
        "{Scope}: not shown: the verdict would reveal a count of fewer than {k} persons (the HR report has it)."),
    "yearly.representation_target.only_hires": (
        "Bare de ansatte kan måles, ut fra søknaden; personaldata om etnisitet er ikke tillatt.",
        "Only hires can be measured, from the application; personnel data on ethnicity is not allowed."),
    "yearly.trainee_recruitment.trainee_declared": (
        "{postings:# traineestilling|# traineestillinger} i perioden; minst én av traineene som ble ansatt, har oppgitt {group}.",
        "{postings:# trainee posting|# trainee postings} in the period; at least one trainee hired declared {group}."),
    "yearly.trainee_recruitment.no_trainee_declared": (
        "{postings:# traineestilling|# traineestillinger} i perioden; ingen trainee som ble ansatt, har oppgitt {group}.",
        "{postings:# trainee posting|# trainee postings} in the period; no trainee hired declared {group}."),
    "yearly.trainee_recruitment.undecided": (
        "{postings:# traineestilling|# traineestillinger} i perioden; ingen trainee som ble ansatt, er kjent å ha oppgitt {group}, men for noen kan det ikke leses (uklar verdi eller manglende landgruppe).",
        "{postings:# trainee posting|# trainee postings} in the period; no trainee hired is known to have declared {group}, but for some it cannot be read (unclear value or missing country group)."),
    "yearly.trainee_recruitment.no_trainee_postings": (
        "Ingen traineestillinger i perioden.", "No trainee postings in the period."),
    "yearly.trainee_recruitment.hired_missing": (
        "Eksportene har ingen «Ansatt»-kolonne; traineene som ble ansatt, kan ikke telles.",
        "The exports have no 'Ansatt' column; the trainees hired cannot be counted."),
    "yearly.trainee_recruitment.group_not_in_exports": (
        "Eksportene har ingen kolonne for {group}.", "The exports have no column for {group}."),
    "yearly.selection_parity.not_in_force": ("Regelen gjelder ikke i perioden.", "The rule is not in force in the period."),
    "yearly.representation_target.not_in_force": ("Regelen gjelder ikke i perioden.", "The rule is not in force in the period."),
    "yearly.trainee_recruitment.not_in_force": ("Regelen gjelder ikke i perioden.", "The rule is not in force in the period."),
    "yearly.trainee_recruitment.withheld": (
        "{postings:# traineestilling|# traineestillinger} i perioden; ikke vist: vurderingen ville avsløre et tall for færre enn {k} personer (HR-rapporten har den).",
        "{postings:# trainee posting|# trainee postings} in the period; not shown: the verdict would reveal a count of fewer than {k} persons (the HR report has it)."),
    # --- end h-yearly ---
    # --- h-merge2: a pack of yearly rules only, given to check ---
    "select.only_yearly": (
        "Regelsettet {pack} har bare årsregler, og dem vurderer bare summary; det er ingenting å kontrollere per stilling.",
        "Rule pack {pack} has only yearly rules, which only summary judges; there is nothing to check per posting."),
    # --- end h-merge2 ---
    # --- h-fixrules: a rule whose source states no dates at all ---
    "rules.no_dates": ("ingen datoer i kilden; regelsettet bruker regelen uten tidsgrense",
                       "no dates in the source; the pack applies the rule without a time limit"),
    # --- end h-fixrules ---
    # --- h-fixyear (issue 12: the yearly rules' dates, declarations not offered, targets, texts) ---
    "yearly.selection_parity.partly_in_force": (
        "{left_out:# stilling|# stillinger} i perioden har søknadsfrist utenfor regelens datoer, og trakten teller med alle stillinger; velg en periode innenfor datoene for å få regelen vurdert.",
        "{left_out:# of the period's postings has|# of the period's postings have} a deadline outside the rule's dates, and the funnel counts them; choose a period within the dates to have the rule judged."),
    "yearly.left_out_not_in_force": (
        "{left_out:# stilling|# stillinger} med søknadsfrist utenfor regelens datoer er ikke talt med.",
        "{left_out:# posting|# postings} with a deadline outside the rule's dates {left_out:is|are} not counted."),
    "yearly.left_out_not_offered": (
        "{left_out:# stilling|# stillinger} der egenerklæring ikke ble tilbudt, er ikke talt med.",
        "{left_out:# posting|# postings} where self-declaration was not offered {left_out:is|are} not counted."),
    "yearly.selection_parity.not_offered": (
        "Ingen av periodens stillinger tilbød egenerklæring, så ingen erklæringer kan vurderes.",
        "None of the period's postings offered self-declaration, so there are no declarations to judge."),
    "yearly.representation_target.not_offered": (
        "Ingen av periodens stillinger tilbød egenerklæring, så ingen erklæringer kan vurderes.",
        "None of the period's postings offered self-declaration, so there are no declarations to judge."),
    "yearly.trainee_recruitment.not_offered": (
        "Ingen av periodens stillinger tilbød egenerklæring, så ingen erklæringer kan vurderes.",
        "None of the period's postings offered self-declaration, so there are no declarations to judge."),
    "targets.unit_unmatched": (
        "ingen stilling i perioden har enheten «{value}», så målet brukes ikke (riktig hvis enheten ikke hadde stillinger i perioden; ellers: sjekk skrivemåten mot eksporten).",
        "no posting of the period has the unit '{value}', so the target is not used (right if the unit had no postings in the period; otherwise check the spelling against the export)."),
    "targets.group_unused": (
        "regelsettet har ingen regel for representasjonsmål for gruppen «{value}», så målet brukes ikke.",
        "the rule pack has no representation target rule for the group '{value}', so the target is not used."),
    "summary.note.yearly.export": (
        "Regler som vurderes én gang for hele perioden. De gir aldri brudd, bare «til vurdering». Bare de ansatte kan måles, ut fra søkerens egen erklæring i søknaden: eksporten har erklæringer bare for søkere, så arbeidsstokken selv telles ikke.",
        "Rules judged once for the whole period. They are never a breach, only 'review'. Only hires can be measured, from the applicant's own declaration in the application: the export holds declarations only for applicants, so the workforce itself is not counted."),
    "yearly.representation_target.only_hires.export": (
        "Bare de ansatte kan måles, ut fra søknaden: eksporten har erklæringer bare for søkere.",
        "Only hires can be measured, from the application: the export holds declarations only for applicants."),
    "summary.min_cell.none_hidden": ("ingen tall er skjult (minste celle {k})", "no count is hidden (smallest cell {k})"),
    "summary.method.none_hidden": (
        "Metode: ingen antall personer er skjult (minste celle {k}); nuller og små tall vises som de er. Andeler og rater er avrundet til 0,1 %, forhold til 3 gjeldende sifre og p-verdier til 2. Stratifiserte tester vises bare når minst {minimum:# stilling|# stillinger} har informasjon.",
        "Method: no count of persons is hidden (smallest cell {k}); zeros and small counts are shown as they are. Shares and rates are rounded to 0.1 %, ratios to 3 significant digits and p-values to 2. Stratified tests are shown only when at least {minimum:# posting has|# postings have} information."),
    "summary.not_safe.tillitsvalgt": (
        "OBS: minste celle er {k}, under standarden: antall personer opp til {top} er IKKE skjult slik de ellers ville vært. Rapporten er ikke trygg å gi til tillitsvalgte eller andre.",
        "NOTE: the smallest cell is {k}, below the default: counts of persons up to {top} are NOT hidden as they otherwise would be. The report is not safe to hand to union representatives or anyone else."),
    # --- end h-fixyear ---
}


class _Plurals(string.Formatter):
    """``str.format`` plus plural forms: ``{count:# stilling|# stillinger}`` gives "1 stilling", "2 stillinger".

    The format spec of a count may hold two forms, singular and plural, split by ``|``; ``#`` in the
    chosen form is replaced by the number. A form need not show the number: ``{count:den|de}``.
    """

    def format_field(self, value: object, format_spec: str) -> str:
        if "|" not in format_spec:
            return format(value, format_spec)
        one, _, other = format_spec.partition("|")
        return (one if _is_one(value) else other).replace("#", str(value))


def _is_one(value: object) -> bool:
    """Whether a count (an int, or a number in a string such as "1" or "1.0") is exactly one."""
    try:
        return float(str(value).replace(",", ".")) == 1
    except ValueError:
        return False


_PLURALS = _Plurals()


def text(key: str, lang: Lang, **params: object) -> str:
    """The text for ``key`` in ``lang``, with ``{placeholders}`` filled in and plural forms chosen."""
    try:
        nb, en = CATALOGUE[key]
    except KeyError:
        raise KeyError(f"no message {key!r} in the catalogue") from None
    template = en if lang == "en" else nb
    if not params:
        return template
    return _PLURALS.vformat(template, (), params) if "|" in template else template.format(**params)


def level_label(level: str, lang: Lang) -> str:
    """A problem's level ("warning", "error") as a word in ``lang``: "advarsel", "feil"."""
    return text(f"level.{level}", lang)


Verdict = Literal["breach", "review", "met"]


def verdict(kind: Literal["report", "summary"], audience: str, breach: int, review: int, lang: Lang,
            failed: bool | None = None) -> tuple[str, Verdict]:
    """The closing line of a ``check`` (``kind="report"``) or ``summary`` report, and the status it shows.

    HR is told what to do next; union representatives get the counts only, as the fixing is not
    theirs to do. The words follow the counts; the status (the colour) follows ``failed``, whether
    the run fails (``--fail-on review`` fails on a finding to review too), by default whether there
    is a breach.
    """
    fails = breach > 0 if failed is None else failed
    status: Verdict = "breach" if fails else "review" if review else "met"
    if audience != "hr":
        return text(f"{kind}.verdict.tillitsvalgt", lang, count=breach, review=review), status
    which = "breach" if breach else "review" if review else "ok"
    return text(f"{kind}.verdict.{which}", lang, count=breach, review=review), status


def group_label(groups: Sequence[str], country_group: str | None, lang: Lang) -> str:
    labels = []
    for group in groups:
        key = f"group.{group}.{country_group}" if country_group and f"group.{group}.{country_group}" in CATALOGUE \
            else f"group.{group}"
        labels.append(text(key, lang))
    joiner = " eller " if lang == "nb" else " or "
    return joiner.join(labels)


def field_labels(fields: Sequence[str], lang: Lang) -> str:
    """Field names as words in a sentence: "kvalifisert, innkalt til intervju"."""
    return ", ".join(text(f"field.{name}", lang) if f"field.{name}" in CATALOGUE else name for name in fields)


def format_number(value: float | str, lang: Lang) -> str:
    """3.0 -> "3", 2.5 -> "2,5" in bokmål and "2.5" in English."""
    number = float(value)
    shown = f"{number:g}" if number != int(number) else str(int(number))
    return shown.replace(".", ",") if lang == "nb" else shown


def format_date(value: date | str | None, lang: Lang) -> str:
    if value is None:
        return "–"
    day = date.fromisoformat(value) if isinstance(value, str) else value
    return day.strftime("%d.%m.%Y") if lang == "nb" else day.isoformat()
