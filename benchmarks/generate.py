"""Realistic synthetic cases for the benchmarks, at four sizes.

A national study, not a random graph: the country is cut into provinces and
regions; each region has its municipalities, a water board, a regional body,
firms, civil-society organisations, knowledge institutions and citizens'
initiatives, and national ministries, agencies and EU programmes work across
all of them. Actors take part in regional opgaven (energy, housing, economy,
climate adaptation, ...) that fit their domains, in a provincial opgave and in
one large national opgave. Ties are clustered the way collaboration is: most
run within a working group of an opgave or within a region's policy field, a
few bridge regions, and national actors are hubs. Every involvement and tie is
dated (a year, sometimes a full date; some have ended), so the collectives
form over time.

=====  ========  =========  ==================================================
size   actors    ties       special opgaven
=====  ========  =========  ==================================================
S      100       ~800       ``groot`` 40 actors, ``verkenner`` 25 actors
M      1,000     ~10,000    ``groot`` 400 actors, ``verkenner`` 250 actors
L      10,000    ~100,000   ``groot`` 2,000 actors / ~20,000 ties among them,
                            ``verkenner`` 500 actors
XL     50,000    ~500,000   the same two opgaven
=====  ========  =========  ==================================================

The workbook uses the Dutch sheet and column names of the bundled example
(``data/build_example.py``): ``actoren``, ``opgaven``, ``betrokkenheid``,
``relaties``, ``lijsten``. The same case is written as ``case.xlsx`` (openpyxl
in write-only mode) and as a folder of ``;``-separated UTF-8 CSV files with
Dutch day-first dates, as Dutch Excel saves them. Everything is deterministic
for a seed, and cached: a second call with the same size, seed and generator
version reuses the files.

    python -m benchmarks.generate S M L XL     # writes benchmarks/cases/<size>-s<seed>/
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

__all__ = ["SIZES", "Spec", "generate", "ensure_case", "CASES_DIR"]

#: Bump when the generated content changes, so cached cases are rebuilt.
VERSION = 3
CASES_DIR = Path(__file__).resolve().parent / "cases"

BIG = "groot"          # the opgave with ~2,000 actors and ~20,000 ties among them
EXPLORER = "verkenner"  # the opgave with ~500 actors for the explorer target


@dataclass(frozen=True)
class Spec:
    """Sizes of one synthetic case."""

    name: str
    actors: int
    ties: int
    big_actors: int
    big_ties: int
    explorer_actors: int
    first_year: int = 2005
    last_year: int = 2024


SIZES: dict[str, Spec] = {
    "S": Spec("S", 100, 800, 40, 250, 25),
    "M": Spec("M", 1_000, 10_000, 400, 3_000, 250),
    "L": Spec("L", 10_000, 100_000, 2_000, 20_000, 500),
    "XL": Spec("XL", 50_000, 500_000, 2_000, 20_000, 500),
}

COLUMNS = {
    "actoren": ["id", "naam", "type", "schaalniveau", "sector", "domeinen"],
    "opgaven": ["id", "naam", "oorsprong", "kern", "schaalniveau", "domeinen", "beschrijving"],
    "betrokkenheid": ["actor", "opgave", "rol", "bewust", "inzet", "sinds", "tot"],
    "relaties": ["van", "naar", "type", "gewicht", "opgave", "gericht", "sinds", "tot"],
    "lijsten": ["lijst", "waarde", "label", "kleur", "volgorde"],
}

LIJSTEN = [
    ("rol", "trekker", "Trekker (neemt het voortouw)", "#D55E00", 1),
    ("rol", "partner", "Partner (doet mee en deelt verantwoordelijkheid)", "#0072B2", 2),
    ("rol", "financier", "Financier (brengt geld in)", "#E69F00", 3),
    ("rol", "kennispartner", "Kennispartner (brengt kennis en onderzoek in)", "#009E73", 4),
    ("rol", "uitvoerder", "Uitvoerder (voert uit in opdracht)", "#56B4E9", 5),
    ("rol", "belanghebbende", "Belanghebbende (heeft er belang bij, doet niet actief mee)", "#999999", 6),
]

# kind: (type, scale levels and their weights, sector, id prefix, name pattern, domain pool, hub weight)
KINDS = {
    "gemeente": ("overheid", {"lokaal": 1}, "publiek", "gem", "Gemeente {place}",
                 ["0.1", "2.1", "3.1", "5.7", "6.1", "6.5", "7.2", "7.4", "8.1", "8.3"], 4.0),
    "waterschap": ("overheid", {"regionaal": 1}, "publiek", "ws", "Waterschap {region}",
                   ["2.4", "7.2", "7.4", "8.1"], 4.0),
    "regio": ("overheid", {"regionaal": 1}, "publiek", "gr", "Regio {region} (gemeenschappelijke regeling)",
              ["0.1", "3.1", "6.5", "8.1"], 5.0),
    "provincie": ("overheid", {"provinciaal": 1}, "publiek", "prov", "Provincie {province}",
                  ["2.1", "3.1", "7.4", "8.1"], 8.0),
    "rijk": ("overheid", {"nationaal": 1}, "publiek", "rijk", "{national}",
             ["0.1", "1.2", "2.1", "3.1", "4.3", "6.5", "7.1", "7.4", "8.1", "8.3"], 10.0),
    "eu": ("overheid", {"Europees": 1}, "publiek", "eu", "{european}", ["3.1", "7.4", "8.1"], 6.0),
    "bedrijf": ("bedrijf", {"lokaal": 5, "regionaal": 3, "nationaal": 1.5, "mondiaal": 0.5}, "privaat", "bedr",
                "{firm} {place}", ["2.1", "3.1", "3.2", "3.4", "7.3", "7.4", "8.3"], 1.0),
    "maatschappelijk": ("maatschappelijke organisatie", {"buurt": 1, "lokaal": 4, "regionaal": 2, "nationaal": 0.5},
                        "maatschappelijk", "mo", "{society} {place}",
                        ["1.2", "5.1", "5.3", "5.5", "5.7", "6.1", "7.1", "8.3"], 1.5),
    "kennis": ("kennisinstelling", {"regionaal": 3, "nationaal": 1, "Europees": 0.3, "mondiaal": 0.2}, "kennis",
               "ki", "{knowledge} {region}", ["3.1", "4.3", "6.5", "7.1", "7.4", "8.1"], 2.0),
    "burger": ("burger", {"buurt": 3, "lokaal": 1}, "burger", "bi", "{citizens} {place}",
               ["5.7", "6.1", "7.4", "8.3"], 0.7),
}
# share of the regional actors of each kind
REGIONAL_MIX = {"gemeente": 0.05, "waterschap": 0.004, "regio": 0.004, "bedrijf": 0.34, "maatschappelijk": 0.24,
                "kennis": 0.05, "burger": 0.31}

NATIONAL = ["Ministerie van Binnenlandse Zaken en Koninkrijksrelaties", "Ministerie van Economische Zaken",
            "Ministerie van Infrastructuur en Waterstaat", "Ministerie van Volkshuisvesting en Ruimtelijke Ordening",
            "Ministerie van Landbouw, Visserij, Voedselzekerheid en Natuur", "Ministerie van Sociale Zaken en "
            "Werkgelegenheid", "Ministerie van Onderwijs, Cultuur en Wetenschap", "Ministerie van Justitie en "
            "Veiligheid", "Ministerie van Volksgezondheid, Welzijn en Sport", "Rijksdienst voor Ondernemend Nederland",
            "Rijkswaterstaat", "Rijksvastgoedbedrijf", "Planbureau voor de Leefomgeving", "Deltacommissaris",
            "Nationaal Programma Regionale Energiestrategie", "Vereniging van Nederlandse Gemeenten",
            "Interprovinciaal Overleg", "Unie van Waterschappen"]
EUROPEAN = ["Europees Fonds voor Regionale Ontwikkeling", "Interreg Noordzeeregio", "Europees Sociaal Fonds+",
            "LIFE-programma", "Just Transition Fund", "Horizon Europe"]
FIRMS = ["Installatiebedrijf", "Bouwbedrijf", "Transportbedrijf", "Agrarisch bedrijf", "Adviesbureau", "Energiecoöperatie",
         "Netbeheerder", "Woningcorporatie", "Zuivelfabriek", "Metaalbedrijf", "Recreatiebedrijf", "Bank"]
SOCIETY = ["Stichting Welzijn", "Dorpsbelangen", "Natuurvereniging", "Sportvereniging", "Huurdersvereniging",
           "Historische vereniging", "Zorgcoöperatie", "Ondernemersvereniging", "Voedselbank", "Jongerenraad"]
KNOWLEDGE = ["ROC", "Hogeschool", "Universiteit", "Kenniscentrum", "Onderzoeksinstituut", "Lectoraat"]
CITIZENS = ["Bewonersinitiatief", "Buurtcoöperatie", "Wijkraad", "Energie-initiatief", "Moestuin", "Buurtpreventie"]
SYLLABLES_1 = ["Oost", "West", "Noord", "Zuid", "Hoog", "Laag", "Nieuw", "Oud", "Groot", "Klein", "Ter", "Den"]
SYLLABLES_2 = ["veen", "marke", "dijk", "horst", "wierde", "turf", "brug", "sluis", "hout", "broek", "hem", "zand",
               "beek", "dorp", "wolde", "lo", "haven", "kamp"]

# theme: (name, origin, core challenge, scale, domains, share of a region's actors involved)
THEMES = [
    ("energie", "Regionale Energiestrategie", "Opwek van duurzame energie en een net dat het aankan",
     "regionaal", "7.4; 8.1; 3.1", 0.22),
    ("wonen", "Woondeal", "Genoeg betaalbare woningen voor starters en ouderen", "regionaal", "8.3; 8.1; 6.1", 0.18),
    ("economie", "Regio Deal", "Werk en bedrijvigheid na de sluiting van grote werkgevers", "regionaal",
     "3.1; 2.1; 6.5; 8.1", 0.2),
    ("klimaat", "Deltaplan Ruimtelijke Adaptatie", "Droogte, hitte en wateroverlast opvangen", "regionaal",
     "7.2; 5.7; 8.1; 2.4", 0.16),
    ("leefbaarheid", "Dorpenagenda", "Voorzieningen en ontmoeting in krimpende dorpen", "lokaal",
     "6.1; 5.1; 5.7; 7.1", 0.2),
]


def _slug(text: str) -> str:
    return text.lower().replace(" ", "-").replace("'", "")


def _place_names(rng, n: int) -> list[str]:
    names = []
    seen = set()
    while len(names) < n:
        a = SYLLABLES_1[rng.integers(len(SYLLABLES_1))]
        b = SYLLABLES_2[rng.integers(len(SYLLABLES_2))]
        c = SYLLABLES_2[rng.integers(len(SYLLABLES_2))]
        name = (a + b) if rng.random() < 0.6 else (b.capitalize() + c)
        if name in seen:
            name = f"{name} {len(names)}"
        seen.add(name)
        names.append(name)
    return names


# --------------------------------------------------------------------------
# the case as plain arrays
# --------------------------------------------------------------------------

class _Builder:
    def __init__(self, spec: Spec, seed: int):
        self.spec = spec
        self.rng = np.random.default_rng(seed)
        self.actor_rows: list[tuple] = []
        self.region: list[int] = []      # -1 for national and European actors
        self.hub: list[float] = []
        self.kind: list[str] = []
        self.domains: list[list[str]] = []
        self.opgave_rows: list[tuple] = []
        self.inv: list[tuple] = []        # (actor index, opgave id, role, aware, commitment, since, until)
        self.ties: list[tuple] = []       # (u, v, type, weight, opgave or None, since, until)

    # -- actors -------------------------------------------------------------
    def add_actor(self, kind: str, region: int, names: dict) -> int:
        rng = self.rng
        typ, scales, sector, prefix, pattern, pool, hub = KINDS[kind]
        levels = list(scales)
        weights = np.array([scales[s] for s in levels], dtype=float)
        scale = levels[rng.choice(len(levels), p=weights / weights.sum())]
        k = int(rng.integers(1, min(4, len(pool)) + 1))
        doms = sorted(rng.choice(pool, size=k, replace=False).tolist(), key=lambda c: [int(x) for x in c.split(".")])
        index = len(self.actor_rows)
        aid = f"{prefix}-{index:05d}"
        name = pattern.format(**names)
        if pattern.startswith("{") and kind not in ("rijk", "eu"):
            name = f"{name} {index}"
        self.actor_rows.append((aid, name, typ, scale, sector, "; ".join(doms)))
        self.region.append(region)
        self.hub.append(hub * (1 + rng.pareto(2.0)))
        self.kind.append(kind)
        self.domains.append(doms)
        return index

    def build_actors(self, n_regions: int, regions_per_province: int):
        spec, rng = self.spec, self.rng
        self.region_names = _place_names(rng, n_regions)
        n_prov = max(1, -(-n_regions // regions_per_province))
        self.province_names = _place_names(rng, n_prov)
        n_national = min(len(NATIONAL), max(2, spec.actors // 600))
        n_eu = min(len(EUROPEAN), max(1, spec.actors // 2500))
        for i in range(n_national):
            self.add_actor("rijk", -1, {"national": NATIONAL[i]})
        for i in range(n_eu):
            self.add_actor("eu", -1, {"european": EUROPEAN[i]})
        self.province_actor = []
        for p in range(n_prov):
            self.province_actor.append(self.add_actor("provincie", -1 - 1000 - p,
                                                      {"province": self.province_names[p]}))
        remaining = spec.actors - len(self.actor_rows)
        per_region = np.full(n_regions, remaining // n_regions)
        per_region[: remaining - per_region.sum()] += 1
        kinds = list(REGIONAL_MIX)
        shares = np.array([REGIONAL_MIX[k] for k in kinds])
        for r in range(n_regions):
            places = _place_names(rng, max(2, int(per_region[r] * 0.05)))
            count = int(per_region[r])
            # every region has its municipalities, a water board and a regional body
            fixed = ["regio", "waterschap"] + ["gemeente"] * max(1, int(round(count * REGIONAL_MIX["gemeente"])))
            fixed = fixed[:count]
            drawn = rng.choice(len(kinds), size=count - len(fixed), p=shares / shares.sum())
            all_kinds = fixed + [kinds[j] for j in drawn]
            # the smallest case still has one actor of each type: a firm, a society, a knowledge institution, a citizen
            for j, must in enumerate(["bedrijf", "maatschappelijk", "kennis", "burger"]):
                if must not in all_kinds and len(all_kinds) > len(fixed) + j:
                    all_kinds[len(fixed) + j] = must
            for kind in all_kinds:
                place = places[rng.integers(len(places))]
                self.add_actor(kind, r, {
                    "place": place, "region": self.region_names[r],
                    "firm": FIRMS[rng.integers(len(FIRMS))], "society": SOCIETY[rng.integers(len(SOCIETY))],
                    "knowledge": KNOWLEDGE[rng.integers(len(KNOWLEDGE))],
                    "citizens": CITIZENS[rng.integers(len(CITIZENS))]})
        self._ensure_all_scales()
        self.region_arr = np.array(self.region)
        self.hub_arr = np.array(self.hub)
        self.province_of_region = np.arange(n_regions) // regions_per_province

    def _ensure_all_scales(self):
        """Every scale level occurs, even in the smallest case (a buurt initiative, a global firm...)."""
        present = {row[3] for row in self.actor_rows}
        wanted = {"buurt": "burger", "mondiaal": "bedrijf", "Europees": "kennis", "nationaal": "bedrijf"}
        for scale, kind in wanted.items():
            if scale in present:
                continue
            for i, row in enumerate(self.actor_rows):
                if self.kind[i] == kind and self.region[i] >= 0:
                    self.actor_rows[i] = (*row[:3], scale, *row[4:])
                    present.add(scale)
                    break

    # -- dates --------------------------------------------------------------
    def year(self, low, high=None, size=None):
        high = self.spec.last_year if high is None else high
        return self.rng.integers(low, np.maximum(low, high) + 1, size=size)

    # -- opgaven and involvement ---------------------------------------------
    def add_opgave(self, oid, name, origin, core, scale, domains, description):
        self.opgave_rows.append((oid, name, origin, core, scale, domains, description))

    def involve(self, members: np.ndarray, oid: str, start: int, spread: int):
        """Involve ``members`` in ``oid``; trekkers and funders from the public hubs."""
        rng = self.rng
        n = len(members)
        if n == 0:
            return np.zeros(0, dtype=int)
        hub = self.hub_arr[members]
        order = np.argsort(-hub, kind="stable")
        roles = np.array(["partner"] * n, dtype=object)
        kinds = np.array([self.kind[m] for m in members], dtype=object)
        roles[np.isin(kinds, ["bedrijf", "burger", "maatschappelijk"])] = "belanghebbende"
        roles[(kinds == "bedrijf") & (rng.random(n) < 0.4)] = "uitvoerder"
        roles[(kinds == "maatschappelijk") & (rng.random(n) < 0.4)] = "partner"
        roles[kinds == "kennis"] = "kennispartner"
        roles[np.isin(kinds, ["rijk", "eu", "provincie"])] = "financier"
        roles[order[: max(1, n // 60)]] = "trekker"
        aware = np.where(rng.random(n) < 0.12, "nee", "ja")
        aware[roles == "trekker"] = "ja"
        commitment = np.clip(np.round(rng.normal(3, 1.1, n) + (roles == "trekker") * 2), 1, 5).astype(int)
        # the collective forms over time: central actors first, the rest over ``spread`` years
        rank = np.empty(n)
        rank[order] = np.arange(n) / max(n - 1, 1)
        since = start + np.floor(rank * spread * rng.uniform(0.5, 1.0, n)).astype(int)
        until = np.where(rng.random(n) < 0.06, since + rng.integers(1, 6, n), 0)
        until = np.where(until > self.spec.last_year, 0, until)
        for j, m in enumerate(members):
            self.inv.append((int(m), oid, roles[j], aware[j], int(commitment[j]), int(since[j]),
                             int(until[j]) or None))
        return since

    # -- ties -----------------------------------------------------------------
    def clustered_ties(self, members: np.ndarray, n_ties: int, team: int, inside: float,
                       opgave: str | None, since_of: np.ndarray | None):
        """``n_ties`` ties among ``members``: a share ``inside`` within working groups of
        about ``team`` actors (ordered as given, so groups follow regions), the rest
        across groups, drawn towards hubs (preferential attachment)."""
        rng = self.rng
        n = len(members)
        if n < 2 or n_ties <= 0:
            return
        n_in = int(round(n_ties * inside))
        n_out = n_ties - n_in
        n_teams = max(1, n // team)
        team_of = np.minimum(np.arange(n) * n_teams // n, n_teams - 1)
        starts = np.searchsorted(team_of, np.arange(n_teams))
        sizes = np.bincount(team_of, minlength=n_teams)
        # within a working group: a random member and another of its group
        a = rng.integers(0, n, n_in)
        t = team_of[a]
        b = starts[t] + rng.integers(0, np.maximum(sizes[t], 1))
        # across groups: hubs attract
        p = self.hub_arr[members] / self.hub_arr[members].sum()
        c = rng.integers(0, n, n_out)
        d = rng.choice(n, size=n_out, p=p)
        u = np.concatenate([a, c])
        v = np.concatenate([b, d])
        keep = u != v
        u, v = members[u[keep]], members[v[keep]]
        local_u, local_v = np.concatenate([a, c])[keep], np.concatenate([b, d])[keep]
        m = len(u)
        kinds = rng.choice(4, size=m, p=[0.56, 0.24, 0.12, 0.08])
        types = np.array(["samenwerking", "informatie", "financiering", "mandaat"])[kinds]
        weight = np.clip(rng.poisson(1.3, m) + 1, 1, 5)
        if since_of is not None:
            base = np.maximum(since_of[local_u], since_of[local_v])
        else:
            base = np.full(m, self.spec.first_year - 5)
        since = base + rng.geometric(0.5, m) - 1
        since = np.minimum(since, self.spec.last_year)
        until = np.where(rng.random(m) < 0.07, since + rng.integers(0, 6, m), 0)
        until = np.where(until > self.spec.last_year, 0, until)
        for i in range(m):
            self.ties.append((int(u[i]), int(v[i]), types[i], int(weight[i]), opgave, int(since[i]),
                              int(until[i]) or None))

    def build(self):
        spec, rng = self.spec, self.rng
        n_regions = max(1, spec.actors // 500)
        self.build_actors(n_regions, regions_per_province=4)
        n = len(self.actor_rows)
        involved = np.zeros(n, dtype=bool)
        region_members = [np.flatnonzero(self.region_arr == r) for r in range(n_regions)]
        national = np.flatnonzero(self.region_arr < 0)
        budget_general = spec.ties - spec.big_ties - spec.explorer_actors * 5

        # regional opgaven: actors whose domains fit the theme, plus a few national ones
        n_themes = 3 if spec.actors < 500 else len(THEMES)
        opgave_ties = 0
        for r in range(n_regions):
            members_r = region_members[r]
            for theme, origin, core, scale, doms, share in THEMES[:n_themes]:
                need = set(doms.split("; "))
                fits = np.array([bool(need & set(self.domains[m])) or self.kind[m] in ("gemeente", "regio")
                                 for m in members_r])
                pool = members_r[fits]
                k = min(len(pool), max(3, int(round(share * len(members_r)))))
                chosen = np.sort(rng.choice(pool, size=k, replace=False)) if k else pool[:0]
                prov = self.province_actor[self.province_of_region[r]]
                extra = rng.choice(national, size=min(len(national), 2), replace=False)
                members = np.unique(np.concatenate([chosen, [prov], extra])).astype(int)
                oid = f"{theme}-{_slug(self.region_names[r])}" if n_regions > 1 else theme
                name = f"{theme.capitalize()} {self.region_names[r]}"
                self.add_opgave(oid, name, origin, core, scale, doms,
                                f"{core} in regio {self.region_names[r]} (synthetisch).")
                since = self.involve(members, oid, int(self.year(spec.first_year, spec.last_year - 6)),
                                     spread=6)
                involved[members] = True
                k_ties = int(len(members) * 3)
                self.clustered_ties(members, k_ties, team=12, inside=0.8, opgave=oid, since_of=since)
                opgave_ties += k_ties

        # the large national opgave: groot, ~2,000 actors drawn region by region
        big = self._draw_members(spec.big_actors, regions=range(n_regions), national=national,
                                 domains={"7.2", "7.4", "8.1", "2.4", "5.7"})
        self.add_opgave(BIG, "Klimaatbestendig Nederland", "Deltaprogramma Ruimtelijke Adaptatie",
                        "Het land klimaatbestendig en waterrobuust inrichten, van buurt tot rijk",
                        "nationaal", "7.2; 8.1; 5.7; 2.4; 7.4; 1.1",
                        "Landelijke opgave waarin alle overheidslagen, bedrijven, kennisinstellingen en "
                        "bewoners samenwerken (synthetisch).")
        big_since = self.involve(big, BIG, spec.first_year, spread=spec.last_year - spec.first_year - 2)
        involved[big] = True
        # the explorer opgave: verkenner, ~500 actors of one province
        prov_regions = [r for r in range(n_regions) if self.province_of_region[r] == 0]
        expl = self._draw_members(spec.explorer_actors, regions=prov_regions, national=national,
                                  domains={"2.1", "2.5", "3.1", "8.1"})
        self.add_opgave(EXPLORER, f"Bereikbaarheid {self.province_names[0]}", "Provinciaal mobiliteitsprogramma",
                        "Dorpen en banen bereikbaar houden zonder de auto als enige optie", "provinciaal",
                        "2.1; 2.5; 3.1; 8.1", "Provinciale opgave (synthetisch).")
        expl_since = self.involve(expl, EXPLORER, spec.first_year + 4, spread=10)
        involved[expl] = True
        self.clustered_ties(expl, spec.explorer_actors * 5, team=15, inside=0.75, opgave=EXPLORER,
                            since_of=expl_since)

        # actors in no opgave yet: a regional opgave of their own region (every actor takes part somewhere)
        for i in np.flatnonzero(~involved):
            r = self.region[i]
            if r < 0:
                r = int(rng.integers(n_regions)) if r == -1 else (-r - 1001) * 4
                r = min(r, n_regions - 1)
            theme = THEMES[int(rng.integers(n_themes))][0]
            oid = f"{theme}-{_slug(self.region_names[r])}" if n_regions > 1 else theme
            self.inv.append((int(i), oid, "belanghebbende", "nee" if rng.random() < 0.3 else "ja",
                             int(rng.integers(1, 4)), int(self.year(spec.first_year + 5)), None))

        # general ties: within a region's policy fields (region, main domain), some across regions
        order = np.lexsort((np.array([int(float(d[0].split(".")[0])) for d in self.domains]), self.region_arr))
        general = spec.ties - len(self.ties) - spec.big_ties
        self.clustered_ties(order, max(general, 0), team=20, inside=0.85, opgave=None, since_of=None)

        # groot: top up to big_ties linked pairs among its members, in working groups by region
        self._dedupe()
        member = np.zeros(n, dtype=bool)
        member[big] = True
        for _ in range(6):
            missing = spec.big_ties - self._pairs_among(member)
            if missing <= 0:
                break
            self.clustered_ties(big, int(missing * 1.1) + 1, team=25, inside=0.8, opgave=BIG, since_of=big_since)
            self._dedupe()
        # and the whole case up to its number of ties
        for _ in range(6):
            missing = spec.ties - len(self.ties)
            if missing <= 0:
                break
            self.clustered_ties(order, int(missing * 1.1) + 1, team=20, inside=0.85, opgave=None, since_of=None)
            self._dedupe()
        if len(self.ties) > spec.ties:
            # drop surplus general ties (the last drawn), never an opgave's
            surplus = len(self.ties) - spec.ties
            drop = [i for i in range(len(self.ties) - 1, -1, -1) if self.ties[i][4] is None][:surplus]
            dropped = set(drop)
            self.ties = [t for i, t in enumerate(self.ties) if i not in dropped]
        self.big_members, self.explorer_members = big, expl

    def _draw_members(self, k: int, regions, national, domains: set) -> np.ndarray:
        """``k`` actors whose domains fit, region by region (so working groups are regional)."""
        fits = np.array([bool(domains & set(d)) or kind in ("gemeente", "regio", "waterschap", "provincie")
                         for d, kind in zip(self.domains, self.kind)])
        in_regions = np.isin(self.region_arr, list(regions))
        pool = np.flatnonzero(fits & in_regions)
        rest = np.flatnonzero(~fits & in_regions)
        k_nat = min(len(national), max(1, k // 100))
        take = k - k_nat
        if take > len(pool):
            pool = np.concatenate([pool, self.rng.choice(rest, size=min(len(rest), take - len(pool)), replace=False)])
        chosen = self.rng.choice(pool, size=min(take, len(pool)), replace=False)
        chosen = chosen[np.lexsort((chosen, self.region_arr[chosen]))]
        return np.concatenate([national[:k_nat], chosen]).astype(int)

    def _pairs_among(self, member: np.ndarray) -> int:
        return len({(min(t[0], t[1]), max(t[0], t[1])) for t in self.ties if member[t[0]] and member[t[1]]})

    def _dedupe(self):
        """One tie per pair, opgave and type (a repeated row would be a copy, not a second tie)."""
        seen = set()
        out = []
        for t in self.ties:
            key = (min(t[0], t[1]), max(t[0], t[1]), t[4], t[2])
            if key in seen:
                continue
            seen.add(key)
            out.append(t)
        self.ties = out


# --------------------------------------------------------------------------
# writing
# --------------------------------------------------------------------------

def _date_cell(year, rng_value: float, end: bool, csv_text: bool):
    """A year, or (three times in ten) a full date in that year, as a spreadsheet holds it."""
    if year is None:
        return None
    if rng_value < 0.7:
        return int(year) if not csv_text else str(int(year))
    month = 1 + int(rng_value * 1000) % 12
    day = 1 + int(rng_value * 100000) % 28
    if end:
        month, day = 12, 31
    d = dt.datetime(int(year), month, day)
    return d if not csv_text else f"{d.day}-{d.month}-{d.year}"


def _sheets(b: _Builder, seed: int, csv_text: bool) -> dict[str, list[tuple]]:
    rng = np.random.default_rng(seed + 1)
    ids = [row[0] for row in b.actor_rows]
    r_inv = rng.random(len(b.inv))
    inv = [(ids[a], o, role, aware, c, _date_cell(s, r_inv[i], False, csv_text),
            _date_cell(u, r_inv[i], True, csv_text))
           for i, (a, o, role, aware, c, s, u) in enumerate(b.inv)]
    r_ties = rng.random(len(b.ties))
    directed = {"financiering", "mandaat"}
    ties = []
    for i, (u, v, typ, w, o, s, e) in enumerate(b.ties):
        if typ in directed and b.hub[v] > b.hub[u]:
            u, v = v, u  # money and mandates flow from the larger public body
        ties.append((ids[u], ids[v], typ, w, o, "ja" if typ in directed else "nee",
                     _date_cell(s, r_ties[i], False, csv_text), _date_cell(e, r_ties[i], True, csv_text)))
    return {"actoren": b.actor_rows, "opgaven": b.opgave_rows, "betrokkenheid": inv, "relaties": ties,
            "lijsten": LIJSTEN}


def _write_xlsx(sheets: dict[str, list[tuple]], path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    info = wb.create_sheet("info")
    info.append(["veld", "waarde"])
    info.append(["titel", "Synthetische casus voor de benchmarks van opgavelab (fictief)"])
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        ws.append(COLUMNS[name])
        for row in rows:
            ws.append(row)
    tmp = path.with_suffix(".tmp.xlsx")
    wb.save(tmp)
    tmp.replace(path)


def _write_csv(sheets: dict[str, list[tuple]], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in sheets.items():
        with open(folder / f"{name}.csv", "w", encoding="utf-8-sig", newline="") as fh:
            w = csv.writer(fh, delimiter=";")
            w.writerow(COLUMNS[name])
            w.writerows(["" if v is None else v for v in row] for row in rows)


def case_dir(size: str, seed: int = 1, root: Path | None = None) -> Path:
    return (root or CASES_DIR) / f"{size}-s{seed}"


def generate(spec: Spec | str, seed: int = 1, root: Path | None = None, *, force: bool = False,
             verbose: bool = False) -> dict:
    """Write one synthetic case (xlsx and CSV folder) and return its facts.

    Parameters
    ----------
    spec : Spec or {"S", "M", "L", "XL"}
    seed : int
    root : Path, optional
        Folder for the case folders; default ``benchmarks/cases/``.
    force : bool
        Rebuild even when a cached case of this version exists.

    Returns
    -------
    dict
        ``xlsx``, ``csv`` (paths as text), counts, the ids of the two special
        opgaven (``big``, ``explorer``) and the number of ties among ``big``'s
        actors.
    """
    if isinstance(spec, str):
        spec = SIZES[spec]
    folder = case_dir(spec.name, seed, root)
    meta_path = folder / "meta.json"
    if not force and meta_path.exists():
        meta = json.loads(meta_path.read_text())
        if meta.get("version") == VERSION and meta.get("spec") == spec.__dict__:
            return meta
    start = time.perf_counter()
    folder.mkdir(parents=True, exist_ok=True)
    b = _Builder(spec, seed)
    b.build()
    member = np.zeros(len(b.actor_rows), dtype=bool)
    member[b.big_members] = True
    among = {(min(t[0], t[1]), max(t[0], t[1])) for t in b.ties if member[t[0]] and member[t[1]]}
    if verbose:
        print(f"  {spec.name}: {len(b.actor_rows):,} actors, {len(b.ties):,} ties built "
              f"({time.perf_counter() - start:.1f} s); writing", flush=True)
    _write_xlsx(_sheets(b, seed, csv_text=False), folder / "case.xlsx")
    _write_csv(_sheets(b, seed, csv_text=True), folder / "csv")
    meta = {
        "version": VERSION, "spec": spec.__dict__, "seed": seed,
        "xlsx": str(folder / "case.xlsx"), "csv": str(folder / "csv"),
        "n_actors": len(b.actor_rows), "n_opgaven": len(b.opgave_rows), "n_involvement": len(b.inv),
        "n_ties": len(b.ties), "big": BIG, "big_actors": int(len(b.big_members)),
        "big_ties_rows": sum(1 for t in b.ties if member[t[0]] and member[t[1]]), "big_pairs": len(among),
        "explorer": EXPLORER, "explorer_actors": int(len(b.explorer_members)),
        "seconds": round(time.perf_counter() - start, 1),
    }
    meta_path.write_text(json.dumps(meta, indent=1))
    return meta


def ensure_case(size: str, seed: int = 1, verbose: bool = True) -> dict:
    """The cached case of ``size``, generated first when missing."""
    return generate(size, seed, verbose=verbose)


if __name__ == "__main__":
    for name in sys.argv[1:] or list(SIZES):
        facts = generate(name, verbose=True)
        print(json.dumps({k: v for k, v in facts.items() if k != "spec"}, indent=1))
