"""Realistic guidance corpora of any size, generated from the shipped pages and evaluation set A.

A generated page takes the sections of a template page (a shipped page or one of set A's pages), swaps the
programme, its action code, the reporting tool, the programme period, numbers of days and years, and gets a
title, a URL and a last-updated date of its own. The result resembles the real archive of HK-dir: many pages
about other actions, other years and other tools that say almost the same thing. No block of a generated page
contains a dev-set evidence sentence, so only the shipped pages hold the answers the dev set looks for.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from knowledge.chunking import chunk_document
from knowledge.evaluation import normalise
from knowledge.loaders.registry import load_document
from knowledge.text.tokens import split_sentences

_MIN_BYTES, _MAX_BYTES = 1000, 4000
_NUMBER = re.compile(r"(?<![\w.])(?<!\d )(\d{1,3})(?![\w.])(?! \d)")
_YEAR = re.compile(r"\b(20[12]\d)\b")
_FRONT = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


@dataclass(frozen=True)
class Programme:
    """An Erasmus+ action as the pages name it."""

    nb: str
    en: str
    code: str
    tool: str
    period: str
    slug: str


PROGRAMMES = (
    Programme(
        "skoleutvekslingspartnerskap",
        "school exchange partnership",
        "KA229",
        "Mobility Tool+",
        "2014–2020",
        "skoleutveksling",
    ),
    Programme(
        "småskalapartnerskap",
        "small-scale partnership",
        "KA210",
        "Beneficiary Module",
        "2021–2027",
        "smaskala",
    ),
    Programme(
        "samarbeidspartnerskap",
        "cooperation partnership",
        "KA220",
        "Beneficiary Module",
        "2021–2027",
        "samarbeid",
    ),
    Programme(
        "strategisk partnerskap",
        "strategic partnership",
        "KA201",
        "Mobility Tool+",
        "2014–2020",
        "strategisk",
    ),
    Programme(
        "voksenopplæringspartnerskap",
        "adult education partnership",
        "KA204",
        "Mobility Tool+",
        "2014–2020",
        "voksen",
    ),
    Programme(
        "akkreditert mobilitetsprosjekt",
        "accredited mobility project",
        "KA121",
        "Beneficiary Module",
        "2021–2027",
        "akkreditert",
    ),
    Programme(
        "kortvarig mobilitetsprosjekt",
        "short-term mobility project",
        "KA122",
        "Beneficiary Module",
        "2021–2027",
        "kortvarig",
    ),
    Programme(
        "mobilitetsprosjekt for ansatte",
        "staff mobility project",
        "KA101",
        "Mobility Tool+",
        "2014–2020",
        "ansattmobilitet",
    ),
)
SEED = PROGRAMMES[0]
GENERATED = "gen-"  # the id of every generated page starts so
_TOPICS = {
    "nb": (
        "rapportering",
        "sluttrapport",
        "endringer underveis",
        "oppstart",
        "resultater",
        "budsjett",
        "kontrakt og vedlegg",
        "for deg som har pågående prosjekt",
    ),
    "en": (
        "reporting",
        "final report",
        "changes during the project",
        "getting started",
        "results",
        "budget",
        "contract and annexes",
        "for ongoing projects",
    ),
}
_ARCHIVED = {
    "nb": "Denne siden er arkivert og gjelder prosjekter fra programperioden {period}.",
    "en": "This page is archived and applies to projects from the {period} programme period.",
}


@dataclass(frozen=True)
class Template:
    """A page to recombine: its language and its sections as (heading, blocks)."""

    language: str
    sections: tuple[tuple[str, tuple[str, ...]], ...]


def _markdown_sections(text: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    body = _FRONT.sub("", text, count=1)
    sections: list[tuple[str, list[str]]] = [("", [])]
    for chunk in re.split(r"\n\s*\n", body):
        chunk = chunk.strip()
        if chunk.startswith("## "):
            heading, _, rest = chunk.partition("\n")
            sections.append((heading[3:].strip(), [rest.strip()] if rest.strip() else []))
        elif chunk and not chunk.startswith("# "):
            sections[-1][1].append(chunk)
    return tuple((heading, tuple(blocks)) for heading, blocks in sections if blocks)


def _plain_sections(text: str, language: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    lines = [line.strip() for line in text.splitlines()[3:] if line.strip()]
    groups = [lines[start : start + 4] for start in range(0, len(lines), 4)]
    fallback = "Mer informasjon" if language == "nb" else "More information"
    return tuple(
        (group[0] if len(group[0]) < 60 and not group[0].endswith(".") else fallback, tuple(group))
        for group in groups
    )


def load_templates(shipped: Path, set_a: Path) -> list[Template]:
    """The shipped pages and set A's pages as templates."""
    templates = [
        Template("en" if path.name.endswith(".en.md") else "nb", _markdown_sections(path.read_text("utf-8")))
        for path in sorted(shipped.glob("*.md"))
    ]
    for path in sorted(set_a.glob("*.md")):
        text = path.read_text("utf-8")
        language = "en" if re.search(r"\b(the|and|of)\b", text[:600]) else "nb"
        templates.append(Template(language, _plain_sections(text, language)))
    return templates


def _case_like(word: str, model: str) -> str:
    return word[:1].upper() + word[1:] if model[:1].isupper() else word


def _swap_names(text: str, programme: Programme, language: str) -> str:
    """The seed programme's name, code, tool and period replaced by ``programme``'s."""
    if language == "nb":
        text = re.sub(r"[Ss]koleutvekslingspartnerskap", lambda m: _case_like(programme.nb, m.group(0)), text)
        text = text.replace("forrige programperiode", f"programperioden {programme.period}")
    else:
        text = re.sub(r"[Ss]chool exchange partnership", lambda m: _case_like(programme.en, m.group(0)), text)
        text = text.replace("the previous programme period", f"the {programme.period} programme period")
    text = text.replace("Mobility Tool+", programme.tool).replace("KA229", programme.code)
    return re.sub(r"KA2\d\d|KA1\d\d", programme.code, text)


def _swap_numbers(text: str, rng: random.Random, year: int) -> str:
    text = _YEAR.sub(lambda m: str(year - rng.randint(0, 2)) if rng.random() < 0.8 else m.group(1), text)
    choices = (14, 30, 45, 60, 90, 120)
    return _NUMBER.sub(lambda m: str(rng.choice(choices)) if rng.random() < 0.7 else m.group(1), text)


class CorpusWriter:
    """Writes the shipped pages and ``count`` generated pages as Markdown with front matter.

    Args:
        templates: Pages to recombine.
        evidence: Dev-set evidence sentences that no generated block may contain.
        seed: Random seed (the corpus is the same for the same seed).
    """

    def __init__(self, *, templates: Sequence[Template], evidence: Sequence[str], seed: int = 14) -> None:
        self._templates = list(templates)
        self._evidence = [normalise(sentence) for sentence in evidence if sentence]
        self._rng = random.Random(seed)

    def page(self, number: int) -> tuple[str, str]:
        """The file name and Markdown of generated page ``number``."""
        rng = self._rng
        template = rng.choice(self._templates)
        language = template.language
        programme = rng.choice(PROGRAMMES)
        year = rng.randint(2016, 2025)
        updated = date(year, 1, 1) + timedelta(days=rng.randint(0, 364))
        archived = programme.period == "2014–2020" and rng.random() < 0.6
        topic = rng.choice(_TOPICS[language])
        name = programme.nb if language == "nb" else programme.en
        title = f"{name[:1].upper()}{name[1:]} ({programme.code}): {topic} {year}"
        blocks = [_ARCHIVED[language].format(period=programme.period)] if archived else []
        body = [f"# {title}", "", *blocks, ""]
        size = sum(len(line) for line in body)
        sections = list(template.sections)
        rng.shuffle(sections)
        for heading, section_blocks in sections:
            kept = [self._block(block, programme, language, rng, year) for block in section_blocks]
            kept = [block for block in kept if block]
            if not kept or size + sum(len(block) for block in kept) > _MAX_BYTES - 200:
                continue
            heading = heading or (f"Om {name}" if language == "nb" else f"About {name}s")
            body += [
                f"## {_swap_names(heading, programme, language)}",
                "",
                *"\n\n".join(kept).split("\n"),
                "",
            ]
            size += sum(len(block) for block in kept)
            if size >= _MIN_BYTES and rng.random() < 0.3:
                break
        slug = f"{programme.slug}-{number:04d}"
        front = (
            f'---\nid: {GENERATED}{number:04d}\ntitle: "{title}"\nurl: https://erasmuspluss.no/arkiv/{slug}\n'
            f"language: {language}\nupdated: {updated.isoformat()}\n---\n\n"
        )
        return f"gen-{number:04d}-{language}.md", front + "\n".join(body).strip() + "\n"

    def _block(self, block: str, programme: Programme, language: str, rng: random.Random, year: int) -> str:
        swapped = _swap_names(_swap_numbers(block, rng, year), programme, language)
        wanted = normalise(swapped.replace("\n- ", "\n").removeprefix("- "))
        # A block that holds an evidence sentence, or is a piece of one (a list item of a listing sentence).
        leaks = any(sentence in wanted or wanted in sentence for sentence in self._evidence)
        return "" if leaks else swapped


def rendered_evidence(shipped: Path, evidence: Sequence[str]) -> list[str]:
    """The sentences of the English renderings of the shipped passages that hold ``evidence``.

    An English template page (a shipped rendering) would otherwise put the rendering of an evidence sentence
    into generated pages, and a generated page would answer an English question as well as the shipped one.
    """
    documents = {document.doc_id: document for document in map(load_document, sorted(shipped.glob("*.md")))}
    chunks = [
        chunk
        for document in documents.values()
        for chunk in chunk_document(
            document,
            original=documents.get(document.translation_of or "") if document.translation_of else None,
        )
    ]
    wanted = [normalise(sentence) for sentence in evidence if sentence]
    groups = {chunk.group_id for chunk in chunks if any(found in normalise(chunk.text) for found in wanted)}
    return [
        sentence
        for chunk in chunks
        if chunk.group_id in groups and chunk.chunk_id != chunk.group_id
        for sentence in split_sentences(chunk.text)
        if len(sentence) >= 20
    ]


def write_corpus(folder: Path, *, shipped: Path, set_a: Path, writer: CorpusWriter, pages: int) -> list[Path]:
    """``folder`` with the shipped pages (two pages with their English renderings), set A's twelve pages
    once the corpus is big enough to hold them, and generated pages up to ``pages`` pages in all."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for path in sorted(shipped.glob("*.md")):
        written.append(folder / path.name)
        written[-1].write_text(path.read_text("utf-8"), encoding="utf-8")
    originals = 2
    set_a_pages = sorted(set_a.glob("*.md")) if pages >= 50 else []
    for path in set_a_pages:
        written.append(folder / f"a-{path.name}")
        written[-1].write_text(path.read_text("utf-8"), encoding="utf-8")
    for number in range(pages - originals - len(set_a_pages)):
        name, text = writer.page(number)
        written.append(folder / name)
        written[-1].write_text(text, encoding="utf-8")
    return written


def dev_writer(*, shipped: Path, set_a: Path, evidence: Sequence[str]) -> CorpusWriter:
    """The writer of the benchmark corpora: the shipped pages and set A as templates, and no block that holds
    a dev-set evidence sentence or a sentence of its English rendering."""
    wanted = [sentence for sentence in evidence if sentence]
    return CorpusWriter(
        templates=load_templates(shipped, set_a), evidence=wanted + rendered_evidence(shipped, wanted)
    )
