"""Dutch and English texts that users read: one catalogue, two sources.

How the catalogue works (read this before adding a text):

- The catalogue is gettext's: ``opgavelab/locale/<lang>/LC_MESSAGES/opgavelab.po``
  (``nl`` and ``en``), package data, read at run time with Babel (no compile
  step). A message id is a key such as ``scan.brokers.pairs``; its ``msgstr``
  is the text, with ``{field}`` placeholders. Plural forms use gettext's
  ``msgid_plural`` / ``msgstr[0]``, ``msgstr[1]`` and the catalogue's
  ``Plural-Forms`` header: :func:`nmessage` chooses the form (``1 actor``,
  ``2 actoren``).
- ``MESSAGES`` and ``LABELS`` below, ``key: (nl, en)``, remain an accepted
  source: :func:`message` and :func:`label` look in the .po catalogue first
  and then in these dicts, so new entries can be added here as before and
  merge without conflicts. ``python -m opgavelab._catalogue absorb`` moves
  every dict entry into the two .po files (and ``check`` lists keys that
  lack a translation).
- Numbers, percentages and dates are formatted by Babel in the reader's
  locale: :func:`fmt_number` (``0,12``), :func:`fmt_signed` (``+0,44``),
  :func:`fmt_percent` (``12%``), :func:`fmt_date` (``31 december 2024``,
  ``31-12-2024``).
- Dutch library texts address the reader with *u*.
- Data keys (column names, row labels) stay English; only what is shown is
  translated (:func:`column_label`).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_LOCALE_DIR = Path(__file__).parent / "locale"
_BABEL_LOCALE = {"nl": "nl_NL", "en": "en_GB"}


@lru_cache(maxsize=4)
def _catalogue(lang: str) -> tuple[dict, object]:
    """Key -> text (or tuple of plural forms) and the plural function of ``lang``'s .po file."""
    import gettext

    from babel.messages.pofile import read_po

    path = _LOCALE_DIR / lang / "LC_MESSAGES" / "opgavelab.po"
    if not path.exists():
        return {}, (lambda n: int(n != 1))
    with path.open("rb") as fh:
        cat = read_po(fh, locale=_BABEL_LOCALE.get(lang, lang))
    entries: dict = {}
    for msg in cat:
        if not msg.id:
            continue
        key = msg.id[0] if isinstance(msg.id, (tuple, list)) else msg.id
        if isinstance(msg.string, (tuple, list)):
            if all(msg.string):
                entries[key] = tuple(msg.string)
        elif msg.string:
            entries[key] = msg.string
    return entries, gettext.c2py(cat.plural_expr)


def _lang(lang) -> str:
    return "en" if lang == "en" else "nl"


def has_message(key: str) -> bool:
    """Whether ``key`` is in the catalogue (either source)."""
    return key in _catalogue("nl")[0] or key in MESSAGES or key in LABELS

MESSAGES: dict[str, tuple[str, str]] = {
    # --- reading files ------------------------------------------------------
    "file_missing": (
        "Bestand of map niet gevonden: {path}.",
        "File or folder not found: {path}.",
    ),
    "file_missing_hint": (
        "Controleer het pad; een casus is een .xlsx-, .ods-bestand of een map met CSV-bestanden.",
        "Check the path; a case is an .xlsx or .ods file or a folder of CSV files.",
    ),
    "file_empty": (
        "Het bestand {path} is leeg (0 bytes).",
        "The file {path} is empty (0 bytes).",
    ),
    "file_empty_hint": (
        "Sla de werkmap opnieuw op vanuit Excel of LibreOffice, of begin met `opgavelab template`.",
        "Save the workbook again from Excel or LibreOffice, or start from `opgavelab template`.",
    ),
    "file_encrypted": (
        "{path} is met een wachtwoord beveiligd en kan niet worden gelezen.",
        "{path} is password-protected and cannot be read.",
    ),
    "file_encrypted_hint": (
        "Open het in Excel, verwijder het wachtwoord (Bestand > Info > Werkmap beveiligen) en sla op als .xlsx.",
        "Open it in Excel, remove the password (File > Info > Protect Workbook) and save as .xlsx.",
    ),
    "file_not_spreadsheet": (
        "{path} is geen spreadsheet die opgavelab kan lezen ({detail}).",
        "{path} is not a spreadsheet opgavelab can read ({detail}).",
    ),
    "file_not_spreadsheet_hint": (
        "Gebruik een .xlsx- of .ods-werkmap of een map met CSV-bestanden (één per blad).",
        "Use an .xlsx or .ods workbook or a folder of CSV files (one per sheet).",
    ),
    "file_unknown_extension": (
        "Onbekend bestandstype '{ext}' voor {path}.",
        "Unknown file type '{ext}' for {path}.",
    ),
    "folder_no_csv": (
        "De map {path} bevat geen CSV-bestanden.",
        "The folder {path} holds no CSV files.",
    ),
    "folder_no_csv_hint": (
        "Zet er één CSV-bestand per blad in: actoren.csv, opgaven.csv, betrokkenheid.csv, relaties.csv.",
        "Put one CSV file per sheet in it: actors.csv, opgaven.csv, involvement.csv, ties.csv.",
    ),
    "csv_unreadable": (
        "Het CSV-bestand kon niet worden gelezen: {detail}.",
        "The CSV file could not be read: {detail}.",
    ),
    "csv_unreadable_hint": (
        "Sla het op als CSV (UTF-8 of Windows-1252) met ',' of ';' als scheidingsteken.",
        "Save it as CSV (UTF-8 or Windows-1252) with ',' or ';' as separator.",
    ),
    "csv_ragged": (
        "Deze rij heeft {n} velden, de kopregel {width}.",
        "This row has {n} fields, the header {width}.",
    ),
    "csv_ragged_hint": (
        "Staat er een '{sep}' in een waarde? Zet die waarde tussen aanhalingstekens (\"3.1{sep} 6.5\") of sla opnieuw op vanuit Excel.",
        "Is there a '{sep}' inside a value? Put that value in double quotes (\"3.1{sep} 6.5\") or save again from Excel.",
    ),
    "file_too_large": (
        "{path} heeft een blad dat te groot is om in te lezen.",
        "{path} has a sheet too large to read.",
    ),
    "sheet_too_large": (
        "Het blad '{sheet}' is te groot om in te lezen{where}: meer dan {limit} cellen.",
        "The sheet '{sheet}' is too large to read{where}: more than {limit} cells.",
    ),
    "sheet_too_large_where": (
        " (het loopt door tot rij {rows} en kolom {letter})",
        " (it reaches down to row {rows} and across to column {letter})",
    ),
    "sheet_too_large_hint": (
        "Staat er ver onder of rechts van de gegevens nog een waarde, al is het een spatie? Verwijder de rijen onder "
        "en de kolommen rechts van de gegevens (selecteren, rechtermuisknop > Verwijderen) en sla opnieuw op.",
        "Is there a value far below or to the right of the data, even a space? Delete the rows below and the "
        "columns to the right of the data (select them, right-click > Delete) and save again.",
    ),
    # --- issue 20: hardening (caps, unreadable files, encodings, output) -----
    "limit_bytes": (
        "{path} is uitgepakt groter dan de grens van {limit} bytes{where}.",
        "{path} is larger, unzipped, than the limit of {limit} bytes{where}.",
    ),
    "limit_bytes_hint": (
        "Een klein bestand kan uitgepakt gigabytes worden. Sla de werkmap opnieuw op vanuit Excel of LibreOffice; "
        "vertrouwt u het bestand, verhoog dan de grens.",
        "A small file can unzip to gigabytes. Save the workbook again from Excel or LibreOffice; if you trust the "
        "file, raise the limit.",
    ),
    "limit_cells": (
        "{path} heeft een blad met meer dan {limit} cellen{where}.",
        "{path} has a sheet of more than {limit} cells{where}.",
    ),
    "limit_cells_hint": (
        "Verwijder de rijen onder en de kolommen rechts van de gegevens en sla opnieuw op.",
        "Delete the rows below and the columns to the right of the data and save again.",
    ),
    "limit_cell_chars": (
        "{path} heeft een cel met meer dan {limit} tekens{where}.",
        "{path} has a cell of more than {limit} characters{where}.",
    ),
    "limit_cell_chars_hint": (
        "Excel zelf houdt op bij 32.767 tekens per cel. Kort de tekst in of zet hem in een apart document; "
        "vertrouwt u het bestand, verhoog dan de grens.",
        "Excel itself stops at 32,767 characters per cell. Shorten the text or keep it in a document of its own; "
        "if you trust the file, raise the limit.",
    ),
    "limit_raise": (
        "(Grens '{arg}': hoger zetten met opgavelab.load(..., {arg}=...) of op de opdrachtregel met --{opt}.)",
        "(Limit '{arg}': raise it with opgavelab.load(..., {arg}=...) or on the command line with --{opt}.)",
    ),
    "file_out_of_memory": (
        "{path} past niet in het geheugen.",
        "{path} does not fit in memory.",
    ),
    "file_out_of_memory_hint": (
        "Sluit andere programma's, of verwijder lege rijen, kolommen en zeer lange teksten uit de werkmap.",
        "Close other programs, or delete empty rows, columns and very long texts from the workbook.",
    ),
    "file_no_permission": (
        "{path} kan niet worden geopend: geen toestemming ({detail}).",
        "{path} cannot be opened: permission denied ({detail}).",
    ),
    "file_no_permission_hint": (
        "Is het bestand geopend in Excel? Sluit het daar. Anders: geef uzelf leesrechten of kopieer het bestand "
        "naar een eigen map.",
        "Is the file open in Excel? Close it there. Otherwise give yourself read permission or copy the file to a "
        "folder of your own.",
    ),
    "file_os_error": (
        "{path} kan niet worden gelezen ({detail}).",
        "{path} cannot be read ({detail}).",
    ),
    "file_os_error_hint": (
        "Controleer of het bestand er nog is en de schijf of netwerkmap bereikbaar is, en probeer het opnieuw.",
        "Check that the file is still there and its drive or network folder can be reached, and try again.",
    ),
    "csv_mixed_encoding": (
        "Regel {line} van {path} is geen UTF-8, de rest van het bestand wel; deze regel is gelezen als Windows-1252.",
        "Line {line} of {path} is not UTF-8, the rest of the file is; this line was read as Windows-1252.",
    ),
    "csv_mixed_encoding_more": (
        "En nog {n} regels van {path} die geen UTF-8 zijn.",
        "And {n} more lines of {path} that are not UTF-8.",
    ),
    "csv_mixed_encoding_hint": (
        "Controleer de tekens met accenten op deze regel; sla het bestand opnieuw op als 'CSV UTF-8'.",
        "Check the accented characters on this line; save the file again as 'CSV UTF-8'.",
    ),
    "csv_symlink": (
        "{path} in de CSV-map is een snelkoppeling (symbolische link); opgavelab volgt die niet ({n} in totaal).",
        "{path} in the CSV folder is a shortcut (symbolic link); opgavelab does not follow it ({n} in all).",
    ),
    "csv_symlink_hint": (
        "Kopieer het echte bestand in de map in plaats van een link.",
        "Copy the real file into the folder instead of a link.",
    ),
    "write_disk_full": (
        "{path} kan niet worden geschreven: de schijf is vol ({detail}).",
        "{path} cannot be written: the disk is full ({detail}).",
    ),
    "write_disk_full_hint": (
        "Maak ruimte vrij of kies met --out een map op een andere schijf; wat al geschreven is, is compleet.",
        "Free some space or choose a folder on another drive with --out; what was written already is complete.",
    ),
    "write_no_permission": (
        "{path} kan niet worden geschreven: geen toestemming ({detail}).",
        "{path} cannot be written: permission denied ({detail}).",
    ),
    "write_no_permission_hint": (
        "Kies een map waarin u mag schrijven (bijvoorbeeld in uw eigen documenten), of sluit het bestand als het "
        "in een ander programma open staat.",
        "Choose a folder you may write to (for example in your own documents), or close the file if another "
        "program has it open.",
    ),
    "write_read_only": (
        "{path} kan niet worden geschreven: de schijf is alleen-lezen ({detail}).",
        "{path} cannot be written: the drive is read-only ({detail}).",
    ),
    "write_read_only_hint": (
        "Kies met --out een map op een schijf waarop u kunt schrijven.",
        "Choose a folder on a writable drive with --out.",
    ),
    "write_name_too_long": (
        "{path} kan niet worden geschreven: de naam is te lang ({detail}).",
        "{path} cannot be written: the name is too long ({detail}).",
    ),
    "write_name_too_long_hint": (
        "Kies een kortere map met --out, of geef de opgave een korter id.",
        "Choose a shorter folder with --out, or give the opgave a shorter id.",
    ),
    "write_not_a_folder": (
        "{path} is een bestand, geen map; daarin kan niets worden geschreven ({detail}).",
        "{path} is a file, not a folder; nothing can be written into it ({detail}).",
    ),
    "write_not_a_folder_hint": (
        "Geef met --out een map (die mag nog niet bestaan), niet een bestand.",
        "Give a folder with --out (it need not exist yet), not a file.",
    ),
    "write_is_a_folder": (
        "{path} is een map; er kan geen bestand met die naam worden geschreven ({detail}).",
        "{path} is a folder; no file of that name can be written ({detail}).",
    ),
    "write_is_a_folder_hint": (
        "Verplaats of hernoem die map, of kies een andere map met --out.",
        "Move or rename that folder, or choose another folder with --out.",
    ),
    "write_failed": (
        "{path} kan niet worden geschreven ({detail}).",
        "{path} cannot be written ({detail}).",
    ),
    "write_failed_hint": (
        "Controleer of de map bestaat en bereikbaar is en of u erin mag schrijven, en probeer het opnieuw.",
        "Check that the folder exists, can be reached and that you may write to it, and try again.",
    ),
    "cli_interrupted": (
        "Afgebroken; wat al geschreven was, is compleet, er is geen half bestand achtergebleven.",
        "Interrupted; what was written is complete, no half-written file was left behind.",
    ),
    "cli_out_of_memory": (
        "Te weinig geheugen om dit af te maken.",
        "Not enough memory to finish this.",
    ),
    "cli_internal_error": (
        "Interne fout in opgavelab ({detail}).",
        "Internal error in opgavelab ({detail}).",
    ),
    "cli_internal_error_hint": (
        "Dit is een fout in opgavelab, niet in uw bestand: meld het met de opdracht en (als dat kan) het bestand. "
        "Met OPGAVELAB_DEBUG=1 ziet u de details.",
        "This is a bug in opgavelab, not in your file: please report it with the command and (if you can) the "
        "file. Set OPGAVELAB_DEBUG=1 to see the details.",
    ),
    "report_written_before_error": (
        "{n} bestanden waren al geschreven (compleet) in {out}.",
        "{n} files had been written (complete) to {out}.",
    ),
    "column_reserved": (
        "De kolom '{value}' heet in opgavelab '{new}': '{value}' is een naam die netwerken en exports zelf gebruiken.",
        "The column '{value}' is called '{new}' in opgavelab: '{value}' is a name networks and exports use "
        "themselves.",
    ),
    "column_reserved_hint": (
        "Niets te doen; wilt u de oorspronkelijke naam terugzien, geef de kolom dan een andere naam.",
        "Nothing to do; to see a name of your own, give the column another name.",
    ),
    "colour_bad": (
        "'{value}' is geen kleur; de standaardkleur wordt gebruikt.",
        "'{value}' is not a colour; the default colour is used.",
    ),
    "colour_bad_hint": (
        "Geef een kleurcode als #0072B2 (# en zes tekens 0-9 of A-F) of een kleurnaam als 'teal' of 'groen'.",
        "Give a colour code like #0072B2 (# and six characters 0-9 or A-F) or a colour name like 'teal'.",
    ),
    "control_characters": (
        "Deze cel bevatte {n} onzichtbare stuurteken(s) (zoals U+0001 of ESC); die zijn verwijderd.",
        "This cell held {n} invisible control character(s) (such as U+0001 or ESC); they were removed.",
    ),
    "control_characters_more": (
        "En nog {n} cellen met stuurtekens; die zijn ook verwijderd.",
        "And {n} more cells with control characters; those were removed too.",
    ),
    "control_characters_hint": (
        "Stuurtekens komen meestal mee bij kopiëren uit een ander programma. Controleer de waarde en sla het bestand "
        "opnieuw op zonder die tekens.",
        "Control characters usually come along when copying from another program. Check the value and save the "
        "file again without them.",
    ),
    "invisible_only": (
        "Deze cel in '{column}' bestaat alleen uit onzichtbare tekens (zoals een spatie zonder breedte of een "
        "zacht afbreekstreepje) en is dus eigenlijk leeg.",
        "This cell in '{column}' holds only invisible characters (such as a zero-width space or a soft hyphen), "
        "so it is in fact empty.",
    ),
    "invisible_only_hint": (
        "Maak de cel leeg en typ de waarde opnieuw.",
        "Clear the cell and type the value again.",
    ),
    "id_invisible_twin": (
        "Deze id ziet eruit als '{value}' uit rij {other}, maar verschilt in onzichtbare tekens of "
        "schrijfrichtingstekens: het zijn twee verschillende ids.",
        "This id looks like '{value}' of row {other} but differs in invisible or text-direction characters: they "
        "are two different ids.",
    ),
    "id_invisible_twin_hint": (
        "Typ de id opnieuw, zonder te plakken; is het dezelfde actor of opgave, voeg de rijen dan samen.",
        "Type the id again, without pasting; if it is the same actor or opgave, merge the rows.",
    ),
    "commitment_not_whole": (
        "Inzet '{value}' is geen geheel getal; de inzet is 1, 2, 3, 4 of 5.",
        "Commitment '{value}' is not a whole number; commitment is 1, 2, 3, 4 or 5.",
    ),
    "commitment_not_whole_hint": (
        "Rond af naar een geheel getal van 1 (weinig) tot 5 (veel), of laat de cel leeg.",
        "Round to a whole number from 1 (little) to 5 (much), or leave the cell empty.",
    ),
    "number_ambiguous": (
        "'{value}' kan {read} of {other} betekenen; gelezen als {read}.",
        "'{value}' can mean {read} or {other}; read as {read}.",
    ),
    "number_ambiguous_hint": (
        "Schrijf het getal zonder scheidingsteken voor duizendtallen (1000) of met een decimaal dat niet drie "
        "cijfers heeft (1,5), of maak de cel een getalcel.",
        "Write the number without a thousands separator (1000), or with a decimal part that is not three digits "
        "(1.5), or make the cell a number cell.",
    ),
    "date_serial_not_positive": (
        "Deze datumcel heeft de waarde 0 of minder; dat is in Excel geen datum (Excel toont 0-1-1900 of ####).",
        "This date cell holds 0 or less; in Excel that is no date (Excel shows 0-1-1900 or ####).",
    ),
    "date_serial_not_positive_hint": (
        "Typ de datum opnieuw (bijvoorbeeld 2021 of 3-12-2021), of laat de cel leeg.",
        "Type the date again (for example 2021 or 2021-12-03), or leave the cell empty.",
    ),
    "date_excel_1900": (
        "De datum {value} ligt vóór maart 1900: daar telt Excel één dag verkeerd (het kent 29-02-1900, een dag die "
        "niet bestond); gelezen als {value}.",
        "The date {value} is before March 1900, where Excel is a day off (it counts 29-02-1900, a day that never "
        "was); read as {value}.",
    ),
    "date_excel_1900_hint": (
        "Is dit een echte datum? Anders is het een getal in een cel met datumopmaak: typ de datum opnieuw.",
        "Is this a real date? Otherwise it is a number in a cell formatted as a date: type the date again.",
    ),
    "sheet_hidden": (
        "Het blad '{sheet}' is verborgen in Excel; opgavelab leest het wel.",
        "The sheet '{sheet}' is hidden in Excel; opgavelab reads it all the same.",
    ),
    "sheet_hidden_hint": (
        "Maak het zichtbaar (rechtermuisknop op een bladtab > Zichtbaar maken) om te zien wat er gelezen wordt.",
        "Unhide it (right-click a sheet tab > Unhide) to see what is read.",
    ),
    "sheet_very_hidden": (
        "Het blad '{sheet}' is 'zeer verborgen' in Excel: het staat niet bij Zichtbaar maken, maar opgavelab leest "
        "het wel.",
        "The sheet '{sheet}' is 'very hidden' in Excel: Unhide does not list it, but opgavelab reads it.",
    ),
    "sheet_very_hidden_hint": (
        "Maak het zichtbaar via Ontwikkelaars > Visual Basic (eigenschap Visible op -1), of open het bestand in "
        "LibreOffice (Blad > Blad weergeven).",
        "Unhide it through Developer > Visual Basic (property Visible = -1), or open the file in LibreOffice "
        "(Sheet > Show Sheet).",
    ),
    # --- sheets and columns -------------------------------------------------
    "sheet_missing": (
        "Het blad '{sheet}' ontbreekt.",
        "The sheet '{sheet}' is missing.",
    ),
    "sheet_missing_hint": (
        "Voeg een blad toe met een van de namen: {names}.{closest}",
        "Add a sheet named one of: {names}.{closest}",
    ),
    "sheet_closest": (
        " Bedoelt u het blad '{name}'?",
        " Did you mean the sheet '{name}'?",
    ),
    "sheet_duplicate": (
        "Er zijn twee bladen voor '{sheet}': {names}.",
        "There are two sheets for '{sheet}': {names}.",
    ),
    "sheet_duplicate_hint": (
        "Houd één blad over of geef het andere een andere naam.",
        "Keep one of them or rename the other.",
    ),
    "sheet_empty": (
        "Het blad '{sheet}' is leeg.",
        "The sheet '{sheet}' is empty.",
    ),
    "sheet_no_rows": (
        "Het blad '{sheet}' heeft geen gegevens onder de kopregel.",
        "The sheet '{sheet}' has no data below its header row.",
    ),
    "sheet_no_rows_hint": (
        "Vul minstens één rij in; het blad 'instructies' van `opgavelab template` legt elke kolom uit.",
        "Fill in at least one row; the sheet 'instructions' of `opgavelab template` explains every column.",
    ),
    "sheet_no_header": (
        "Geen kopregel gevonden in de eerste {n} rijen van het blad.",
        "No header row found in the first {n} rows of the sheet.",
    ),
    "sheet_no_header_hint": (
        "Zet de kolomnamen ({names}) in één rij boven de gegevens.",
        "Put the column names ({names}) in one row above the data.",
    ),
    "column_missing": (
        "De verplichte kolom '{column}' ontbreekt.",
        "The required column '{column}' is missing.",
    ),
    "column_missing_hint": (
        "Voeg een kolom toe met een van de namen: {names}.{closest}",
        "Add a column named one of: {names}.{closest}",
    ),
    "column_closest": (
        " De kolom '{name}' lijkt erop.",
        " The column '{name}' looks similar.",
    ),
    "column_duplicate": (
        "Twee kolommen betekenen '{column}': {names}.",
        "Two columns mean '{column}': {names}.",
    ),
    "column_duplicate_hint": (
        "De eerste wordt gebruikt; verwijder of hernoem de andere.",
        "The first is used; delete or rename the other.",
    ),
    "column_no_header": (
        "Kolom {letter} heeft gegevens maar geen naam in de kopregel (bijvoorbeeld een samengevoegde cel).",
        "Column {letter} holds data but has no name in the header row (for example a merged cell).",
    ),
    "column_no_header_hint": (
        "Hef de samenvoeging op en geef elke kolom een eigen naam; deze kolom wordt nu genegeerd.",
        "Unmerge the header cells and give each column its own name; this column is ignored for now.",
    ),
    # --- cell values --------------------------------------------------------
    "cell_empty": (
        "Lege cel in een verplichte kolom.",
        "Empty cell in a required column.",
    ),
    "cell_empty_hint": (
        "Vul een waarde in of verwijder de rij.",
        "Fill in a value or delete the row.",
    ),
    "cell_merged": (
        "De cel hoort bij de samengevoegde cellen {range}: alleen de eerste daarvan heeft een waarde.",
        "The cell is part of the merged cells {range}: only the first of them holds a value.",
    ),
    "cell_merged_hint": (
        "Hef de samenvoeging op (Start > Samenvoegen en centreren) en vul de waarde in elke rij in.",
        "Unmerge the cells (Home > Merge & Center) and fill in the value on every row.",
    ),
    "excel_error": (
        "De cel bevat een Excel-foutwaarde.",
        "The cell holds an Excel error value.",
    ),
    "excel_error_hint": (
        "Herstel de formule in Excel of vervang haar door de waarde zelf.",
        "Repair the formula in Excel or replace it by its value.",
    ),
    "formula_uncalculated": (
        "De cel bevat een formule die nooit is berekend, dus geen waarde.",
        "The cell holds a formula that was never calculated, so it has no value.",
    ),
    "formula_uncalculated_hint": (
        "Open de werkmap in Excel of LibreOffice en sla haar op (dan wordt de formule berekend), "
        "of vervang de formule door haar waarde.",
        "Open the workbook in Excel or LibreOffice and save it (that calculates the formula), "
        "or replace the formula by its value.",
    ),
    "duplicate_id": (
        "Id '{value}' komt vaker voor (ook in rij {other}).",
        "Id '{value}' occurs more than once (also in row {other}).",
    ),
    "duplicate_id_hint": (
        "Elke {what} heeft een eigen id; geef een van beide een ander id of voeg de rijen samen.",
        "Every {what} needs its own id; give one of them another id or merge the rows.",
    ),
    "id_shared": (
        "Id '{value}' is zowel een actor als een opgave.",
        "Id '{value}' is both an actor and an opgave.",
    ),
    "id_shared_hint": (
        "Actoren en opgaven zijn knopen in hetzelfde netwerk; geef de opgave een ander id, bijvoorbeeld 'O-{value}'.",
        "Actors and opgaven are nodes of the same network; give the opgave another id, for example 'O-{value}'.",
    ),
    "unknown_ref": (
        "Onbekende {what} '{value}'.",
        "Unknown {what} '{value}'.",
    ),
    "unknown_ref_hint": (
        "Gebruik een id uit het blad '{sheet}'.{closest}",
        "Use an id from the sheet '{sheet}'.{closest}",
    ),
    "closest_id": (
        " Bedoelt u '{name}'?",
        " Did you mean '{name}'?",
    ),
    "ref_case": (
        "'{value}' verschilt alleen in hoofdletters, spaties of onzichtbare tekens van het id '{target}'; "
        "gelezen als '{target}'.",
        "'{value}' differs from the id '{target}' only in case, spaces or invisible characters; read as '{target}'.",
    ),
    "ref_case_hint": (
        "Schrijf het id overal precies hetzelfde.",
        "Write the id the same way everywhere.",
    ),
    "vocab_unknown": (
        "'{value}' is geen bekend {what}.",
        "'{value}' is not a known {what_en}.",
    ),
    "vocab_unknown_hint": (
        "Toegestaan: {allowed}. Een blad 'lijsten' (lijst = {list}) kan de lijst uitbreiden.",
        "Allowed: {allowed}. A sheet 'lijsten' (list = {list}) can extend the list.",
    ),
    "domain_unknown": (
        "'{value}' is geen bekend domein (BBV-taakveld).",
        "'{value}' is not a known domain (BBV taakveld).",
    ),
    "domain_unknown_hint": (
        "Gebruik een taakveldcode zoals 3 of 8.3, of een naam zoals 'Economie'{closest}; scheid meerdere met ';'. "
        "Een blad 'lijsten' (lijst = domein) kan eigen domeinen toevoegen.",
        "Use a taakveld code such as 3 or 8.3, or a name such as 'Economie'{closest}; separate several by ';'. "
        "A sheet 'lijsten' (list = domain) can add your own domains.",
    ),
    "date_unreadable": (
        "'{value}' is geen datum.",
        "'{value}' is not a date.",
    ),
    "date_unreadable_hint": (
        "Schrijf een jaar (2021), een datum (2021-12-03 of 3-12-2021) of laat de cel leeg.",
        "Write a year (2021), a date (2021-12-03 or 3-12-2021) or leave the cell empty.",
    ),
    "date_out_of_range": (
        "'{value}' ligt buiten de jaren 1678-2261 waarmee opgavelab kan rekenen.",
        "'{value}' is outside the years 1678-2261 that opgavelab can work with.",
    ),
    "date_out_of_range_hint": (
        "Controleer het jaartal; laat 'tot' leeg als de betrokkenheid of relatie nog loopt "
        "(in plaats van bijvoorbeeld 31-12-9999).",
        "Check the year; leave 'until' empty when the involvement or tie is still ongoing "
        "(instead of, say, 31-12-9999).",
    ),
    "until_before_since": (
        "'tot' ({until}) ligt vóór 'sinds' ({since}).",
        "'until' ({until}) is before 'since' ({since}).",
    ),
    "until_before_since_hint": (
        "Wissel de twee datums om of corrigeer er een.",
        "Swap the two dates or correct one of them.",
    ),
    "self_tie": (
        "Relatie van '{value}' naar zichzelf.",
        "Tie from '{value}' to itself.",
    ),
    "self_tie_hint": (
        "Een relatie verbindt twee verschillende actoren; verwijder de rij of corrigeer 'van' of 'naar'.",
        "A tie links two different actors; delete the row or correct 'source' or 'target'.",
    ),
    "weight_bad": (
        "Gewicht '{value}' is geen getal van 0 of meer.",
        "Weight '{value}' is not a number of 0 or more.",
    ),
    "weight_bad_hint": (
        "Schrijf een getal zoals 1, 2 of 0,5, of laat de cel leeg (gewicht 1).",
        "Write a number such as 1, 2 or 0.5, or leave the cell empty (weight 1).",
    ),
    "commitment_bad": (
        "Inzet '{value}' ligt niet tussen 1 en 5.",
        "Commitment '{value}' is not between 1 and 5.",
    ),
    "commitment_bad_hint": (
        "Schrijf een geheel getal van 1 (weinig) tot 5 (veel), of laat de cel leeg.",
        "Write a whole number from 1 (little) to 5 (much), or leave the cell empty.",
    ),
    "bool_bad": (
        "'{value}' is geen ja of nee.",
        "'{value}' is not yes or no.",
    ),
    "bool_bad_hint": (
        "Schrijf ja of nee (of laat leeg: {default}).",
        "Write yes or no (or leave empty: {default}).",
    ),
    "order_bad": (
        "Volgorde '{value}' is geen getal.",
        "Order '{value}' is not a number.",
    ),
    "order_bad_hint": (
        "Schrijf een geheel getal of laat de cel leeg.",
        "Write a whole number or leave the cell empty.",
    ),
    "list_unknown": (
        "'{value}' is geen lijst die opgavelab kent.",
        "'{value}' is not a list opgavelab knows.",
    ),
    "list_unknown_hint": (
        "Gebruik een van: {allowed}.",
        "Use one of: {allowed}.",
    ),
    # --- warnings -----------------------------------------------------------
    "duplicate_tie": (
        "Dezelfde relatie staat er vaker in (ook in rij {other}).",
        "The same tie occurs more than once (also in row {other}).",
    ),
    "duplicate_tie_hint": (
        "Verwijder de dubbele rij, of geef een ander type, andere opgave of andere datum als het twee relaties zijn.",
        "Delete the duplicate row, or give another type, opgave or date if they are two ties.",
    ),
    "duplicate_involvement": (
        "Deze actor staat vaker bij deze opgave (ook in rij {other}).",
        "This actor is listed for this opgave more than once (also in row {other}).",
    ),
    "duplicate_involvement_hint": (
        "Voeg de rijen samen, tenzij het aparte periodes zijn.",
        "Merge the rows, unless they are separate periods.",
    ),
    "actor_no_involvement": (
        "Actor '{value}' is bij geen enkele opgave betrokken.",
        "Actor '{value}' is not involved in any opgave.",
    ),
    "actor_no_involvement_hint": (
        "Voeg een rij toe in 'betrokkenheid' als de actor ergens aan bijdraagt; anders telt hij alleen als kandidaat.",
        "Add a row to 'involvement' if the actor contributes somewhere; otherwise it only counts as a candidate.",
    ),
    "opgave_no_actors": (
        "Opgave '{value}' heeft geen betrokken actoren.",
        "Opgave '{value}' has no involved actors.",
    ),
    "opgave_no_actors_hint": (
        "Voeg rijen toe in 'betrokkenheid' voor deze opgave.",
        "Add rows to 'involvement' for this opgave.",
    ),
    "no_ties": (
        "De casus heeft geen relaties tussen actoren; netwerkmaten gaan dan alleen over betrokkenheid.",
        "The case has no ties between actors; network metrics then only describe involvement.",
    ),
    "no_ties_hint": (
        "Voeg een blad 'relaties' toe met van, naar en type.",
        "Add a sheet 'ties' with source, target and type.",
    ),
    # --- issue 16: network surveys (opgavelab.survey) ------------------------
    "sv_sheet_info": ("Toelichting", "Instructions"),
    "sv_sheet_ties": ("Samenwerking", "Collaboration"),
    "sv_sheet_self": ("Over u", "About you"),
    "sv_title": (
        "Vragenlijst: samenwerking rond de opgave '{opgave}'",
        "Questionnaire: working together on the opgave '{opgave}'",
    ),
    "sv_for": ("Voor", "For"),
    "sv_who": ("Wie vraagt dit?", "Who is asking?"),
    "sv_why": ("Waarom?", "Why?"),
    "sv_why_text": (
        "Wij brengen in kaart welke partijen samenwerken aan de opgave '{opgave}'{core}. Zo wordt zichtbaar wie "
        "elkaar al vinden, wie er nog ontbreekt en waar verbindingen nodig zijn.",
        "We are mapping which parties work together on the opgave '{opgave}'{core}. This shows who already "
        "work together, who is still missing and where connections are needed.",
    ),
    "sv_how": ("Hoe vult u in?", "How to fill it in"),
    "sv_how_text": (
        "Ga naar het blad '{sheet_ties}'. Geef per partij aan of uw organisatie in het afgelopen jaar met die partij "
        "aan deze opgave heeft samengewerkt (ja/nee). Zo ja: hoe vaak, wat voor relatie het vooral is, sinds welk jaar, "
        "en bij financiering of mandaat in welke richting. Vul daarna het blad '{sheet_self}' in. Kies waarden uit de "
        "keuzelijsten; de lijst met partijen is beveiligd en kunt u niet wijzigen.",
        "Go to the sheet '{sheet_ties}'. For each party, say whether your organisation worked with it on this opgave "
        "in the past year (yes/no). If yes: how often, what kind of tie it mainly is, since which year, and for "
        "funding or a mandate in which direction. Then fill in the sheet '{sheet_self}'. Pick values from the "
        "dropdown lists; the list of parties is protected and cannot be changed.",
    ),
    "sv_use": ("Wat gebeurt er met de antwoorden?", "How are the answers used?"),
    "sv_use_text": (
        "De antwoorden van alle partijen worden samengevoegd tot één netwerk. Een relatie die beide partijen noemen, "
        "telt als bevestigd; een relatie die één partij noemt, als eenzijdig. Uitkomsten worden gerapporteerd voor het "
        "netwerk als geheel en per type partij. Ook als u niet antwoordt, kunnen relaties die andere partijen met u "
        "noemen in het netwerk komen.",
        "The answers of all parties are combined into one network. A tie both parties name counts as confirmed; a "
        "tie one party names, as one-sided. Results are reported for the network as a whole and per type of party. "
        "Even if you do not answer, ties other parties name with you may appear in the network.",
    ),
    "sv_store": ("Hoe worden de antwoorden bewaard?", "How are the answers kept?"),
    "sv_store_text": (
        "Alleen de vrager hierboven bewaart de ingevulde vragenlijsten, afgeschermd, en deelt ze niet. Namen van "
        "personen (contactpersonen, burgers) worden vervangen door pseudoniemen voordat resultaten worden gedeeld of "
        "gepubliceerd. Meedoen is vrijwillig; u kunt uw antwoorden laten inzien, verbeteren of verwijderen via het "
        "contact hieronder.",
        "Only the person asking (above) keeps the completed questionnaires, protected, and does not share them. "
        "Names of people (contact persons, citizens) are replaced by pseudonyms before results are shared or "
        "published. Taking part is voluntary; you can see, correct or remove your answers through the contact below.",
    ),
    "sv_contact": ("Vragen of contact", "Questions or contact"),
    "sv_contact_default": (
        "Neem contact op met degene die u deze vragenlijst stuurde.",
        "Contact the person who sent you this questionnaire.",
    ),
    "sv_who_default": (
        "De afzender van deze vragenlijst (zie het begeleidende bericht).",
        "The sender of this questionnaire (see the accompanying message).",
    ),
    "sv_return": ("Terugsturen", "Sending it back"),
    "sv_return_text": (
        "Sla het bestand op zonder de naam te veranderen en stuur het terug naar de vrager.",
        "Save the file without changing its name and send it back to the person asking.",
    ),
    "sv_ties_question": (
        "Met welke van deze partijen werkte uw organisatie in het afgelopen jaar samen aan de opgave '{opgave}'?",
        "With which of these parties did your organisation work on the opgave '{opgave}' in the past year?",
    ),
    "sv_ties_note": (
        "Vul alleen de witte cellen in en kies uit de keuzelijsten. Laat een rij leeg als u niet samenwerkte.",
        "Fill in only the white cells and pick from the dropdown lists. Leave a row empty if you did not work together.",
    ),
    "sv_col_id": ("id", "id"),
    "sv_col_name": ("Partij", "Party"),
    "sv_col_type": ("Type", "Type"),
    "sv_col_scale": ("Schaalniveau", "Scale level"),
    "sv_col_worked": ("Samengewerkt in het afgelopen jaar?", "Worked together in the past year?"),
    "sv_col_frequency": ("Hoe vaak?", "How often?"),
    "sv_col_tie_type": ("Soort relatie", "Kind of tie"),
    "sv_col_since": ("Sinds (jaar)", "Since (year)"),
    "sv_col_direction": ("Richting (bij financiering of mandaat)", "Direction (for funding or a mandate)"),
    "sv_col_remark": ("Toelichting (mag leeg)", "Remarks (optional)"),
    "sv_yes": ("ja", "yes"),
    "sv_no": ("nee", "no"),
    "sv_freq_weekly": ("wekelijks", "weekly"),
    "sv_freq_monthly": ("maandelijks", "monthly"),
    "sv_freq_yearly": ("een paar keer per jaar", "a few times a year"),
    "sv_freq_once": ("één keer", "once"),
    "sv_dir_out": ("van ons naar hen", "from us to them"),
    "sv_dir_in": ("van hen naar ons", "from them to us"),
    "sv_dir_both": ("beide kanten op", "both ways"),
    "sv_self_title": ("Over uw organisatie en de opgave '{opgave}'", "About your organisation and the opgave '{opgave}'"),
    "sv_col_question": ("Vraag", "Question"),
    "sv_col_answer": ("Antwoord", "Answer"),
    "sv_q_aware": (
        "Ziet uw organisatie zichzelf als deel van deze opgave? (ja/nee)",
        "Does your organisation see itself as part of this opgave? (yes/no)",
    ),
    "sv_q_commitment": (
        "Hoe groot is de inzet van uw organisatie voor deze opgave? (1 = heel klein, 5 = heel groot)",
        "How large is your organisation's commitment to this opgave? (1 = very small, 5 = very large)",
    ),
    "sv_q_domains": (
        "Aan welke domeinen (taakvelden) draagt uw organisatie bij binnen deze opgave? (ja/nee per domein)",
        "To which domains (taakvelden) does your organisation contribute within this opgave? (yes/no per domain)",
    ),
    "sv_dv_error_title": ("Ongeldige waarde", "Invalid value"),
    "sv_dv_list_error": ("Kies een waarde uit de lijst.", "Pick a value from the list."),
    "sv_dv_year_error": ("Vul een jaartal in tussen {low} en {high}.", "Enter a year between {low} and {high}."),
    "sv_dv_commitment_error": ("Vul een geheel getal van 1 tot en met 5 in.", "Enter a whole number from 1 to 5."),
    # reading answers: problems
    "sv_no_files": ("Geen ingevulde vragenlijsten gevonden in {path}.", "No completed questionnaires found in {path}."),
    "sv_no_files_hint": (
        "Geef de map met de teruggestuurde .xlsx-bestanden (of het ingevulde .csv-rooster), of een lijst met bestanden.",
        "Give the folder with the returned .xlsx files (or the completed .csv roster), or a list of files.",
    ),
    "sv_missing_file": ("Bestand niet gevonden.", "File not found."),
    "sv_missing_file_hint": ("Controleer het pad.", "Check the path."),
    "sv_empty_file": ("Het bestand is leeg (0 bytes).", "The file is empty (0 bytes)."),
    "sv_empty_file_hint": (
        "Vraag de respondent het bestand opnieuw op te slaan en terug te sturen.",
        "Ask the respondent to save the file again and send it back.",
    ),
    "sv_unreadable": ("Het bestand kan niet als werkmap worden gelezen ({detail}).",
                      "The file cannot be read as a workbook ({detail})."),
    "sv_unreadable_hint": (
        "Vraag de respondent het als .xlsx op te slaan en opnieuw te sturen.",
        "Ask the respondent to save it as .xlsx and send it again.",
    ),
    "sv_not_questionnaire": (
        "Dit is geen vragenlijst van opgavelab (het verborgen blad '_opgavelab' ontbreekt).",
        "This is not an opgavelab questionnaire (the hidden sheet '_opgavelab' is missing).",
    ),
    "sv_not_questionnaire_hint": (
        "Lees alleen bestanden die `opgavelab survey` schreef; haal andere bestanden uit de map.",
        "Read only files written by `opgavelab survey`; move other files out of the folder.",
    ),
    "sv_other_opgave": (
        "Deze vragenlijst hoort bij opgave '{found}', niet bij '{expected}'.",
        "This questionnaire belongs to opgave '{found}', not to '{expected}'.",
    ),
    "sv_other_opgave_hint": (
        "Lees hem met opgave='{found}', of haal hem uit deze map.",
        "Read it with opgave='{found}', or move it out of this folder.",
    ),
    "sv_old_roster": (
        "Deze vragenlijst is gemaakt met een andere lijst partijen dan de casus nu heeft ({detail}).",
        "This questionnaire was made with another list of parties than the case has now ({detail}).",
    ),
    "sv_old_roster_hint": (
        "Lees de antwoorden met de casus waarmee de vragenlijsten zijn gemaakt, of stuur nieuwe vragenlijsten.",
        "Read the answers with the case the questionnaires were made from, or send new questionnaires.",
    ),
    "sv_roster_added": ("nieuw: {ids}", "new: {ids}"),
    "sv_roster_removed": ("verdwenen: {ids}", "gone: {ids}"),
    "sv_mixed_options": (
        "De vragenlijsten zijn met verschillende instellingen gemaakt ({detail}).",
        "The questionnaires were made with different settings ({detail}).",
    ),
    "sv_mixed_options_hint": (
        "Lees vragenlijsten van één ronde tegelijk; haal de andere uit de map.",
        "Read the questionnaires of one round at a time; move the others out of the folder.",
    ),
    "sv_unknown_respondent": ("Respondent '{value}' staat niet (meer) in de casus.",
                              "Respondent '{value}' is not (or no longer) in the case."),
    "sv_unknown_respondent_hint": (
        "Lees de antwoorden met de casus waarmee de vragenlijsten zijn gemaakt.",
        "Read the answers with the case the questionnaires were made from.",
    ),
    "sv_duplicate": (
        "Respondent '{value}' heeft twee keer geantwoord (ook in {other}).",
        "Respondent '{value}' answered twice (also in {other}).",
    ),
    "sv_duplicate_hint": (
        "Houd één van de twee bestanden (meestal het nieuwste) en haal het andere uit de map.",
        "Keep one of the two files (usually the newest) and move the other out of the folder.",
    ),
    "sv_roster_changed": (
        "Deze rij van de lijst partijen is veranderd; verwacht: {expected}.",
        "This row of the list of parties was changed; expected: {expected}.",
    ),
    "sv_roster_changed_hint": (
        "Zet de id en naam terug zoals ze waren; voeg geen rijen toe, verwijder of sorteer ze niet.",
        "Put the id and name back as they were; do not add, delete or sort rows.",
    ),
    "sv_layout_changed": (
        "De kolomkop is veranderd; verwacht: '{expected}'.",
        "The column header was changed; expected: '{expected}'.",
    ),
    "sv_layout_changed_hint": (
        "Zet de kolommen terug zoals ze waren, of stuur de respondent een nieuwe vragenlijst.",
        "Put the columns back as they were, or send the respondent a new questionnaire.",
    ),
    "sv_bad_value": ("'{value}' is geen keuze uit de lijst.", "'{value}' is not a choice from the list."),
    "sv_bad_value_hint": ("Kies uit: {allowed}.", "Pick one of: {allowed}."),
    "sv_bad_year": ("'{value}' is geen jaartal tussen {low} en {high}.", "'{value}' is not a year between {low} and {high}."),
    "sv_bad_year_hint": ("Vul een jaar in, zoals 2021, of laat de cel leeg.", "Enter a year such as 2021, or leave the cell empty."),
    "sv_csv_missing_column": ("Kolom '{value}' ontbreekt in het rooster.", "Column '{value}' is missing from the roster."),
    "sv_csv_missing_column_hint": (
        "Gebruik de kolomkoppen van het rooster dat `opgavelab survey` schreef: {allowed}.",
        "Use the column headers of the roster written by `opgavelab survey`: {allowed}.",
    ),
    "sv_csv_unknown_pair": (
        "Respondent '{respondent}' en partij '{alter}' staan niet samen in het rooster.",
        "Respondent '{respondent}' and party '{alter}' are not paired in the roster.",
    ),
    "sv_csv_unknown_pair_hint": (
        "Zet de kolommen respondent en alter terug zoals `opgavelab survey` ze schreef.",
        "Put the respondent and alter columns back as `opgavelab survey` wrote them.",
    ),
    "sv_no_with_answers": (
        "Hier staat 'nee' maar ook andere antwoorden; die tellen niet mee.",
        "This row says 'no' but has other answers too; they are not counted.",
    ),
    "sv_no_with_answers_hint": (
        "Zet 'ja' als de organisaties wel samenwerkten, of wis de andere antwoorden.",
        "Put 'yes' if the organisations did work together, or clear the other answers.",
    ),
    "sv_errors_title": (
        "De antwoorden kunnen niet worden gelezen: {n} problemen gevonden; er is niets ingelezen.",
        "The answers cannot be read: {n} problems found; nothing was read.",
    ),
    "sv_errors_title_one": (
        "De antwoorden kunnen niet worden gelezen: 1 probleem gevonden; er is niets ingelezen.",
        "The answers cannot be read: 1 problem found; nothing was read.",
    ),
    "sv_roster_file": ("rooster", "roster"),
    # response report
    "sv_confirmed": ("bevestigd", "confirmed"),
    "sv_one_sided": ("eenzijdig", "one-sided"),
    "sv_rule_confirmed": ("alleen bevestigde relaties (beide kanten noemden elkaar)",
                          "only confirmed ties (both sides named each other)"),
    "sv_rule_any": ("alle genoemde relaties, ook met wie niet antwoordde",
                    "every tie named, also with those who did not answer"),
    "sv_rule_reported_by_respondents": ("alleen relaties tussen respondenten",
                                        "only ties between respondents"),
    "sv_report_title": ("Netwerkenquête voor '{opgave}'", "Network survey for '{opgave}'"),
    "sv_report_response": (
        "Respons: {answered} van de {invited} actoren antwoordden ({rate}).",
        "Response: {answered} of the {invited} actors answered ({rate}).",
    ),
    "sv_report_nonrespondents": ("Niet geantwoord: {names}.", "Did not answer: {names}."),
    "sv_report_all_answered": ("Alle actoren antwoordden.", "Every actor answered."),
    "sv_report_reciprocity": (
        "Wederkerigheid: van de {pairs} paren waarin beide kanten antwoordden en minstens één de ander noemde, "
        "noemden beide kanten elkaar in {confirmed} van die paren ({rate}).",
        "Reciprocity: of the {pairs} pairs in which both sides answered and at least one named the other, both "
        "sides named each other in {confirmed} of those pairs ({rate}).",
    ),
    "sv_report_no_reciprocity": (
        "Wederkerigheid: niet te bepalen (geen paar waarin beide kanten antwoordden en één de ander noemde).",
        "Reciprocity: cannot be determined (no pair in which both sides answered and one named the other).",
    ),
    "sv_report_ties": (
        "Relaties in de nieuwe casus ({rule}): {kept} van de {named} genoemde ({confirmed} bevestigd, {one_sided} eenzijdig).",
        "Ties in the new case ({rule}): {kept} of the {named} named ({confirmed} confirmed, {one_sided} one-sided).",
    ),
    "sv_report_next": (
        "Verder: opgavelab.scan(nieuwe_casus, '{opgave}') of de tabellen .by_type, .by_scale, .non_respondents, .ties.",
        "Next: opgavelab.scan(new_case, '{opgave}') or the tables .by_type, .by_scale, .non_respondents, .ties.",
    ),
    "sv_col_invited": ("uitgenodigd", "invited"),
    "sv_col_answered": ("geantwoord", "answered"),
    "sv_col_rate": ("respons", "response rate"),
    "sv_written": ("{n} vragenlijsten geschreven in {path} (en het rooster {roster}).",
                   "{n} questionnaires written to {path} (and the roster {roster})."),
    "sv_saved": ("Nieuwe casus geschreven: {path}", "New case written: {path}"),
    # --- issue 15: what-if scenarios and key players ---
    "kp_text": (
        "Sleutelspelers ({goal}, k={k}): {players}; {measure} = {score}. Gevonden met gretige optimalisatie "
        "met wissels (Borgatti 2006) vanuit {starts} startverzamelingen, {evaluations} berekeningen, "
        "{candidates} kandidaat-actoren; een heuristiek, geen bewijs dat dit het optimum is.",
        "Key players ({goal}, k={k}): {players}; {measure} = {score}. Found by greedy optimisation with swaps "
        "(Borgatti 2006) from {starts} start sets, {evaluations} evaluations, {candidates} candidate actors; "
        "a heuristic, not a proof of the optimum.",
    ),
    "kp_sampled": (
        "Tijdens het zoeken is de fragmentatie geschat uit {sources} willekeurig gekozen actoren; de getoonde "
        "score is exact berekend.",
        "During the search fragmentation was estimated from {sources} randomly drawn actors; the score shown "
        "is exact.",
    ),
    "kp_next": (
        "Per actor: .table; hoe het gevonden is: .method.",
        "Per actor: .table; how it was found: .method.",
    ),
    "kp_goal_fragment": ("versnipperen", "fragment"),
    "kp_goal_reach": ("bereiken", "reach"),
    "kp_measure_fragment": (
        "afstandsgewogen fragmentatie na hun uitval",
        "distance-weighted fragmentation after their removal",
    ),
    "kp_measure_reach": ("afstandsgewogen bereik", "distance-weighted reach"),
    "kp_measure_mreach": ("{m}-stapsbereik", "{m}-step reach"),
    "wi_title": (
        'Wat als? Een partij valt weg of komt erbij',
        'What if? A party drops out or joins',
    ),
    "wi_actor": (
        'Partij',
        'Party',
    ),
    "wi_remove": (
        'Wat als deze partij wegvalt?',
        'What if this party drops out?',
    ),
    "wi_candidate": (
        'Kandidaat',
        'Candidate',
    ),
    "wi_add": (
        'Voeg toe',
        'Add',
    ),
    "wi_undo": (
        'Ongedaan maken',
        'Undo',
    ),
    "wi_observed": (
        'De waargenomen casus, zonder wijziging.',
        'The observed case, unchanged.',
    ),
    "wi_explain": (
        "Kies een partij en druk op 'Wat als deze partij wegvalt?', of kies een kandidaat (★ vult een ontbrekend domein) en druk op 'Voeg toe'. De figuur kleurt wie wordt afgesneden, verder weg komt te staan of nieuw is; 'Ongedaan maken' brengt de waargenomen casus terug.",
        "Pick a party and press 'What if this party drops out?', or pick a candidate (★ fills a missing domain) and press 'Add'. The picture colours who is cut off, gets farther away or is new; 'Undo' brings back the observed case.",
    ),
    "wi_limited": (
        "toont {k} van {n} actoren: eerst wie verandert, dan de best verbonden",
        "shows {k} of {n} actors: first those who change, then the best connected",
    ),
    "wi_legend": (
        'wat als',
        'what if',
    ),
    "wi_status_removed": (
        'valt weg',
        'drops out',
    ),
    "wi_status_cut_off": (
        'afgesneden',
        'cut off',
    ),
    "wi_status_farther": (
        'verder weg',
        'farther away',
    ),
    "wi_status_closer": (
        'dichterbij',
        'closer',
    ),
    "wi_status_added": (
        'nieuw',
        'new',
    ),
    "wi_status_same": (
        'ongewijzigd',
        'unchanged',
    ),
    "sc_and_more": (
        'en nog {n}',
        'and {n} more',
    ),
    "sc_what_remove": (
        'zonder {names}',
        'without {names}',
    ),
    "sc_what_add": (
        'met {names} erbij',
        'with {names} added',
    ),
    "sc_what_add_ties_one": (
        'relatie {pairs} erbij',
        'tie {pairs} added',
    ),
    "sc_what_add_ties_other": (
        '{n} relaties erbij ({pairs})',
        '{n} ties added ({pairs})',
    ),
    "sc_what_remove_ties_one": (
        'zonder de relatie {pairs}',
        'without the tie {pairs}',
    ),
    "sc_what_remove_ties_other": (
        'zonder {n} relaties ({pairs})',
        'without {n} ties ({pairs})',
    ),
    "sc_what_nothing": (
        'geen wijziging',
        'no change',
    ),
    "sc_intro": (
        'Wat als, bij {opgave}: {what}.',
        'What if, for {opgave}: {what}.',
    ),
    "sc_title": (
        'Wat als: {opgave}, {what}',
        'What if: {opgave}, {what}',
    ),
    "sc_empty": (
        'Na de wijziging is er niemand meer bij de opgave betrokken.',
        'After the change no one is involved in the opgave.',
    ),
    "sc_parts_one": (
        'Het collectief blijft één samenhangend geheel ({n} actoren).',
        'The collective stays one connected whole ({n} actors).',
    ),
    "sc_parts_split": (
        'Het collectief valt uiteen: van {before} naar {after} delen; het grootste deel omvat nu {share_after} van de actoren (was {share_before}).',
        'The collective falls apart: from {before} to {after} parts; the largest part now holds {share_after} of the actors (was {share_before}).',
    ),
    "sc_parts_join": (
        'Delen komen samen: van {before} naar {after} delen; het grootste deel omvat nu {share_after} van de actoren (was {share_before}).',
        'Parts join: from {before} to {after} parts; the largest part now holds {share_after} of the actors (was {share_before}).',
    ),
    "sc_parts_newcomers": (
        'Van {before} naar {after} delen, alleen omdat nieuwkomers nog los staan; het grootste deel omvat nu {share_after} van de actoren (was {share_before}).',
        'From {before} to {after} parts, only because newcomers stand apart; the largest part now holds {share_after} of the actors (was {share_before}).',
    ),
    "sc_parts_same": (
        'Het aantal delen blijft {n}; het grootste deel omvat {share_after} van de actoren (was {share_before}).',
        'The number of parts stays {n}; the largest part holds {share_after} of the actors (was {share_before}).',
    ),
    "sc_cut_off_one": (
        '{n} actor verliest de enige verbinding met het grootste deel: {names}.',
        '{n} actor loses its only path to the largest part: {names}.',
    ),
    "sc_cut_off_other": (
        '{n} actoren verliezen hun enige verbinding met het grootste deel: {names}.',
        '{n} actors lose their only path to the largest part: {names}.',
    ),
    "sc_added_alone_one": (
        "{names} heeft nog geen relatie met iemand in het collectief en vormt dus een los deel; voeg relaties toe "
        "met add_ties.",
        "{names} has no tie yet with anyone in the collective, so it forms a separate part; add ties with "
        "add_ties.",
    ),
    "sc_added_alone_other": (
        "{n} nieuwe actoren hebben nog geen relatie met iemand in het collectief en vormen dus losse delen: "
        "{names}; voeg relaties toe met add_ties.",
        "{n} new actors have no tie yet with anyone in the collective, so they form separate parts: {names}; "
        "add ties with add_ties.",
    ),
    "sc_ties_outside_one": (
        "De nieuwe relatie {pairs} telt niet mee: een van beide is niet bij de opgave betrokken.",
        "The new tie {pairs} does not count: one of the two is not involved in the opgave.",
    ),
    "sc_ties_outside_other": (
        "{n} nieuwe relaties tellen niet mee, omdat een van beide niet bij de opgave betrokken is: {pairs}.",
        "{n} new ties do not count, because one of the two is not involved in the opgave: {pairs}.",
    ),
    "sc_cut_points": (
        "Kwetsbare schakels (cut points: actoren zonder wie ten minste één ander de verbinding met de rest verliest): {before} → {after}.",
        "Cut points (actors without whom at least one other actor loses its link to the rest): {before} → {after}.",
    ),
    "sc_farther_one": (
        'Voor {n} actor wordt de weg naar ten minste één ander langer.',
        'For {n} actor the path to at least one other actor gets longer.',
    ),
    "sc_farther_other": (
        'Voor {n} actoren wordt de weg naar ten minste één ander langer.',
        'For {n} actors the path to at least one other actor gets longer.',
    ),
    "sc_distance": (
        'Gemiddelde afstand {before} → {after} stappen; {reach_after} van de paren ligt binnen twee stappen van elkaar (was {reach_before}).',
        'Average distance {before} → {after} steps; {reach_after} of the pairs are within two steps of each other (was {reach_before}).',
    ),
    "sc_gaps_opened": (
        'Er ontstaat een gat in de benodigde domeinen: {domains}.',
        'A gap opens in the needed domains: {domains}.',
    ),
    "sc_gaps_closed": (
        'Dit gat in de benodigde domeinen wordt gedicht: {domains}.',
        'This gap in the needed domains closes: {domains}.',
    ),
    "sc_gaps_same": (
        'De dekking van de benodigde domeinen blijft {covered} van {needed}.',
        'Coverage of the needed domains stays {covered} of {needed}.',
    ),
    "sc_scale_gained": (
        'Het benodigde schaalniveau ({level}) is nu aanwezig; eerder niet.',
        'The needed scale level ({level}) is now present; it was not before.',
    ),
    "sc_scale_lost": (
        'Het benodigde schaalniveau ({level}) is er daarna niet meer.',
        'The needed scale level ({level}) is no longer present.',
    ),
    "sc_scale_span": (
        'Het collectief spant {before} → {after} schaalniveaus.',
        'The collective spans {before} → {after} scale levels.',
    ),
    "sc_brokerage": (
        'Makelaarsrollen naar {attr} (Gould & Fernandez, totaal): {before} → {after}.',
        'Brokerage roles by {attr} (Gould & Fernandez, total): {before} → {after}.',
    ),
    "sc_ei": (
        'E-I-index naar {attr}: {before} → {after}.',
        'E-I index by {attr}: {before} → {after}.',
    ),
    "sc_next": (
        "Tabellen: .diff, .pieces, .cut_off, .farther; naar Excel: .to_excel(pad); volledige scan: .scan('after').",
        "Tables: .diff, .pieces, .cut_off, .farther; to Excel: .to_excel(path); full scan: .scan('after').",
    ),
    "sc_before": (
        'voor',
        'before',
    ),
    "sc_after": (
        'na',
        'after',
    ),
    "sc_change": (
        'verschil',
        'change',
    ),
    "sc_col_finding": (
        'bevinding',
        'finding',
    ),
    "sc_sheet_summary": (
        'wat_als',
        'what_if',
    ),
    "sc_sheet_diff": (
        'verschil',
        'diff',
    ),
    "sc_sheet_pieces": (
        'delen',
        'pieces',
    ),
    "sc_sheet_cut_off": (
        'afgesneden',
        'cut_off',
    ),
    "sc_sheet_farther": (
        'verder_weg',
        'farther',
    ),
    "sc_sheet_coverage": (
        'dekking',
        'coverage',
    ),
    "sc_m_n_actors": (
        'actoren',
        'actors',
    ),
    "sc_m_n_ties": (
        'relaties',
        'ties',
    ),
    "sc_m_density": (
        'dichtheid',
        'density',
    ),
    "sc_m_n_parts": (
        'delen',
        'parts',
    ),
    "sc_m_largest_share": (
        'aandeel grootste deel',
        'share of the largest part',
    ),
    "sc_m_average_distance": (
        'gemiddelde afstand (stappen)',
        'average distance (steps)',
    ),
    "sc_m_connectedness": (
        'bereikbare paren (connectedness)',
        'pairs that can reach each other (connectedness)',
    ),
    "sc_m_reach_2": (
        'paren binnen 2 stappen',
        'pairs within 2 steps',
    ),
    "sc_m_distance_fragmentation": (
        'afstandsgewogen fragmentatie (Borgatti)',
        'distance-weighted fragmentation (Borgatti)',
    ),
    "sc_m_n_cut_points": (
        'kwetsbare schakels (cut points)',
        'cut points',
    ),
    "sc_m_needed_domains_covered": (
        'gedekte benodigde domeinen',
        'needed domains covered',
    ),
    "sc_m_n_needed_domains": (
        'benodigde domeinen',
        'needed domains',
    ),
    "sc_m_scale_needed_present": (
        'benodigd schaalniveau aanwezig (1 = ja)',
        'needed scale level present (1 = yes)',
    ),
    "sc_m_scale_span": (
        'schaalniveaus gespannen',
        'scale levels spanned',
    ),
    "sc_m_brokerage_total": (
        'makelaarsrollen (totaal)',
        'brokerage roles (total)',
    ),
    "sc_m_ei": (
        'E-I-index',
        'E-I index',
    ),
    # --- issue 22: workbooks in Excel and LibreOffice ----------------------
    "tpl_dv_title": ("opgavelab", "opgavelab"),
    "tpl_dv_list_error": (
        "Kies een waarde uit de lijst (of voeg er een toe op het blad 'lijsten').",
        "Pick a value from the list (or add one on the sheet 'vocabularies').",
    ),
    "tpl_dv_commitment_title": ("inzet", "commitment"),
    "tpl_dv_commitment_error": (
        "Inzet is een geheel getal van 1 tot 5.",
        "Commitment is a whole number from 1 to 5.",
    ),
    "tpl_dv_weight_title": ("gewicht", "weight"),
    "tpl_dv_weight_error": (
        "Gewicht is een getal van 0 of meer.",
        "Weight is a number of 0 or more.",
    ),
    "date_month_first": (
        "De datums in kolom '{column}' staan met de maand voorop (zoals '{value}'): de kolom is gelezen als "
        "maand/dag/jaar.",
        "The dates in column '{column}' put the month first (such as '{value}'): the column was read as "
        "month/day/year.",
    ),
    "date_month_first_hint": (
        "Zo schrijft een Engelstalige Excel datums in CSV. Klopt dat niet, schrijf de datums dan als 2019-07-06.",
        "English-locale Excel writes dates in CSV this way. If that is wrong, write the dates as 2019-07-06.",
    ),
    "date_slash_ambiguous": (
        "De datums in kolom '{column}' kunnen dag/maand/jaar of maand/dag/jaar zijn (zoals '{value}'): "
        "ze zijn gelezen als dag/maand/jaar.",
        "The dates in column '{column}' could be day/month/year or month/day/year (such as '{value}'): "
        "they were read as day/month/year.",
    ),
    "date_slash_ambiguous_hint": (
        "Komen de datums uit een Engelstalige (Amerikaanse) Excel, dan staat de maand voorop: schrijf ze dan "
        "als 2019-07-06, dan is er geen twijfel.",
        "If the dates come from an English-locale (US) Excel, the month comes first: write them as 2019-07-06 "
        "and there is no doubt.",
    ),
    "xl_unnamed_index": ("maat", "measure"),
    # --- issue 12: the formation story and the formation views ---------------
    "formation_part": ("de groep rond {name}", "the group around {name}"),
    "formation_part_sized": ("{label} ({size})", "{label} ({size})"),
    "formation_part_sized_typed": ("{label} ({size}, vooral {type})", "{label} ({size}, mostly {type})"),
    "formation_and": ("{first} en {last}", "{first} and {last}"),
    "formation_more_parts_one": ("nog 1 deel", "1 more part"),
    "formation_more_parts": ("nog {n} delen", "{n} more parts"),
    "formation_start_one": ("In {year} was alleen {name} betrokken.", "In {year} only {name} was involved."),
    "formation_start_whole": ("In {year} vormden de {n} actoren al één geheel.",
                              "In {year} the {n} actors already formed one whole."),
    "formation_start_whole_then_apart": (
        "In {year} vormden de {n} actoren al één geheel; in {year2} kwamen er {joined} actoren bij, niet allemaal "
        "verbonden met de rest ({k} delen).",
        "In {year} the {n} actors already formed one whole; in {year2} {joined} actors joined, not all of them "
        "linked to the rest ({k} parts).",
    ),
    "formation_start_parts": ("In {year} stonden {n} actoren nog in {k} losse delen.",
                              "In {year} {n} actors were still in {k} separate parts."),
    "formation_merge": ("In {year} kwamen {parts} samen.", "In {year} {parts} came together."),
    "formation_merge_via": ("In {year} kwamen {parts} samen via {via}.", "In {year} {parts} came together through {via}."),
    "formation_via_tie": ("de relatie {source} → {target}", "the tie {source} → {target}"),
    "formation_via_tie_typed": ("de relatie {source} → {target} ({type})", "the {type} tie {source} → {target}"),
    "formation_via_more": ("onder meer {tie}", "{tie} (among others)"),
    "formation_split": ("In {year} raakte {parts} los van de rest.", "In {year} {parts} came loose from the rest."),
    "formation_split_via": ("In {year} raakte {parts} los van de rest toen {via} afliep.",
                            "In {year} {parts} came loose from the rest when {via} ended."),
    "formation_whole_throughout": ("Het is sindsdien één geheel gebleven: in {year} {n} actoren in één deel.",
                                   "It has stayed one whole since: in {year} {n} actors in one part."),
    "formation_whole_since": ("Sinds {since} is het één samenhangend collectief ({n} actoren).",
                              "Since {since} it is one connected collective ({n} actors)."),
    "formation_whole_again": ("In {split} was het niet meer één geheel; sinds {since} is het weer één samenhangend "
                              "collectief ({n} actoren).",
                              "In {split} it was no longer one whole; since {since} it is one connected collective "
                              "again ({n} actors)."),
    "formation_was_whole": ("In {span} was het één geheel, maar in {split} niet meer ({k_split} delen).",
                            "In {span} it was one whole, but no longer in {split} ({k_split} parts)."),
    "formation_parts_now": ("In {year} zijn er {k} delen (grootste deel {pct}).",
                            "In {year} there are {k} parts (largest part {pct})."),
    "formation_not_yet": ("In {year} nog {k} losse delen (grootste deel {pct}): het collectief is nog niet rond.",
                          "In {year} still {k} separate parts (largest part {pct}): the collective has not "
                          "formed yet."),
    "formation_not_yet_one": ("In {year} is er nog geen collectief: er is maar één actor betrokken.",
                              "In {year} there is no collective yet: only one actor is involved."),
    "formation_parts_per_year": ("losse delen per jaar", "parts per year"),
    "formation_whole_since_short": ("één geheel sinds {since}", "one whole since {since}"),
    "formation_not_whole_short": ("in {year} geen geheel: {k} delen", "in {year} not one whole: {k} parts"),
    "formation_one_actor_short": ("in {year} nog geen collectief", "in {year} no collective yet"),
    "formation_story_head": ("Hoe het collectief ontstond", "How the collective formed"),
    "formation_legend_part": ("deel van het netwerk", "part of the network"),
    "formation_legend_join": ("relatie die dit jaar delen verbindt", "tie that joins parts this year"),
    "formation_frame_whole": ("{n} actoren, één samenhangend geheel", "{n} actors, one connected whole"),
    "formation_frame_parts": ("{n} actoren in {k} losse delen · grootste deel {pct}",
                              "{n} actors in {k} separate parts · largest part {pct}"),
    "formation_caption": ("losse delen apart getekend; oranje: relaties die dat jaar delen verbonden; geen lijnen "
                          "vanuit de opgave",
                          "separate parts drawn apart; orange: ties that joined parts that year; no lines from the "
                          "opgave"),
    "formation_panel_whole": ("{n} actoren, één geheel", "{n} actors, one whole"),
    "formation_panel_parts": ("{n} actoren in {k} delen", "{n} actors in {k} parts"),
    "formation_whole_now": ("In {year} is het één samenhangend geheel ({n} actoren).",
                            "In {year} it is one connected whole ({n} actors)."),
    "formation_file": ("vorming", "formation"),
    "formation_story_empty": ("Er zijn (nog) geen actoren bij deze opgave betrokken.",
                              "No actors are involved in this opgave (yet)."),
    # --- issue 17: the note for the policy advisor (scan.to_docx) ---
    "doc.file": ("notitie", "note"),
    "doc.button": ("Notitie (.docx)", "Note (.docx)"),
    "doc.subtitle": ("Notitie bij de opgavescan · {case}", "Note on the opgave scan · {case}"),
    "doc.made_with": ("Gemaakt op {date} met opgavelab {version}.", "Made on {date} with opgavelab {version}."),
    "doc.pseudonymised": (
        "Burgers staan in deze notitie onder een pseudoniem.",
        "Citizens appear in this note under a pseudonym.",
    ),
    "doc.h.key": ("Kernboodschap", "Key message"),
    "doc.h.opgave": ("De opgave", "The opgave"),
    "doc.h.collective": ("Het collectief", "The collective"),
    "doc.h.key_figures": ("Kerncijfers", "Key figures"),
    "doc.h.central": ("Centrale actoren", "Central actors"),
    "doc.h.formation": ("Van versnipperd naar collectief", "From scattered to collective"),
    "doc.h.missing": ("Wie ontbreekt", "Who is missing"),
    "doc.h.candidates": ("Kandidaten", "Candidates"),
    "doc.h.brokers": ("Makelaars en sleutelspelers", "Brokers and key players"),
    "doc.h.whatif": ("Wat als {name} wegvalt?", "What if {name} drops out?"),
    "doc.h.method": ("Werkwijze en kanttekeningen", "Method and caveats"),
    "doc.h.how": ("Werkwijze", "Method"),
    "doc.h.data": ("Gegevens", "Data"),
    "doc.h.cannot": ("Wat de cijfers niet zeggen", "What the numbers cannot say"),
    "doc.h.references": ("Literatuur", "References"),
    "doc.key.formed": (
        "Rond deze opgave zijn {actors} betrokken; sinds {year} vormen zij één samenhangend collectief.",
        "{actors} are involved in this opgave; since {year} they have formed one connected collective.",
    ),
    "doc.key.one_now": (
        "Rond deze opgave zijn {actors} betrokken; pas in {year} vormen zij één samenhangend geheel.",
        "{actors} are involved in this opgave; only in {year} do they form one connected whole.",
    ),
    "doc.key.scattered": (
        "Rond deze opgave zijn {actors} betrokken, maar zij vallen uiteen in {k} losse delen: er is nog geen "
        "samenhangend collectief.",
        "{actors} are involved in this opgave, but they fall apart into {k} separate parts: there is no connected "
        "collective yet.",
    ),
    "doc.key.holder": (
        "{name} houdt het collectief het meest bijeen: van alle actoren laat het wegvallen van {name} het netwerk "
        "het meest versnipperd achter.",
        "{name} holds the collective together most: of all actors, {name} dropping out leaves the network most "
        "fragmented.",
    ),
    "doc.key.holder_parts": (
        "{name} houdt het netwerk het meest bijeen: van alle actoren laat het wegvallen van {name} het netwerk het "
        "meest versnipperd achter.",
        "{name} holds the network together most: of all actors, {name} dropping out leaves the network most "
        "fragmented.",
    ),
    "doc.key.single": (
        "Bij deze opgave is één actor betrokken, {name}: van een collectief is nog geen sprake.",
        "One actor is involved in this opgave, {name}: there is no collective yet.",
    ),
    "doc.key.missing": (
        "Van de {total} benodigde domeinen is {domains} nog door geen enkele betrokken actor gedekt.",
        "Of the {total} needed domains, {domains} is not yet covered by any involved actor.",
    ),
    "doc.key.missing_many": (
        "Van de {total} benodigde domeinen zijn er {k} nog door geen enkele betrokken actor gedekt: {domains}.",
        "Of the {total} needed domains, {k} are not yet covered by any involved actor: {domains}.",
    ),
    "doc.key.candidates": ("; kandidaten om te betrekken: {names}.", "; candidates to involve: {names}."),
    "doc.key.complete": (
        "Alle {total} benodigde domeinen zijn gedekt door betrokken actoren.",
        "All {total} needed domains are covered by involved actors.",
    ),
    "doc.key.without": ("Zonder {name}: {effect}", "Without {name}: {effect}"),
    "doc.opgave.origin": ("Oorsprong", "Origin"),
    "doc.opgave.core": ("Kern", "Core challenge"),
    "doc.opgave.description": ("Beschrijving", "Description"),
    "doc.opgave.domains": ("Benodigde domeinen", "Needed domains"),
    "doc.opgave.scale": ("Benodigd schaalniveau", "Needed scale level"),
    "doc.opgave.none": ("niet opgegeven", "not given"),
    "doc.fig": ("Figuur", "Figure"),
    "doc.table": ("Tabel", "Table"),
    "doc.fig.compass": (
        "Het collectief in het opgavekompas: de opgave in het midden, de actoren per type en schaalniveau.",
        "The collective in the opgave compass: the opgave in the centre, the actors by type and scale level.",
    ),
    "doc.fig.network": (
        "Het netwerk van het collectief: wie met wie een relatie heeft; grotere symbolen hebben meer relaties.",
        "The network of the collective: who has a tie with whom; larger symbols have more ties.",
    ),
    "doc.fig.formation": (
        "De vorming van het collectief door de tijd: actoren, relaties, losse delen, dichtheid en menging per jaar.",
        "How the collective formed over time: actors, ties, separate parts, density and mixing per year.",
    ),
    "doc.fig.coverage": (
        "Dekking van de domeinen: welke benodigde domeinen het collectief dekt en welke ontbreken.",
        "Coverage of the domains: which needed domains the collective covers and which are missing.",
    ),
    "doc.tab.key_figures": ("Kerncijfers van het collectief.", "Key figures of the collective."),
    "doc.tab.central": (
        "De actoren met de grootste tussenpositie (betweenness).",
        "The actors with the highest betweenness.",
    ),
    "doc.tab.candidates": (
        "Kandidaten voor de ontbrekende domeinen, met de reden.",
        "Candidates for the missing domains, with the reason.",
    ),
    "doc.tab.brokers": (
        "Makelaars: bemiddelde paren, de verwachting bij toeval en z.",
        "Brokers: brokered pairs, the expectation by chance and z.",
    ),
    "doc.tab.method": ("Hoe de scan is berekend.", "How the scan was computed."),
    "doc.col.measure": ("Maat", "Measure"),
    "doc.col.value": ("Waarde", "Value"),
    "doc.col.meaning": ("Betekenis", "Meaning"),
    "doc.col.name": ("Naam", "Name"),
    "doc.col.type": ("Type", "Type"),
    "doc.col.ties": ("Relaties", "Ties"),
    "doc.col.betweenness": ("Tussenpositie", "Betweenness"),
    "doc.col.brokerage": ("Makelaarsrollen", "Brokerage roles"),
    "doc.col.role": ("Voornaamste rol", "Main role"),
    "doc.col.count": ("Aantal", "Count"),
    "doc.col.expected": ("Verwacht", "Expected"),
    "doc.col.reason": ("Reden", "Reason"),
    "doc.col.item": ("Onderdeel", "Item"),
    "doc.col.explanation": ("Toelichting", "Explanation"),
    "doc.item.key_player": ("sleutelspeler", "key player"),
    "doc.data.date": ("Peildatum", "Date"),
    "doc.kf.actors": ("Actoren", "Actors"),
    "doc.kf.actors.m": ("Betrokken actoren bij deze opgave.", "Actors involved in this opgave."),
    "doc.kf.ties": ("Relaties", "Ties"),
    "doc.kf.ties.m": ("Relaties tussen de betrokken actoren.", "Ties between the involved actors."),
    "doc.kf.density": ("Dichtheid", "Density"),
    "doc.kf.density.m": (
        "Deel van alle mogelijke relaties dat er is (0 tot 1).",
        "Share of all possible ties that exist (0 to 1).",
    ),
    "doc.kf.parts": ("Losse delen", "Separate parts"),
    "doc.kf.parts.m": (
        "1 betekent: iedereen is via anderen met iedereen verbonden.",
        "1 means: everyone is connected to everyone through others.",
    ),
    "doc.kf.distance": ("Gemiddelde afstand", "Average distance"),
    "doc.kf.distance.m": (
        "Gemiddeld aantal stappen tussen twee actoren die elkaar kunnen bereiken.",
        "Average number of steps between two actors that can reach each other.",
    ),
    "doc.kf.ei": ("E-I-index ({attr})", "E-I index ({attr})"),
    "doc.kf.ei.m": (
        "-1: alleen relaties binnen de eigen groep, +1: alleen erbuiten; bij willekeurige menging {expected}.",
        "-1: ties only within one's own group, +1: only outside it; under random mixing {expected}.",
    ),
    "doc.kf.cut": ("Snijpunten", "Cut points"),
    "doc.kf.cut.m": (
        "Actoren zonder wie het netwerk in delen uiteenvalt.",
        "Actors without whom the network falls apart.",
    ),
    "doc.kf.coverage": ("Gedekte domeinen", "Domains covered"),
    "doc.kf.coverage.m": (
        "Benodigde domeinen waarin ten minste één betrokken actor werkt.",
        "Needed domains in which at least one involved actor works.",
    ),
    "doc.kp": (
        "De sleutelspeler voor de samenhang is {name}: van alle actoren laat het wegvallen van {name} het netwerk "
        "het meest versnipperd achter. De versnippering (0: iedereen direct verbonden, 1: niemand bereikt een ander) "
        "gaat dan van {before} naar {after}.",
        "The key player for cohesion is {name}: of all actors, {name} dropping out leaves the network most "
        "fragmented. Fragmentation (0: everyone directly tied, 1: no one reaches anyone) then goes from {before} "
        "to {after}.",
    ),
    "doc.kp.method": (
        "Sleutelspeler: de actor wiens wegvallen de afstandsgewogen versnippering het meest verhoogt (Borgatti, "
        "2006); elke actor is geprobeerd.",
        "Key player: the actor whose removal raises distance-weighted fragmentation most (Borgatti, 2006); every "
        "actor was tried.",
    ),
    "doc.data.source": ("Bron: {source}.", "Source: {source}."),
    "doc.data.case": (
        "De casus {case} telt {actors}, {opgaven} en {ties}.",
        "The case {case} has {actors}, {opgaven} and {ties}.",
    ),
    "doc.data.opgaven": ("{n} opgaven", "{n} opgaven"),
    "doc.cannot.1": (
        "Het netwerk bevat alleen de relaties die in de gegevens staan; een ontbrekende relatie kan ook een relatie "
        "zijn die niemand heeft vastgelegd.",
        "The network holds only the ties that are in the data; a missing tie may also be a tie nobody recorded.",
    ),
    "doc.cannot.2": (
        "De cijfers tellen relaties, niet hun kwaliteit: een dichte samenwerking kan stroef zijn en één relatie kan "
        "veel dragen.",
        "The numbers count ties, not their quality: a dense collaboration can be difficult and one tie can carry "
        "a lot.",
    ),
    "doc.cannot.3": (
        "Een gedekt domein betekent dat er een betrokken actor in dat domein werkt, niet dat de opgave daar genoeg "
        "inzet of kennis krijgt.",
        "A covered domain means that an involved actor works in that domain, not that the opgave gets enough "
        "effort or knowledge there.",
    ),
    "doc.cannot.4": (
        "De wat-als-berekening haalt één actor weg en laat alle andere relaties staan; in werkelijkheid passen "
        "partners zich aan.",
        "The what-if removes one actor and keeps every other tie; in reality partners adapt.",
    ),
    "doc.cannot.5": (
        "Sleutelspelers, makelaars en kandidaten zijn aanleidingen voor een gesprek, geen oordeel over personen of "
        "organisaties.",
        "Key players, brokers and candidates are reasons for a conversation, not a judgement on people or "
        "organisations.",
    ),
    "doc.pdf.written": ("geschreven: {path}", "written: {path}"),
    "doc.pdf.no_soffice": (
        "LibreOffice (soffice) is niet gevonden: de notitie is als .docx geschreven, maar niet als PDF. Installeer "
        "LibreOffice Writer (Debian/Ubuntu: apt-get install libreoffice-writer-nogui) of open de .docx in Word en "
        "bewaar hem als PDF.",
        "LibreOffice (soffice) was not found: the note was written as .docx, but not as PDF. Install LibreOffice "
        "Writer (Debian/Ubuntu: apt-get install libreoffice-writer-nogui) or open the .docx in Word and save it as "
        "PDF.",
    ),
    "doc.pdf.failed": (
        "LibreOffice kon de notitie niet naar PDF omzetten ({reason}); de .docx staat er wel: {path}.",
        "LibreOffice could not convert the note to PDF ({reason}); the .docx is there: {path}.",
    ),
    "doc.exists": (
        "{path} bestaat al; er is niets geschreven. Gebruik --force om het te vervangen.",
        "{path} already exists; nothing was written. Use --force to replace it.",
    ),
    # --- issue 14: pictures a policy advisor reads in ten seconds ---
    "fig_key_title": ("Nummers in de figuur", "Numbers in the figure"),
    "fig_spoke": ("dunne lijn: betrokken bij de opgave", "thin line: involved in the opgave"),
    "fig_layout_force": ("netwerkweergave: wie samenwerkt staat dicht bij elkaar",
                         "network view: actors who work together stand close together"),
    "fig_layout_compass": ("opgavekompas: ringen = schaalniveau, sectoren = actortype",
                           "opgave compass: rings = scale level, sectors = actor type"),
    "fig_compass_caption": ("Hoe te lezen: elke ring is een schaalniveau (van buurt in het midden tot mondiaal "
                            "buiten), elke sector een actortype; de opgave staat in het midden.",
                            "How to read: each ring is a scale level (from neighbourhood in the middle to global "
                            "outside), each sector an actor type; the opgave is in the centre."),
    "view_force": ("Netwerk", "Network"),
    "view_compass": ("Kompas", "Compass"),
    "view_formation": ("Vorming", "Formation"),
    "explorer_view": ("Weergave", "View"),
    "explain_n_actors": ("Actoren die op deze datum bij de opgave betrokken zijn.",
                         "Actors involved in the opgave at this date."),
    "explain_n_ties": ("Relaties tussen die actoren.", "Ties among those actors."),
    "explain_density": ("Deel van alle mogelijke relaties dat er is (0 tot 1).",
                        "Share of all possible ties that exist (0 to 1)."),
    "explain_components": ("Aantal losse delen: 1 is één samenhangend geheel.",
                           "Number of separate parts: 1 is one connected whole."),
    "explain_largest": ("Deel van de actoren in het grootste samenhangende deel.",
                        "Share of the actors in the largest connected part."),
    "explain_ei": ("-1: relaties vooral binnen het eigen actortype; +1: vooral tussen typen.",
                   "-1: ties mostly within an actor type; +1: mostly between types."),
    "explain_ei_expected": ("Wat E-I zou zijn als relaties willekeurig over de typen vielen.",
                            "What E-I would be if ties fell at random across types."),
    "explorer_no_candidates": ("Geen kandidaat-partners: er is geen ontbrekend domein, of geen actor buiten het "
                               "collectief die het dekt.",
                               "No candidate partners: no domain is missing, or no actor outside the collective "
                               "covers it."),
    "explorer_no_unused": ("Geen actoren met een nodig domein zonder rol.",
                           "No actors with a needed domain but no role."),
    "explorer_no_brokers": ("Geen makelaars in dit netwerk op deze datum.", "No brokers in this network at this date."),
    "explorer_download": ("Download {name}", "Download {name}"),
    "explorer_ready": ("Klaar: {name}", "Ready: {name}"),
}


def message(key: str, lang: str = "nl", **fields) -> str:
    """The text for ``key`` in ``lang``, with ``fields`` filled in."""
    lang = _lang(lang)
    entries, _ = _catalogue(lang)
    template = entries.get(key)
    if isinstance(template, tuple):
        template = template[-1]
    if template is None:
        if key in MESSAGES:
            nl, en = MESSAGES[key]
        else:
            nl, en = LABELS[key]
        template = en if lang == "en" else nl
    return template.format(**fields) if fields else template


def nmessage(key: str, n, lang: str = "nl", **fields) -> str:
    """The plural form of ``key`` for the count ``n`` (gettext's ``ngettext``), fields filled in.

    ``{n}`` in the text is the count as Babel writes it in ``lang``.
    """
    lang = _lang(lang)
    entries, plural = _catalogue(lang)
    forms = entries.get(key)
    if forms is None:
        msg = f"No plural message {key!r} in the {lang} catalogue (opgavelab/locale/{lang}/LC_MESSAGES/opgavelab.po)."
        raise KeyError(msg)
    if not isinstance(forms, tuple):
        forms = (forms,)
    count = int(n) if not isinstance(n, float) or n.is_integer() else n
    index = min(plural(count) if isinstance(count, int) else 1, len(forms) - 1)
    fields.setdefault("n", fmt_number(count, lang, 0) if isinstance(count, int) else fmt_number(count, lang))
    return forms[index].format(**fields)


# --------------------------------------------------------------------------
# numbers and dates, by Babel
# --------------------------------------------------------------------------
def _missing(x) -> bool:
    # here, not at the top: the catalogue loads without pandas (import opgavelab stays fast)
    from ._values import is_na

    return is_na(x)


def fmt_number(x, lang: str = "nl", digits: int = 2) -> str:
    """A number as a reader of ``lang`` writes it: ``0,12`` in Dutch, ``0.12`` in English; ``–`` when missing."""
    from babel.numbers import format_decimal

    if _missing(x):
        return "–"
    pattern = "#,##0" + ("." + "0" * digits if digits > 0 else "")
    return format_decimal(x, format=pattern, locale=_BABEL_LOCALE[_lang(lang)])


def fmt_signed(x, lang: str = "nl", digits: int = 2) -> str:
    """A number with its sign: ``+0,44``, ``−0,07`` (a true minus sign), ``0,00``."""
    if _missing(x):
        return "–"
    text = fmt_number(abs(x), lang, digits)
    if text.strip("0,.") == "":
        return text
    return ("+" if x > 0 else "−") + text


def fmt_percent(x, lang: str = "nl") -> str:
    """A share as a whole percentage: ``12%``."""
    from babel.numbers import format_percent

    if _missing(x):
        return "–"
    return format_percent(x, format="#,##0%", locale=_BABEL_LOCALE[_lang(lang)])


def fmt_date(ts, lang: str = "nl", style: str = "long") -> str:
    """A date: ``31 december 2024`` / ``31 December 2024`` (long) or ``31-12-2024`` (short, dd-mm-jjjj)."""
    from babel.dates import format_date

    if ts is None:
        return "–"
    try:
        import pandas as pd

        if pd.isna(ts):
            return "–"
        ts = pd.Timestamp(ts)
    except (TypeError, ValueError):
        return str(ts)
    if style == "short":
        return ts.strftime("%d-%m-%Y")
    return format_date(ts.date(), format="d MMMM y", locale=_BABEL_LOCALE[_lang(lang)])


def fmt_list(items, lang: str = "nl") -> str:
    """``a, b en c`` / ``a, b and c``."""
    from babel.lists import format_list

    items = [str(x) for x in items]
    if not items:
        return ""
    return format_list(items, locale=_BABEL_LOCALE[_lang(lang)])


def column_label(column: str, lang: str = "nl") -> str:
    """The header a reader sees for the data column ``column`` (the column itself when unknown)."""
    entries, _ = _catalogue(_lang(lang))
    text = entries.get("column." + str(column))
    return text if isinstance(text, str) else str(column)


#: Labels of sheets, columns and summary terms, nl and en.
LABELS: dict[str, tuple[str, str]] = {
    "actors": ("actoren", "actors"),
    "opgaven": ("opgaven", "opgaven"),
    "involvement": ("betrokkenheid", "involvement"),
    "ties": ("relaties", "ties"),
    "vocabularies": ("lijsten", "vocabularies"),
    "actor": ("actor", "actor"),
    "opgave": ("opgave", "opgave"),
    "type": ("type", "type"),
    "scale": ("schaalniveau", "scale level"),
    "actor_type": ("actortype", "actor type"),
    "tie_type": ("relatietype", "tie type"),
    "domain": ("domein", "domain"),
    "role": ("rol", "role"),
    "n_actors": ("actoren", "actors"),
    "n_ties": ("relaties", "ties"),
    "warnings": ("waarschuwingen", "warnings"),
    "case": ("casus", "case"),
}


def label(key: str, lang: str = "nl") -> str:
    """The label for ``key`` in ``lang`` (the key itself if unknown)."""
    entries, _ = _catalogue(_lang(lang))
    text = entries.get("label." + key)
    if isinstance(text, str):
        return text
    pair = LABELS.get(key)
    if pair is None:
        return key
    return pair[1] if lang == "en" else pair[0]
