"""What the method is for, from the title: "X: A Y for Z" or "Parallel Latent Reasoning for
Sequential Recommendation" name the task or domain (Z) that a line built from the abstract
often leaves out ("X is a multi-agent system that employs ..."). The title is the authors' own
summary of the paper, so its "for Z" is brought into the line's description of the method
("X is a multi-agent system for collaborative data visualization that employs ..."). Pure
functions.
"""

from __future__ import annotations

import re

from assistant.names import split_title
from assistant.summaries.acronyms import abbreviates
from assistant.summaries.checker import FILLER, STOPWORDS, stem
from assistant.summaries.clauses import casefolded_words

# "for Z" at the end of the title's description, up to the means ("via", "with", ...).
_FOR = re.compile(r"\bfor\s+(?P<z>[^:?!]+?)\s*(?:\b(?:via|with|using|through|by|from)\b.*)?$", re.I)
_MEANS_ONLY = re.compile(r"^(?:via|with|using|through|by)\b", re.I)
MIN_PURPOSE_WORDS, MAX_PURPOSE_WORDS = 1, 9
# A description that already says what the method is for, or how it is used.
_HAS_PURPOSE = re.compile(
    r"\b(?:for|to|designed|tailored|aimed|intended|dedicated|specialized|built|capable)\b", re.I
)
# The nouns a method's description is headed by: "X is a <...> framework".
_KIND = (
    r"(?:framework|method|approach|model|system|benchmark|dataset|algorithm|pipeline|agent|"
    r"architecture|library|suite|paradigm|technique|toolkit|platform|environment|corpus|recipe|"
    r"strategy|engine|simulator|tool|metric|protocol|network|transformer|encoder|family|"
    r"generator|testbed|adapter|module|mechanism|layer|policy|objective|loss)s?"
)
# "X is a[n] <up to 8 words> <kind>" or "We propose a[n] ... <kind>", then where the noun
# phrase ends: a relative or participle clause, a comma or the end of the line. The description
# may not run into "of" (the kind is then a measure: "a family of ... models") or hold a name
# in parentheses.
_IS_A_KIND = re.compile(
    r"^(?P<head>\S+(?:\s\S+){0,3}?\s(?:is|are)\s(?:a|an|the\s+first)\s"
    r"|we\s(?:propose|introduce|present|develop|design|build)\s(?:a|an)\s)"
    rf"(?P<desc>(?:[^\s,()]+,?\s+(?:and\s+)?){{0,8}}?){_KIND}"
    # not inside a compound: "a runtime model [switching framework]" goes on to its noun
    rf"(?=\s+(?:that|which|with|via|using|based|built|[a-z]+ing(?!\s+{_KIND}\b)|[a-z]+ed)\b"
    r"|,\s|\.$)",
    re.I,
)
# "a dataset engineered for quality": a participle put after a purpose ending on a plural noun
# would modify that noun ("... for reasoning in language models engineered for quality").
# "based on" is read as the method's whatever stands before it.
_PARTICIPLE = re.compile(r"(?!based\b)(?:[a-z]+ed|built|grown|made|driven)\b")
TITLE_SHARE = 0.5  # the line already carries this share of the purpose's words: no need


def title_purpose(title: str) -> str | None:
    """The task or domain the title gives the method ("for collaborative data visualization"),
    in the title's own words, or None when the title names none or only a means."""
    description = split_title(title)[1] or title
    description = " ".join(description.split())
    if "?" in description or _CLAIM.search(description):
        return None
    found = _FOR.search(description)
    if found is None or _MEANS_ONLY.match(found.group("z")):
        return None
    words = found.group("z").strip(" .,;").split()
    if "to" in words:  # "Adapting Detectors for Aerial Imagery to Unseen Domains": not a purpose
        return None
    if not MIN_PURPOSE_WORDS <= len(words) <= MAX_PURPOSE_WORDS:
        return None
    return "for " + " ".join(words)


# A title that is a claim ("Learning to Verify Makes Reasoning Model Efficient").
_CLAIM = re.compile(
    r"\b(?:is|are|makes?|enables?|drives?|unlocks?|yields?|improves?|boosts?|matters?|helps?|"
    r"can|should|does|do|beats?|meets?)\b",
    re.I,
)


def purpose_terms(text: str) -> set[str]:
    """The content words of ``text`` as the purpose check compares them."""
    return {
        stem(w)
        for w in casefolded_words(text)
        if w not in STOPWORDS and w not in FILLER and len(w) > 1
    }


def with_purpose(line: str, purpose: str) -> str | None:
    """``line`` with ``purpose`` after the noun its "X is a <kind>" description ends on, or
    None when the line does not open so, its description already says what it is for, or the
    line already carries most of the purpose's words."""
    match = _IS_A_KIND.match(line)
    if match is None or _HAS_PURPOSE.search(match.group("desc")):
        return None
    rest = line[match.end() :].lstrip()
    if _HAS_PURPOSE.match(rest):  # "a model designed to ..."
        return None
    if _PARTICIPLE.match(rest) and purpose.rstrip().endswith("s"):
        return None
    wanted = purpose_terms(purpose)
    if not wanted or len(wanted & purpose_terms(line)) >= TITLE_SHARE * len(wanted):
        return None
    if _restates(match.group(0), purpose, wanted):
        return None
    end = match.end()
    return f"{line[:end]} {purpose}{line[end:]}"


_ACRONYM = re.compile(r"\b[A-Za-z]*[A-Z][A-Za-z]*[A-Z][A-Za-z]*\b")


def _restates(description: str, purpose: str, wanted: set[str]) -> bool:
    """Whether the description already says part of the purpose, in its words or as an
    acronym of them: "a tabular ICL architecture" + "for tabular in-context learning" would
    say it twice."""
    if wanted & purpose_terms(description):
        return True
    return any(abbreviates(token, purpose) for token in _ACRONYM.findall(description))
