"""Who speaks: quotes, their attribution, interview turns, and first-person pseudo-mentions.

A quote's speaker is named right after it ("…", raconte X / says X / X
raconte), right before it (X explique : «…» / selon X), by "raconte-t-il"
(the last person named before the quote), in the sentence leading into it,
or inherited from the previous quote nearby. In an interview, a turn label
("PG :") maps to the person whose initials or name it gives. Inside a quote
or turn with a known speaker, and in the answers of a question-and-answer
article (spoken by its interviewee), "je", "j'", "moi", "m'", "I" become
pseudo-mentions of that speaker, so the ordinary relation rules apply to
first-person statements. Narration with no named speaker gets none.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from graph.model import PERSON, entity_key
from loaders.lexicon import SPEECH_VERBS
from loaders.mentions import Mention

logger = logging.getLogger(__name__)

_PAIRS = {"«": "»", "“": "”"}
_TURN = re.compile(r"^(?P<label>[A-ZÉ]{1,4}|[A-ZÉ][\w.-]+(?: [A-ZÉ][\w.-]+)?)\s*:\s", re.MULTILINE)
_SPEECH = re.compile(rf"(?:{SPEECH_VERBS})", re.IGNORECASE)
_AFTER_PRONOUN = re.compile(rf"^[\s,]*(?:{SPEECH_VERBS})(?:-t)?-(?:il|elle)\b", re.IGNORECASE)
_AFTER_VERB = re.compile(rf"^[\s,]*(?:{SPEECH_VERBS})\s+$", re.IGNORECASE)
_BEFORE_SELON = re.compile(r"(?:selon|d['’]après|according to)\s*$", re.IGNORECASE)
_FIRST_PERSON = re.compile(r"\b(?:[Jj]e(?!\w)|[Jj]['’]|[Mm]oi(?!\w)|[Mm]['’]|[Mm](?:on|a|es)(?!\w))|(?<![\w'’])(?:I|me|[Mm]y)\b")
#: In an interview answer "nous"/"we" also speak for the interviewee ("nous avons rencontré X": X met them).
_FIRST_PERSON_TEAM = re.compile(_FIRST_PERSON.pattern + r"|\b(?:[Nn]ous|[Nn]os|[Nn]otre)\b|(?<![\w'’])(?:[Ww]e|us|[Oo]ur)\b")
_NEARBY = 400  # characters: how far a speaker named before a quote still speaks


@dataclass
class Quote:
    """A stretch of reported speech and the index of the mention that says it (None: unknown)."""

    start: int
    end: int
    speaker: int | None = None
    team: bool = False  # an interview answer: "nous"/"we" is the interviewee's team, the interviewee among them


def find_quotes(text: str) -> list[Quote]:
    """Quoted stretches: «…», “…” and straight double quotes paired within a paragraph."""
    quotes: list[Quote] = []
    for opening, closing in _PAIRS.items():
        for match in re.finditer(rf"{opening}([^{closing}]{{2,}}){closing}", text):
            quotes.append(Quote(match.start(1), match.end(1)))
    offset = 0
    for paragraph in text.split("\n"):
        marks = [m.start() for m in re.finditer('"', paragraph)]
        for a, b in zip(marks[0::2], marks[1::2]):
            quotes.append(Quote(offset + a + 1, offset + b))
        offset += len(paragraph) + 1
    return sorted(quotes, key=lambda q: q.start)


def _mention_at(mentions: list[Mention], start: int, end: int) -> int | None:
    """The first person (or unresolved) mention starting in [start, end)."""
    for index, mention in enumerate(mentions):
        if start <= mention.start < end and mention.type in (PERSON, None) and mention.source != "first_person":
            return index
    return None


def _by_end_desc(mentions: list[Mention]) -> list[int]:
    return sorted(range(len(mentions)), key=lambda i: (mentions[i].end, mentions[i].end - mentions[i].start),
                  reverse=True)


def _can_speak(mention: Mention) -> bool:
    """A named person, or a person descriptor already resolved to one."""
    if mention.type != PERSON or mention.source == "first_person":
        return False
    return mention.source != "descriptor" or mention.refers_to is not None


def _last_person_before(mentions: list[Mention], position: int) -> int | None:
    for index in _by_end_desc(mentions):
        mention = mentions[index]
        if mention.end <= position and _can_speak(mention):
            return index if position - mention.end < _NEARBY else None
    return None


def attribute(text: str, quote: Quote, mentions: list[Mention], previous: Quote | None) -> int | None:
    """The index of the mention that speaks ``quote`` (see the module docstring for the cues)."""
    after = text[quote.end + 1:quote.end + 120].split("\n")[0]
    if _AFTER_PRONOUN.match(after):
        return _last_person_before(mentions, quote.start)
    inside_pronoun = re.search(rf"(?:{SPEECH_VERBS})(?:-t)?-(?:il|elle)\b", text[quote.start:quote.end], re.IGNORECASE)
    for index in sorted(range(len(mentions)), key=lambda i: (mentions[i].start, -mentions[i].end)):
        mention = mentions[index]
        if quote.end < mention.start <= quote.end + 80 and _can_speak(mention):
            gap = text[quote.end + 1:mention.start]
            tail = text[mention.end:mention.end + 40]
            if _AFTER_VERB.match(gap) or (re.fullmatch(r"[\s,.]*", gap) and _SPEECH.match(tail.strip())):
                return index
            break
    before = text[max(0, quote.start - 200):quote.start - 1]
    line_before = before.split("\n")[-1]
    for index in _by_end_desc(mentions):
        mention = mentions[index]
        if mention.end > quote.start or not _can_speak(mention):
            continue
        if quote.start - mention.end > len(line_before) + 1:
            break
        between = text[mention.end:quote.start - 1]
        if re.search(r'[»”"]', between):
            continue  # that name was said inside an earlier quote
        if _SPEECH.search(between) or _BEFORE_SELON.search(text[max(0, mention.start - 20):mention.start]):
            return index
    if inside_pronoun:
        return _last_person_before(mentions, quote.start)
    if previous is not None and previous.speaker is not None and quote.start - previous.end < _NEARBY:
        return previous.speaker
    return None


def interview_turns(text: str, mentions: list[Mention]) -> list[Quote]:
    """Interview turns ("PG : …" to the end of the line), spoken by the person the label names."""
    people = [(i, m) for i, m in enumerate(mentions) if m.type == PERSON and not m.is_pseudo]
    turns: list[Quote] = []
    for match in _TURN.finditer(text):
        label = match.group("label")
        speaker = None
        for index, mention in people:
            words = mention.text.split()
            initials = "".join(w[0] for w in words if w[:1].isupper())
            if len(words) > 1 and (label == initials or entity_key(label) in (entity_key(words[-1]), entity_key(words[0]))):
                speaker = index
                break
            if entity_key(label) == entity_key(mention.text):
                speaker = index
                break
        end = text.find("\n", match.end())
        turns.append(Quote(match.end(), end if end >= 0 else len(text), speaker))
    return turns


_QUESTION_LINE = 250  # characters: longer paragraphs ending in "?" are prose, not an interviewer's question
_FIRST_PERSON_SINGULAR = re.compile(r"\b(?:[Jj]e|[Jj]['’]|[Mm]oi|[Mm]a|[Mm]on|[Mm]es)\b|(?<![\w'’])(?:I|my|me)\b")


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Character spans of the article's non-empty lines."""
    spans, offset = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((offset, offset + len(line)))
        offset += len(line) + 1
    return spans


def interview_answers(text: str, mentions: list[Mention]) -> list[Quote]:
    """In a question-and-answer article (two questions or more, each a short paragraph of its own, answered
    in the first person), every answer is spoken by the interviewee: the last person named before the first
    question (headline and introduction), else the first one named in the first answer."""
    paragraphs = _paragraphs(text)
    questions = [i for i, (a, b) in enumerate(paragraphs)
                 if i > 0 and text[a:b].rstrip().endswith("?") and b - a <= _QUESTION_LINE]
    if len(questions) < 2:
        return []
    answers: list[tuple[int, int]] = []
    for number, q in enumerate(questions):
        stop = questions[number + 1] if number + 1 < len(questions) else len(paragraphs)
        answers += [paragraphs[i] for i in range(q + 1, stop)]
    if sum(bool(_FIRST_PERSON_SINGULAR.search(text, a, b)) for a, b in answers) < 2:
        return []
    first_question = paragraphs[questions[0]][0]
    before = [i for i, m in enumerate(mentions) if m.end <= first_question and _can_speak(m)]
    if before:
        def named(i: int) -> int:  # how often the introduction names that person, in full or in part
            words = set(entity_key(mentions[i].text).split())
            return sum(set(entity_key(mentions[j].text).split()) <= words for j in before)
        speaker = max(before, key=lambda i: (named(i), mentions[i].end))
    else:
        start, end = paragraphs[questions[0] + 1] if questions[0] + 1 < len(paragraphs) else (0, 0)
        inside = [i for i, m in enumerate(mentions) if start <= m.start < end and _can_speak(m)]
        if not inside:
            return []
        speaker = min(inside, key=lambda i: mentions[i].start)
    return [Quote(a, b, speaker, team=True) for a, b in answers]


def turn_labels(text: str) -> list[tuple[int, int]]:
    """Character spans of interview turn labels (a label opening two lines or more), never entities themselves."""
    matches = list(_TURN.finditer(text))
    counts: dict[str, int] = {}
    for match in matches:
        counts[match.group("label")] = counts.get(match.group("label"), 0) + 1
    return [(m.start("label"), m.end("label")) for m in matches if counts[m.group("label")] >= 2]


_WE = re.compile(r"\b[Nn]ous\b|(?<![\w'’])[Ww]e\b")
#: What stands for the narrators of a "we" story: "nous", "we" and their possessives ("nos mentors", "our investors").
_WE_OR_OURS = re.compile(r"\b(?:[Nn]ous|[Nn]os|[Nn]otre)\b|(?<![\w'’])(?:[Ww]e|[Oo]ur)\b")
_PAIR_GAP = re.compile(r"^\s*(?:et|and|&)\s*$")
#: How many times an article must say "nous"/"we" in its own voice to be told by its founders.
_WE_STORY = 3


def narrators(text: str, mentions: list[Mention], quoted: list[tuple[int, int]]) -> list[int]:
    """The people who tell a first-person-plural story ("Nous avons décidé de nous lancer ..."): when the
    article says "nous"/"we" outside quotes three times or more, the pair named together before the first
    of them ("A et B se sont heurtés à ..."); none otherwise."""
    outside = [m.start() for m in _WE.finditer(text) if not any(s <= m.start() < e for s, e in quoted)]
    if len(outside) < _WE_STORY:
        return []
    people = [i for i, m in enumerate(mentions) if m.end <= outside[0] and _can_speak(m)]
    for left, right in zip(reversed(people[:-1]), reversed(people[1:])):
        if mentions[left].sentence == mentions[right].sentence and _PAIR_GAP.match(
                text[mentions[left].end:mentions[right].start]):
            return [left, right]
    return []


def narrator_mentions(text: str, group: list[int], quoted: list[tuple[int, int]],
                      sentence_of_char) -> list[Mention]:
    """Pseudo-mentions of every narrator for each "nous"/"we" ("nos", "our") of the article's own voice."""
    out: list[Mention] = []
    for match in _WE_OR_OURS.finditer(text):
        if any(s <= match.start() < e for s, e in quoted):
            continue
        for member in group:  # one per narrator, on the same words, as a plural pronoun
            out.append(Mention(text=match.group(0), type=PERSON, start=match.start(), end=match.end(),
                               sentence=sentence_of_char(match.start()), source="pronoun", refers_to=member))
    return out


def speaker_quotes(text: str, mentions: list[Mention]) -> list[Quote]:
    """Every quote and interview turn of the article, with its speaker when one is named."""
    quotes = find_quotes(text)
    previous: Quote | None = None
    for quote in quotes:
        quote.speaker = attribute(text, quote, mentions, previous)
        previous = quote
    turns = interview_turns(text, mentions)
    inside = [(q.start, q.end) for q in quotes + turns]
    answers = [a for a in interview_answers(text, mentions)  # a quote or a labelled turn keeps its own speaker
               if not any(s < a.end and a.start < e for s, e in inside)]
    return quotes + turns + answers


def first_person_mentions(text: str, quotes: list[Quote], sentence_of_char) -> list[Mention]:
    """Pseudo-mentions of each quote's speaker for "je", "j'", "moi", "m'", "I" inside the quote (and "nous",
    "we", "us" inside an interview answer)."""
    out: list[Mention] = []
    for quote in quotes:
        if quote.speaker is None:
            continue
        pattern = _FIRST_PERSON_TEAM if quote.team else _FIRST_PERSON
        for match in pattern.finditer(text, quote.start, quote.end):
            out.append(Mention(text=match.group(0), type=PERSON, start=match.start(), end=match.end(),
                               sentence=sentence_of_char(match.start()), source="first_person",
                               refers_to=quote.speaker))
    return out
