"""What a valid case is: sheets, columns, their aliases and the vocabularies.

This module only *describes* a case; reading files lives in :mod:`opgavelab.io`
and checking cell values in :mod:`opgavelab._validate` (pandera keeps its
``api/`` apart from its ``backends/`` in the same way).

Names of sheets and columns are matched after :func:`normalise_name`: case-,
accent- and whitespace-insensitively, so ``Schaalniveau``, ``schaal niveau`` and
``SCHAALNIVEAU`` all mean ``scale``.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

__all__ = [
    "SHEETS",
    "SheetSpec",
    "ColumnSpec",
    "VOCABULARY_LISTS",
    "normalise_name",
    "default_vocabularies",
    "taakvelden",
    "domain_ancestors",
    "spec_name",
]


def normalise_name(text) -> str:
    """Lower-case, accent-free form of a name without spaces, ``_``, ``-``, ``.`` or ``/``.

    Parameters
    ----------
    text : object
        A header, sheet name or list value as written (read with ``str``).

    Returns
    -------
    str
        The form headers and names are compared in, so that ``Schaal niveau``
        and ``schaalniveau`` are one column.

    Examples
    --------
    >>> normalise_name("  Schaal Niveau ")
    'schaalniveau'
    >>> normalise_name("core_challenge") == normalise_name("Core challenge")
    True
    >>> normalise_name("Européés")
    'europees'
    """
    return _normalised(str(text))


@lru_cache(maxsize=65536)
def _normalised(text: str) -> str:
    """:func:`normalise_name` of a text, kept: the same headers, list values and labels come back in every
    load (the default vocabularies alone hold ~1,200)."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold().strip()
    return re.sub(r"[\s_\-./]+", "", text)


def spec_name(spec, lang: str = "nl") -> str:
    """The name of a sheet, column or list as a workbook in ``lang`` writes it.

    Dutch workbooks use the Dutch label (``actoren``, ``schaalniveau``),
    English ones the canonical name (``actors``, ``scale``); both are read.
    This is the file format's vocabulary, so it lives here and not in the
    message catalogue.

    Parameters
    ----------
    spec : SheetSpec, ColumnSpec or VocabularySpec
        Anything with a ``name`` and optionally a ``label_nl``.
    lang : {"nl", "en"}, default "nl"
        The workbook's language; any other value gives the Dutch name.

    Returns
    -------
    str

    Examples
    --------
    >>> spec_name(SHEETS["actors"], "nl"), spec_name(SHEETS["actors"], "en")
    ('actoren', 'actors')
    """
    names = {"nl": getattr(spec, "label_nl", "") or spec.name, "en": spec.name}
    return names.get(lang, names["nl"])


@dataclass(frozen=True)
class ColumnSpec:
    """One column of a sheet.

    ``kind`` says how cells are read (``opgavelab._validate.READERS`` maps each
    to its converter and check): ``id``, ``text``, ``longtext`` (line breaks
    kept), ``ref:actors``, ``ref:opgaven``, ``vocab:<list>``, ``domains``,
    ``bool``, ``commitment``, ``weight``, ``date`` (a bare year is 1 January),
    ``date:end`` (a bare year is 31 December), ``order``. ``default`` fills
    an empty cell (``bool``, ``weight``).
    """

    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    required: bool = False
    default: object = None
    label_nl: str = ""


@dataclass(frozen=True)
class SheetSpec:
    """One sheet of a case workbook."""

    name: str
    label_nl: str
    aliases: tuple[str, ...]
    columns: tuple[ColumnSpec, ...]
    required: bool = True
    key: str | None = "id"

    def column(self, name: str) -> ColumnSpec:
        """The spec of one column, by its canonical (English) name.

        Parameters
        ----------
        name : str
            The canonical name (``"scale"``), not a Dutch label or alias.

        Returns
        -------
        ColumnSpec

        Raises
        ------
        KeyError
            If the sheet has no column of that name.

        Examples
        --------
        >>> SHEETS["actors"].column("scale").kind
        'vocab:scale'
        """
        for col in self.columns:
            if col.name == name:
                return col
        raise KeyError(name)

    @property
    def required_columns(self) -> list[str]:
        return [c.name for c in self.columns if c.required]

    def accepted_names(self, column: str) -> list[str]:
        """The names a user may write for ``column``, Dutch first.

        Parameters
        ----------
        column : str
            The canonical name of the column.

        Returns
        -------
        list of str
            The Dutch label, the canonical name and the aliases, each once.

        Raises
        ------
        KeyError
            If the sheet has no column of that name (see :meth:`column`).

        Examples
        --------
        >>> SHEETS["actors"].accepted_names("scale")
        ['schaalniveau', 'scale', 'schaal', 'scale_level', 'niveau', 'bestuurslaag']
        """
        spec = self.column(column)
        names = [spec.label_nl or spec.name, spec.name, *spec.aliases]
        seen: list[str] = []
        for n in names:
            if n not in seen:
                seen.append(n)
        return seen

    @property
    def alias_map(self) -> dict[str, str]:
        return _alias_map(self)


_ACTORS = SheetSpec(
    name="actors",
    label_nl="actoren",
    aliases=("actoren", "actors", "actor", "actors_sheet", "deelnemers", "partijen"),
    columns=(
        ColumnSpec("id", "id", ("code", "actor_id", "actorid", "sleutel", "key"), True, label_nl="id"),
        ColumnSpec("name", "text", ("naam", "actor", "actornaam", "label", "organisatie"), True, label_nl="naam"),
        ColumnSpec("short_name", "text", ("korte naam", "kortenaam", "korte_naam", "short name", "afkorting",
                                          "abbreviation", "roepnaam"), label_nl="korte naam"),
        ColumnSpec("type", "vocab:actor_type", ("actortype", "actor_type", "soort", "type_actor"), True, label_nl="type"),
        ColumnSpec("scale", "vocab:scale", ("schaalniveau", "schaal", "scale_level", "niveau", "bestuurslaag"), label_nl="schaalniveau"),
        ColumnSpec("sector", "text", ("sector",), label_nl="sector"),
        ColumnSpec("domains", "domains", ("domeinen", "domein", "domain", "taakvelden", "taakveld"), label_nl="domeinen"),
    ),
)

_OPGAVEN = SheetSpec(
    name="opgaven",
    label_nl="opgaven",
    aliases=("opgaven", "opgave", "challenges", "challenge", "opgaves"),
    columns=(
        ColumnSpec("id", "id", ("code", "opgave_id", "opgaveid", "sleutel", "key"), True, label_nl="id"),
        ColumnSpec("name", "text", ("naam", "opgave", "titel", "title"), True, label_nl="naam"),
        ColumnSpec("origin", "longtext", ("oorsprong", "herkomst", "aanleiding"), label_nl="oorsprong"),
        ColumnSpec("core_challenge", "longtext", ("kern", "kernopgave", "core", "kern_van_de_opgave", "core_challenge"), label_nl="kern"),
        ColumnSpec("scale", "vocab:scale", ("schaalniveau", "schaal", "scale_level", "niveau"), label_nl="schaalniveau"),
        ColumnSpec("domains", "domains", ("domeinen", "domein", "domain", "taakvelden", "taakveld"), label_nl="domeinen"),
        ColumnSpec("description", "longtext", ("beschrijving", "omschrijving", "toelichting"), label_nl="beschrijving"),
    ),
)

_INVOLVEMENT = SheetSpec(
    name="involvement",
    label_nl="betrokkenheid",
    aliases=("betrokkenheid", "involvement", "betrokkenen", "deelname", "participation", "membership"),
    key=None,
    columns=(
        ColumnSpec("actor", "ref:actors", ("actor_id", "deelnemer", "actorid"), True, label_nl="actor"),
        ColumnSpec("opgave", "ref:opgaven", ("opgave_id", "challenge", "opgaveid"), True, label_nl="opgave"),
        ColumnSpec("role", "vocab:role", ("rol",), label_nl="rol"),
        ColumnSpec("aware", "bool", ("bewust", "bewust_betrokken", "aware_of_part"), default=True, label_nl="bewust"),
        ColumnSpec("commitment", "commitment", ("inzet", "commitment_level", "betrokkenheid"), label_nl="inzet"),
        ColumnSpec("since", "date", ("sinds", "vanaf", "start", "begin", "from_date", "start_date"), label_nl="sinds"),
        ColumnSpec("until", "date:end", ("tot", "tot_en_met", "einde", "eind", "end", "end_date", "to_date"), label_nl="tot"),
    ),
)

_TIES = SheetSpec(
    name="ties",
    label_nl="relaties",
    aliases=("relaties", "ties", "relatie", "tie", "relations", "relationships", "verbindingen", "edges", "links"),
    required=False,
    key=None,
    columns=(
        ColumnSpec("source", "ref:actors", ("van", "from", "bron", "actor_1", "actor1"), True, label_nl="van"),
        ColumnSpec("target", "ref:actors", ("naar", "to", "doel", "actor_2", "actor2"), True, label_nl="naar"),
        ColumnSpec("type", "vocab:tie_type", ("relatietype", "tie_type", "soort", "type_relatie"), label_nl="type"),
        ColumnSpec("weight", "weight", ("gewicht", "sterkte", "strength"), default=1.0, label_nl="gewicht"),
        ColumnSpec("opgave", "ref:opgaven", ("opgave_id", "challenge"), label_nl="opgave"),
        ColumnSpec("directed", "bool", ("gericht", "richting", "direction"), default=False, label_nl="gericht"),
        ColumnSpec("since", "date", ("sinds", "vanaf", "start", "begin", "start_date"), label_nl="sinds"),
        ColumnSpec("until", "date:end", ("tot", "tot_en_met", "einde", "eind", "end", "end_date"), label_nl="tot"),
    ),
)

_VOCABULARIES = SheetSpec(
    name="vocabularies",
    label_nl="lijsten",
    aliases=("lijsten", "vocabularies", "vocabulary", "lijst", "lists", "waardelijsten", "keuzelijsten"),
    required=False,
    key=None,
    columns=(
        ColumnSpec("list", "text", ("lijst", "vocabulary", "naam_lijst"), True, label_nl="lijst"),
        ColumnSpec("value", "text", ("waarde", "code"), True, label_nl="waarde"),
        ColumnSpec("label", "text", ("label", "omschrijving", "naam"), label_nl="label"),
        ColumnSpec("colour", "text", ("kleur", "color"), label_nl="kleur"),
        ColumnSpec("order", "order", ("volgorde", "rang", "rank"), label_nl="volgorde"),
    ),
)

#: The sheets of a case, by canonical (English) name, in workbook order.
SHEETS: dict[str, SheetSpec] = {
    s.name: s for s in (_ACTORS, _OPGAVEN, _INVOLVEMENT, _TIES, _VOCABULARIES)
}


@lru_cache(maxsize=None)
def _alias_map(sheet: SheetSpec) -> dict[str, str]:
    mapping: dict[str, str] = {}
    # canonical names and Dutch labels win over aliases (``type`` beats ``soort``)
    for col in sheet.columns:
        mapping.setdefault(normalise_name(col.name), col.name)
        mapping.setdefault(normalise_name(col.label_nl), col.name)
    for col in sheet.columns:
        for alias in col.aliases:
            mapping.setdefault(normalise_name(alias), col.name)
    return mapping


def sheet_alias_map() -> dict[str, str]:
    """Normalised sheet name → canonical sheet name."""
    mapping: dict[str, str] = {}
    for sheet in SHEETS.values():
        for alias in (sheet.name, sheet.label_nl, *sheet.aliases):
            mapping.setdefault(normalise_name(alias), sheet.name)
    return mapping


# --------------------------------------------------------------------------
# Vocabularies
# --------------------------------------------------------------------------

@dataclass
class VocabularySpec:
    """A default vocabulary: its values in order, labels, colours and aliases."""

    name: str
    label_nl: str
    label_en: str
    ordered: bool
    values: list[str]
    labels_en: dict[str, str] = field(default_factory=dict)
    colours: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, list[str]] = field(default_factory=dict)
    list_aliases: tuple[str, ...] = ()
    open: bool = False  # values outside the list are accepted


# Okabe & Ito (2008) colour-blind-safe palette.
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#F0E442", "#000000"]
#: After the eight Okabe-Ito colours: the darker and lighter halves of
#: matplotlib's tab20 that stay apart from them, so up to 20 groups each get a
#: colour of their own instead of repeating the first ones.
MORE_COLOURS = ["#8C564B", "#7F7F7F", "#BCBD22", "#17BECF", "#9467BD", "#C49C94", "#F7B6D2", "#DBDB8D",
                "#9EDAE5", "#C5B0D5", "#AEC7E8", "#98DF8A"]


def categorical_colours(n: int) -> list[str]:
    """``n`` colours for groups without an order: Okabe-Ito first, then more.

    >>> categorical_colours(9)[-1]
    '#8C564B'
    """
    palette = OKABE_ITO + MORE_COLOURS
    return [palette[i % len(palette)] for i in range(n)]

VOCABULARY_LISTS: dict[str, VocabularySpec] = {
    "actor_type": VocabularySpec(
        name="actor_type",
        label_nl="actortype",
        label_en="actor type",
        ordered=False,
        values=["overheid", "bedrijf", "maatschappelijke organisatie", "kennisinstelling", "burger"],
        labels_en={
            "overheid": "government",
            "bedrijf": "business",
            "maatschappelijke organisatie": "civil-society organisation",
            "kennisinstelling": "knowledge institution",
            "burger": "citizen",
        },
        colours=dict(zip(
            ["overheid", "bedrijf", "maatschappelijke organisatie", "kennisinstelling", "burger"],
            OKABE_ITO[:5],
        )),
        aliases={
            "overheid": ["government", "gov", "overheden", "publiek", "public authority", "public sector"],
            "bedrijf": ["business", "company", "bedrijven", "ondernemer", "ondernemers", "onderneming", "bedrijfsleven", "firm", "enterprise", "private"],
            "maatschappelijke organisatie": ["civil society", "civil-society organisation", "civil society organisation",
                                             "civil society organization", "maatschappelijk", "maatschappelijke organisaties",
                                             "ngo", "non-profit", "mo"],
            "kennisinstelling": ["knowledge institution", "kennisinstellingen", "onderwijs", "university", "universiteit",
                                 "research", "kennis", "academia"],
            "burger": ["citizen", "citizens", "burgers", "inwoner", "inwoners", "bewoner", "bewoners", "resident"],
        },
        list_aliases=("type", "actortype", "actor_type", "actor type", "soort actor", "actortypes"),
    ),
    "scale": VocabularySpec(
        name="scale",
        label_nl="schaalniveau",
        label_en="scale level",
        ordered=True,
        values=["buurt", "lokaal", "regionaal", "provinciaal", "nationaal", "Europees", "mondiaal"],
        labels_en={
            "buurt": "neighbourhood",
            "lokaal": "local",
            "regionaal": "regional",
            "provinciaal": "provincial",
            "nationaal": "national",
            "Europees": "European",
            "mondiaal": "global",
        },
        aliases={
            "buurt": ["neighbourhood", "neighborhood", "wijk", "dorp", "kern", "village"],
            "lokaal": ["local", "gemeentelijk", "municipal", "gemeente"],
            "regionaal": ["regional", "regio", "region"],
            "provinciaal": ["provincial", "provincie", "province"],
            "nationaal": ["national", "rijk", "landelijk", "nederland"],
            "Europees": ["european", "europa", "eu"],
            "mondiaal": ["global", "internationaal", "international", "wereldwijd", "worldwide"],
        },
        list_aliases=("schaalniveau", "scale", "schaal", "scale level", "schaalniveaus"),
    ),
    "tie_type": VocabularySpec(
        name="tie_type",
        label_nl="relatietype",
        label_en="tie type",
        ordered=False,
        values=["samenwerking", "financiering", "informatie", "mandaat"],
        labels_en={
            "samenwerking": "collaboration",
            "financiering": "funding",
            "informatie": "information",
            "mandaat": "mandate",
        },
        aliases={
            "samenwerking": ["collaboration", "cooperation", "samenwerken", "partnership"],
            "financiering": ["funding", "financing", "subsidie", "geld", "finance"],
            "informatie": ["information", "info", "kennisuitwisseling", "information exchange"],
            "mandaat": ["mandate", "opdracht", "delegatie", "authority"],
        },
        list_aliases=("relatietype", "tie_type", "tie type", "relatie", "type relatie", "relatietypes"),
    ),
    "role": VocabularySpec(
        name="role",
        label_nl="rol",
        label_en="role",
        ordered=False,
        values=["trekker", "partner", "financier", "kennispartner", "uitvoerder", "belanghebbende"],
        labels_en={
            "trekker": "lead",
            "partner": "partner",
            "financier": "funder",
            "kennispartner": "knowledge partner",
            "uitvoerder": "implementer",
            "belanghebbende": "stakeholder",
        },
        aliases={
            "trekker": ["lead", "leader", "aanjager", "eigenaar", "owner"],
            "financier": ["funder", "financer"],
            "kennispartner": ["knowledge partner"],
            "uitvoerder": ["implementer", "executor", "uitvoering"],
            "belanghebbende": ["stakeholder", "betrokkene"],
        },
        list_aliases=("rol", "role", "rollen", "roles"),
        open=True,  # roles are free text; the list only adds labels and colours
    ),
    "domain": VocabularySpec(
        name="domain",
        label_nl="domein",
        label_en="domain",
        ordered=True,
        values=[],  # filled from the BBV taakvelden
        list_aliases=("domein", "domeinen", "domain", "domains", "taakveld", "taakvelden"),
    ),
}


def list_alias_map() -> dict[str, str]:
    """Normalised vocabulary list name (the ``lijst`` column) → canonical list."""
    mapping: dict[str, str] = {}
    for spec in VOCABULARY_LISTS.values():
        for alias in (spec.name, spec.label_nl, spec.label_en, *spec.list_aliases):
            mapping.setdefault(normalise_name(alias), spec.name)
    return mapping


@lru_cache(maxsize=1)
def taakvelden():
    """The BBV (Iv3) taakvelden of Dutch municipalities, the default domains.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``code`` (``"3"``, ``"3.1"``, ``"6.71a"``) with the columns
        ``naam`` (Dutch name), ``name_en`` (English name; the
        Dutch name is the official one), ``niveau`` (``hoofdtaakveld``, ``taakveld`` or
        ``taakveld (verfijning 2023)``), ``parent``, ``valid_from_year`` and
        ``valid_to_year``.

    Examples
    --------
    >>> taakvelden().loc["3", "naam"]
    'Economie'
    """
    import pandas as pd

    with resources.files("opgavelab").joinpath("_data/taakvelden.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    frame = pd.DataFrame(rows).set_index("code")
    frame["parent"] = frame["parent"].replace("", None)
    return frame


def domain_ancestors(code: str, parents: dict[str, str | None]) -> list[str]:
    """The chain of broader domains above ``code`` (nearest first).

    Parameters
    ----------
    code : str
        A domain (taakveld) code.
    parents : dict
        ``{code: broader code or None}`` for every domain of the case.

    Returns
    -------
    list of str
        The broader codes, nearest first; empty for a main taakveld. A loop in
        ``parents`` ends the chain instead of running forever.

    Examples
    --------
    >>> domain_ancestors("6.71a", {"6.71a": "6.71", "6.71": "6", "6": None})
    ['6.71', '6']
    """
    out: list[str] = []
    seen = {code}
    current = parents.get(code)
    while current and current not in seen:
        out.append(current)
        seen.add(current)
        current = parents.get(current)
    return out


def default_vocabularies():
    """The default vocabularies as one tidy table.

    Returns
    -------
    pandas.DataFrame
        Columns ``list``, ``value``, ``label_nl``, ``label_en``, ``colour``,
        ``order``, ``parent`` (domains only) and ``source`` (``"default"``).

    Examples
    --------
    >>> v = default_vocabularies()
    >>> v[v["list"] == "scale"]["value"].tolist()[:3]
    ['buurt', 'lokaal', 'regionaal']
    """
    return _default_vocabulary_table().copy()


@lru_cache(maxsize=1)
def _default_vocabulary_table():
    """:func:`default_vocabularies`, built once (every load asks for it twice); callers get copies."""
    import pandas as pd

    rows = []
    for spec in VOCABULARY_LISTS.values():
        if spec.name == "domain":
            continue
        for i, value in enumerate(spec.values):
            rows.append({
                "list": spec.name,
                "value": value,
                "label_nl": value,
                "label_en": spec.labels_en.get(value, value),
                "colour": spec.colours.get(value),
                "order": i + 1,
                "parent": None,
            })
    tv = taakvelden()
    for i, (code, rec) in enumerate(tv.iterrows()):
        rows.append({
            "list": "domain",
            "value": code,
            "label_nl": rec["naam"],
            "label_en": rec["name_en"] or rec["naam"],
            "colour": None,
            "order": i + 1,
            "parent": rec["parent"],
        })
    frame = pd.DataFrame(rows)
    frame["source"] = "default"
    return frame
