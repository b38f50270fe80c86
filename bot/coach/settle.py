"""Stage 3: settle. One policy turns every detector's candidates into the flags a user sees.

For each code the registry says who decides (`decided_by`). Where the model
decides, a rule's candidate survives only where the model agrees (same
sentence for promise and refusal codes, same draft for tone codes), and it is
then the rule's exact words that are quoted; where the model raises a code no
rule found, its own candidate is used. Where the rules decide, or no model is
loaded, rule candidates stand as they are. Then a code silences the codes it
`overrides` on the same words ("I doubt we can, fingers crossed" is false hope, not
also a flat no) and those it `suppresses` anywhere (a vague promise is a
next step), and one flag is kept per overlap of the same code.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bot.coach.codes import CODES
from bot.coach.detect.candidates import Candidate

SENTENCE_CODES = frozenset({"vague_commitment", "hard_no"})
# A rule's finding needs less from the model than the model alone does: two detectors
# that agree are more often right than either. The model's score must reach this share
# of its own threshold where a rule found the words.
RULE_BACKING = 0.4
Backing = Callable[[Candidate], float]  # the model's score for a candidate / its threshold


def _inside(c: Candidate, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= c.start < e for s, e in spans)


def _sentence_of(c: Candidate, sentences: Sequence[tuple[int, int]]) -> tuple[int, int]:
    for s, e in sentences:
        if s <= c.start < e:
            return s, e
    return c.start, c.end


def _decide_code(code: str, rules: list[Candidate], model: list[Candidate] | None,
                 sentences: Sequence[tuple[int, int]], backing: Backing | None) -> list[Candidate]:
    if model is None or CODES[code].decided_by == "rules":
        return rules
    if CODES[code].decided_by == "either":
        return rules or model
    backed = [r for r in rules if backing is not None and backing(r) >= RULE_BACKING]
    if code in SENTENCE_CODES:
        kept: list[Candidate] = []
        for m in model:
            where = [_sentence_of(m, sentences)]
            agreeing = [r for r in rules if _inside(r, where)]
            kept.extend(agreeing or [m])
        kept.extend(r for r in backed if r not in kept)
        return kept
    if not model:
        return backed
    return rules or model


def _closed_doors(rule_candidates: Sequence[Candidate], settled: Sequence[Candidate],
                  sentences: Sequence[tuple[int, int]]) -> list[Candidate]:
    """A refusal the rules found, in a sentence raised as `absolute`, is a hard no.

    "Not much we can do." after "the courier lost your parcel": the model may read the
    blame around it as an explanation rather than a refusal, but a no said as final
    leaves the customer nothing, whatever the model's score.
    """
    absolute = [_sentence_of(c, sentences) for c in settled if c.code == "absolute"]
    return [r for r in rule_candidates
            if r.code == "hard_no" and r not in settled and _inside(r, absolute)]


def settle(rule_candidates: Sequence[Candidate], model_candidates: Sequence[Candidate] | None,
           sentences: Sequence[tuple[int, int]],
           model_codes: frozenset[str] = frozenset(),
           backing: Backing | None = None, *, names_a_problem: bool = True) -> list[Candidate]:
    """The flags to raise, in text order; `model_codes` are the codes the model has a head for.

    A code that `needs_a_problem` is raised only on a draft that names one (an apology,
    "unfortunately", a thank-you for reporting it) or raises another problem code:
    "No problem at all!" needs no next step.
    """
    settled: list[Candidate] = []
    for code in CODES:
        rules = [c for c in rule_candidates if c.code == code]
        model = ([c for c in model_candidates if c.code == code]
                 if model_candidates is not None and code in model_codes else None)
        settled.extend(_decide_code(code, rules, model, sentences, backing))
    settled.extend(_closed_doors(rule_candidates, settled, sentences))
    settled = [c for c in settled if not any(
        c.code in CODES[o.code].overrides and o.start < c.end and c.start < o.end
        for o in settled)]
    raised = {c.code for c in settled}
    if not names_a_problem and not any(not CODES[c].needs_a_problem and c != "shouting"
                                       for c in raised):
        settled = [c for c in settled if not CODES[c.code].needs_a_problem]
        raised = {c.code for c in settled}
    silenced = set().union(*(CODES[code].suppresses for code in raised)) if raised else set()
    kept: list[Candidate] = []
    for c in sorted(settled, key=lambda c: (c.start, -c.score, c.end)):
        if c.code in silenced:
            continue
        if any(k.code == c.code and k.start < c.end and c.start < k.end for k in kept):
            continue
        kept.append(c)
    return kept
