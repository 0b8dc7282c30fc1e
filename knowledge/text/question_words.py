"""What a question word asks for, and the words that show a passage gives that kind of answer.

"Hvorfor"/"why" asks for a reason ("derfor", "because"), "hvem"/"who" for a role, "hvor mange"/"how many"
for a number, "når"/"when" for a time. Question words are stop words, so without this table the reason
or the role a question asks for would be invisible to both search and answer selection.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, partial

from knowledge.text.tokens import tokenize


@dataclass(frozen=True)
class AnswerCue:
    """One kind of answer: the question words that ask for it and words that give it."""

    asks: tuple[str, ...]
    gives: tuple[str, ...]
    search: bool = False  # whether the giving words may also steer the search (only when they are rare)
    digits: bool = False  # whether a digit in a sentence also gives it
    pattern: re.Pattern[str] | None = None  # a form that gives it ("120 000 euro", "within 60 days")
    required: bool = False  # a passage that does not give it cannot answer the question at all
    kind: bool = True  # whether it names a kind of answer the quote must hold (the decline signals)


REASON = AnswerCue(
    asks=("hvorfor", "why"),
    gives=("derfor", "fordi", "prinsipp", "therefore", "because", "principle", "so that", "målet"),
    search=True,
)
# Numbers written as words, two to twelve and the round tens, in Bokmål, Nynorsk and English ("fire vedlegg",
# "tolv månader", "three partners"); "to" and "en"/"ein"/"one" are left out: they are common words as well.
_NUMBER_WORDS = (
    "tre|fire|fem|seks|sju|syv|åtte|ni|ti|elleve|tolv|tjue|tretti|førti|femti|hundre|"
    "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred"
)
NUMBER = AnswerCue(
    asks=("hvor mange", "how many", "number of", "antall", "kor mange"),
    gives=("minst", "at least", "maks", "maksimal", "at most", "opptil", "up to"),
    digits=True,
    pattern=re.compile(rf"\b(?:{_NUMBER_WORDS})\b", re.IGNORECASE),
)
ROLE = AnswerCue(
    asks=("hvem", "who", "kven", "which organisation", "which organization", "what organisation",
          "what organization", "hvilken organisasjon", "hvilke organisasjoner", "kva organisasjon"),
    gives=(
        "koordinator", "coordinator", "partner", "hk-dir", "kommisjonen", "commission", " vi ", " we ",
        "rektor", "principal", "national agency", "nasjonalkontor", "beneficiary", "støttetjeneste",
        "support service", "agency", "direktorat", "skolen", "school", "organisasjon", "organisation",
    ),
)  # fmt: skip
_MONTHS = (
    "januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember|january|february|"
    "march|may|june|july|october|december"
)
TIME = AnswerCue(
    asks=("når", "when", "frist", "deadline", "how long", "hvor lang", "how soon", "kor lenge", "hvor lenge",
          "what period", "which period", "time span", "hvilken periode", "kva periode", "tidsrom", "senest",
          "at the latest", "how late", "shortest", "longest", "korteste", "kortaste", "lengste"),
    gives=("innen", "within", "dager", "days", "dato", "date"),
    pattern=re.compile(
        rf"\d+\s*(?:-|–|til|to)?\s*\d*\s*(?:dag|uke|måned|månad|år\b|day|week|month|year)|\b(?:{_MONTHS})\b|"
        r"\d{1,2}\.\d{1,2}\.\d{2,4}|\b(?:one|two|three|ten|twenty|thirty|en|to|tre|ti|seks)\s+"
        r"(?:dag|uke|måned|år|day|week|month|year)",
        re.IGNORECASE,
    ),
)  # fmt: skip
# "Which year" asks for a year: "lansert i 2005", "since 2014".
YEAR = AnswerCue(
    asks=("which year", "what year", "in what year", "hvilket år", "kva år", "hvilket årstall", "hvilke år"),
    gives=(),
    pattern=re.compile(r"\b(?:19|20)\d\d\b"),
)
# "How often" asks for a frequency: "én gang i året", "twice a year", "every month", "annually".
FREQUENCY = AnswerCue(
    asks=("how often", "hvor ofte", "kor ofte", "how frequently"),
    gives=("annually", "årlig", "årleg", "once", "twice"),
    pattern=re.compile(
        r"\b(?:\w+)\s+(?:gang|ganger|gong|gonger|times?)\s+(?:i|per|pr\.?|a|an|every|each)\b|"
        r"\b(?:hvert|hver|kvart|kvar|every|each)\s+(?:år|måned|månad|uke|veke|semester|year|month|week|term)\b",
        re.IGNORECASE,
    ),
)
# "How old" asks for an age: "elever fra 14 år", "pupils aged 14 or older", "over 18 years of age".
AGE = AnswerCue(
    asks=("how old", "what age", "minimum age", "maximum age", "age limit", "hvor gammel", "hvor gamle",
          "kor gammal", "kor gamle", "aldersgrense", "alderskrav", "minstealder", "hvilken alder", "kva alder"),
    gives=("alder", "aldersgrense", "years old", "year-old", "aged", "age of", "ages of", "år gammel", "år gamle",
           "år og eldre", "years or older", "årige", "åringer"),
    pattern=re.compile(
        r"\b(?:fra|frå|over|under|mellom|from|over|under|between)\s+\d{1,2}\s*(?:år|years?)\b|"
        r"\b\d{1,2}\s*(?:-|–|til|to|og|and)\s*\d{1,2}\s*(?:år|years?)\b",
        re.IGNORECASE,
    ),
)  # fmt: skip
_DATE_WORD = re.compile(
    rf"^(?:\d[\d.,:/-]*|{_MONTHS}|jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|oct|nov|des|dec)$"
)


def is_date_word(word: str) -> bool:
    """Whether a question word is a number or a month: a detail of the asker's, not a topic."""
    return _DATE_WORD.match(word.lower()) is not None


AMOUNT = AnswerCue(
    asks=("hvor mye", "how much", "kor mykje", "beløp", "amount", "sats", "rate of", "hvor store", "how big",
          "what percentage", "how many percent", "hvor mange prosent", "kor mange prosent", "what share",
          "hvor stor andel", "kor stor del"),
    gives=(),
    pattern=re.compile(
        r"\d[\d  .,]*\s*(?:euro|eur\b|€|kr\b|kroner|nok\b|%|prosent|per ?cent)|(?:€|eur|nok|kr\.?)\s*\d",
        re.IGNORECASE,
    ),
    required=True,
)  # fmt: skip
# "How do we apply?" is answered too by a page that says no application is needed.
_NO_APPLICATION = re.compile(
    r"\b(?:ikke|ikkje|not)\s+(?:nødvendig|naudsynt|necessary|needed)\s+(?:å|to)\s+(?:søke|apply)\b|"
    r"\b(?:trenger|treng|need)\s+(?:ikke|ikkje|not)\s+(?:å\s+|to\s+)?(?:søke|apply)\b|"
    r"\b(?:do not|don't|no)\s+need\s+to\s+apply\b",
    re.IGNORECASE,
)
PROCEDURE = AnswerCue(
    asks=("hvordan søker", "how do i apply", "how do we apply", "how to apply", "how can we apply",
          "korleis søker", "hvordan kan vi søke", "hvordan sender vi søknad", "hvordan sende søknad"),
    gives=("søknadsskjema", "application form", "slik søker", "how to apply", "erasmusportalen",
           "erasmus+ portal", "submit an application", "sende inn en søknad", "send inn søknad", "søknaden er"),
    pattern=_NO_APPLICATION,
    required=True,
)  # fmt: skip
# "How do we …" is answered by the steps a lead-in introduces ("Kortfattet er stegene som følger:").
STEPS = AnswerCue(
    asks=(
        "hvordan",
        "how do",
        "how to",
        "how can",
        "how should",
        "korleis",
        "steg",
        "steps",
        "fremgangsmåte",
    ),
    gives=(),
    pattern=re.compile(r":\s*$"),
    kind=False,
)
CUES = (REASON, NUMBER, ROLE, TIME, YEAR, FREQUENCY, AGE, AMOUNT, PROCEDURE, STEPS)


# Question words that also join a clause ("Hvilket dokument må signeres når en elev reiser?", "the teachers who
# travel"): they ask only where a question or one of its sentences opens with them, or after a preposition
# ("by when", «innen når») or a coordinating word.
_ALSO_JOINING = frozenset({"når", "when", "who"})
_ASKING_BEFORE = re.compile(r"(?:^|[.?!:;]|\b(?:by|until|till|innen|til|and|og|or|eller|so|så|but|men))\s*$")


def asked_cues(question: str) -> tuple[AnswerCue, ...]:
    """The kinds of answer ``question`` asks for."""
    asked = _padded(question)
    return tuple(cue for cue in CUES if any(_stands(asked, word, partial(_opens, word)) for word in cue.asks))


def asked_in_clauses(question: str) -> tuple[AnswerCue, ...]:
    """Like :func:`asked_cues`, also counting a question word that opens a clause after a comma («Prosjektet
    slutter 30.06.2026, når må rapporten være levert?»), which :func:`asked_cues` leaves out because such a word
    often joins clauses instead. For choosing what to quote, not for the decline signals."""
    found = {cue for clause in re.split(r"[,;:–]", question) for cue in asked_cues(clause)}
    return tuple(cue for cue in CUES if cue in found)


def _padded(question: str) -> str:
    """``question`` in lower case, its white space single, a space at each end (words are found as " word")."""
    return f" {' '.join(question.lower().split())} "


def _stands(asked: str, word: str, where: Callable[[str], bool]) -> bool:
    """Whether ``word`` stands somewhere in ``asked`` (see :func:`_padded`) where ``where`` accepts the text
    before it."""
    start = asked.find(f" {word}")
    while start != -1:
        if where(asked[:start]):
            return True
        start = asked.find(f" {word}", start + 1)
    return False


# A noun that names what is asked for («frist», "deadline") does not ask after a preposition: «Vi rekker ikke
# rapporten innen fristen – hva gjør vi?» asks what to do, not when.
_NAMING = frozenset({"frist", "deadline"})
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:innen|før|etter|over|by|before|after|past|within)(?:\s+(?:the|a|our|your))?\s*$"
)


def _opens(word: str, before: str) -> bool:
    """Whether ``word``, after ``before``, asks: always, but a word that also joins clauses only where it
    opens the question or a sentence of it, or follows a preposition or a joining word, and a noun that names
    what is asked for not after a preposition (see :data:`_NAMING`)."""
    if word in _NAMING:
        return _PREPOSITION_BEFORE.search(before.strip()) is None
    return word not in _ALSO_JOINING or _ASKING_BEFORE.search(before.strip()) is not None


# A question word after a verb of deciding ("what decides how much we get", «hva avgjør hvor mye vi får») opens
# an indirect question: what is asked for is what decides it, not the amount or the procedure itself.
_DECIDED = re.compile(
    r"\b(?:decides?|determines?|depends?\s+on|affects?|avgjør|avgjer|bestemmer|bestemmes|avhenger\s+av|"
    r"avheng\s+av|påvirker|påverkar)\s*$",
    re.IGNORECASE,
)


def asked_directly(cue: AnswerCue, question: str) -> bool:
    """Whether ``question`` asks for ``cue``'s kind itself, not for what decides it: a question word that
    follows a verb of deciding ("what decides how much …") does not count."""
    asked = _padded(question)
    return any(_stands(asked, word, lambda before: not _DECIDED.search(before)) for word in cue.asks)


# A giving word counts where a word starts with it, or where a longer one (five letters or more, no space) ends a
# compound ("Europakommisjonen", "støtteorganisasjon"), and only with an inflection's few letters after it
# ("partnerne", "coordinators", "dager"): "partnerships" names no role, "updated" gives no date.
_INFLECTION = r"\w{0,3}(?!\w)"
_COMPOUND_TAIL = 5


@cache
def _giving(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern for a cue's giving words, each standing as a word (see :data:`_INFLECTION`)."""
    spelled = [word.strip() for word in words]
    if not spelled:
        return None
    starts = "|".join(sorted(map(re.escape, spelled), key=len, reverse=True))
    tails = "|".join(re.escape(w) for w in spelled if len(w) >= _COMPOUND_TAIL and " " not in w)
    ending = rf"(?<=\w{{3}})(?:{tails})" if tails else "(?!)"
    return re.compile(rf"(?:(?<!\w)(?:{starts})|{ending}){_INFLECTION}")


def gives(cue: AnswerCue, text: str) -> bool:
    """Whether ``text`` gives the kind of answer ``cue`` stands for."""
    found = text.lower()
    giving = _giving(cue.gives)
    return (
        (giving is not None and giving.search(found) is not None)
        or (cue.digits and any(char.isdigit() for char in found))
        or (cue.pattern is not None and cue.pattern.search(text) is not None)
    )


def search_hints(question: str) -> str:
    """Words to add to the search for a question that asks for a reason, as one text."""
    return " ".join(word for cue in asked_cues(question) if cue.search for word in cue.gives)


# A follow-up that asks what comes after the answer before it ("and what happens after that?").
_FOLLOWS = (
    "after that", "afterwards", "and then", "then what", "what happens next", "what comes next", "what next",
    "etter det", "etterpå", "deretter", "hva skjer så", "hva skjer etter", "hva skjer videre",
    "hva nå", "kva skjer så", "kva skjer etter", "etter dette", "og så",
)  # fmt: skip


def asks_what_follows(question: str) -> bool:
    """Whether ``question`` asks what comes next after what was said before it (a thread follow-up)."""
    asked = " " + " ".join(tokenize(question)) + " "  # "and then…", "and, then?"
    return any(f" {phrase} " in asked for phrase in _FOLLOWS)


_FOLLOW_WORDS = frozenset(word for phrase in _FOLLOWS for word in phrase.split())


def only_asks_what_follows(question: str, known: Callable[[str], bool] = lambda word: True) -> bool:
    """Whether ``question`` asks what comes next and names nothing else the guidance could be searched for:
    each of its words belongs to the follow-up phrases ("what happens after that?", «hva skjer så?») or is
    not ``known`` to the pages ("OK, and then?"); "what happens to the grant after that?" names the grant."""
    words = tokenize(question)
    return asks_what_follows(question) and not any(
        word not in _FOLLOW_WORDS and known(word) for word in words
    )
