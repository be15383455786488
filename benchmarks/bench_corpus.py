"""A synthetic corpus shaped like SSE Ref's records (en/es/fr, accents) and its query mix."""

from __future__ import annotations

import random
from dataclasses import dataclass

from sseref.core import vocab
from sseref.core.dates import parse_date
from sseref.core.models import Name, Record

_WORDS = {
    "en": (
        "cooperation economy social solidarity development sustainable cooperative network "
        "organization enterprise community local regional international policy finance "
        "workers decent work women youth rural market trade fund programme plan action "
        "conference resolution assembly report strategy partnership government agency "
        "commission council committee forum alliance federation innovation statistics "
        "framework knowledge capacity technical assistance support countries south global "
        "poverty inclusion employment housing health education agriculture climate energy "
        "digital platform mutual insurance credit savings association foundation research"
    ),
    "es": (
        "cooperación economía social solidaria desarrollo sostenible cooperativa red "
        "organización empresa comunidad local regional internacional política financiación "
        "trabajadores trabajo decente mujeres jóvenes rural mercado comercio fondo programa "
        "plan acción conferencia resolución asamblea informe estrategia alianza gobierno "
        "agencia comisión consejo comité foro federación innovación estadísticas marco "
        "conocimiento capacidad técnica asistencia apoyo países sur global pobreza inclusión "
        "empleo vivienda salud educación agricultura clima energía digital plataforma mutua "
        "seguro crédito ahorro asociación fundación investigación"
    ),
    "fr": (
        "coopération économie sociale solidaire développement durable coopérative réseau "
        "organisation entreprise communauté locale régionale internationale politique "
        "financement travailleurs travail décent femmes jeunes rural marché commerce fonds "
        "programme plan action conférence résolution assemblée rapport stratégie partenariat "
        "gouvernement agence commission conseil comité forum alliance fédération innovation "
        "statistiques cadre connaissances capacité technique assistance appui pays sud "
        "mondial pauvreté inclusion emploi logement santé éducation agriculture climat "
        "énergie numérique plateforme mutuelle assurance crédit épargne association "
        "fondation recherche"
    ),
}
_GLUE = {
    "en": "the of and for in on with to by a".split(),
    "es": "el la de del y para en con por los las un una".split(),
    "fr": "le la de du des et pour en sur avec par les un une".split(),
}
_SYLLABLES = (
    "ba be bi bo bu da de di do du ka ke ki ko ku la le li lo lu ma me mi mo mu na ne "
    "ni no nu ra re ri ro ru sa se si so su ta te ti to tu é á í ó ú ñ ç è"
).split()
_PLACES = (
    "Dakar Bogotá Nairobi Genève Montréal Quito Bandung Jakarta Lima Tunis Hanoi Manila "
    "Asunción Medellín Yaoundé Brasília Cotonou Kigali Santiago Bordeaux"
).split()


_CORPUS_KINDS = ["organization", "event", "document", "initiative", "term"]


@dataclass(frozen=True)
class BenchQuery:
    """One benchmark query: its kind, the text for Whoosh and the FTS5 equivalent."""

    kind: str
    text: str
    fts: str
    fts_where: str = ""


class CorpusMaker:
    """Deterministic generator: the same seed gives the same records and queries."""

    def __init__(self, seed: int = 7) -> None:
        self.rng = random.Random(seed)
        # A long tail of invented words (names, places, jargon) so the vocabulary grows with
        # the corpus the way real text does.
        self.rare = [
            "".join(self.rng.choice(_SYLLABLES) for _ in range(self.rng.randint(2, 4)))
            for _ in range(20_000)
        ]
        self.words = {lang: text.split() for lang, text in _WORDS.items()}

    def _word(self, lang: str) -> str:
        r = self.rng.random()
        if r < 0.30:
            return self.rng.choice(_GLUE[lang])
        if r < 0.85:
            # Zipf-like: early words of the list are more frequent.
            pool = self.words[lang]
            return pool[
                min(int(self.rng.paretovariate(1.1)) - 1, len(pool) - 1)
                if self.rng.random() < 0.5
                else self.rng.randrange(len(pool))
            ]
        if r < 0.9:
            return self.rng.choice(_PLACES)
        return self.rare[
            min(int(self.rng.paretovariate(0.7)), len(self.rare) - 1)
            if self.rng.random() < 0.5
            else self.rng.randrange(len(self.rare))
        ]

    def _sentence(self, lang: str, n: int) -> str:
        text = " ".join(self._word(lang) for _ in range(n))
        return text[0].upper() + text[1:] + "."

    def record(self, i: int) -> Record:
        rng = self.rng
        # The five kinds the benchmark corpus was made of (its timings stay comparable).
        kind = rng.choices(_CORPUS_KINDS, weights=[35, 25, 25, 10, 5])[0]
        names: dict[str, Name] = {}
        summaries: dict[str, str] = {}
        base = [rng.choice(self.words["en"]).capitalize() for _ in range(rng.randint(2, 5))]
        acronym = "".join(w[0] for w in base).upper() + str(i % 97)
        for lang in ("en", "es", "fr"):
            if lang != "en" and rng.random() < 0.25:
                continue
            title = " ".join(self._word(lang) for _ in range(rng.randint(3, 8))).capitalize()
            names[lang] = Name(title, acronym if kind == "organization" else None)
            summaries[lang] = " ".join(
                self._sentence(lang, rng.randint(10, 22)) for _ in range(rng.randint(2, 4))
            )
        fields: dict[str, object] = {}
        year = rng.randint(1945, 2026)
        if kind == "organization":
            fields = {
                "type": rng.choice(list(vocab.ORG_TYPES)),
                "region": rng.choice(list(vocab.REGIONS)),
                "headquarters": rng.choice(_PLACES),
            }
        elif kind == "event":
            fields = {
                "event_type": rng.choice(list(vocab.EVENT_TYPES)),
                "place": rng.choice(_PLACES),
            }
        elif kind == "document":
            fields = {
                "doc_type": rng.choice(list(vocab.DOC_TYPES)),
                "languages": sorted(rng.sample(["en", "es", "fr", "ar", "zh"], 2)),
            }
            if rng.random() < 0.5:
                fields["symbol"] = f"A/RES/{rng.randint(30, 80)}/{rng.randint(1, 320)}"
        elif kind == "initiative":
            fields = {"initiative_type": rng.choice(list(vocab.INITIATIVE_TYPES))}
        prefix = vocab.KINDS[kind]
        return Record(
            id=f"{prefix}/synthetic-{i}",
            kind=kind,
            names=names,
            summaries=summaries,
            themes=rng.sample(list(vocab.THEMES), rng.randint(0, 3)),
            date=parse_date(str(year)),
            fields=fields,
        )

    def corpus(self, size: int) -> list[Record]:
        return [self.record(i) for i in range(size)]

    def queries(self, records: list[Record], per_kind: int = 40) -> list[BenchQuery]:
        """Single words, several words, phrases, prefixes, typos and filtered queries."""
        rng = self.rng
        out: list[BenchQuery] = []

        def sample_words(n: int) -> list[str]:
            rec = rng.choice(records)
            lang = rng.choice(list(rec.summaries))
            words = [w.strip(".").lower() for w in rec.summaries[lang].split()]
            words = [w for w in words if len(w) > 3] or ["cooperation"]
            start = rng.randrange(max(1, len(words) - n))
            return words[start : start + n]

        for _ in range(per_kind):
            w = sample_words(1)[0]
            out.append(BenchQuery("single word", w, _fts_words([w])))
        for _ in range(per_kind):
            ws = sample_words(rng.randint(2, 3))
            out.append(BenchQuery("several words", " ".join(ws), _fts_words(ws)))
        for _ in range(per_kind):
            rec = rng.choice(records)
            lang = rng.choice(list(rec.summaries))
            words = rec.summaries[lang].replace(".", "").lower().split()
            start = rng.randrange(max(1, len(words) - 3))
            phrase = words[start : start + rng.randint(2, 3)]
            out.append(
                BenchQuery("phrase", '"' + " ".join(phrase) + '"', '"' + " ".join(phrase) + '"')
            )
        for _ in range(per_kind):
            ws = sample_words(rng.randint(1, 2))
            stem = ws[-1][: rng.randint(2, 4)]
            text = " ".join([*ws[:-1], stem])
            out.append(
                BenchQuery(
                    "as-you-type prefix",
                    text,
                    (_fts_words(ws[:-1]) + " " if ws[:-1] else "") + f'"{stem}"*',
                )
            )
        for _ in range(per_kind):
            w = max(sample_words(3), key=len)
            i = rng.randrange(1, len(w))
            typo = w[:i] + rng.choice("aeioulnrst") + w[i + 1 :]
            out.append(BenchQuery("fuzzy (typo)", typo, _fts_words([typo])))
        for _ in range(per_kind):
            w = sample_words(1)[0]
            if rng.random() < 0.5:
                k = rng.choice(["organization", "document", "event"])
                out.append(
                    BenchQuery("filtered", f"{w} kind:{k}", _fts_words([w]), f"kind = '{k}'")
                )
            else:
                lo = rng.randint(1950, 2010)
                out.append(
                    BenchQuery(
                        "filtered",
                        f"{w} year:{lo}..{lo + 10}",
                        _fts_words([w]),
                        f"year between {lo} and {lo + 10}",
                    )
                )
        return out


def _fts_words(words: list[str]) -> str:
    return " ".join('"' + w.replace('"', "") + '"' for w in words)
