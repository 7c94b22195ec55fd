"""Dutch and English texts that users read: validation messages and labels.

Every user-facing string lives here as ``key: (nl, en)`` so that the two
languages stay side by side and a missing translation is easy to see.
"""

from __future__ import annotations

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
        "{path} is met een wachtwoord beveiligd (of is een oud .xls-bestand) en kan niet worden gelezen.",
        "{path} is password-protected (or an old .xls file) and cannot be read.",
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
}


def message(key: str, lang: str = "nl", **fields) -> str:
    """The text for ``key`` in ``lang``, with ``fields`` filled in."""
    nl, en = MESSAGES[key]
    template = en if lang == "en" else nl
    return template.format(**fields)


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
    pair = LABELS.get(key)
    if pair is None:
        return key
    return pair[1] if lang == "en" else pair[0]
