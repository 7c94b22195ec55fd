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
        "Kwetsbare schakels (actoren zonder wie het collectief uiteenvalt): {before} → {after}.",
        "Cut points (actors without whom the collective falls apart): {before} → {after}.",
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
