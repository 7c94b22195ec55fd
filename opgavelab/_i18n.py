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
