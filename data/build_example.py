"""Build the bundled example case ``data/voorbeeld-veenmarken.xlsx``.

Regio Veenmarken is a FICTIONAL region (fictieve casus): every place, regional
organisation, firm and person in it is invented. National bodies (ministries,
RVO, Rijkswaterstaat, UWV, KVK, FNV), SNN and the European Commission appear as
recognisable roles, not as a description of real policy. What a Dutch reader in
public administration expects holds: EZK is split into EZ and KGG in 2024 (the
case counts in years: EZK through 2023), a fund (EFRO, LEADER) is never an actor
but the body that manages it is, public order (1.2) is the mayor's, police's,
prosecutor's and RIEC's, not the safety region's (1.1).

This script is the single source of truth for the example: all rows are
hand-written below as plain Python literals. Run it with

    .venv/bin/python data/build_example.py

It checks the data (references, vocabularies, the formation of every opgave:
``economie``, ``energie`` and ``water`` form from separate parts, and each
becomes one by at least two ties per part, never by a single one; the two
gaps of ``economie``, 1.2 and grid capacity, with the grid operator as the
first candidate), writes the workbook with openpyxl
(byte-for-byte reproducible: fixed document dates and zip timestamps), reads it
back with plain pandas and prints a short report. It deliberately does not
import opgavelab, so that it can be used to test the library.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import sys
import zipfile
from collections import Counter
from pathlib import Path

import networkx as nx
import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

HERE = Path(__file__).resolve().parent
OUT = HERE / "voorbeeld-veenmarken.xlsx"
FIXED_TIME = dt.datetime(2025, 1, 1, 12, 0, 0)

ACTOR_TYPES = ["overheid", "bedrijf", "maatschappelijke organisatie", "kennisinstelling", "burger"]
SCALES = ["buurt", "lokaal", "regionaal", "provinciaal", "nationaal", "Europees", "mondiaal"]
TIE_TYPES = ["samenwerking", "financiering", "informatie", "mandaat"]
DIRECTED_TIE_TYPES = {"financiering", "mandaat"}  # van = who gives money or mandate

# ---------------------------------------------------------------------------
# info: what this workbook is (first sheet, for the reader)
# ---------------------------------------------------------------------------
INFO = [
    ("titel", "Regio Veenmarken: voorbeeldcasus opgavegericht werken"),
    ("status", "Fictieve casus / fictional case. Alle plaatsen, regionale organisaties, bedrijven en personen in "
               "Regio Veenmarken zijn verzonnen; overeenkomsten met bestaande organisaties berusten op toeval. "
               "Ministeries, Rijksdiensten (RVO, Rijkswaterstaat, UWV, KVK), SNN, de Europese Commissie en de "
               "FNV staan erin als herkenbare rollen, niet als beschrijving van werkelijk beleid."),
    ("regio", "Regio Veenmarken ligt in de (eveneens fictieve) noordelijke provincie Oostermarken: zes gemeenten "
              "(Markenveen, Oosterturfwijk, Nieuw-Dijkhorst, Zwartewierde, Midden-Marke en Ter Veenhorst) "
              "met samen ongeveer 125.000 inwoners. Lange kanaaldorpen, akkerbouw en zetmeelindustrie, "
              "bedrijvenpark De Vaart aan het Turfkanaal, vergrijzing en vertrek van jongeren."),
    ("hoofdopgave", "economie: Regionale economische groei Veenmarken. De opgave vraagt tegelijk om economie (3.1), "
                    "bedrijventerreinen (3.2), ruimte (8.1), bereikbaarheid (2.1), arbeidsmarkt (6.5), "
                    "veiligheid (1.2) en netcapaciteit (een eigen domein van de casus, zie 'domeinen')."),
    ("verhaal 2018", "Twee jaar na de sluiting van de strokartonfabriek werkt ieder in de eigen kring: de "
                     "gemeenten in het ambtelijk EZ-overleg van de regio; provincie, Rijk (EZK, RVO), de ROM, KVK "
                     "en SNN met de Europese Commissie langs de subsidielijnen (het EFRO-geld loopt via SNN); het "
                     "mkb rond de ondernemersvereniging; de agrofoodketen rond de zetmeelfabriek en LTO; ROC en "
                     "hogeschool onderling; UWV, FNV en uitzendbureau FlexMarke rond krapte en arbeidsmigratie. "
                     "Transportbedrijf Hazeveld staat nog los. Zeven losse delen."),
    ("verhaal 2019", "Regio en provincie schrijven samen de Economische Agenda Veenmarken 2020-2025. De "
                     "Coöperatieve Bank start met de gemeente Markenveen een microkredietpilot (tot 2021) en KVK "
                     "begeleidt starters van de ondernemersvereniging: overheden en mkb raken verbonden. Ter "
                     "Veenhorst sluit aan; Hazeveld komt in beeld via de vervoersstromen van de zetmeelfabriek. "
                     "Nog vier delen."),
    ("verhaal 2020", "Oprichting van de Economic Board Veenmarken, een stichting die makelt tussen bedrijven, "
                     "onderwijs en overheid; de provincie betaalt het secretariaat. Via de Board en LTO raakt de "
                     "agrofoodketen verbonden met de overheden. UWV en ROC openen samen het Leerwerkloket. Nog twee "
                     "delen."),
    ("verhaal 2021", "Talentprogramma Vakkracht Veenmarken (een convenant van werkgevers, FNV, onderwijs en "
                     "overheid), het Werkgeversservicepunt van gemeenten en UWV en het Regionaal Mobiliteitsteam "
                     "verbinden arbeidsmarkt en onderwijs langs vele relaties tegelijk met de rest: sinds 2021 is "
                     "het één collectief, dat niet aan één relatie hangt."),
    ("verhaal 2022", "Besluit over de uitbreiding van De Vaart bij het dorp Turfmond, maar de netbeheerder zet de "
                     "aanvraag voor transportcapaciteit in de wachtrij: netcongestie. De Jongerenraad krijgt een "
                     "vaste plek aan tafel bij de Board."),
    ("verhaal 2023-2024", "Regio Deal Veenmarken met het Rijk (vierde tranche, gestart in november 2023; BZK "
                          "coördineert de Regio Deals, EZK tekent mee). Opening van de Agrifood Campus Turfmond met "
                          "universiteit, zetmeelfabriek en start-up DataVeen. In juli 2024 wordt het ministerie van EZK gesplitst in Economische Zaken (EZ) "
                          "en Klimaat en Groene Groei (KGG), en gaat volkshuisvesting van BZK naar het nieuwe "
                          "ministerie van VRO; de casus rekent in jaren: EZK tot en met 2023, EZ, KGG en VRO vanaf "
                          "2024. EZ neemt de plaats van EZK in de economische opgave in; KGG die in de energieopgave."),
    ("onbewust betrokken", "Akkerbouwer Boerema (zijn grond ligt in het zoekgebied van De Vaart), transportbedrijf "
                           "Hazeveld (zijn vrachtverkeer bepaalt de bereikbaarheidsopgave), uitzendbureau FlexMarke "
                           "(werft en huisvest arbeidsmigranten) en Dorpsraad Turfmond (buurdorp van de uitbreiding) "
                           "doen ertoe voor de opgave zonder het zelf te weten (bewust = nee)."),
    ("wie ontbreekt", "De economische opgave loopt vast op twee dingen die niemand aan tafel inbrengt. (1) "
                      "Netcapaciteit: de uitbreiding van De Vaart wacht op het stroomnet, maar netbeheerder Marknet "
                      "zit alleen aan de energietafel; hij heeft al relaties met de zetmeelfabriek, de provincie en "
                      "het parkmanagement en is daarom de eerste kandidaat-partner, vóór KGG. (2) Openbare orde en "
                      "veiligheid (1.2): ondermijning op bedrijventerreinen en de huisvesting van arbeidsmigranten "
                      "zijn de taak van burgemeester, politie, Openbaar Ministerie en RIEC, die wel aan de opgave "
                      "wonen werken. De veiligheidsregio (1.1 crisisbeheersing en brandweer) is hier geen "
                      "kandidaat."),
    ("overige opgaven", "energie (Regionale Energiestrategie, vanaf 2019: RES-bureau en overheden, de "
                        "energiecoöperatie met het dorp, en netbeheerder met zetmeelfabriek staan eerst los en "
                        "vormen in 2021 één geheel), wonen (woningbouw en leefbaarheid in de kernen; één geheel in "
                        "2021-2022, daarna valt de bank los), water (klimaatadaptatie en bodemdaling in het veen; "
                        "overheden en natuur/onderzoek vinden elkaar in 2020 in de veenweidestrategie) en zorg "
                        "(vitaal platteland: zorg en nabijheid in de dorpen)."),
    ("typen", "Overheid: ook zelfstandige bestuursorganen (UWV, KVK), gemeenschappelijke regelingen (regio, "
              "Marke-Werk, SNN), het Werkgeversservicepunt van gemeenten en UWV en de ROM. Belangenorganisaties van ondernemers en boeren "
              "(ondernemersvereniging, LTO) tellen als bedrijfsleven; de vakbond, woningcorporaties, stichtingen "
              "en verenigingen met een vertegenwoordigende rol (dorpsraad, huurders) als maatschappelijke "
              "organisatie; initiatieven van inwoners zelf, ook als coöperatie, als burger."),
    ("schaalniveau", "Het niveau waarop de actor, of zijn eenheid in de casus, werkt: het basisteam van de politie "
                     "en het UWV-team van de arbeidsmarktregio regionaal; organisaties voor een landsdeel (SNN, "
                     "Rijkswaterstaat Noord-Nederland) provinciaal, het dichtstbijzijnde niveau; de zetmeelfabriek "
                     "mondiaal, omdat het concern beslist."),
    ("domeinen", "Domeinen zijn BBV-taakveldcodes (Iv3), als tekst, gescheiden door ';'. Bij een actor staan "
                 "de taakvelden die hij in deze casus inbrengt; bij gemeenten dus alleen de portefeuilles die "
                 "aan tafel zitten, niet alle taken van de gemeente (de burgemeester met openbare orde staat "
                 "apart). 'Netcapaciteit' is geen BBV-taakveld (netbeheer is geen gemeentelijke taak); de casus "
                 "voegt het als eigen domein toe in het blad lijsten."),
    ("datums", "Jaartallen. Een betrokkenheid of relatie geldt vanaf 'sinds' tot en met 'tot' (leeg = nog "
               "actief). Wat al vóór 2018 bestond staat op 2018, het begin van de waarneming."),
    ("relaties", "type: samenwerking, financiering, informatie of mandaat; gewicht 1 (zwak) tot 5 (sterk). "
                 "Financiering en mandaat zijn gericht (gericht = ja): 'van' geeft geld of mandaat aan 'naar'. "
                 "De kolom opgave noemt de opgave waarvoor de relatie is vastgelegd; leeg = algemene relatie. "
                 "De toelichting noemt waar nodig het fonds of programma (EFRO, LEADER, Regio Deal): een fonds "
                 "is geen actor, wel wie het beheert."),
    ("bron", "opgavelab voorbeeldcasus"),
    ("licentie", "CC0 1.0 (publiek domein): vrij te gebruiken, aan te passen en te verspreiden"),
    ("gemaakt met", "data/build_example.py (opgavelab); pas de gegevens daar aan, niet in dit werkboek"),
]

# ---------------------------------------------------------------------------
# actoren: id, naam, type, schaalniveau, sector, domeinen, toelichting
# ---------------------------------------------------------------------------
ACTOREN = [
    # --- overheid: de zes gemeenten en hun regio
    ("gem-markenveen", "Gemeente Markenveen", "overheid", "lokaal", "publiek",
     "0.1; 2.1; 3.1; 3.2; 6.5; 7.4; 8.1; 8.3",
     "Centrumgemeente van de regio (ca. 41.000 inwoners) met bedrijvenpark De Vaart en het grootste werkgebied."),
    ("gem-turfwijk", "Gemeente Oosterturfwijk", "overheid", "lokaal", "publiek",
     "0.1; 2.1; 3.2; 5.7; 7.2; 8.1; 8.3",
     "Langgerekte kanaalgemeente, eigenaar van de uitbreidingsgrond van De Vaart bij het dorp Turfmond."),
    ("gem-dijkhorst", "Gemeente Nieuw-Dijkhorst", "overheid", "lokaal", "publiek",
     "0.1; 3.1; 6.1; 7.1; 8.3",
     "Kleine plattelandsgemeente met sterke vergrijzing en trekker van het dorpenbeleid."),
    ("gem-zwartewierde", "Gemeente Zwartewierde", "overheid", "lokaal", "publiek",
     "0.1; 3.1; 7.2; 7.4; 8.1",
     "Agrarische gemeente op de overgang van veen naar klei, zoekgebied voor wind- en zonneparken."),
    ("gem-middenmarke", "Gemeente Midden-Marke", "overheid", "lokaal", "publiek",
     "0.1; 3.3; 5.1; 6.1; 8.3",
     "Fusiegemeente van acht dorpen met een actief dorpshuizen- en sportbeleid."),
    ("gem-veenhorst", "Gemeente Ter Veenhorst", "overheid", "lokaal", "publiek",
     "0.1; 3.4; 5.7; 7.4; 8.3",
     "Toeristische gemeente aan de vaarroute die pas in 2019 aansloot bij de economische agenda."),
    ("regio", "Regio Veenmarken (gemeenschappelijke regeling)", "overheid", "regionaal", "publiek",
     "0.1; 3.1; 6.5; 8.1",
     "Samenwerkingsverband van de zes gemeenten dat de economische agenda en de Regio Deal uitvoert."),
    # --- overheid: provincie, waterschap en regionale diensten
    ("prov", "Provincie Oostermarken", "overheid", "provinciaal", "publiek",
     "2.1; 3.1; 7.4; 8.1",
     "Provincie met taken in regionale economie, mobiliteit en ruimte, en de belangrijkste medefinancier."),
    ("ws", "Waterschap Oude Marke", "overheid", "regionaal", "publiek",
     "5.7; 7.2; 8.1",
     "Waterschap voor het veen- en kanaalgebied dat peilen, kaden en waterkwaliteit beheert."),
    ("vr", "Veiligheidsregio Oostermarken", "overheid", "regionaal", "publiek",
     "1.1; 7.1",
     "Brandweer, crisisbeheersing en GHOR (taakveld 1.1 en 7.1); adviseert gemeenten over risico's van bedrijven "
     "en evenementen. Openbare orde en ondermijning (1.2) zijn niet haar taak maar die van burgemeester, politie "
     "en OM."),
    ("ggd", "GGD Oostermarken", "overheid", "regionaal", "zorg",
     "6.1; 7.1",
     "Publieke gezondheidszorg voor de gemeenten in de provincie, volgt gezondheid en leefstijl in de dorpen."),
    ("odv", "Omgevingsdienst Veenmarken", "overheid", "regionaal", "publiek",
     "7.4; 8.1",
     "Verleent en handhaaft milieuvergunningen voor bedrijven namens gemeenten en provincie."),
    ("burg-markenveen", "Burgemeester van Markenveen", "overheid", "lokaal", "publiek",
     "1.2",
     "Eenhoofdig bestuursorgaan met eigen bevoegdheden voor openbare orde, Bibob en het sluiten van panden; "
     "voorzitter van de lokale driehoek met politie en OM, en dus de eerste om ondermijning aan te pakken."),
    ("politie", "Politie basisteam Veenmarken", "overheid", "regionaal", "publiek",
     "1.2",
     "Basisteam voor de zes gemeenten dat signalen van ondermijning op bedrijventerreinen en vakantieparken ziet."),
    ("om-parket", "Openbaar Ministerie, arrondissementsparket Oostermarken", "overheid", "provinciaal", "publiek",
     "1.2",
     "Vervolgt strafbare feiten, zit met burgemeester en politie in de driehoek en is partner in het RIEC."),
    ("riec", "RIEC Oostermarken", "overheid", "provinciaal", "publiek",
     "1.2; 3.3",
     "Informatie- en expertisecentrum dat gemeenten helpt bij de aanpak van ondermijning en bij Bibob-toetsen."),
    ("wsp", "Werkgeversservicepunt Veenmarken", "overheid", "regionaal", "publiek",
     "6.4; 6.5",
     "Gezamenlijk loket van gemeenten en UWV voor werkgevers, vacatures en leerwerktrajecten, sinds 2021."),
    ("uwv", "UWV, arbeidsmarktregio Veenmarken", "overheid", "regionaal", "publiek",
     "6.5",
     "Regionaal team van het UWV (zelfstandig bestuursorgaan): bemiddelt werkzoekenden, levert "
     "arbeidsmarktinformatie en voert met de gemeenten het Werkgeversservicepunt."),
    ("kvk", "Kamer van Koophandel (KVK), regio Oostermarken", "overheid", "provinciaal", "publiek",
     "3.3; 3.1",
     "Zelfstandig bestuursorgaan: Handelsregister en advies aan startende en groeiende ondernemers, met RVO "
     "achter het Ondernemersplein."),
    ("marke-werk", "Sociaal werkbedrijf Marke-Werk", "overheid", "regionaal", "publiek",
     "6.4; 6.5",
     "Gemeenschappelijke regeling voor beschut werk en re-integratie van mensen met afstand tot de arbeidsmarkt."),
    ("omo", "Ontwikkelingsmaatschappij Oostermarken (OMO)", "overheid", "provinciaal", "publiek",
     "3.1; 3.2",
     "Regionale ontwikkelingsmaatschappij (ROM, een nv van provincie en Rijk) die innovatieve bedrijven "
     "financiert en begeleidt."),
    ("res", "RES-bureau Veenmarken", "overheid", "regionaal", "publiek",
     "7.4; 8.1",
     "Programmabureau van gemeenten, provincie en waterschap voor de Regionale Energiestrategie."),
    # --- overheid: Rijk en Europa
    ("min-ezk", "Ministerie van Economische Zaken en Klimaat (EZK, tot juli 2024)", "overheid", "nationaal",
     "publiek", "3; 7.4",
     "Rijk tot juli 2024, toen EZK werd gesplitst in EZ en KGG; in deze casus (die in jaren rekent) actief tot "
     "en met 2023. Aandeelhouder van de ROM, medeondertekenaar van de Regio Deal, vanaf 2022 betrokken bij "
     "netcongestie."),
    ("min-ez", "Ministerie van Economische Zaken (EZ)", "overheid", "nationaal", "publiek",
     "3",
     "Rijk sinds de splitsing van EZK in juli 2024 (in deze casus vanaf 2024): bedrijvenbeleid en regionale "
     "economie, aandeelhouder van de ROM, opdrachtgever van RVO."),
    ("min-kgg", "Ministerie van Klimaat en Groene Groei (KGG)", "overheid", "nationaal", "publiek",
     "7.4; Netcapaciteit",
     "Rijk sinds de splitsing van EZK in juli 2024 (in deze casus vanaf 2024): klimaat, energie en het "
     "elektriciteitsnet, onder meer het Landelijk Actieprogramma Netcongestie."),
    ("min-bzk", "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties", "overheid", "nationaal", "publiek",
     "0.1; 8.3",
     "Rijk; coördineert de Regio Deals, draagt bij aan het Nationaal Programma RES en had tot juli 2024 ook "
     "volkshuisvesting (woondeals), sindsdien bij VRO."),
    ("min-vro", "Ministerie van Volkshuisvesting en Ruimtelijke Ordening (VRO)", "overheid", "nationaal",
     "publiek", "8.1; 8.3",
     "Rijk sinds juli 2024, afgesplitst van BZK (in deze casus vanaf 2024): woningbouwafspraken, woondeals en "
     "ruimtelijke ordening."),
    ("min-ienw", "Ministerie van Infrastructuur en Waterstaat", "overheid", "nationaal", "publiek",
     "2.1; 7.2",
     "Rijk; financiert klimaatadaptatie via een impulsregeling en stuurt Rijkswaterstaat aan."),
    ("min-jenv", "Ministerie van Justitie en Veiligheid", "overheid", "nationaal", "publiek",
     "1.2",
     "Rijk; financiert de RIEC's en het landelijke programma tegen ondermijning."),
    ("rvo", "Rijksdienst voor Ondernemend Nederland (RVO)", "overheid", "nationaal", "publiek",
     "3.1; 3.3",
     "Uitvoeringsorganisatie van het Rijk voor subsidies en regelingen voor ondernemers."),
    ("rws", "Rijkswaterstaat Noord-Nederland", "overheid", "provinciaal", "publiek",
     "2.1; 2.4; 7.2",
     "Regionale dienst van Rijkswaterstaat (landsdeel, hier op provinciaal niveau) die de rijksvaarweg en de "
     "hoofdwatergang door de regio beheert."),
    ("snn", "Samenwerkingsverband Noord-Nederland (SNN)", "overheid", "provinciaal", "publiek",
     "3.1; 3.3",
     "Samenwerking van de noordelijke provincies, waaronder Oostermarken; managementautoriteit van het "
     "EFRO-programma Noord-Nederland: selecteert projecten en kent de middelen van het Europees Fonds voor "
     "Regionale Ontwikkeling (EFRO) toe. Het fonds zelf is geen actor."),
    ("ec", "Europese Commissie (DG Regionaal en Stedelijk Beleid)", "overheid", "Europees", "publiek",
     "3.1",
     "Keurt het EFRO-programma Noord-Nederland goed en ziet toe op de besteding; het geld loopt via SNN."),
    # --- bedrijven
    ("ovm", "Ondernemersvereniging Markenveen", "bedrijf", "lokaal", "belangenbehartiging",
     "3.1; 3.4",
     "Belangenorganisatie van ruim 180 ondernemers uit Markenveen en omstreken, de spreekbuis van het mkb; "
     "telt als bedrijfsleven (ondernemers), net als LTO."),
    ("lto", "LTO-afdeling Veenmarken", "bedrijf", "regionaal", "belangenbehartiging",
     "3.1; 5.7; 8.1",
     "Belangenorganisatie van de boeren en tuinders in de regio; telt als bedrijfsleven (ondernemers), net als "
     "de ondernemersvereniging."),
    ("bedr-vaart", "Parkmanagement Bedrijvenpark De Vaart", "bedrijf", "lokaal", "privaat",
     "2.2; 3.2",
     "Coöperatie van gevestigde bedrijven die beheer en uitbreiding van bedrijvenpark De Vaart regelt."),
    ("bedr-bakkerij", "Bakkerij De Graaf & Zn.", "bedrijf", "lokaal", "agrofood",
     "3.4",
     "Familiebakkerij in de vierde generatie met drie winkels in de regio."),
    ("bedr-turfsteker", 'Café-Restaurant "De Turfsteker"', "bedrijf", "lokaal", "horeca",
     "3.4; 5.3",
     "Horecabedrijf aan het kanaal en vaste vergaderplek van de ondernemersvereniging."),
    ("bedr-metaal", "Metaalbewerking Dijkstra Precisie BV", "bedrijf", "regionaal", "maakindustrie",
     "3.1; 6.5",
     "Maakbedrijf met 120 medewerkers dat structureel technici tekortkomt en leerwerkplekken aanbiedt."),
    ("bedr-bank", "Coöperatieve Bank Veenmarken", "bedrijf", "regionaal", "financiële dienstverlening",
     "3.1; 3.3",
     "Regionale bank die ondernemers, starters en energiecoöperaties financiert."),
    ("bedr-zetmeel", "Starchwell International N.V., vestiging Turfmond", "bedrijf", "mondiaal", "agrofood",
     "3.1; 7.4",
     "Vestiging van een wereldwijd zetmeelconcern en de grootste werkgever van de regio."),
    ("bedr-koops", "Aardappelhandel Koops BV", "bedrijf", "regionaal", "agrofood",
     "3.1",
     "Handelshuis dat zetmeel- en pootaardappelen van honderden telers in de regio inkoopt."),
    ("bedr-boerema", "Maatschap Boerema (akkerbouw)", "bedrijf", "lokaal", "agrofood",
     "3.1; 5.7",
     "Akkerbouwbedrijf waarvan de percelen in het zoekgebied voor de uitbreiding van De Vaart liggen."),
    ("bedr-hazeveld", "Transportbedrijf Hazeveld", "bedrijf", "regionaal", "logistiek",
     "2.1; 3.1",
     "Vervoerder met 60 vrachtwagens wiens ritten over de kanaalwegen de bereikbaarheidsopgave mee bepalen."),
    ("bedr-flexmarke", "Uitzendbureau FlexMarke", "bedrijf", "regionaal", "arbeidsbemiddeling",
     "6.5; 8.3",
     "Uitzendbureau dat arbeidsmigranten werft en huisvest voor de agrofood en de logistiek."),
    ("bedr-dataveen", "DataVeen Solutions", "bedrijf", "lokaal", "ICT",
     "3.1",
     "Start-up in software voor precisielandbouw, voortgekomen uit een afstudeerproject van de hogeschool."),
    ("bedr-veenwind", "Veenwind Ontwikkeling BV", "bedrijf", "regionaal", "energie",
     "7.4",
     "Ontwikkelaar van wind- en zonneparken in het zoekgebied Zwartewierde."),
    ("bedr-marknet", "Marknet Netbeheer", "bedrijf", "provinciaal", "energie",
     "7.4; Netcapaciteit",
     "Regionale netbeheerder voor elektriciteit en gas. Door netcongestie staan zware aansluitingen sinds 2022 "
     "in een wachtrij, ook die voor de uitbreiding van bedrijvenpark De Vaart."),
    ("bedr-waterstof", "Groene Waterstofhub Turfmond BV", "bedrijf", "regionaal", "energie",
     "3.1; 7.4",
     "Joint venture die naast de zetmeelfabriek een elektrolyser bouwt."),
    ("bedr-wubbels", "Akkerbouwbedrijf Wubbels", "bedrijf", "lokaal", "agrofood",
     "5.7",
     "Akkerbouwer met laaggelegen veenpercelen die grond verpacht aan de windontwikkelaar."),
    ("bedr-bouw", "Bouwcombinatie Veenstra-Hoekman", "bedrijf", "regionaal", "bouw",
     "8.3",
     "Regionale aannemerscombinatie voor nieuwbouw en renovatie van huurwoningen."),
    ("bedr-kanaalzone", "Kanaalzone Vastgoedontwikkeling BV", "bedrijf", "regionaal", "bouw",
     "8.1; 8.3",
     "Projectontwikkelaar die zich in 2022 terugtrok uit de herontwikkeling van de Kanaalzone."),
    ("bedr-oostlijn", "OostLijn Busvervoer", "bedrijf", "provinciaal", "vervoer",
     "2.1; 2.5",
     "Concessiehouder voor het streekvervoer en het doelgroepenvervoer."),
    ("bedr-kanaalhoek", "Recreatiepark De Kanaalhoek", "bedrijf", "lokaal", "recreatie",
     "5.7; 8.3",
     "Verouderd vakantiepark waar steeds meer mensen permanent wonen."),
    # --- maatschappelijke organisaties
    ("eb", "Economic Board Veenmarken", "maatschappelijke organisatie", "regionaal", "non-profit",
     "3.1; 3.4; 6.5",
     "Stichting waarin ondernemers, onderwijs en overheid sinds 2020 samen de economische agenda trekken."),
    ("fnv", "FNV, regio Oostermarken", "maatschappelijke organisatie", "provinciaal", "vakbond",
     "6.5",
     "Vakbond; zit als werknemersorganisatie aan tafel in het Regionaal Werkbedrijf en komt op voor "
     "uitzendkrachten en arbeidsmigranten."),
    ("lag-leader", "Lokale Actiegroep LEADER Veenmarken", "maatschappelijke organisatie", "regionaal",
     "non-profit", "5.7; 6.1",
     "Groep van inwoners, ondernemers en overheden die tot 2022 de Europese LEADER-middelen voor het platteland "
     "aan kleine dorpsinitiatieven toekende. Het programma zelf is geen actor."),
    ("woco-vw", "Woningstichting Veenmarken Wonen", "maatschappelijke organisatie", "regionaal", "volkshuisvesting",
     "6.1; 8.3",
     "Grootste woningcorporatie van de regio met ongeveer 9.000 huurwoningen."),
    ("woco-marke", "Woonstichting De Marke", "maatschappelijke organisatie", "lokaal", "volkshuisvesting",
     "8.3",
     "Kleine woningcorporatie in Midden-Marke en Ter Veenhorst."),
    ("huurders", "Huurdersvereniging Markenveen", "maatschappelijke organisatie", "lokaal", "volkshuisvesting",
     "6.1; 8.3",
     "Vertegenwoordigt de huurders bij de prestatieafspraken met gemeente en corporatie."),
    ("natuur", "Natuurvereniging Het Marker Veen", "maatschappelijke organisatie", "regionaal", "natuur",
     "5.7; 7.4",
     "Beheert de laatste hoogveenrestanten en komt op voor de weidevogels."),
    ("landschap", "Stichting Landschapsbeheer Oostermarken", "maatschappelijke organisatie", "provinciaal", "natuur",
     "5.7",
     "Ondersteunt vrijwilligers bij het beheer van houtwallen, wijken en bermen."),
    ("erfgoed", "Stichting Turfvaart Erfgoed", "maatschappelijke organisatie", "regionaal", "cultuur",
     "5.5; 5.7",
     "Zet zich in voor het behoud van de historische vaarten, sluizen en turfschepen."),
    ("dr-turfmond", "Dorpsraad Turfmond", "maatschappelijke organisatie", "buurt", "non-profit",
     "6.1; 8.1",
     "Dorpsraad van Turfmond, het dorp direct naast de geplande uitbreiding van De Vaart."),
    ("db-kanaalhoek", "Dorpsbelangen Kanaalhoek", "maatschappelijke organisatie", "buurt", "non-profit",
     "5.7; 6.1",
     "Vereniging die het dorpshuis runt en de leefbaarheid in het buurtschap Kanaalhoek bewaakt."),
    ("vv-veenboys", "VV Veenboys", "maatschappelijke organisatie", "lokaal", "sport",
     "5.1",
     "Voetbalvereniging met 400 leden die ook beweegprogramma's voor ouderen organiseert."),
    ("zorggroep", "Zorggroep Veenmarken", "maatschappelijke organisatie", "regionaal", "zorg",
     "6.1; 7.1",
     "Aanbieder van thuiszorg, verpleeghuiszorg en huisartsenzorg in de dorpen."),
    ("welzijn", "Welzijnsorganisatie 't Markehuus", "maatschappelijke organisatie", "lokaal", "welzijn",
     "6.1",
     "Welzijnswerk, mantelzorgondersteuning en dorpsconsulenten in Nieuw-Dijkhorst en Midden-Marke."),
    # --- kennisinstellingen
    ("roc", "ROC Veenmarken College", "kennisinstelling", "regionaal", "onderwijs",
     "4.3; 6.5",
     "Mbo-instelling met opleidingen in techniek, logistiek en zorg in Markenveen."),
    ("hogeschool", "Hogeschool Oostermarken", "kennisinstelling", "provinciaal", "onderwijs",
     "3.1; 4.3",
     "Hbo-instelling met de lectoraten Vitaal Platteland en Smart Agrifood."),
    ("uni", "Universiteit van Oostermarken", "kennisinstelling", "nationaal", "onderwijs",
     "3.1; 4",
     "Universiteit met onderzoek naar biobased chemie en regionale economie."),
    ("vo-veenland", "Scholengemeenschap Het Veenland", "kennisinstelling", "lokaal", "onderwijs",
     "4.3",
     "Scholengemeenschap voor vmbo, havo en vwo die meedoet aan de techniekroute naar het mbo."),
    ("ivo", "Instituut voor Veenbodemonderzoek (IVO)", "kennisinstelling", "nationaal", "onderzoek",
     "7.4; 8.1",
     "Onderzoeksinstituut dat bodemdaling en waterbeheer in veengebieden bestudeert."),
    ("campus", "Agrifood Campus Turfmond", "kennisinstelling", "regionaal", "onderwijs",
     "3.1; 4.3",
     "Gezamenlijke leer- en innovatielocatie van mbo, hbo, universiteit en bedrijven, geopend in 2023."),
    # --- burgers en burgerinitiatieven
    ("bi-marker-zon", "Energiecoöperatie Marker Zon U.A.", "burger", "buurt", "energie",
     "6.1; 7.4",
     "Coöperatie van 350 inwoners met zonnedaken en een aandeel in het windpark."),
    ("bi-windstil", "Bewonersgroep Wierde Windstil", "burger", "buurt", "non-profit",
     "8.1",
     "Bewonersgroep die zich verzette tegen windturbines bij Zwartewierde en na het schrappen van het plan stopte."),
    ("bi-buurtpreventie", "Buurtpreventieteam Markenveen-Zuid", "burger", "buurt", "veiligheid",
     "1.2; 6.1",
     "Vrijwilligers die 's avonds door de wijk lopen en signalen doorgeven aan politie en corporatie."),
    ("bi-dorpszorg", "Zorgcoöperatie Dorpszorg Nieuw-Dijkhorst", "burger", "buurt", "zorg",
     "6.1; 7.1",
     "Inwonerscoöperatie die vrijwillige hulp, een buurtbus en een huiskamer voor ouderen organiseert."),
    ("bi-tinyhouses", "Bewonersinitiatief Tiny Houses Turfmond", "burger", "buurt", "wonen",
     "8.3",
     "Jongeren die een tijdelijk tiny-house-dorp op een braakliggend kavel willen bouwen."),
    ("bi-klimaat", "Klimaatwerkgroep Ter Veenhorst", "burger", "buurt", "non-profit",
     "5.7; 7.2",
     "Inwoners die tuinen vergroenen en regentonnen uitdelen."),
    ("bi-jongerenraad", "Jongerenraad Veenmarken", "burger", "regionaal", "non-profit",
     "4.3; 6.1",
     "Jongeren uit de zes gemeenten die meepraten over werk, wonen en uitgaan in de regio."),
    ("bi-hoving", "Anneke Hoving (bewoonster Kanaalhoek)", "burger", "buurt", "zorg",
     "6.1",
     "Mantelzorger en vrijwilliger die de dorpshuiskamer in Kanaalhoek draaiende houdt."),
]

# ---------------------------------------------------------------------------
# opgaven: id, naam, oorsprong, kern, schaalniveau, domeinen, beschrijving
# ---------------------------------------------------------------------------
OPGAVEN = [
    ("economie", "Regionale economische groei Veenmarken",
     "Na de sluiting van de strokartonfabriek in 2016 verdwenen 600 banen en trokken jongeren weg; de regio "
     "krimpt en vergrijst terwijl agrofood en maakindustrie geen personeel vinden.",
     "Werk en bedrijvigheid laten groeien zonder dat ruimte, stroomnet, bereikbaarheid, arbeidsmarkt en "
     "veiligheid van bedrijventerreinen elkaar in de weg zitten.",
     "regionaal", "3.1; 3.2; 8.1; 2.1; 6.5; 1.2; Netcapaciteit",
     "Economische Agenda Veenmarken en Regio Deal: uitbreiding van bedrijvenpark De Vaart (die sinds 2022 "
     "vastloopt op netcongestie: er is geen transportcapaciteit voor nieuwe grootverbruikers), betere "
     "ontsluiting over de kanaalwegen, talentprogramma Vakkracht Veenmarken met werkgevers, vakbond, UWV en "
     "onderwijs, de Agrifood Campus en veilige, ondermijningsbestendige bedrijventerreinen met fatsoenlijke "
     "huisvesting van arbeidsmigranten."),
    ("energie", "Regionale Energiestrategie Veenmarken",
     "Het Klimaatakkoord vraagt elke RES-regio om een bod voor duurzame elektriciteit op land.",
     "Genoeg wind- en zonne-energie opwekken met draagvlak en lokaal eigendom, terwijl het stroomnet vol zit.",
     "regionaal", "7.4; 8.1; 6.1; 3.2",
     "Zoekgebieden voor wind en zon, zon op daken van bedrijven en huurwoningen, 50% lokaal eigendom via "
     "energiecoöperaties en een waterstofhub bij de zetmeelfabriek om netcongestie op te vangen."),
    ("wonen", "Woningbouw en leefbaarheid in de kernen",
     "Jongeren en arbeidsmigranten vinden geen woning, terwijl oudere huurwoningen slecht geïsoleerd zijn en "
     "vakantieparken ongemerkt permanent bewoond raken.",
     "Passende woningen bouwen in de kernen en de leefbaarheid van wijken en dorpen op peil houden.",
     "regionaal", "8.3; 8.1; 6.1; 1.2",
     "Regionale woondeal, prestatieafspraken met corporaties, tiny houses en flexwonen, de aanpak van "
     "recreatieparken en van signalen van ondermijning in wijken."),
    ("water", "Klimaatadaptatie en bodemdaling in het veen",
     "De droge zomers vanaf 2018 lieten veendijken scheuren en maakten bodemdaling en watertekort zichtbaar.",
     "Het watersysteem robuust maken voor droogte en hoosbuien en bodemdaling remmen zonder de landbouw "
     "onmogelijk te maken.",
     "provinciaal", "7.2; 8.1; 5.7; 1.1",
     "Regionale stresstest en uitvoeringsagenda: hogere peilen in veenweidegebied, waterberging, "
     "vergroening van dorpen en afspraken over crisisbeheersing bij hoogwater en natuurbrand."),
    ("zorg", "Vitaal platteland: zorg en nabijheid in de dorpen",
     "Vergrijzing en het sluiten van voorzieningen maken dat ouderen in de kleine kernen steeds verder van "
     "zorg, winkel en ontmoeting af komen te staan.",
     "Zorg, welzijn en vervoer zo organiseren dat inwoners in hun eigen dorp oud kunnen worden.",
     "lokaal", "6.1; 7.1; 2.5; 5.1",
     "Dorpszorgcoöperaties, huiskamers in dorpshuizen, een buurtbus, beweegprogramma's via de sportclub en "
     "samenwerking tussen huisarts, thuiszorg en welzijn."),
]

# ---------------------------------------------------------------------------
# betrokkenheid: actor, opgave, rol, bewust, inzet (1-5), sinds, tot[, toelichting]
# ---------------------------------------------------------------------------
BETROKKENHEID = [
    # --- economie: zeven losse delen in 2018, één collectief sinds 2021
    ("gem-markenveen", "economie", "trekker", "ja", 5, 2018, None),
    ("gem-turfwijk", "economie", "partner", "ja", 4, 2018, None),
    ("gem-dijkhorst", "economie", "partner", "ja", 2, 2018, None),
    ("gem-zwartewierde", "economie", "partner", "ja", 3, 2018, None),
    ("gem-middenmarke", "economie", "partner", "ja", 2, 2018, None),
    ("gem-veenhorst", "economie", "partner", "ja", 2, 2019, None),
    ("regio", "economie", "uitvoerder", "ja", 4, 2018, None),
    ("prov", "economie", "financier", "ja", 4, 2018, None),
    ("min-ezk", "economie", "financier", "ja", 3, 2018, 2023,
     "Tot de splitsing van EZK (juli 2024; in deze casus tot en met 2023)."),
    ("min-ez", "economie", "financier", "ja", 3, 2024, None,
     "Neemt in 2024 de economische taken van EZK over."),
    ("min-bzk", "economie", "financier", "ja", 2, 2023, None,
     "Coördinerend ministerie van de Regio Deal Veenmarken (vierde tranche; Rijksbijdrage uit de Regio Envelop)."),
    ("rvo", "economie", "uitvoerder", "ja", 2, 2018, None),
    ("omo", "economie", "financier", "ja", 3, 2018, None),
    ("snn", "economie", "financier", "ja", 2, 2018, None,
     "Managementautoriteit van het EFRO-programma Noord-Nederland (2014-2020, vanaf 2021 het programma "
     "2021-2027)."),
    ("ec", "economie", "financier", "ja", 1, 2018, None,
     "Europese kant van het EFRO: keurt het programma goed, de middelen lopen via SNN."),
    ("kvk", "economie", "partner", "ja", 2, 2018, None),
    ("ovm", "economie", "partner", "ja", 4, 2018, None),
    ("bedr-bakkerij", "economie", "belanghebbende", "ja", 1, 2018, None),
    ("bedr-turfsteker", "economie", "belanghebbende", "ja", 1, 2018, None),
    ("bedr-metaal", "economie", "partner", "ja", 3, 2018, None),
    ("bedr-vaart", "economie", "uitvoerder", "ja", 3, 2018, None),
    ("bedr-bank", "economie", "financier", "ja", 2, 2018, None),
    ("bedr-zetmeel", "economie", "partner", "ja", 4, 2018, None),
    ("bedr-koops", "economie", "partner", "ja", 3, 2018, None),
    ("lto", "economie", "belanghebbende", "ja", 3, 2018, None),
    ("bedr-hazeveld", "economie", "belanghebbende", "nee", 1, 2018, None),
    ("bedr-flexmarke", "economie", "belanghebbende", "nee", 2, 2018, None),
    ("uwv", "economie", "partner", "ja", 3, 2018, None),
    ("fnv", "economie", "partner", "ja", 2, 2018, None),
    ("roc", "economie", "kennispartner", "ja", 4, 2018, None),
    ("hogeschool", "economie", "kennispartner", "ja", 3, 2018, None),
    ("bedr-boerema", "economie", "belanghebbende", "nee", 1, 2020, None),
    ("eb", "economie", "trekker", "ja", 5, 2020, None),
    ("wsp", "economie", "uitvoerder", "ja", 4, 2021, None),
    ("vo-veenland", "economie", "partner", "ja", 2, 2021, None),
    ("bi-jongerenraad", "economie", "belanghebbende", "ja", 2, 2022, None,
     "Vaste plek aan tafel bij de Economic Board sinds 2022."),
    ("dr-turfmond", "economie", "belanghebbende", "nee", 1, 2022, None),
    ("uni", "economie", "kennispartner", "ja", 3, 2023, None),
    ("campus", "economie", "uitvoerder", "ja", 3, 2023, None),
    ("bedr-dataveen", "economie", "partner", "ja", 2, 2023, None),
    # --- energie: de RES vanaf 2019, drie losse delen die in 2021 één geheel worden
    ("res", "energie", "trekker", "ja", 5, 2019, None),
    ("prov", "energie", "partner", "ja", 4, 2019, None),
    ("gem-markenveen", "energie", "partner", "ja", 3, 2019, None),
    ("gem-zwartewierde", "energie", "partner", "ja", 4, 2019, None),
    ("gem-turfwijk", "energie", "partner", "ja", 3, 2019, None),
    ("gem-veenhorst", "energie", "partner", "ja", 2, 2019, None),
    ("ws", "energie", "partner", "ja", 2, 2019, None),
    ("min-bzk", "energie", "financier", "ja", 2, 2019, None,
     "Rijksbijdrage aan het RES-bureau via het Nationaal Programma RES."),
    ("bi-marker-zon", "energie", "uitvoerder", "ja", 4, 2019, None),
    ("db-kanaalhoek", "energie", "partner", "ja", 2, 2019, None),
    ("bedr-marknet", "energie", "partner", "ja", 4, 2019, None),
    ("bedr-zetmeel", "energie", "partner", "ja", 3, 2019, None,
     "Grootverbruiker die wil elektrificeren (cluster-energiestrategie)."),
    ("bedr-veenwind", "energie", "uitvoerder", "ja", 4, 2020, None),
    ("odv", "energie", "uitvoerder", "ja", 3, 2020, None),
    ("natuur", "energie", "belanghebbende", "ja", 2, 2020, None),
    ("lto", "energie", "belanghebbende", "ja", 2, 2021, None),
    ("bi-windstil", "energie", "belanghebbende", "ja", 3, 2020, 2023),
    ("bedr-wubbels", "energie", "belanghebbende", "nee", 1, 2021, None),
    ("bedr-bank", "energie", "financier", "ja", 2, 2021, None),
    ("bedr-waterstof", "energie", "uitvoerder", "ja", 4, 2021, None),
    ("omo", "energie", "financier", "ja", 2, 2021, None),
    ("uni", "energie", "kennispartner", "ja", 2, 2022, None),
    ("hogeschool", "energie", "kennispartner", "ja", 2, 2022, None),
    ("min-ezk", "energie", "belanghebbende", "ja", 2, 2022, 2023,
     "Landelijk Actieprogramma Netcongestie; energie gaat in 2024 naar KGG."),
    ("woco-vw", "energie", "partner", "ja", 2, 2022, None),
    ("snn", "energie", "financier", "ja", 2, 2023, None,
     "EFRO-programma Noord-Nederland 2021-2027: cofinanciering van de elektrolyser."),
    ("min-kgg", "energie", "partner", "ja", 2, 2024, None,
     "Neemt in 2024 klimaat, energie en netcongestie van EZK over."),
    # --- wonen
    ("gem-markenveen", "wonen", "trekker", "ja", 5, 2018, None),
    ("gem-middenmarke", "wonen", "trekker", "ja", 4, 2018, None),
    ("gem-turfwijk", "wonen", "partner", "ja", 3, 2018, None),
    ("gem-dijkhorst", "wonen", "partner", "ja", 3, 2018, None),
    ("gem-veenhorst", "wonen", "partner", "ja", 3, 2018, None),
    ("woco-vw", "wonen", "uitvoerder", "ja", 5, 2018, None),
    ("woco-marke", "wonen", "uitvoerder", "ja", 4, 2018, None),
    ("huurders", "wonen", "belanghebbende", "ja", 3, 2018, None),
    ("bedr-kanaalzone", "wonen", "partner", "ja", 3, 2019, 2022),
    ("bedr-bouw", "wonen", "uitvoerder", "ja", 4, 2019, None),
    ("bedr-bank", "wonen", "financier", "ja", 2, 2019, None),
    ("politie", "wonen", "partner", "ja", 2, 2019, None),
    ("bi-buurtpreventie", "wonen", "belanghebbende", "ja", 3, 2019, None),
    ("riec", "wonen", "partner", "ja", 3, 2020, None),
    ("burg-markenveen", "wonen", "partner", "ja", 3, 2020, None,
     "Bestuurlijke aanpak van ondermijning in wijken en op recreatieparken."),
    ("min-jenv", "wonen", "financier", "ja", 1, 2020, None),
    ("bedr-kanaalhoek", "wonen", "belanghebbende", "nee", 2, 2020, None),
    ("bedr-flexmarke", "wonen", "belanghebbende", "ja", 2, 2020, None),
    ("om-parket", "wonen", "partner", "ja", 2, 2021, None),
    ("min-bzk", "wonen", "financier", "ja", 3, 2021, 2023,
     "Woningbouwimpuls en woondeal, tot volkshuisvesting in 2024 naar VRO gaat."),
    ("min-vro", "wonen", "financier", "ja", 3, 2024, None,
     "Neemt in 2024 de woondeal van BZK over."),
    ("vr", "wonen", "partner", "ja", 2, 2021, None),
    ("bi-tinyhouses", "wonen", "belanghebbende", "ja", 3, 2021, None),
    ("dr-turfmond", "wonen", "belanghebbende", "ja", 2, 2021, None),
    ("prov", "wonen", "partner", "ja", 2, 2022, None),
    # --- water: twee losse delen in 2019 (overheden; natuur en onderzoek), één geheel sinds 2020
    ("gem-markenveen", "water", "partner", "ja", 3, 2019, None),
    ("ws", "water", "trekker", "ja", 5, 2019, None),
    ("prov", "water", "partner", "ja", 4, 2019, None),
    ("gem-turfwijk", "water", "partner", "ja", 3, 2019, None),
    ("gem-zwartewierde", "water", "partner", "ja", 3, 2019, None),
    ("gem-veenhorst", "water", "partner", "ja", 3, 2019, None),
    ("rws", "water", "partner", "ja", 2, 2019, None),
    ("vr", "water", "partner", "ja", 3, 2019, None),
    ("ivo", "water", "kennispartner", "ja", 4, 2019, None),
    ("natuur", "water", "partner", "ja", 3, 2019, None),
    ("landschap", "water", "uitvoerder", "ja", 3, 2019, None),
    ("lto", "water", "partner", "ja", 3, 2020, None),
    ("bedr-boerema", "water", "belanghebbende", "nee", 1, 2020, None),
    ("bedr-wubbels", "water", "belanghebbende", "nee", 1, 2020, None),
    ("erfgoed", "water", "belanghebbende", "ja", 2, 2020, None),
    ("odv", "water", "partner", "ja", 2, 2020, None),
    ("min-ienw", "water", "financier", "ja", 3, 2021, None),
    ("bi-klimaat", "water", "uitvoerder", "ja", 2, 2021, None),
    # --- zorg
    ("gem-dijkhorst", "zorg", "trekker", "ja", 4, 2018, None),
    ("gem-middenmarke", "zorg", "partner", "ja", 3, 2018, None),
    ("ggd", "zorg", "partner", "ja", 4, 2018, None),
    ("zorggroep", "zorg", "partner", "ja", 4, 2018, None),
    ("welzijn", "zorg", "uitvoerder", "ja", 4, 2018, None),
    ("bi-dorpszorg", "zorg", "uitvoerder", "ja", 4, 2019, None),
    ("marke-werk", "zorg", "partner", "ja", 3, 2019, None),
    ("db-kanaalhoek", "zorg", "partner", "ja", 3, 2019, None),
    ("lag-leader", "zorg", "financier", "ja", 3, 2019, 2022,
     "Kent LEADER-middelen (Europees Landbouwfonds voor Plattelandsontwikkeling) toe; programmaperiode tot 2022."),
    ("vv-veenboys", "zorg", "partner", "ja", 2, 2020, None),
    ("bedr-oostlijn", "zorg", "partner", "ja", 3, 2020, None),
    ("bi-hoving", "zorg", "belanghebbende", "ja", 2, 2020, None),
    ("hogeschool", "zorg", "kennispartner", "ja", 1, 2022, None),
    ("woco-vw", "zorg", "partner", "ja", 2, 2022, None),
]

# ---------------------------------------------------------------------------
# relaties: van, naar, type, gewicht (1-5), opgave (or None), sinds, tot[, toelichting]
# 'gericht' follows from the type (financiering and mandaat are directed).
# ---------------------------------------------------------------------------
RELATIES = [
    # === economie ===========================================================
    # 2018, deel 1: de gemeenten in het ambtelijk EZ-overleg van de regio
    ("gem-markenveen", "regio", "samenwerking", 5, "economie", 2018, None),
    ("gem-turfwijk", "regio", "samenwerking", 4, "economie", 2018, None),
    ("gem-dijkhorst", "regio", "samenwerking", 3, "economie", 2018, None),
    ("gem-zwartewierde", "regio", "samenwerking", 3, "economie", 2018, None),
    ("gem-middenmarke", "regio", "samenwerking", 3, "economie", 2018, None),
    ("gem-markenveen", "gem-turfwijk", "samenwerking", 4, "economie", 2018, None),
    ("gem-markenveen", "gem-zwartewierde", "informatie", 2, None, 2018, None),
    ("gem-veenhorst", "gem-middenmarke", "samenwerking", 3, None, 2018, None),
    # 2018, deel 2: provincie, Rijk en Europa langs de subsidielijnen
    ("min-ezk", "rvo", "mandaat", 5, None, 2018, 2023, "RVO voert regelingen van EZK uit."),
    ("rvo", "prov", "informatie", 3, "economie", 2018, None),
    ("prov", "omo", "financiering", 4, "economie", 2018, None),
    ("min-ezk", "omo", "financiering", 3, "economie", 2018, 2023, "EZK is aandeelhouder van de ROM."),
    ("min-ezk", "prov", "samenwerking", 3, None, 2018, 2023),
    ("ec", "snn", "financiering", 3, "economie", 2018, None,
     "EFRO-middelen voor het programma Noord-Nederland."),
    ("prov", "snn", "mandaat", 4, None, 2018, None,
     "De noordelijke provincies dragen het beheer van het EFRO-programma op aan SNN."),
    ("snn", "omo", "financiering", 3, "economie", 2018, None,
     "EFRO 2014-2020: cofinanciering van het innovatiefonds van de ROM."),
    ("kvk", "rvo", "informatie", 3, "economie", 2018, None,
     "Samen achter het Ondernemersplein, het loket voor ondernemers."),
    # 2018, deel 3: het mkb rond de ondernemersvereniging
    ("ovm", "bedr-bakkerij", "samenwerking", 3, "economie", 2018, None),
    ("ovm", "bedr-turfsteker", "samenwerking", 2, "economie", 2018, None),
    ("ovm", "bedr-metaal", "samenwerking", 3, "economie", 2018, None),
    ("ovm", "bedr-vaart", "samenwerking", 4, "economie", 2018, None),
    ("bedr-bank", "ovm", "financiering", 2, "economie", 2018, None),
    ("bedr-bank", "bedr-metaal", "financiering", 3, None, 2018, None),
    ("bedr-vaart", "bedr-metaal", "informatie", 2, "economie", 2018, None),
    # 2018, deel 4: de agrofoodketen
    ("bedr-zetmeel", "bedr-koops", "samenwerking", 5, "economie", 2018, None),
    ("bedr-koops", "lto", "informatie", 3, "economie", 2018, None),
    ("bedr-zetmeel", "lto", "samenwerking", 3, "economie", 2018, None),
    ("bedr-boerema", "lto", "informatie", 2, None, 2018, None),
    # 2018, deel 5: het beroepsonderwijs
    ("roc", "hogeschool", "samenwerking", 4, "economie", 2018, None),
    # 2018, deel 6: de arbeidsmarkt van UWV, vakbond en uitzendbureau
    ("uwv", "fnv", "informatie", 3, "economie", 2018, None,
     "Overleg over krapte en arbeidsmigratie in de regio."),
    ("uwv", "bedr-flexmarke", "informatie", 2, "economie", 2018, None, "Vacatures en bemiddeling."),
    ("fnv", "bedr-flexmarke", "informatie", 2, "economie", 2018, None,
     "Signalen over huisvesting en arbeidsvoorwaarden van arbeidsmigranten."),
    # (2018, deel 7: transportbedrijf Hazeveld, nog zonder relaties)
    # 2019: Economische Agenda Veenmarken; microkredietpilot
    ("regio", "prov", "samenwerking", 4, "economie", 2019, None),
    ("prov", "gem-markenveen", "financiering", 3, "economie", 2019, None),
    ("gem-veenhorst", "regio", "samenwerking", 2, "economie", 2019, None),
    ("bedr-bank", "gem-markenveen", "samenwerking", 2, "economie", 2019, 2021),
    ("kvk", "ovm", "informatie", 2, "economie", 2019, None, "Startersbegeleiding en het Handelsregister."),
    ("bedr-hazeveld", "bedr-zetmeel", "samenwerking", 4, "economie", 2019, None),
    # 2020: de Economic Board Veenmarken als makelaar
    ("eb", "regio", "samenwerking", 5, "economie", 2020, None),
    ("prov", "eb", "financiering", 4, "economie", 2020, None),
    ("gem-markenveen", "eb", "financiering", 3, "economie", 2020, None),
    ("eb", "ovm", "samenwerking", 4, "economie", 2020, None),
    ("eb", "bedr-zetmeel", "samenwerking", 4, "economie", 2020, None),
    ("eb", "omo", "samenwerking", 3, "economie", 2020, None),
    ("bedr-boerema", "bedr-koops", "samenwerking", 3, "economie", 2020, None),
    ("uwv", "roc", "samenwerking", 3, "economie", 2020, None,
     "Leerwerkloket Veenmarken: scholing voor werkzoekenden en werkenden."),
    ("lto", "gem-turfwijk", "informatie", 2, "economie", 2020, None),
    # 2021: talentprogramma Vakkracht Veenmarken en het Werkgeversservicepunt
    ("wsp", "gem-markenveen", "samenwerking", 4, "economie", 2021, None),
    ("wsp", "uwv", "samenwerking", 4, "economie", 2021, None, "Het Werkgeversservicepunt van gemeenten en UWV."),
    ("wsp", "roc", "samenwerking", 4, "economie", 2021, None),
    ("roc", "bedr-metaal", "samenwerking", 4, "economie", 2021, None),
    ("hogeschool", "eb", "samenwerking", 3, "economie", 2021, None),
    ("vo-veenland", "roc", "samenwerking", 3, "economie", 2021, None),
    ("wsp", "bedr-flexmarke", "informatie", 2, "economie", 2021, None),
    ("roc", "ovm", "informatie", 2, "economie", 2021, None),
    ("eb", "roc", "financiering", 2, "economie", 2021, None),
    ("fnv", "eb", "samenwerking", 2, "economie", 2021, None,
     "Vakkracht-convenant van werkgevers, werknemers, onderwijs en overheid."),
    ("uwv", "gem-markenveen", "samenwerking", 3, "economie", 2021, None,
     "Regionaal Mobiliteitsteam: van werk naar werk."),
    # 2022: uitbreiding De Vaart bij Turfmond; netcongestie
    ("gem-turfwijk", "bedr-vaart", "samenwerking", 3, "economie", 2022, None),
    ("gem-turfwijk", "dr-turfmond", "informatie", 1, "economie", 2022, None),
    ("bi-jongerenraad", "eb", "informatie", 2, "economie", 2022, None),
    ("bi-jongerenraad", "roc", "samenwerking", 2, "economie", 2022, None),
    ("bedr-hazeveld", "bedr-vaart", "informatie", 2, "economie", 2022, None),
    ("omo", "bedr-metaal", "financiering", 3, "economie", 2022, None),
    ("snn", "eb", "financiering", 3, "economie", 2022, None,
     "EFRO 2021-2027: innovatieprogramma van de Economic Board."),
    ("rvo", "bedr-zetmeel", "financiering", 3, "economie", 2022, None),
    ("gem-zwartewierde", "gem-turfwijk", "samenwerking", 2, "economie", 2022, None),
    ("wsp", "bedr-metaal", "samenwerking", 2, "economie", 2022, None),
    ("bedr-vaart", "bedr-marknet", "informatie", 2, None, 2022, None,
     "Aanvraag van transportcapaciteit voor de uitbreiding van De Vaart: wachtrij door netcongestie."),
    # 2023: Regio Deal Veenmarken (vierde tranche); de Agrifood Campus Turfmond
    ("min-bzk", "regio", "financiering", 5, "economie", 2023, None,
     "Rijksbijdrage Regio Deal Veenmarken (BZK coördineert de Regio Deals sinds 2022)."),
    ("min-ezk", "regio", "samenwerking", 3, "economie", 2023, 2023, "Medeondertekenaar van de Regio Deal."),
    ("uni", "bedr-zetmeel", "samenwerking", 4, "economie", 2023, None),
    ("uni", "hogeschool", "samenwerking", 4, "economie", 2023, None),
    ("campus", "uni", "samenwerking", 3, "economie", 2023, None),
    ("campus", "roc", "samenwerking", 3, "economie", 2023, None),
    ("campus", "bedr-zetmeel", "samenwerking", 3, "economie", 2023, None),
    ("bedr-dataveen", "campus", "samenwerking", 2, "economie", 2023, None),
    ("bedr-dataveen", "hogeschool", "samenwerking", 3, "economie", 2023, None),
    ("bedr-dataveen", "ovm", "informatie", 2, "economie", 2023, None),
    ("omo", "bedr-dataveen", "financiering", 2, "economie", 2023, None),
    ("bi-jongerenraad", "gem-middenmarke", "informatie", 2, "economie", 2023, None),
    # 2024: EZ neemt over van EZK; verdieping
    ("min-ez", "rvo", "mandaat", 5, None, 2024, None, "RVO voert regelingen van EZ uit."),
    ("min-ez", "omo", "financiering", 3, "economie", 2024, None, "EZ is aandeelhouder van de ROM."),
    ("min-ez", "prov", "samenwerking", 3, None, 2024, None),
    ("min-ez", "regio", "samenwerking", 3, "economie", 2024, None, "Medeondertekenaar van de Regio Deal."),
    ("eb", "wsp", "samenwerking", 3, "economie", 2024, None),
    ("gem-veenhorst", "eb", "informatie", 2, "economie", 2024, None),
    ("fnv", "ovm", "informatie", 2, "economie", 2024, None,
     "Afspraken over fatsoenlijke huisvesting van arbeidsmigranten."),
    ("kvk", "eb", "informatie", 2, "economie", 2024, None),
    # === energie ============================================================
    # 2019, deel 1: het RES-bureau met de overheden
    ("res", "prov", "samenwerking", 4, "energie", 2019, None),
    ("res", "gem-markenveen", "samenwerking", 4, "energie", 2019, None),
    ("res", "gem-zwartewierde", "samenwerking", 3, "energie", 2019, None),
    ("res", "gem-veenhorst", "samenwerking", 3, "energie", 2019, None),
    ("res", "gem-turfwijk", "samenwerking", 3, "energie", 2019, None),
    ("res", "ws", "samenwerking", 2, "energie", 2019, None),
    ("min-bzk", "res", "financiering", 3, "energie", 2019, None),
    # 2019, deel 2: de energiecoöperatie en het dorp
    ("db-kanaalhoek", "bi-marker-zon", "samenwerking", 2, "energie", 2019, None, "Zonnedak op het dorpshuis."),
    # 2019, deel 3: netbeheerder en grootverbruiker
    ("bedr-zetmeel", "bedr-marknet", "informatie", 3, "energie", 2019, None,
     "Cluster-energiestrategie: transportcapaciteit om de fabriek te elektrificeren."),
    # 2020: participatie en de eerste windplannen
    ("bi-marker-zon", "gem-markenveen", "samenwerking", 3, "energie", 2020, None),
    ("bi-marker-zon", "res", "informatie", 2, "energie", 2020, None),
    ("prov", "bi-marker-zon", "financiering", 2, "energie", 2020, None),
    ("bedr-veenwind", "gem-zwartewierde", "samenwerking", 3, "energie", 2020, None),
    ("bi-windstil", "gem-zwartewierde", "informatie", 2, "energie", 2020, 2023),
    ("bi-windstil", "bedr-veenwind", "informatie", 1, "energie", 2020, 2023),
    ("odv", "bedr-veenwind", "informatie", 3, "energie", 2020, None),
    ("natuur", "res", "informatie", 2, "energie", 2020, None),
    ("lto", "res", "informatie", 2, "energie", 2021, None),
    # 2021: RES 1.0 met netimpactanalyse; waterstofhub
    ("res", "bedr-marknet", "informatie", 4, "energie", 2021, None, "Netimpactanalyse van de RES 1.0."),
    ("bedr-veenwind", "bedr-marknet", "informatie", 3, "energie", 2021, None),
    ("prov", "bedr-marknet", "samenwerking", 3, "energie", 2021, None, "Provinciaal overleg over netcongestie."),
    ("bedr-veenwind", "bedr-wubbels", "samenwerking", 2, "energie", 2021, None),
    ("bedr-bank", "bi-marker-zon", "financiering", 3, "energie", 2021, None),
    ("bedr-waterstof", "bedr-zetmeel", "samenwerking", 4, "energie", 2021, None),
    ("bedr-waterstof", "bedr-marknet", "samenwerking", 3, "energie", 2021, None),
    ("omo", "bedr-waterstof", "financiering", 3, "energie", 2021, None),
    ("odv", "bedr-zetmeel", "informatie", 3, "energie", 2021, None),
    # 2022-2024
    ("bi-marker-zon", "bedr-veenwind", "samenwerking", 3, "energie", 2022, None),
    ("uni", "bedr-waterstof", "samenwerking", 3, "energie", 2022, None),
    ("hogeschool", "bi-marker-zon", "informatie", 2, "energie", 2022, None),
    ("min-ezk", "bedr-marknet", "informatie", 2, "energie", 2022, 2023, "Landelijk Actieprogramma Netcongestie."),
    ("woco-vw", "bi-marker-zon", "samenwerking", 2, "energie", 2022, None),
    ("snn", "bedr-waterstof", "financiering", 3, "energie", 2023, None,
     "EFRO 2021-2027: cofinanciering van de elektrolyser."),
    ("min-kgg", "bedr-marknet", "informatie", 2, "energie", 2024, None, "Landelijk Actieprogramma Netcongestie."),
    ("min-kgg", "res", "informatie", 2, "energie", 2024, None, "Nationaal Programma RES."),
    # === wonen ==============================================================
    ("woco-vw", "gem-markenveen", "samenwerking", 5, "wonen", 2018, None),
    ("woco-vw", "gem-turfwijk", "samenwerking", 4, "wonen", 2018, None),
    ("woco-vw", "gem-dijkhorst", "samenwerking", 3, "wonen", 2018, None),
    ("woco-marke", "gem-middenmarke", "samenwerking", 4, "wonen", 2018, None),
    ("woco-marke", "gem-veenhorst", "samenwerking", 3, "wonen", 2018, None),
    ("huurders", "woco-vw", "samenwerking", 3, "wonen", 2018, None),
    ("woco-vw", "woco-marke", "informatie", 2, None, 2018, None),
    ("huurders", "gem-markenveen", "informatie", 2, "wonen", 2019, None),
    ("bedr-kanaalzone", "gem-markenveen", "samenwerking", 3, "wonen", 2019, 2022),
    ("bedr-kanaalzone", "bedr-bouw", "samenwerking", 3, "wonen", 2019, 2022),
    ("bedr-bank", "bedr-kanaalzone", "financiering", 3, "wonen", 2019, 2022),
    ("bi-buurtpreventie", "politie", "informatie", 3, "wonen", 2019, None),
    ("bedr-bouw", "woco-vw", "samenwerking", 4, "wonen", 2020, None),
    ("bi-buurtpreventie", "huurders", "samenwerking", 2, "wonen", 2020, None),
    ("riec", "politie", "samenwerking", 4, "wonen", 2020, None),
    ("riec", "burg-markenveen", "samenwerking", 3, "wonen", 2020, None, "RIEC-casus ondermijning in een wijk."),
    ("min-jenv", "riec", "financiering", 3, "wonen", 2020, None),
    ("bedr-flexmarke", "bedr-kanaalhoek", "samenwerking", 2, "wonen", 2020, None),
    ("om-parket", "riec", "samenwerking", 3, "wonen", 2021, None),
    ("bedr-bouw", "woco-marke", "samenwerking", 3, "wonen", 2021, None),
    ("min-bzk", "gem-markenveen", "financiering", 3, "wonen", 2021, 2023, "Woningbouwimpuls."),
    ("bi-tinyhouses", "gem-veenhorst", "samenwerking", 2, "wonen", 2021, None),
    ("bi-tinyhouses", "dr-turfmond", "informatie", 2, "wonen", 2021, None),
    ("bedr-kanaalhoek", "gem-turfwijk", "informatie", 2, "wonen", 2021, None),
    ("riec", "odv", "informatie", 2, None, 2021, None),
    ("riec", "gem-markenveen", "informatie", 2, None, 2019, None, "RIEC-convenant: signalen van ondermijning."),
    ("politie", "gem-markenveen", "informatie", 1, "wonen", 2021, None),
    ("vr", "gem-turfwijk", "informatie", 3, "wonen", 2021, None),
    ("min-bzk", "prov", "samenwerking", 3, "wonen", 2022, 2023, "Regionale woondeal."),
    ("prov", "gem-dijkhorst", "samenwerking", 2, "wonen", 2022, None),
    ("min-vro", "gem-markenveen", "financiering", 3, "wonen", 2024, None, "Woningbouwimpuls, sinds 2024 van VRO."),
    ("min-vro", "prov", "samenwerking", 3, "wonen", 2024, None, "Regionale woondeal, sinds 2024 met VRO."),
    # === water ==============================================================
    # 2019, deel 1: waterschap, overheden en veiligheidsregio (de stresstest)
    ("ws", "gem-markenveen", "samenwerking", 4, None, 2018, None),
    ("ws", "prov", "samenwerking", 4, "water", 2019, None),
    ("ws", "gem-turfwijk", "samenwerking", 3, "water", 2019, None),
    ("ws", "gem-zwartewierde", "samenwerking", 3, "water", 2019, None),
    ("ws", "gem-veenhorst", "samenwerking", 3, "water", 2019, None),
    ("rws", "ws", "samenwerking", 3, "water", 2019, None),
    ("vr", "ws", "samenwerking", 3, "water", 2019, None),
    ("vr", "gem-markenveen", "samenwerking", 3, "water", 2019, None),
    # 2019, deel 2: natuur en veenonderzoek
    ("landschap", "natuur", "samenwerking", 3, None, 2018, None),
    ("ivo", "natuur", "samenwerking", 3, "water", 2019, None, "Onderzoek naar de hoogveenrestanten."),
    # 2020: de veenweidestrategie brengt natuur, landbouw en onderzoek aan tafel
    ("natuur", "ws", "samenwerking", 3, "water", 2020, None),
    ("ivo", "ws", "samenwerking", 4, "water", 2020, None),
    ("prov", "landschap", "financiering", 3, "water", 2020, None),
    ("ws", "lto", "samenwerking", 3, "water", 2020, None),
    ("ivo", "lto", "informatie", 2, "water", 2020, None),
    ("ws", "bedr-boerema", "informatie", 1, "water", 2020, None),
    ("ws", "bedr-wubbels", "informatie", 1, "water", 2020, None),
    ("vr", "gem-zwartewierde", "informatie", 2, "water", 2020, None),
    ("erfgoed", "ws", "informatie", 2, "water", 2020, None),
    ("odv", "ws", "informatie", 2, "water", 2020, None),
    ("min-ienw", "prov", "financiering", 3, "water", 2021, None),
    ("bi-klimaat", "gem-veenhorst", "samenwerking", 2, "water", 2021, None),
    ("bi-klimaat", "ws", "informatie", 2, "water", 2021, None),
    ("ivo", "uni", "samenwerking", 3, None, 2018, None),
    ("erfgoed", "gem-veenhorst", "samenwerking", 2, None, 2018, None),
    ("min-ienw", "rws", "mandaat", 5, None, 2018, None),
    # === zorg ===============================================================
    ("ggd", "gem-dijkhorst", "samenwerking", 3, "zorg", 2018, None),
    ("ggd", "gem-middenmarke", "samenwerking", 3, "zorg", 2018, None),
    ("ggd", "zorggroep", "samenwerking", 4, "zorg", 2018, None),
    ("zorggroep", "welzijn", "samenwerking", 4, "zorg", 2018, None),
    ("gem-dijkhorst", "welzijn", "financiering", 4, "zorg", 2018, None),
    ("gem-middenmarke", "welzijn", "financiering", 3, "zorg", 2018, None),
    ("ggd", "welzijn", "informatie", 2, "zorg", 2019, None),
    ("bi-dorpszorg", "welzijn", "samenwerking", 3, "zorg", 2019, None),
    ("bi-dorpszorg", "gem-dijkhorst", "samenwerking", 3, "zorg", 2019, None),
    ("marke-werk", "welzijn", "samenwerking", 3, "zorg", 2019, None),
    ("db-kanaalhoek", "welzijn", "samenwerking", 2, "zorg", 2019, None),
    ("lag-leader", "bi-dorpszorg", "financiering", 3, "zorg", 2019, 2022, "LEADER-subsidie voor de buurtbus."),
    ("lag-leader", "db-kanaalhoek", "financiering", 2, "zorg", 2019, 2022,
     "LEADER-subsidie voor de huiskamer in het dorpshuis."),
    ("bi-dorpszorg", "zorggroep", "informatie", 2, "zorg", 2020, None),
    ("vv-veenboys", "welzijn", "samenwerking", 2, "zorg", 2020, None),
    ("vv-veenboys", "gem-middenmarke", "informatie", 2, "zorg", 2020, None),
    ("bedr-oostlijn", "gem-middenmarke", "samenwerking", 3, "zorg", 2020, None),
    ("bi-hoving", "bi-dorpszorg", "samenwerking", 2, "zorg", 2020, None),
    ("bi-hoving", "db-kanaalhoek", "samenwerking", 3, "zorg", 2020, None),
    ("bedr-oostlijn", "bi-dorpszorg", "informatie", 2, "zorg", 2021, None),
    ("marke-werk", "zorggroep", "samenwerking", 2, "zorg", 2021, None),
    ("bi-hoving", "welzijn", "informatie", 1, "zorg", 2021, None),
    ("hogeschool", "bi-dorpszorg", "informatie", 2, "zorg", 2022, None),
    ("woco-vw", "zorggroep", "samenwerking", 2, "zorg", 2022, None),
    # === algemene relaties (geen opgave): mandaten, driehoek, sponsoring, overleg
    ("gem-markenveen", "odv", "mandaat", 4, None, 2018, None),
    ("gem-turfwijk", "odv", "mandaat", 3, None, 2018, None),
    ("gem-zwartewierde", "odv", "mandaat", 3, None, 2018, None),
    ("prov", "odv", "mandaat", 5, None, 2018, None),
    ("gem-markenveen", "marke-werk", "mandaat", 4, None, 2018, None),
    ("gem-dijkhorst", "marke-werk", "mandaat", 3, None, 2018, None),
    ("gem-middenmarke", "marke-werk", "mandaat", 3, None, 2018, None),
    ("burg-markenveen", "gem-markenveen", "samenwerking", 4, None, 2018, None,
     "Burgemeester en college van dezelfde gemeente."),
    ("burg-markenveen", "politie", "samenwerking", 4, None, 2018, None, "Lokale driehoek."),
    ("burg-markenveen", "om-parket", "samenwerking", 3, None, 2018, None, "Lokale driehoek."),
    ("om-parket", "politie", "samenwerking", 4, None, 2018, None, "Lokale driehoek."),
    ("min-jenv", "politie", "mandaat", 4, None, 2018, None),
    ("min-jenv", "om-parket", "mandaat", 3, None, 2018, None),
    ("politie", "vr", "samenwerking", 4, None, 2018, None),
    ("ggd", "vr", "samenwerking", 3, None, 2018, None),
    ("min-ezk", "min-bzk", "informatie", 2, None, 2018, 2023),
    ("min-ez", "min-bzk", "informatie", 2, None, 2024, None),
    ("min-kgg", "rvo", "mandaat", 3, None, 2024, None, "RVO voert ook regelingen van KGG uit."),
    ("min-vro", "min-bzk", "informatie", 2, None, 2024, None),
    ("min-bzk", "min-ienw", "informatie", 2, None, 2018, None),
    ("prov", "bedr-oostlijn", "financiering", 4, None, 2018, None),
    ("bedr-bakkerij", "vv-veenboys", "financiering", 1, None, 2018, None),
]

# ---------------------------------------------------------------------------
# lijsten: a small role vocabulary, and one domain of the case's own (the BBV
# has no taakveld for the electricity grid: grid operators are not municipal)
# ---------------------------------------------------------------------------
LIJSTEN = [
    ("rol", "trekker", "Trekker (neemt het voortouw)", "#D55E00", 1),
    ("rol", "partner", "Partner (doet mee en deelt verantwoordelijkheid)", "#0072B2", 2),
    ("rol", "financier", "Financier (brengt geld in)", "#E69F00", 3),
    ("rol", "kennispartner", "Kennispartner (brengt kennis en onderzoek in)", "#009E73", 4),
    ("rol", "uitvoerder", "Uitvoerder (voert uit in opdracht)", "#56B4E9", 5),
    ("rol", "belanghebbende", "Belanghebbende (heeft er belang bij, doet niet actief mee)", "#999999", 6),
    ("domein", "Netcapaciteit", "Netcapaciteit", None, None),
]

# korte namen voor figuren (kolom 'korte naam', optioneel in een eigen casus)
KORTE_NAAM = {
    'gem-markenveen': 'Markenveen',
    'gem-turfwijk': 'Oosterturfwijk',
    'gem-dijkhorst': 'Nieuw-Dijkhorst',
    'gem-zwartewierde': 'Zwartewierde',
    'gem-middenmarke': 'Midden-Marke',
    'gem-veenhorst': 'Ter Veenhorst',
    'regio': 'Regio Veenmarken',
    'prov': 'Provincie',
    'ws': 'Waterschap',
    'vr': 'Veiligheidsregio',
    'ggd': 'GGD',
    'odv': 'Omgevingsdienst',
    'politie': 'Politie',
    'riec': 'RIEC',
    'wsp': 'Werkgeversservicepunt',
    'marke-werk': 'Marke-Werk',
    'omo': 'OMO',
    'res': 'RES-bureau',
    'min-ezk': 'Min. EZK',
    'min-ez': 'Min. EZ',
    'min-kgg': 'Min. KGG',
    'min-vro': 'Min. VRO',
    'burg-markenveen': 'Burgemeester',
    'om-parket': 'OM',
    'uwv': 'UWV',
    'kvk': 'KVK',
    'fnv': 'FNV',
    'snn': 'SNN',
    'ec': 'Europese Commissie',
    'lag-leader': 'LAG LEADER',
    'min-bzk': 'Min. BZK',
    'min-ienw': 'Min. IenW',
    'min-jenv': 'Min. JenV',
    'rvo': 'RVO',
    'rws': 'Rijkswaterstaat',
    'ovm': 'Ondernemersvereniging',
    'bedr-vaart': 'Parkmanagement De Vaart',
    'bedr-bakkerij': 'Bakkerij De Graaf',
    'bedr-turfsteker': 'De Turfsteker',
    'bedr-metaal': 'Metaal Dijkstra',
    'bedr-bank': 'Bank Veenmarken',
    'bedr-zetmeel': 'Starchwell',
    'bedr-koops': 'Koops',
    'bedr-boerema': 'Boerema',
    'bedr-hazeveld': 'Hazeveld',
    'bedr-flexmarke': 'FlexMarke',
    'bedr-dataveen': 'DataVeen',
    'bedr-veenwind': 'Veenwind',
    'bedr-marknet': 'Marknet',
    'bedr-waterstof': 'Waterstofhub',
    'bedr-wubbels': 'Wubbels',
    'bedr-bouw': 'Veenstra-Hoekman',
    'bedr-kanaalzone': 'Kanaalzone Vastgoed',
    'bedr-oostlijn': 'OostLijn',
    'bedr-kanaalhoek': 'De Kanaalhoek',
    'eb': 'Economic Board',
    'lto': 'LTO',
    'woco-vw': 'Veenmarken Wonen',
    'woco-marke': 'De Marke',
    'huurders': 'Huurders',
    'natuur': 'Natuurvereniging',
    'landschap': 'Landschapsbeheer',
    'erfgoed': 'Turfvaart Erfgoed',
    'dr-turfmond': 'Dorpsraad Turfmond',
    'db-kanaalhoek': 'Dorpsbelangen Kanaalhoek',
    'vv-veenboys': 'VV Veenboys',
    'zorggroep': 'Zorggroep',
    'welzijn': "'t Markehuus",
    'roc': 'ROC',
    'hogeschool': 'Hogeschool',
    'uni': 'Universiteit',
    'vo-veenland': 'Het Veenland',
    'ivo': 'IVO',
    'campus': 'Agrifood Campus',
    'bi-marker-zon': 'Marker Zon',
    'bi-windstil': 'Wierde Windstil',
    'bi-buurtpreventie': 'Buurtpreventie',
    'bi-dorpszorg': 'Dorpszorg',
    'bi-tinyhouses': 'Tiny Houses',
    'bi-klimaat': 'Klimaatwerkgroep',
    'bi-jongerenraad': 'Jongerenraad',
    'bi-hoving': 'Anneke Hoving',
}

COLUMNS = {
    "actoren": ["id", "naam", "korte naam", "type", "schaalniveau", "sector", "domeinen", "toelichting"],
    "opgaven": ["id", "naam", "oorsprong", "kern", "schaalniveau", "domeinen", "beschrijving"],
    "betrokkenheid": ["actor", "opgave", "rol", "bewust", "inzet", "sinds", "tot", "toelichting"],
    "relaties": ["van", "naar", "type", "gewicht", "opgave", "gericht", "sinds", "tot", "toelichting"],
    "lijsten": ["lijst", "waarde", "label", "kleur", "volgorde"],
}
MAIN = "economie"
GAP_DOMAINS = ("1.2", "Netcapaciteit")


# ---------------------------------------------------------------------------
# tables
# ---------------------------------------------------------------------------
def tables() -> dict[str, list[tuple]]:
    """All sheets as lists of row tuples, in workbook column order."""
    relaties = [
        (van, naar, typ, gewicht, opgave, "ja" if typ in DIRECTED_TIE_TYPES else "nee", sinds, tot, *note)
        for van, naar, typ, gewicht, opgave, sinds, tot, *note in RELATIES
    ]
    relaties = [r + (None,) * (9 - len(r)) for r in relaties]
    betrokkenheid = [r + (None,) * (8 - len(r)) for r in BETROKKENHEID]
    return {
        "info": INFO,
        "actoren": [(r[0], r[1], KORTE_NAAM[r[0]], *r[2:]) for r in ACTOREN],
        "opgaven": OPGAVEN,
        "betrokkenheid": betrokkenheid,
        "relaties": relaties,
        "lijsten": LIJSTEN,
    }


def codes(text) -> list[str]:
    """';'-separated domain codes as a list of stripped strings."""
    if text is None or (isinstance(text, float) and pd.isna(text)):
        return []
    return [c.strip() for c in str(text).split(";") if c.strip()]


def covers(actor_codes: list[str], needed: str) -> bool:
    """An actor covers a needed code by that code, its main code, or a sub-code."""
    main = needed.split(".")[0]
    return any(c == needed or c == main or c.startswith(needed + ".") for c in actor_codes)


def known_codes() -> set[str] | None:
    for path in (HERE.parent / "opgavelab" / "_data" / "taakvelden.csv",
                 Path("/work/shared/vocab/iv3_taakvelden_gemeenten.csv")):
        if path.exists():
            return set(pd.read_csv(path, dtype=str)["code"].str.strip())
    return None


# ---------------------------------------------------------------------------
# checks on the literals (before writing)
# ---------------------------------------------------------------------------
def check(t: dict[str, list[tuple]]) -> None:
    problems: list[str] = []
    actors = {r[0]: r for r in t["actoren"]}
    opgaven = {r[0]: r for r in t["opgaven"]}
    if len(actors) != len(t["actoren"]):
        problems.append("duplicate actor ids")
    if len(opgaven) != len(t["opgaven"]):
        problems.append("duplicate opgave ids")
    if set(actors) & set(opgaven):
        problems.append(f"ids shared by actors and opgaven: {set(actors) & set(opgaven)}")
    valid = known_codes()
    if valid is not None:
        valid |= {r[1] for r in LIJSTEN if r[0] == "domein"}
    for r in t["actoren"]:
        if r[3] not in ACTOR_TYPES:
            problems.append(f"actor {r[0]}: type {r[3]!r}")
        if r[4] not in SCALES:
            problems.append(f"actor {r[0]}: scale {r[4]!r}")
        if not codes(r[6]):
            problems.append(f"actor {r[0]}: no domains")
        if valid is not None and set(codes(r[6])) - valid:
            problems.append(f"actor {r[0]}: unknown domains {set(codes(r[6])) - valid}")
        if len(r[2]) > 24 or len(r[2]) >= len(r[1]) + 1:
            problems.append(f"actor {r[0]}: short name {r[2]!r} is not short")
        if not all(isinstance(x, str) and x for x in r):
            problems.append(f"actor {r[0]}: empty field")
    for r in t["opgaven"]:
        if r[4] not in SCALES:
            problems.append(f"opgave {r[0]}: scale {r[4]!r}")
        if valid is not None and set(codes(r[5])) - valid:
            problems.append(f"opgave {r[0]}: unknown domains {set(codes(r[5])) - valid}")
    involved_pairs = set()
    involved_since = {}
    for a, o, rol, bewust, inzet, sinds, tot, _note in t["betrokkenheid"]:
        if a not in actors or o not in opgaven:
            problems.append(f"betrokkenheid {a}/{o}: unknown reference")
        if (a, o) in involved_pairs:
            problems.append(f"betrokkenheid {a}/{o}: duplicate")
        involved_pairs.add((a, o))
        involved_since[a, o] = sinds
        if bewust not in ("ja", "nee") or not (isinstance(inzet, int) and 1 <= inzet <= 5):
            problems.append(f"betrokkenheid {a}/{o}: bewust/inzet")
        if rol not in {r[1] for r in LIJSTEN}:
            problems.append(f"betrokkenheid {a}/{o}: role {rol!r} not in lijsten")
        if tot is not None and tot < sinds:
            problems.append(f"betrokkenheid {a}/{o}: tot before sinds")
    missing = set(actors) - {a for a, _ in involved_pairs}
    if missing:
        problems.append(f"actors without betrokkenheid: {sorted(missing)}")
    pairs = set()
    for van, naar, typ, gewicht, opgave, gericht, sinds, tot, _note in t["relaties"]:
        if van not in actors or naar not in actors:
            problems.append(f"tie {van}-{naar}: unknown actor")
        if van == naar:
            problems.append(f"tie {van}: self-tie")
        key = frozenset((van, naar))
        if key in pairs:
            problems.append(f"tie {van}-{naar}: duplicate pair")
        pairs.add(key)
        if typ not in TIE_TYPES or not (1 <= gewicht <= 5):
            problems.append(f"tie {van}-{naar}: type/gewicht")
        if opgave is not None and opgave not in opgaven:
            problems.append(f"tie {van}-{naar}: unknown opgave {opgave}")
        if tot is not None and tot < sinds:
            problems.append(f"tie {van}-{naar}: tot before sinds")
        if opgave is not None:
            for end in (van, naar):
                if (end, opgave) not in involved_pairs:
                    problems.append(f"tie {van}-{naar} for {opgave}: {end} is not involved in it")
                elif sinds < involved_since[end, opgave]:
                    problems.append(f"tie {van}-{naar} for {opgave}: starts before {end} got involved")
    if problems:
        raise SystemExit("Example data has problems:\n  " + "\n  ".join(problems))


# ---------------------------------------------------------------------------
# writing
# ---------------------------------------------------------------------------
def write(t: dict[str, list[tuple]], path: Path) -> None:
    wb = Workbook()
    wb.remove(wb.active)
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDE7F0")
    for name, rows in t.items():
        ws = wb.create_sheet(name)
        header = ["veld", "waarde"] if name == "info" else COLUMNS[name]
        ws.append(header)
        for row in rows:
            ws.append(list(row))
        for cell in ws[1]:
            cell.font = bold
            cell.fill = fill
        ws.freeze_panes = "A2"
        for i, col in enumerate(header, start=1):
            longest = max(len(str(v)) for v in [col, *(r[i - 1] for r in rows)] if v is not None)
            ws.column_dimensions[get_column_letter(i)].width = min(max(longest + 2, 8), 60)
        if name in ("info", "opgaven") or "toelichting" in header:
            for row in ws.iter_rows(min_row=2):
                for cell in row:
                    if isinstance(cell.value, str) and len(cell.value) > 60:
                        cell.alignment = Alignment(wrap_text=True, vertical="top")
        # domain codes must be text, never numbers
        if "domeinen" in header:
            j = header.index("domeinen") + 1
            for r in range(2, ws.max_row + 1):
                assert ws.cell(r, j).data_type == "s", (name, r)
    props = wb.properties
    props.title = "Regio Veenmarken: voorbeeldcasus opgavelab (fictief)"
    props.subject = "Fictieve casus / fictional case"
    props.creator = "opgavelab"
    props.lastModifiedBy = "opgavelab"
    props.description = "Bron: opgavelab voorbeeldcasus. Licentie: CC0 1.0. Gemaakt met data/build_example.py."
    props.keywords = "opgavegericht werken; netwerkanalyse; voorbeeldcasus"
    props.created = FIXED_TIME
    props.modified = FIXED_TIME

    buf = io.BytesIO()
    wb.save(buf)
    path.write_bytes(_reproducible(buf.getvalue()))


def _reproducible(xlsx: bytes) -> bytes:
    """Rewrite the zip with fixed timestamps and the fixed 'modified' date.

    openpyxl stamps the save time into docProps/core.xml and into every zip
    entry; pinning both makes the file byte-for-byte reproducible.
    """
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(xlsx)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                              rb"\g<1>" + stamp.encode() + rb"\g<2>", data)
            zi = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, data)
    return out.getvalue()


# ---------------------------------------------------------------------------
# report: plain pandas + networkx on the written workbook
# ---------------------------------------------------------------------------
def active(df: pd.DataFrame, year: int) -> pd.Series:
    """Rows active on 31 December of ``year`` (sinds <= t <= tot)."""
    return (df["sinds"] <= year) & (df["tot"].isna() | (df["tot"] >= year))


def collective(inv, ties, year, opgave=MAIN, tie_filter=None):
    """Undirected graph of the actors involved in ``opgave`` at the end of ``year``."""
    nodes = set(inv.loc[(inv["opgave"] == opgave) & active(inv, year), "actor"])
    g = nx.Graph()
    g.add_nodes_from(nodes)
    t = ties[active(ties, year)]
    if tie_filter is not None:
        t = t[tie_filter(t)]
    for van, naar in zip(t["van"], t["naar"]):
        if van in nodes and naar in nodes:
            g.add_edge(van, naar)
    return g


def per_year_counts(inv, ties, opgave=MAIN) -> dict[int, int]:
    """Number of components of ``opgave`` at the end of each year 2018-2024."""
    return {y: nx.number_connected_components(collective(inv, ties, y, opgave=opgave)) for y in range(2018, 2025)}


def report(path: Path) -> None:
    sheets = pd.read_excel(path, sheet_name=None, engine="openpyxl")
    actors, opgaven = sheets["actoren"], sheets["opgaven"]
    inv, ties = sheets["betrokkenheid"], sheets["relaties"]
    ok = True

    def require(cond: bool, msg: str) -> None:
        nonlocal ok
        print(("  ok   " if cond else "  FOUT ") + msg)
        ok &= bool(cond)

    print(f"Wrote {path.relative_to(HERE.parent)}")
    print("\nRows per sheet:")
    for name, df in sheets.items():
        print(f"  {name:<14}{len(df):>4}")
    print("\nActors per type:")
    for k, v in actors["type"].value_counts().reindex(ACTOR_TYPES).items():
        print(f"  {k:<30}{v:>3}")
    print("Actors per scale:")
    for k, v in actors["schaalniveau"].value_counts().reindex(SCALES).items():
        print(f"  {k:<30}{v:>3}")
    print("Involvement per opgave:", {k: int(v) for k, v in inv["opgave"].value_counts().items()})
    print("Ties per type:", {k: int(v) for k, v in ties["type"].value_counts().items()})
    print("Ties per opgave:", {k: int(v) for k, v in ties["opgave"].fillna("(algemeen)").value_counts().items()})
    print(f"Tie years: {int(ties['sinds'].min())}-{int(ties['sinds'].max())}")

    print(f"\nComponents of '{MAIN}' at 31 December (nodes = actors involved then, "
          "edges = active ties among them, undirected):")
    only_main = lambda t: t["opgave"] == MAIN  # noqa: E731
    main_or_general = lambda t: t["opgave"].isna() | (t["opgave"] == MAIN)  # noqa: E731
    per_year = {}
    for year in range(2018, 2025):
        g = collective(inv, ties, year)
        comps = sorted(nx.connected_components(g), key=lambda c: (-len(c), sorted(c)))
        per_year[year] = comps
        sizes = [len(c) for c in comps]
        strict = nx.number_connected_components(collective(inv, ties, year, tie_filter=only_main))
        print(f"  {year}: {g.number_of_nodes():>2} actors, {g.number_of_edges():>2} ties, "
              f"{len(comps)} components, sizes {sizes} (economie-ties only: {strict})")
    for c in per_year[2018]:
        print("     2018:", ", ".join(sorted(c)))

    print("\nChecks:")
    require(len(actors) >= 60, f"{len(actors)} actors (>= 60)")
    require(set(actors["type"]) == set(ACTOR_TYPES), "all five actor types")
    require(set(actors["schaalniveau"]) == set(SCALES), "all seven scale levels")
    require(len(opgaven) >= 4, f"{len(opgaven)} opgaven")
    require(all(isinstance(v, str) for v in actors["domeinen"]) and all(isinstance(v, str) for v in opgaven["domeinen"]),
            "domeinen read back as text")
    unaware = inv[inv["bewust"] == "nee"]
    require(len(unaware) >= 5 and (unaware["opgave"] == MAIN).sum() >= 2,
            f"{len(unaware)} unaware rows, {(unaware['opgave'] == MAIN).sum()} in {MAIN}")
    require(150 <= len(ties) <= 300, f"{len(ties)} ties")
    require(set(ties["sinds"].dropna().astype(int)) >= set(range(2018, 2025)), "ties dated in every year 2018-2024")
    for label, flt in (("all ties", None), ("economie + general ties", main_or_general), ("economie ties only", only_main)):
        g18 = collective(inv, ties, 2018, tie_filter=flt)
        comps = list(nx.connected_components(g18))
        big = sum(len(c) >= 2 for c in comps)
        require(len(comps) >= 5 and big >= 4, f"2018 [{label}]: {len(comps)} components, {big} of size >= 2")
        g24 = collective(inv, ties, 2024, tie_filter=flt)
        require(nx.is_connected(g24), f"2024 [{label}]: one component of {g24.number_of_nodes()} actors")
    # the same with every actor ever involved in economie up to the year, ignoring when they joined
    for year, want_one in ((2018, False), (2024, True)):
        rows = inv[(inv["opgave"] == MAIN) & (inv["tot"].isna() | (inv["tot"] >= year))]
        ever = set(rows["actor"])
        g = nx.Graph()
        g.add_nodes_from(ever)
        t = ties[active(ties, year)]
        g.add_edges_from((a, b) for a, b in zip(t["van"], t["naar"]) if a in ever and b in ever)
        n = nx.number_connected_components(g)
        big = sum(len(c) >= 2 for c in nx.connected_components(g))
        require(n == 1 if want_one else (n >= 5 and big >= 4),
                f"{year} [all actors involved at some time up to then]: {n} components, {big} of size >= 2")

    # formation of every opgave: parts per year, and how the last merge happened
    print("\nFormation per opgave (components at 31 December, all ties among the actors involved then):")
    formed_from_parts = []
    for o in opgaven["id"]:
        first = int(inv.loc[inv["opgave"] == o, "sinds"].min())
        counts = {}
        for year in range(first, 2025):
            counts[year] = nx.number_connected_components(collective(inv, ties, year, opgave=o))
        print(f"  {o:<9} {counts}")
        whole_from = None
        for year in range(2024, first - 1, -1):
            if counts[year] != 1:
                break
            whole_from = year
        if whole_from is None:
            continue
        if whole_from > first:
            formed_from_parts.append(o)
            # becoming one does not hang on a single tie: every part of the year before is
            # tied to the rest by at least two ties in the year it became one
            before = collective(inv, ties, whole_from - 1, opgave=o)
            after = collective(inv, ties, whole_from, opgave=o)
            for part in nx.connected_components(before):
                crossing = sum(1 for a, b in after.edges if (a in part) != (b in part))
                require(crossing >= 2, f"{o} {whole_from}: a part of {whole_from - 1} "
                                       f"({', '.join(sorted(part)[:3])}...) joins by {crossing} ties (>= 2)")
        # once whole, no newcomer arrives without a tie
        for year in range(whole_from, 2025):
            g = collective(inv, ties, year, opgave=o)
            require(nx.is_connected(g), f"{o} {year}: still one whole")
    require(len(formed_from_parts) >= 3 and MAIN in formed_from_parts,
            f"opgaven that form from separate parts: {formed_from_parts}")
    drops = [a - b for a, b in zip(list(per_year_counts(inv, ties).values()), list(per_year_counts(inv, ties).values())[1:])]
    require(len([d for d in drops if d > 0]) == len({d for d in drops if d > 0}),
            f"the yearly drops in the number of parts of {MAIN} differ from each other: {drops}")

    # the gaps
    print(f"\nThe gaps in '{MAIN}' (actors involved at the end of 2024):")
    needed = codes(opgaven.set_index("id").loc[MAIN, "domeinen"])
    members = set(inv.loc[(inv["opgave"] == MAIN) & active(inv, 2024), "actor"])
    dom = {a: codes(d) for a, d in zip(actors["id"], actors["domeinen"])}
    names = dict(zip(actors["id"], actors["naam"]))
    for code in needed:
        who = sorted(a for a in members if covers(dom[a], code))
        print(f"  needed {code:<13} covered by {len(who):>2} involved actor(s)" + ("" if who else "   <-- GAP"))
    for gap in GAP_DOMAINS:
        require(not any(covers(dom[a], gap) for a in members), f"no actor involved in {MAIN} covers {gap}")
    require(all(any(covers(dom[a], c) for a in members) for c in needed if c not in GAP_DOMAINS),
            f"every other needed domain of {MAIN} is covered")
    g_all = nx.Graph()
    t24 = ties[active(ties, 2024)]
    for van, naar, w in zip(t24["van"], t24["naar"], t24["gewicht"]):
        g_all.add_edge(van, naar, weight=w)
    rows = []
    for a in actors["id"]:
        covered = [g for g in GAP_DOMAINS if covers(dom[a], g)]
        if a in members or not covered:
            continue
        direct = [n for n in g_all.neighbors(a) if n in members] if a in g_all else []
        lengths = nx.single_source_shortest_path_length(g_all, a) if a in g_all else {}
        dist = min((d for n, d in lengths.items() if n in members), default=None)
        weight = sum(g_all[a][n]["weight"] for n in direct)
        elsewhere = ", ".join(sorted(set(inv.loc[inv["actor"] == a, "opgave"])))
        rows.append((a, names[a], "; ".join(covered), elsewhere, dist, len(direct), weight))
    rows.sort(key=lambda r: (r[4] if r[4] is not None else 99, -r[5], -r[6], r[0]))
    print(f"  candidates (not involved in {MAIN}), by distance to the collective in 2024, then ties and weight:")
    for a, naam, covered, elsewhere, dist, n_direct, weight in rows:
        print(f"    {a:<18} {naam[:40]:<40} {covered:<14} in: {elsewhere:<18} distance {dist}, "
              f"{n_direct} direct tie(s), weight {weight}")
    require(rows and rows[0][0] == "bedr-marknet", "the grid operator is the first candidate")
    require(not any(covers(dom["vr"], "1.2") for _ in [0]), "the Veiligheidsregio does not cover 1.2")
    require(len(rows) >= 4 and any(r[5] > 0 for r in rows) and any(r[5] == 0 for r in rows),
            "candidates exist, some with and some without a tie into the collective")
    others = sorted(a for a in actors["id"] if a not in members
                    and any(covers(dom[a], c) for c in needed if c not in GAP_DOMAINS))
    print(f"  actors covering another needed domain of {MAIN} but holding no role in it: {', '.join(others)}")
    require(len(others) >= 1, "some actor covers a needed domain without a role")
    if not ok:
        raise SystemExit("Some checks failed.")
    print("\nAll checks passed.")


def main() -> int:
    t = tables()
    check(t)
    write(t, OUT)
    report(OUT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
