"""Token-level helpers shared by evidence selection and grounding: words, numbers, entities."""

from __future__ import annotations

import re

from vectorstore.words import (  # noqa: F401 - re-exported for the pipeline
    QUESTION_WORDS,
    STOPWORDS,
    content_words,
    stems,
    topic_words,
)

# Acronyms so common that abstracts use them undefined; the words they spell name a
# kind of thing, no one thing ("Large Language Models (LLMs)").
COMMON_ACRONYMS = {
    "llm": "large language model",
    "mllm": "multimodal large language model",
    "lmm": "large multimodal model",
    "vlm": "vision language model",
    "rl": "reinforcement learning",
    "ssm": "state space model",
}
WORD = re.compile(r"[\w-]+")  # a word with its hyphens: "self-distillation", "ImageNet-1K"
# How many things a count word says ("two mechanisms: ...", "these three modules").
COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)?(?:%|x|×)?(?!\d)")  # "16times" holds 16
# The auxiliary verbs a question puts before its subject ("What score *does* X reach?", "How
# many criteria *does* X hold?"): one list for every reader of questions.
AUXILIARIES = tuple("does do did is are was were can could has have had".split())
AUXILIARY = "(?:" + "|".join(AUXILIARIES) + ")"
# A trailing modifier is not part of a name: "GRPO-style" names GRPO, "Ravens-based" Ravens,
# "GRPO-trained" GRPO.
MODIFIER_WORDS = (
    "style|based|like|type|inspired|driven|aware|specific|only|trained|tuned|powered|written|"
    "generated|guided|assisted"
)
MODIFIER = re.compile(rf"-(?:{MODIFIER_WORDS})$", re.I)
# A model id ending in its size, up to the size's digits: "Llama-3-70" of "Llama-3-70B",
# "aya-vision-8" of "aya-vision-8b". Its readers add the size letters they accept.
SIZED_NAME = r"(?<![\w-])[A-Za-z][\w.]*(?:-[\w.]+)*?-\d+(?:\.\d+)?"
# A name: an acronym or an internally capitalised word ("GPT-4o", "ImageNet", "vLLM"), a
# lower-case name with a subscript ("pi_0", "pi_{0.5}"), a capitalised word with a numbered
# version ("Playground-v2", "Llama-2"), or a lower-case model id ending in its size
# ("aya-vision-8b", "qwen2.5-7b").
_ENTITY = re.compile(
    r"\b(?:[A-Z][a-z]*[A-Z0-9][\w\-]*|[A-Z]{2,}[\w\-]*|[a-z]+-?[A-Z][\w\-]*|[a-z]+_[\w\-]+"
    r"|[A-Z][a-z]+-v?\d[\w\-]*|[a-z][a-z\d.]*(?:-[a-z\d.]+)*-\d+(?:\.\d+)?[bm]\b)"
)


def numbers(text: str) -> set[str]:
    return {n.rstrip("%x×").replace(",", "") for n in _NUMBER.findall(text)}


def entities(text: str) -> set[str]:
    """Acronyms and internally capitalised names (GPT-4o, CLEVRER, ImageNet); a trailing
    modifier is not part of the name ("GRPO-style" names GRPO)."""
    return {MODIFIER.sub("", e.strip("-")).lower() for e in _ENTITY.findall(text)}


def overlap(claim: set[str], source: set[str]) -> float:
    return len(claim & source) / len(claim) if claim else 0.0
