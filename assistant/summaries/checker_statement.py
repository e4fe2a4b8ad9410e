"""The TL;DR checker's statement rules: whether a line states the paper's own main point
(not its background, experiments, a secondary finding, another name, a means, a cut phrase or
the title dressed as a sentence). Pure functions."""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import pairwise

from assistant.names import split_title, title_name
from assistant.summaries.acronyms import definitions
from assistant.summaries.asides import aside_faults
from assistant.summaries.checker_faithfulness import PREFIX, Source, related_word
from assistant.summaries.checker_words import (
    ACRONYM,
    BACKGROUND_OPENING,
    EDGE,
    FINDING_VERBS,
    GENERIC,
    OWN_WORK,
    STOPWORDS,
    WORDS,
    bare_participle_end,
    content_words,
    mentions,
    method_names,
    stem,
    strip_token,
    verbless_that_end,
    wordset,
)
from assistant.summaries.reasons import Code, Reason, coded
from assistant.summaries.surveys import is_survey

# Openings that say nothing of this paper's own work, each with what to say instead.
_EMPTY_OPENINGS = {
    Reason(Code.VACUOUS, "vacuous: say what the paper proposes or finds, not that it is a study"): (
        r"^(?:this|the|our) (?:paper|work|study|article|research) (?:\w+ ){0,2}"
        r"(?:a|an) (?:\w+ )?(?:study|paper|work|analysis|investigation|exploration|discussion)\b"
    ),
    # Background sentences say what others did, not what this paper does ("Existing STR
    # datasets and methods ... struggle to scale to WATER").
    Reason(Code.BACKGROUND, "describes the background: say what this paper proposes or finds"): (
        rf"^(?:{BACKGROUND_OPENING}|existing)\b"
    ),
    Reason(Code.PRONOUN, "starts with a pronoun: name the method or the finding"): (
        r"^(?:they|it|these|those|its|their)\b"
    ),
}


_OPENING_FAULTS = [(re.compile(p, re.IGNORECASE), why) for why, p in _EMPTY_OPENINGS.items()]


# What others have shown: background, not this paper's claim.
_CLAIMED = re.compile(
    r"\b(?:have|has) (?:shown|demonstrated|achieved|become|emerged|attracted)\b"
    # "GRPO has recently gained traction ..., and prior work has explored ..."
    r"|\b(?:have|has) (?:recently )?(?:gained traction|been explored)\b|\bprior work has\b"
    r"|\bincreasingly\b|\bremains? (?:a |an )?(?:challeng|open|difficult)",
    re.I,
)


# "We argue that an important pre-deployment validation is missing ...": the gap the paper
# answers, said as its claim (a position's thesis says what should be, not what is missing).
_ARGUED_GAP = re.compile(
    r"^we\s+argue\s+that\b[^,;]{0,100}?\b(?:is|are|remains?)\s+(?:still\s+)?(?:missing|lacking|"
    r"absent|needed|insufficient|underexplored|overlooked)\b",
    re.I,
)


# "World Action Models (WAMs) are ...": the line defines the field instead of the paper's work.
_FIELD_DEFINITION = re.compile(r"^[A-Z][\w\s-]{3,80}\([A-Z][\w-]*s\)\s+(?:are|is)\b")


# "While cache reuse can ..., existing methods rely on ..." (round 41): the main clause is what
# other work does.
_OTHERS_MAIN = re.compile(
    r"^(?:while|although|though)\b[^,]{5,160},\s+(?:existing|current|prior|previous|most|many)\s+"
    r"(?:[\w-]+\s+){0,2}(?:methods|approaches|models|works|systems|techniques|solutions)\b"
    # "Each deep research agent introduced so far is hard-coded ...": the others' work
    r"|^[^,]{0,80}\b(?:introduced|proposed|developed|released|built)\s+(?:so|thus)\s+far\b",
    re.I,
)


OPENING_WORDS = 6  # a line opening with the abstract's first words copies its background


def check_background(tldr: str, title: str, abstract: str) -> list[Reason]:
    """The abstract's opening sentence (unless it already names the method or says "we"), or
    a claim of what others "have shown", says what the field knows, not what this paper does."""
    first = WORDS.findall(abstract.casefold())[:OPENING_WORDS]
    own = first[:1] == ["we"] or first[:2] in (["this", "paper"], ["in", "this"])
    own = own or any(tldr.startswith(name) for name in method_names(title, abstract))
    opening = WORDS.findall(tldr.casefold())[:OPENING_WORDS]
    if not own and len(first) == OPENING_WORDS and opening == first:
        return [
            Reason(
                Code.OPENING, "copies the abstract's opening (background), not what this paper does"
            )
        ]
    others = _OTHERS_MAIN.match(tldr.strip())
    if (
        _CLAIMED.search(tldr)
        or _FIELD_DEFINITION.search(tldr.strip())
        or _ARGUED_GAP.match(tldr)
        or others
    ):
        return [
            Reason(
                Code.BACKGROUND, "describes the background: say what this paper proposes or finds"
            )
        ]
    return []


# "We propose ...", "Our work introduces ...", "We thus introduce ...": the paper's own
# contribution, named or not.
_OWN_CONTRIBUTION = re.compile(
    r"^(?:we|our (?:work|paper|study)|this (?:paper|work|study))\s+"
    r"(?:(?:\w+ly|thus|then|also|further|hence|therefore|here|first|now)\s+)?(?:propose|"
    r"introduce|present|develop|design|build|construct|curate|release|contribute)"
    r"|^our (?:approach|method|framework|model|system|pipeline|agent)\b",
    re.I,
)


# "We conduct extensive experiments ...", "Our data and results ...": the evaluation.
_EXPERIMENTS = re.compile(
    r"^(?:we\s+(?:\w+ly\s+)?(?:conduct|evaluate|focus|test|run|perform|benchmark|analy[sz]e)|"
    r"our (?:data|results?|experiments?|analys[ie]s|evaluations?|findings)\b|"
    r"(?:extensive |comprehensive )?experiments\b)",
    re.I,
)


# "X is a benchmark and a framework": two contributions bound to one name.
_TWO_THINGS = re.compile(
    r"^\S+(?:\s\S+){0,2}\s+(?:is|are)\s+(?:a|an)\s[^,]{0,80}?\sand\s+(?:a|an)\s"
)


# "SimpleGVR: A Simple Baseline ..."; not a phrase like "Teaching with Lies: ...".
_SHORT_NAME = re.compile(r"^\S*(?:[A-Z]\S*[A-Z0-9]|[a-z][A-Z]|\d)\S*|^\S+$")


def check_subject(tldr: str, title: str, abstract: str) -> list[Reason]:
    """A paper titled "X: ..." is summarised by a line about X or about what "we" propose:
    a line about another name (a side release "X-Lite", a benchmark beside the model), the
    background or the experiments says neither what X is nor what it does."""
    head = title_name(title)
    if head is None or not _SHORT_NAME.match(head):
        return []
    if _TWO_THINGS.match(tldr.strip()):
        return [Reason(Code.SUBJECT, "binds two contributions to one name")]
    forms = _forms_of(head) | _expansions(head, abstract) | _abstract_spellings(head, abstract)
    if any(mentions(tldr, form) for form in forms):
        return []
    if _EXPERIMENTS.match(tldr.strip()):
        return [Reason(Code.SUBJECT, f"describes the experiments, not what {head} is or does")]
    if _OWN_CONTRIBUTION.match(tldr.strip()) or _own_finding(tldr, title, abstract):
        return []
    return [Reason(Code.SUBJECT, f"says neither what {head} is nor what the paper proposes")]


# "we find, to the best of our knowledge, the first evidence that ...", "we show that ...":
# what follows is the paper's own finding, whichever name the title carries.
_WE_FOUND = re.compile(
    rf"\bwe\s+(?:\w+ly\s+|also\s+|further\s+)?(?:{FINDING_VERBS}|found|discover|establish)\b"
    r"[^.;]{0,90}?\bthat\s+",
    re.I,
)
FINDING_OPENING = 4  # the line's first words that must follow the abstract's "we find that"
TOPIC_SHARED = 2  # title words after the colon a finding must share to be the title's point


def _own_finding(tldr: str, title: str, abstract: str) -> bool:
    """Whether the line is the abstract's own "we find that ..." claim on the title's topic:
    "Overall performance during environment learning follows a log-sigmoid scaling law" for
    "EdgeBench: Unveiling Scaling Laws of Learning from Real-World Environments"."""
    opening = " ".join(WORDS.findall(tldr.casefold())[:FINDING_OPENING])
    claims = (
        " ".join(WORDS.findall(abstract[m.end() :].casefold())[:FINDING_OPENING])
        for m in _WE_FOUND.finditer(abstract)
    )
    if len(opening.split()) < FINDING_OPENING or opening not in claims:
        return False
    head, description = split_title(title)
    topic = {stem(w) for w in content_words(description if head else "")}
    line = {stem(w) for w in content_words(tldr)}
    return len(topic & line) >= TOPIC_SHARED


def _forms_of(name: str) -> set[str]:
    """How an abstract writes a title's name: as is (with a space for a hyphen), by its
    initials ("Graph of Skills" -> "GoS"), or by a named part ("InfiMed-ORBIT" -> "ORBIT")."""
    forms = {name}  # its hyphen and space spellings: name_pattern
    parts = [part for part in re.split(r"[-\s]", name) if part]
    if len(parts) > 1:
        forms.add("".join(part[0] for part in parts))
    return forms | {part for part in parts if len(part) >= 3 and ACRONYM.match(part)}


# What a title adds to the name the abstract uses: a report label, a version or size suffix.
_TITLE_EXTRA = re.compile(
    r"(?:\s+technical\s+report|\s+report)$|[-\s]?(?:v\d+(?:\.\d+)*|\d+(?:\.\d+)?b|\+\+)$", re.I
)
SPELLING_SLIP = 8  # names this long (letters and digits) may differ by one letter: a typo


def _name_key(name: str) -> str:
    """A name with its title extras, case, hyphens and a zero-for-O slip folded away:
    "WebSailor-V2", "Qwen-RobotWorld Technical Report", "MolmoB0T" -> "websailor",
    "qwenrobotworld", "molmobot"."""
    while (bare := _TITLE_EXTRA.sub("", name)) != name:
        name = bare
    return re.sub(r"[^a-z0-9]", "", name.casefold().replace("0", "o"))


def _one_slip(a: str, b: str) -> bool:
    """Whether one letter added or dropped turns ``a`` into ``b`` ("embrace3k", "emrace3k");
    not a digit, which numbers a version ("mind2web2" is not "mind2web")."""
    if abs(len(a) - len(b)) != 1:
        return False
    short, long_ = sorted((a, b), key=len)
    return any(
        long_[i].isalpha() and long_[:i] + long_[i + 1 :] == short for i in range(len(long_))
    )


def _abstract_spellings(name: str, abstract: str) -> set[str]:
    """The abstract's own spelling of the title's name when the title dresses it up or slips:
    "WebSailor" for "WebSailor-V2", "Qwen-RobotWorld" for "Qwen-RobotWorld Technical Report",
    "MolmoBot" for "MolmoB0T", "alpha-Flow" for "AlphaFlow", "EmRACE-3K" for "EmbRACE-3K"."""
    key = _name_key(name)
    found = set()
    for raw in abstract.split():
        token = strip_token(raw)
        other = _name_key(token)
        # A name has a capital ("fit" and "perception" are words, not "FIT", "Perceptio").
        if not token[:1].isalpha() or token.islower() or len(other) < 3:
            continue
        slip = min(len(key), len(other)) >= SPELLING_SLIP and _one_slip(key, other)
        if other == key or slip:
            found.add(token)
    return found


def _expansions(name: str, abstract: str) -> set[str]:
    """What the abstract spells the name out as, and its initials: "Cognitive Diffusion
    Probabilistic Models (CogDPM)" -> that phrase and "CDPM"."""
    found = set()
    for match in re.finditer(rf"((?:[A-Z][\w-]*\s+){{1,6}})\({re.escape(name)}\)", abstract):
        words = match.group(1).split()
        found |= {" ".join(words), "".join(w[0] for w in words)}
    return found


# "SimpleGVR is a simple baseline for ...": a sentence saying what the named work is, which
# says more than the title even when every content word comes from it.
_DEFINES = re.compile(r"^[^\s:]+(?:\s[^\s:]+){0,2}\s+(?:is|are)\s+(?:a|an)\s+\S+\s+\S+")


def check_substance(tldr: str, source: Source, title: str) -> list[Reason]:
    for opening, why in _OPENING_FAULTS:
        if opening.search(tldr.strip()):
            return [why]
    content = {stem(w) for w in content_words(tldr) if len(w) > 1}
    if not any(related_word(word, term) for word in content for term in source.key_terms):
        return [
            Reason(
                Code.VACUOUS,
                "vacuous: names none of the paper's key terms (title words or method name)",
            )
        ]
    if len(content) < 3:
        return [Reason(Code.VACUOUS, "vacuous: too few content words")]
    if content <= source.key_terms and not _DEFINES.match(tldr.strip()):
        return [
            Reason(Code.TITLE_ECHO, "only restates the title: say what the method does or finds")
        ]
    if _echoes_title(tldr, title) or _study_of_title(tldr, title):
        return [Reason(Code.TITLE_ECHO, "echoes the title: say what the method does or finds")]
    if _SYMBOL_SUBJECT.match(tldr.strip().casefold()):
        return [
            Reason(Code.SUBJECT, 'its subject is a bare symbol ("Δlog p") the line does not define')
        ]
    if _NAME_ACTS.match(tldr.strip()) and not _title_topic(content, title):
        return [
            Reason(Code.VACUOUS, "vacuous: names only the method, none of the title's topic words")
        ]
    return []


# "Δlog p more effectively identifies ...": a line led by a symbol (a Greek letter, a math
# sign, one letter) the abstract defines by a phrase the line leaves out; a letter hyphenated
# to a word is a name ("π-StepNFT", round 39).
_SYMBOL_SUBJECT = re.compile(
    r"^(?:we\s+\w+\s+that\s+)?"
    r"(?:\S*[\u0370-\u03ff\u2200-\u22ff](?!-[a-z]{3})|(?![ai]\s)[a-z]\s)"
)


# "SAGE-GRPO applies constraints at ...": a name and what it does, with neither a definition
# ("X is a ...", which says what X is) nor a result ("achieves", "outperforms") to stand on.
_NAME_ACTS = re.compile(
    r"^(?:we\s+(?:propose|introduce|present)\s+\S+,\s+which\s+"  # "We propose X, which ..."
    r"|(?!(?:we|this|our|these|the|it|in|to|by)\s)\S+\s+)"  # "X applies ..."
    r"(?!(?:is|are)\s)(?!.*\b(?:achiev|outperform|surpass|improv|reduc|boost|increas|exceed|"
    r"yield|match)\w*)(?:\S+\s+){1,12}\S+$",
    re.I,
)


def _title_topic(content: set[str], title: str) -> bool:
    """Whether the line's content words share one with a title that does not name the method:
    "SAGE-GRPO applies constraints at both micro and macro levels" says nothing of
    "Manifold-Aware Exploration for Reinforcement Learning in Video Generation"."""
    if title_name(title):  # "CogDPM: ..." — the title beside the line says what CogDPM is for
        return True
    terms = {stem(w) for w in content_words(title)}
    return not terms or any(related_word(w, t) for w in content for t in terms)


TITLE_RUN = 5  # a line opening with this many title words uses the title as its subject


def _echoes_title(tldr: str, title: str) -> bool:
    """Whether the line opens with the title (beyond a short method name before its colon,
    which a TL;DR should name): "LLM Unlearning Should Be Form-Independent, a method ..."."""
    if title_name(title):
        title = split_title(title)[1]
    words = WORDS.findall(title.casefold())
    said = WORDS.findall(tldr.casefold())
    opening = " ".join(said[:TITLE_RUN])
    ends = [
        i + TITLE_RUN
        for i in range(len(words) - TITLE_RUN + 1)
        if " ".join(words[i : i + TITLE_RUN]) == opening
    ]
    # A title that states a finding ("Hallucination in World Models is Predictable") shares
    # its subject with a line giving another predicate ("... is inherently a data coverage
    # issue"): an echo only where the line goes on as the title does, or the title ends.
    return any(end >= len(words) or said[TITLE_RUN : TITLE_RUN + 1] == [words[end]] for end in ends)


# "Echo-Memory is a controlled study of memory mechanisms in ...": what a study is, and nothing
# it found.
_STUDY_OF = re.compile(
    r"^[^,;:]+?\s+(?:is|are)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:study|analysis|"
    r"investigation|examination|survey)\s+of\s[^,;:]+\.?$"
    # "We study syllogistic reasoning in LLMs from the logical and natural language perspectives."
    r"|^we\s+(?:\w+ly\s+)?(?:study|investigate|examine|explore|analy[sz]e)\s[^,;:]+\.?$"
    # "This paper reviews the MARS2 2025 Challenge on Multimodal Reasoning." (round 40)
    r"|^this\s+(?:paper|work|report|article)\s+(?:studies|investigates|examines|explores|"
    r"analy[sz]es|reviews|surveys)\s[^,;:]+\.?$",
    re.I,
)
STUDY_NEW_WORDS = 1  # "mechanisms": a study line may add one word and still only echo


def _study_of_title(tldr: str, title: str) -> bool:
    """Whether the line only says that the paper studies what its title names: no finding, and
    no more than one content word beyond the title's (a compound counts as the title's when
    one of its parts is: "action-conditioned" for "Action")."""
    if not _STUDY_OF.match(tldr.strip()):
        return False
    titled = {stem(w) for w in WORDS.findall(title.casefold().replace("-", " "))}
    compounds = (set(content_words(token)) for token in _COMPOUND.findall(tldr))
    new = [parts for parts in compounds if parts and not titled & {stem(p) for p in parts}]
    return len(new) <= STUDY_NEW_WORDS


_COMPOUND = re.compile(r"\w+(?:-\w+)*")


# "Our visualization further shows ...": a secondary finding copied from the abstract's middle.
_SECONDARY = re.compile(
    r"\b(?:further|also|additionally)\s+(?:show|demonstrat|reveal|find|confirm|indicat|highlight|"
    r"suggest|prov|illustrat|verif)\w*",
    re.I,
)
# "We further introduce a model that predicts ...": a second contribution as the whole line.
_FURTHER_CONTRIBUTION = re.compile(
    r"^(?:here\s+)?we\s+(?:also|further|additionally)\s+(?:\w+ly\s+)?(?:introduce|propose|"
    r"present|develop|release|construct|build|design|curate|contribute|provide|create|devise|"
    r"include|add|incorporate)\b",
    re.I,
)


# "The method enables ...", "Our approach relies on ...": a subject that names nothing, with
# any verb in the third person.
_UNNAMED_SUBJECT = re.compile(
    r"^(?:the|our)\s+(?:new\s+|novel\s+|proposed\s+)?(?:method|approach|framework|model|"
    r"technique|system|pipeline|algorithm|strategy|solution)s?\s+(?:\w+ly\s+)?"
    r"(?:can|could|is|are|enables|allows|improves|achieves|outperforms|surpasses|yields|"
    r"delivers|offers|provides|shows|demonstrates|leads|reduces|increases|boosts|[a-z]+[^s\W]s)\b",
    re.I,
)


# "Our scenarios feature ...": the paper's own parts, unnamed, as the plural subject of the
# line (it says what they are like, not what the paper is). Not what its experiments or
# results show: a finding, which other rules judge.
_OUR_PARTS_SUBJECT = re.compile(
    r"^Our\s+(?:[\w-]+[^s\W]\s+){0,2}?"
    r"(?!(?:results|experiments|findings|analyses|evaluations|studies|ablations)\b)[a-z]+s\s+"
    r"(?:\w+ly\s+)?(?:feature|span|cover|include|involve|require|comprise|range|vary|"
    r"consist|exhibit|reflect|capture|share|emphasi[sz]e|combine)\b"
)
# "Qualitative analyses, including real-robot trials, highlight ...": what an analysis or a
# trial shows, the abstract's closing remark, as the whole line.
_ANALYSIS_SUBJECT = re.compile(
    r"^(?:[\w-]+\s+){0,2}?(?:analys[ie]s|ablations?(?:\s+stud(?:y|ies))?|case\s+stud(?:y|ies)|"
    r"visuali[sz]ations?|trials|user\s+stud(?:y|ies))(?:,[^,]{0,80},)?\s+(?:\w+ly\s+)?"
    r"(?:highlight|show|reveal|confirm|demonstrate|indicate|suggest|validate|illustrate|"
    r"verify)s?\b",
    re.I,
)


# "While this area is young, its extension ...": the main clause is about a pronoun.
_CLAUSE_THEN_PRONOUN = re.compile(
    r"^(?:while|although|though|whereas|as|since|because|when|if)\b[^,]{0,150},\s*"
    r"(?:it|its|they|their|this|these|those|such)\b",
    re.I,
)


# ", adopting ...", ", designed for ...": a participle clause hung on the subject.
_PARTICIPLE_CLAUSE = re.compile(
    r",\s+(?:\w+ly\s+)?(?:(?!including\b)\w+ing|\w+ed\s+(?:for|to|by|with|on|in|from|as|via))\b",
    re.I,
)


STACKED = 3  # three participle clauses chained on one subject read as a stitched list


# "TAIR, a novel restoration task ..., outperforms ...", "X is the first benchmark for ...,
# achieving state-of-the-art results": a task or dataset does not beat methods. Only the head
# noun counts ("a model trained on the ... dataset" may), and a result after "showing that
# <another name>" or "models that achieve" has its own subject.
_RESULT_ON_KIND = re.compile(
    r"^\S+(?:\s\S+){0,2}(?:\s\([^)]*\))?(?:\s+(?:is|are)\s+|,\s+)(?:a|an|the)\s+"
    r"(?:(?!(?:a|an|the|on|of|for|in|with|to|by|from|and|or|that|which|trained|built|based|"
    r"using|via)\b)[\w'-]+\s+){0,6}?"
    r"(?:benchmark|dataset|corpus|task|problem|survey|setting|testbed|leaderboard)s?"
    r"(?![\w-])(?!\s+and\b)"
    r"(?:(?!\b(?:show|demonstrat|reveal|find|found|indicat|prov)\w*\s+that\b)[^.;])*?"
    r"(?:(?<!that )(?<!which )\b(?:achiev|attain|reach|deliver|set)\w*\s+(?:a\s+)?(?:new\s+)?"
    r"(?:state-of-the-art|sota|superior|competitive|top)\b"
    r"|,\s+(?:\w+ly\s+)?(?:outperform|surpass|beat|exceed))",
    re.I,
)


# "incorporating three key ingredients": a count of parts promised and not given (": ...",
# "(1) ...", "for X, Y and Z" give them).
_PROMISED_PARTS = re.compile(
    r"\b(?:two|three|four|five|six|seven|several|multiple)\s+(?:key|core|main|major|novel|"
    r"critical|important|crucial|complementary|essential|fundamental|primary|central|distinct)\s+"
    r"(?:ingredients|components|mechanisms|modules|stages|strategies|innovations|techniques|"
    r"contributions|designs|steps|phases|pillars|principles|insights|advances|aspects|factors|"
    r"dimensions|axes|challenges|issues|problems|limitations|properties|objectives|parts|"
    r"elements|features|improvements|ideas|findings|lessons|observations|capabilities)\b"
    # "three core components of agents: memory, ...": the parts given after a colon
    r"(?!(?:\s+of\s+[\w-]+(?:\s+[\w-]+)?)?,?\s*"
    r"(?::|\(|—|–|(?:namely|including|such as|like|for)\b))",
    re.I,
)


# "X is a multi-agent system ..., first decomposing a user idea into ...": the first step of a
# procedure, which promises the rest, is a detail, not the paper's point.
_FIRST_STEP = re.compile(
    r",\s+(?:by\s+)?first(?:ly)?\s+\w+ing\b"
    # "We first quantify the risks ... and curate ..." (round 40): the study's first step
    r"|^we\s+first\s+(?!(?:propose|introduce|present|develop|design|build|release)\b)\w+",
    re.I,
)


# "We introduce Klear and delve into ...", "We propose X (its expansion).": a name
# introduced without saying what it is.
_BARE_INTRODUCTION = re.compile(
    r"\b(?:introduce|present|propose|release|develop)s?\s+[A-Z][^\s,(]*\s*(?:\([^)]*\)\s*)?"
    r"(?:\band\s+[a-z]|\.?$)"
)


# "Second, X improves ...": one item of the abstract's list, not the paper's point.
_LIST_ITEM = re.compile(r"^(?:first(?:ly)?|second(?:ly)?|third(?:ly)?|finally|lastly),", re.I)


# "Results show X effectively ...": the evaluation's verdict, not what the paper proposes.
_RESULTS_OPENING = re.compile(
    r"^(?:the\s+)?results\s+(?:show|demonstrate|indicate|reveal|suggest|confirm)", re.I
)


# "X is a cost-effective, end-to-end agent.", "We present Clue, a minimalist, non-parametric
# verifier.", "X is a high-speed generation framework based on flow matching.": what kind of
# thing X is (and what it is built on), not what it does or is for. An agent noun says what
# it does once the basis is added ("a shot boundary detector built on query transformers").
_KIND_ONLY = re.compile(
    r"^(?:\S+(?:\s\S+){0,2}\s+(?:is|are)|(?:we|this (?:paper|work))\s+(?:\w+ly\s+)?"
    r"(?:present|introduce|propose)s?\s+\S+(?:\s\S+){0,2}(?:\s+for\s+[A-Z]\S*)?(?:\s\([^)]*\))?,)"
    r"\s+(?:a|an|the)\s+(?:(?!(?:for|of|to|in|on|with|that|which|from|by)\b)[^\s.;:]+\s+){0,6}"
    r"(?:(?:agent|model|framework|method|approach|system|benchmark|dataset|pipeline|tool|toolkit|"
    r"library|platform|suite|architecture|algorithm|paradigm)s?"
    r"(?:\s+(?:based|built|grounded)\s+(?:on|in)\s+[^,;:]{1,60})?|[a-z]{3,}(?:er|or)s?)\.?$",
    re.I,
)

# "We present a unified framework, the Time-Series Similarity Toolbox (TSS).": the kind, then
# the name, and nothing about what it does.
_KIND_THEN_NAME = re.compile(
    r"^(?:[Ww]e|[Tt]his (?:paper|work))\s+(?:\w+ly\s+)?(?:present|introduce|propose)s?\s+"
    r"(?:a|an)\s+"
    r"(?:[\w-]+\s+){0,4}(?:agent|model|framework|method|approach|system|benchmark|dataset|"
    r"pipeline|tool|toolkit|toolbox|library|platform|suite|architecture|algorithm|paradigm),\s+"
    r"(?:the\s+)?(?:[A-Z][\w-]*\s+)*[A-Z][\w-]*(?:\s+\([^)]*\))?\.?$"
)


LIGHT_VERBS = wordset("provide provides offer offers enable enables deliver delivers")


# "MUR is comprehensively evaluated against ...": the line's main verb says the work was
# evaluated, which every paper is, not what it does or finds.
_EVALUATED = re.compile(
    r"^\S+(?:\s\S+){0,5}?(?:\s\([^)]*\))?\s+(?:is|are|was|were|has been|have been)\s+"
    r"(?:\w+ly\s+)?(?:evaluated|tested|compared|benchmarked|validated|assessed)\b",
    re.I,
)


# "... and we thought that current usage could benefit ...": what the authors believe or hope,
# the motivation, not what they did or found ("we argue" states a position paper's thesis).
_BELIEF = re.compile(
    r"\bwe\s+(?:\w+ly\s+)?(?:thought|think|believe|feel|hope|wonder|suspect|expect|"
    r"hypothesi[sz]e|conjecture)\b",
    re.I,
)


# "MotionMillion-Eval is the most comprehensive benchmark ..., demonstrating strong
# generalization": a benchmark or dataset is credited with what only a method shows
# (performance, generalization, gains); "revealing performance gaps" is a benchmark's finding.
_CLAIM_ON_KIND = re.compile(
    r"^\S+(?:\s\S+){0,2}(?:\s\([^)]*\))?(?:\s+(?:is|are)\s+|,\s+)(?:a|an|the)\s+"
    r"(?:[\w'-]+\s+){0,6}?(?:benchmark|dataset|corpus|task|survey|testbed|leaderboard)s?(?![\w-])"
    r"[^.;]*?,\s+(?:(?:\w+ly\s+)?(?:demonstrat|show|exhibit|yield|deliver|achiev|bring|attain|"
    r"reach|obtain)\w*\s+(?!that\b)(?:[\w-]+\s+){0,2}?|and\s+its\s+)(?:generali[sz]ation|"
    r"improvements?|gains|accuracy|performance(?!\s+(?:gaps?|drops?|differences?|degradation|"
    r"declines?)))\b",
    re.I,
)


def check_statement(tldr: str, title: str, abstract: str) -> list[Reason]:
    """Why ``tldr`` is not the paper's main statement: a secondary finding, an unnamed or
    wrong subject, a dangling motivation, a stitched chain of clauses, a name introduced
    bare, a phrase cut short of the abstract's, or the title dressed as a sentence."""
    text = " ".join(tldr.split())
    faults = [
        (_SECONDARY, 'a secondary finding ("further shows"), not the paper\'s main point'),
        (_FURTHER_CONTRIBUTION, 'a second contribution ("We further introduce"), not the main'),
        (_UNNAMED_SUBJECT, 'vacuous: the subject names nothing ("Our approach enables ...")'),
        (
            _OUR_PARTS_SUBJECT,
            'vacuous: the subject is the paper\'s unnamed parts ("Our scenarios")',
        ),
        (
            _ANALYSIS_SUBJECT,
            'what an analysis or trial shows ("Qualitative analyses ..."), a closing remark',
        ),
        (_CLAUSE_THEN_PRONOUN, "a motivation clause about a pronoun, not the paper's work"),
        (_RESULT_ON_KIND, "a result attached to a task or dataset, not to the method"),
        (_PROMISED_PARTS, 'names a count of parts ("three key ingredients") but not the parts'),
        (_FIRST_STEP, 'the first step of a procedure ("first training ..."), not the point'),
        (_BARE_INTRODUCTION, "introduces a name without saying what it is"),
        (_LIST_ITEM, 'one item of a list ("Second, ..."), not the paper\'s main point'),
        (_RESULTS_OPENING, '"Results show ...": say what the paper proposes or finds'),
        (_KIND_ONLY, "vague: says what kind of thing it is, not what it does or is for"),
        (_KIND_THEN_NAME, "vague: gives the kind and the name, not what it does or is for"),
        (_EVALUATED, "says only that it was evaluated, not what it does or finds"),
        (_BELIEF, 'the authors\' belief or motivation ("we thought"), not what they did'),
        (_CLAIM_ON_KIND, "a method's result credited to a benchmark or dataset"),
        (_CLOSING, 'a closing remark ("We finally ..."), not the paper\'s main point'),
        (_NAMED_ONLY, 'vacuous: only the name ("We propose X, called Y.")'),
        (_REPORTED_ONLY, 'vacuous: says only that experiments are reported ("We report our ...")'),
        (_VAGUE_FINDING, 'vague: a finding that names nothing ("reveals several behaviors")'),
    ]
    reasons = [
        Reason(_CODES.get(pattern, Code.NOT_MAIN), why)
        for pattern, why in faults
        if pattern.search(text)
    ]
    if len(_PARTICIPLE_CLAUSE.findall(text)) >= STACKED:
        reasons.append(Reason(Code.GRAMMAR, "a stitched chain of participle clauses"))
    if _clipped(text, abstract):
        reasons.append(
            Reason(Code.CUT_OFF, "cut off: the abstract's phrase goes on past the line's last word")
        )
    if _participle_cut(text, abstract):
        reasons.append(
            Reason(Code.CUT_OFF, "cut off: a participle ends the line before its complement")
        )
    if _subject_cut(text, abstract):
        reasons.append(
            Reason(Code.CUT_OFF, "cut off: the clause's subject is left without its verb")
        )
    if _list_cut_short(text, abstract):
        reasons.append(
            Reason(Code.CUT_OFF, "cut off: the abstract's list goes on past the line's last item")
        )
    if _means_not_contribution(text, abstract):
        reasons.append(
            Reason(
                Code.NOT_MAIN,
                'a means ("We design a pipeline ..."), not the contribution it serves',
            )
        )
    if _drops_relation(text, abstract):
        reasons.append(
            Reason(Code.ROLE, 'says X is what the abstract says X is built on ("is [built on] a")')
        )
    echo = _title_with_verb(text, title, abstract) or _title_then_aside(text, title)
    if _title_casing(text, title, abstract) or echo:
        reasons.append(
            Reason(Code.TITLE_ECHO, "echoes the title: say what the method does or finds")
        )
    if _points_outside(text) or _unresolved(text):
        reasons.append(
            Reason(
                Code.POINTER,
                'refers to something it does not say ("this formalism", "these skills")',
            )
        )
    return reasons + coded(Code.ASIDE, aside_faults(text))


# "this formalism", "these capabilities": a demonstrative a one-line TL;DR cannot resolve.
_DEMONSTRATIVE = re.compile(
    rf"\b(?:this|these|those)\s+(?!(?:{OWN_WORK}|way)\b)([a-z][\w-]*)",
    re.I,
)


# "to separate the two functions,", "the two roles yields", "such workflows, which ...": a
# count or "such" on a noun the line has not said (not "the two axes of efficiency", which
# says what they are, nor "such as"/"such that"); "such" only where its phrase closes, since
# "such truth subspaces end-to-end" goes on to say more.
_UNSAID_PLURAL = re.compile(
    r"\bthe\s+(?:two|three|four|both)\s+([a-z][\w-]*)\b(?!-|\s+(?:of|for|in|on|that|which|"
    # "the two encoding paths: A, while B": a colon after the noun phrase says what they are
    r"from|with)\b|\s*[:(]|\s+[a-z][\w-]*\s*:)"
    r"|\bsuch\s+(?!(?:as|that)\b)([a-z][\w-]*)(?=\s*(?:,|\.|$)|\s+(?:which|and)\b)",
    re.I,
)
_THEM = re.compile(r"\b(?:between|among)\s+them\b", re.I)


def _unresolved(text: str) -> bool:
    """Whether the line points at things it never names: "connections between them", "to
    separate the two functions", "such workflows, which ..."."""
    if _THEM.search(text):
        return True
    for match in _UNSAID_PLURAL.finditer(text):
        said = {stem(w) for w in WORDS.findall(text[: match.start()].casefold())}
        if stem((match.group(1) or match.group(2)).casefold()) not in said:
            return True
    return False


def _points_outside(text: str) -> bool:
    """Whether a demonstrative's word ("this *emergent* system") is one the line has not
    said before it: the referent is in the abstract, not in the line."""
    for match in _DEMONSTRATIVE.finditer(text):
        said = {stem(w) for w in WORDS.findall(text[: match.start()].casefold())}
        if stem(match.group(1).casefold()) not in said:
            return True
    return False


# "We finally identify six open design directions ...": the abstract's closing remark.
_CLOSING = re.compile(r"^(?:finally|lastly),?\s|^we\s+(?:finally|lastly)\b", re.I)


# "We propose Debiased Representations for Q-learning, tagged DR.Q algorithm.": a name and
# its label, nothing about what it does.
_NAMED_ONLY = re.compile(
    r"^(?:we|this (?:paper|work))\s+(?:\w+ly\s+)?(?:introduce|present|propose|release|develop)s?"
    r"\s+[^,;]{1,80},\s+(?:tagged|called|named|dubbed|termed|coined)\s+[^,;]+$",
    re.I,
)
# "We first report our Gemini Plays Pokemon experiments.": that something is reported.
_REPORTED_ONLY = re.compile(
    r"^we\s+(?:first\s+|also\s+|then\s+|further\s+)?(?:report|describe|detail|summari[sz]e)"
    r"\s+(?:on\s+)?(?:our|the)\s+[^,;]{0,80}?\b(?:experiments?|results|findings|experiences?|"
    r"efforts?|observations)\.?$"
    # "This paper details the architecture of EO-1, the data ... and the training methodology"
    # (round 40): what the report covers, not what the work is or does
    r"|^this\s+(?:paper|report|work)\s+(?:details|describes|documents|outlines)\s+the\s+"
    r"(?:architecture|design|training|implementation|data|methodology|recipe|details)\b",
    re.I,
)
# "Our analysis reveals several non-obvious behaviors, which ...": a finding that names none,
# unless the line goes on to list them ("several patterns: ...", "..., such as ...").
_VAGUE_FINDING = re.compile(
    r"\b(?:reveals?|revealed|revealing|shows?|showing|uncovers?|uncovering|identif(?:y|ies|ying)|"
    r"finds?|finding|highlights?|highlighting|exposes?|exposing)\s+(?:several|some|many|various|"
    r"numerous|multiple|a few|a (?:number|range|set|series|variety) of)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:behaviou?rs|findings|insights|phenomena|patterns|observations|properties|trends|lessons|"
    r"issues|factors)\b(?!\s*(?:such as|including|like|namely|:|\())(?!,\s*(?:such as|including|"
    r"e\.g\.|namely))",
    re.I,
)


# The code of each statement rule that is not just another side of the paper
# (Code.NOT_MAIN): the builders key on the secondary finding, the second contribution, the
# nameless subject and the closing remark.
_CODES = {
    _SECONDARY: Code.SECONDARY_FINDING,
    _FURTHER_CONTRIBUTION: Code.SECOND_CONTRIBUTION,
    _UNNAMED_SUBJECT: Code.VACUOUS_SUBJECT,
    _OUR_PARTS_SUBJECT: Code.VACUOUS_SUBJECT,
    _ANALYSIS_SUBJECT: Code.CLOSING_REMARK,
    _RESULT_ON_KIND: Code.ROLE,
    _KIND_ONLY: Code.VAGUE,
    _KIND_THEN_NAME: Code.VAGUE,
    _CLAIM_ON_KIND: Code.ROLE,
    _CLOSING: Code.CLOSING_REMARK,
    _NAMED_ONLY: Code.VACUOUS,
    _REPORTED_ONLY: Code.VACUOUS,
    _VAGUE_FINDING: Code.VAGUE,
}


# "..., showing that achieving intended outcomes.": a that-clause whose subject is a gerund
# phrase and which ends before its verb.
_GERUND_THAT_END = re.compile(r"\bthat\s+(\w+ing\s+(?:[\w-]+\s+){0,5}[\w-]+)\.?$")


def _subject_cut(text: str, abstract: str) -> bool:
    """Whether the line ends a that-clause on its gerund subject where the abstract's clause
    goes on to its verb ("that achieving intended outcomes [...] remains challenging"), or on
    a subject without a verb where the abstract goes on past a comma ("revealing that
    state-of-the-art MLLMs[, including proprietary ones, struggle ...]")."""
    source = " ".join(abstract.split())
    match = _GERUND_THAT_END.search(text)
    if match and re.search(rf"\b{re.escape(match.group(1))}\s+[\w-]", source):
        return True
    tail = verbless_that_end(text)
    return bool(tail and re.search(rf"\b{re.escape(tail)},\s", source))


# "..., with a focus on model fingerprinting": a phrase about the whole, not a list's item.
_NO_ITEM = re.compile(r"^with\s+(?:a|an|the)\s+(?:focus|emphasis)\b")


def _list_cut_short(text: str, abstract: str) -> bool:
    """Whether the line ends on an item of a list the abstract goes on with: "combining a
    Direction Oracle, a soft binding-affinity gate." where the abstract has "..., a soft
    binding-affinity gate, and amortized fine-tuning"."""
    head, comma, tail = text.rstrip(" .").rpartition(",")
    tail = tail.strip()
    if not comma or len(tail.split()) < 2 or re.search(r"\b(?:and|or)\b", tail):
        return False
    if _ADJECTIVE_COMMA.search(head) or _EXAMPLES.match(tail) or _NO_ITEM.match(tail):
        return False
    source = " ".join(abstract.split())
    before = " ".join(head.split()[-2:])
    # The abstract's next item follows the line's last one, or more items up to "and"
    # ("integrates context management, data construction, training objectives, and ...").
    # The line's last item may have been cut before its relative clause ("..., a novel scaling
    # law [that extends beyond ...], and intensive tool use").
    goes_on = (
        r"(?:\s+(?:that|which)\s[^,.;]+)?"
        r"(?:,?\s+(?:and|or)\s+\w|,(?:\s+[^,.;]+,)*\s+(?:and|or)\s)"
    )
    return bool(re.search(rf"{re.escape(before)},\s+{re.escape(tail)}{goes_on}", source))


# "a compact, invertible parameterization": a comma between an article's adjectives, not items.
_ADJECTIVE_COMMA = re.compile(r"\b(?:a|an|the)\s+[\w-]+$", re.I)
_EXAMPLES = re.compile(r"(?:such as|including|e\.g\.)\s", re.I)


# "We design ...", "We build ...": how the authors made something, not what they propose.
_WE_MEANS = re.compile(
    r"^we\s+(?:\w+ly\s+)?(?:design|build|use|adopt|employ|leverage|apply|implement|utili[sz]e|"
    r"incorporate|add|train|construct|develop|devise|collect|curate)\b",
    re.I,
)


_CONTRIBUTION = re.compile(
    r"\b(?:propose|proposes|introduce|introduces|we present|this (?:paper|work) presents)\b", re.I
)


OWN_WORDS = 4  # the line's words after "We" that find its own sentence in the abstract


def _means_not_contribution(text: str, abstract: str) -> bool:
    """Whether an authors'-voice line tells how they built a part ("We design a Geometry-to-
    Video pipeline ...") while another sentence of the abstract states the contribution
    ("we propose ReRe ..."): the line gives a means, not the paper's point."""
    if not _WE_MEANS.match(text):
        return False
    own = " ".join(text.split()[1 : 1 + OWN_WORDS]).casefold()
    sentences = re.split(r"(?<=[.!?])\s+", " ".join(abstract.split()))
    return any(_CONTRIBUTION.search(s) for s in sentences if own not in s.casefold())


# "DreamStyle is a vanilla Image-to-Video model": the line's subject and what it is said to be.
_IS_A = re.compile(
    r"^(?P<name>\S+(?:\s\S+){0,2}?)\s+(?:is|are)\s+(?P<what>(?:a|an|the)\s+\S+\s+\S+)"
)


def _drops_relation(text: str, abstract: str) -> bool:
    """Whether the line says "X is a Y" where the abstract says "X is built on a Y" (based on,
    derived from, trained with ...): the cut relation made X the thing it builds on."""
    match = _IS_A.match(text)
    if not match:
        return False
    related = (
        rf"{re.escape(match['name'])}\s+(?:is|are)\s+(?:\w+\s+){{1,3}}?"
        rf"(?:on|upon|from|with|by|of|as|in|into|to)\s+{re.escape(match['what'])}"
    )
    return bool(re.search(related, " ".join(abstract.split()), re.I))


CLIP_RUN = 3  # the line's last words, looked up in the abstract


def _participle_cut(text: str, abstract: str) -> bool:
    """Whether the line ends on a noun and its participle that the abstract goes on to
    complete: "a new benchmark engineered." of "a new benchmark engineered to evaluate ...",
    or on a verb of enabling and its object, whose infinitive the abstract goes on to give:
    "enabling researchers." of "enabling researchers to account for ..."."""
    enabled = _ENABLED_END.search(text)
    if enabled and re.search(rf"\b{re.escape(enabled.group(0).rstrip('.'))}\s+to\s", abstract):
        return True
    # "an editor decoupled from X and trained, raising ..." of "... and trained with a recipe"
    for joined in _AND_PARTICIPLE_STOP.finditer(text):
        if re.search(rf"\band\s+{joined.group(1)}\s+{_COMPLEMENT}", abstract, re.I):
            return True
    ending = bare_participle_end(text)
    if ending is None:
        return False
    noun, verb = (re.escape(word) for word in ending)
    return bool(re.search(rf"\b{noun}\s+{verb}\s+{_COMPLEMENT}", abstract, re.I))


_AND_PARTICIPLE_STOP = re.compile(r"\band\s+([a-z]{3,}ed)\s*[,;.]")


# "..., enabling researchers.": a verb whose object goes on to an infinitive (round 39); "a
# rigorous assessment of models' ability." a noun that does (round 40), "know the
# appropriate time." of "... time to stop thinking" (round 43).
_ENABLED_END = re.compile(
    r"\b(?:enabl|allow|help|lett|empower|permitt|encourag|forc)(?:ing|es|s|e)\s+"
    r"(?:[\w-]+\s+){0,2}[\w-]+\.?$"
    r"|(?:[\w'-]+\s+)?(?:abilit(?:y|ies)|capabilit(?:y|ies)|capacity|tendency|need|effort|"
    r"attempt|potential|willingness|propensity|time|moment|opportunit(?:y|ies)|chance)\.?$"
)


# What completes a participle after its noun: "engineered *to* evaluate", "learned *for* ...".
_COMPLEMENT = r"(?:to|for|by|with|on|in|from|as|at|using|via|into|across|under|over)\b"


def _clipped(text: str, abstract: str) -> bool:
    """Whether the line, with no full stop, copies an abstract sentence but stops one content
    word short of its end: "... closer to production" where the abstract ends "closer to
    production standards."; with a full stop the shorter phrase was chosen ("... reliable
    automated evaluation." for "evaluation methods.")."""
    if text.rstrip().endswith((".", "!", "?")):
        return False
    tail = [strip_token(t).casefold() for t in text.split()][-CLIP_RUN:]
    raw = abstract.split()
    folded = [strip_token(t).casefold() for t in raw]
    ends = [
        i + CLIP_RUN - 1
        for i in range(len(folded) - CLIP_RUN + 1)
        if folded[i : i + CLIP_RUN] == tail
    ]
    return len(tail) == CLIP_RUN and bool(ends) and all(_drops_last_word(raw, i) for i in ends)


def _drops_last_word(raw: list[str], i: int) -> bool:
    """Whether token ``i`` of the abstract is followed, with no punctuation between, by the
    content word that ends its sentence."""
    if i + 1 >= len(raw) or raw[i] != raw[i].rstrip(EDGE + "-"):
        return False
    nxt = raw[i + 1]
    word = strip_token(nxt)
    ends_sentence = nxt.endswith((".", "!", "?")) and not nxt.endswith("...")
    return ends_sentence and word.isalpha() and word.islower() and word not in STOPWORDS


# Endings of common nouns, never of a proper adjective ("Learning", "Modeling", "Detection").
_COMMON_SUFFIX = re.compile(r"(?:ing|tion|sion|ment|ness|ity|ance|ence)s?$")


def _title_casing(text: str, title: str, abstract: str) -> bool:
    """A capitalised phrase of the source copied with broken casing: "shot Boundary
    Detection" (the title has "Shot Boundary Detection"), "policy Learning", "Preference
    alignment". Only a common word counts, one the source also writes in lower case or with a
    common noun's ending: "varying Gaussian" keeps a proper adjective."""
    tokens = [strip_token(t) for t in f"{title} {abstract}".split()]
    common = {t for t in tokens if t.islower()}
    source = list(pairwise(tokens))
    capitalised = {
        (a.casefold(), b.casefold())
        for a, b in source
        if a.istitle() and b.istitle() and a.isalpha() and b.isalpha()
    }
    for a, b in set(pairwise(strip_token(t) for t in text.split()[1:])) - set(source):
        pair = (a.casefold(), b.casefold()) in capitalised and a.isalpha() and b.isalpha()
        if pair and (_half_lowered(a, b, common) or _half_lowered(b, a, common)):
            return True
    return False


def _half_lowered(lowered: str, kept: str, common: set[str]) -> bool:
    """Whether one word of a capitalised pair was lowered ("policy") and the other kept its
    capital though it is a common word ("Learning")."""
    common_kept = kept.casefold() in common or _COMMON_SUFFIX.search(kept)
    return lowered.islower() and lowered not in STOPWORDS and kept.istitle() and bool(common_kept)


# "V-GameGym provides <title words>, revealing that ...": the title as a main clause, then an
# aside (a finding, a requirement, a second contribution) instead of what the work does or
# achieves (a result or a means after it is kept: "..., outperforming Wan2.1 by 2.26 points").
_ECHO_THEN_ASIDE = re.compile(
    r"^\S+(?:\s\S+){0,2}?\s+(?:provides|offers|delivers|enables)\s+(?P<what>[^,;]+),\s+"
    r"(?:\w+ly\s+)?(?:revealing|uncovering|showing|showcasing|highlighting|requiring|involving|"
    r"introducing|proposing|presenting|creating|providing|offering)\b"
)


def _title_then_aside(text: str, title: str) -> bool:
    """Whether the line's main clause only restates the title, with an aside hung on it."""
    match = _ECHO_THEN_ASIDE.match(text)
    if not match:
        return False
    words = {stem(w) for w in content_words(match["what"])}
    known = {stem(w) for w in content_words(title)} | {stem(w) for w in GENERIC}
    return len(words) >= 2 and words <= known


# "ClawArena is a benchmark for evaluating <the title's words>": for a title that already says
# "Benchmarking ...", the evaluation word adds nothing either.
_EVALUATION = wordset("evaluating evaluation evaluate evaluates assessing measuring")


def _title_with_verb(text: str, title: str, abstract: str) -> bool:
    """ "X provides <the title's words>", "X is a <the title's words>" (with a kind word such as
    "dataset" at most): the title as a sentence adds nothing to it."""
    names = {w.casefold() for n in method_names(title, abstract) for w in WORDS.findall(n)}
    words = {stem(w) for w in content_words(text) if w not in names}
    title_words = {stem(w) for w in content_words(title)}
    new = words - title_words
    if len(words) >= 3 and bool(new) and new <= {stem(v) for v in LIGHT_VERBS}:
        return True
    return len(words) >= 2 and new <= {stem(w) for w in GENERIC} | _EVALUATION


# A survey's line is about the survey ("We review ...", "This survey ...", "A survey of ..."),
# not the field it covers ("Speech separation enhances clarity ...", round 45).
_SURVEY_OWN = re.compile(
    r"^(?:we|our|this\s+(?:survey|review|paper|work|article))\b|\b(?:survey|review|overview)",
    re.I,
)
# Title words that name no topic ("Advances and Frontiers of ...: A Comprehensive Survey").
_NO_TOPIC = wordset(
    """survey surveys review reviews comprehensive systematic advances frontiers challenges
    trends future directions methods techniques toward towards beyond era age outlook
    perspective perspectives recent progress overview deep dive from"""
)


def check_survey(tldr: str, title: str, abstract: str) -> list[Reason]:
    """A survey's line that states the field's background instead of the survey, or that
    shares no topic word with its title ("We provide a comprehensive analysis of
    methodologies ..." for a survey of issue resolution)."""
    if not is_survey(title, abstract):
        return []
    if not _SURVEY_OWN.search(tldr.strip()):
        return [Reason(Code.BACKGROUND, "a survey's line must say what the survey covers")]
    topic = _prefixes(w for w in content_words(title) if w not in _NO_TOPIC)
    for short, long_form in definitions(abstract).items():  # "VLA" for Vision-Language-Action
        if topic & _prefixes(content_words(long_form)):
            topic.add(stem(short.casefold())[:PREFIX])
    said = _prefixes(content_words(tldr))
    if topic and not topic & said:
        return [Reason(Code.NOT_MAIN, "never says what the survey covers (its title's topic)")]
    return []


def _prefixes(words: Iterable[str]) -> set[str]:
    """Words by their first letters: "efficiency" and "Efficient" are the same topic word."""
    return {stem(word)[:PREFIX] for word in words}
