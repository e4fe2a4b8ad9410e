"""Prompt templates as files. Each file has a header with ``version = N``, then ``[system]`` and
``[user]`` sections with named ``{placeholders}``, and optionally ``[example]`` sections between
them: a worked exchange for few-shot prompting, the user's turn and the assistant's reply split
by a line ``---`` (no placeholders: examples are sent as written). ``Prompt.version`` combines
the declared version with a hash of the text, so caches keyed on it notice any edit."""

from __future__ import annotations

import hashlib
import re
import string
from dataclasses import dataclass
from importlib.resources import files

_SECTION = re.compile(r"^\[(system|user|example)\]\s*$", re.MULTILINE)
_REPLY = re.compile(r"^---\s*$", re.MULTILINE)
_VERSION = re.compile(r"^version\s*=\s*(\d+)\s*$", re.MULTILINE)


class PromptError(ValueError):
    pass


@dataclass(frozen=True)
class Prompt:
    name: str
    version: str
    system: str
    user: str
    examples: tuple[tuple[str, str], ...] = ()  # (user turn, assistant reply), in order

    def placeholders(self) -> set[str]:
        names = set()
        for text in (self.system, self.user):
            names |= {f[1] for f in string.Formatter().parse(text) if f[1]}
        return names

    def render(self, **values: str) -> tuple[str, str]:
        """(system, user) with every placeholder filled; a missing or extra name is an error."""
        expected = self.placeholders()
        if set(values) != expected:
            raise PromptError(f"prompt {self.name} needs {sorted(expected)}, got {sorted(values)}")
        return self.system.format(**values), self.user.format(**values)


def parse_prompt(name: str, text: str) -> Prompt:
    version = _VERSION.search(text.split("[system]", 1)[0])
    if version is None:
        raise PromptError(f"prompt {name} has no `version = N` header")
    parts = _SECTION.split(text)
    pairs = list(zip(parts[1::2], (p.strip("\n") for p in parts[2::2]), strict=True))
    sections = dict(pairs)
    kinds = [kind for kind, _ in pairs]
    if kinds.count("system") != 1 or kinds.count("user") != 1:
        raise PromptError(f"prompt {name} needs one [system] and one [user] section")
    examples = tuple(_example(name, body) for kind, body in pairs if kind == "example")
    digest = hashlib.sha256(text.encode()).hexdigest()[:8]
    version_id = f"{name}@{version.group(1)}-{digest}"
    return Prompt(name, version_id, sections["system"], sections["user"], examples)


def _example(name: str, body: str) -> tuple[str, str]:
    turns = _REPLY.split(body)
    if len(turns) != 2 or not all(t.strip() for t in turns):
        raise PromptError(f"prompt {name}: an [example] needs a user turn, a --- line, a reply")
    return turns[0].strip("\n"), turns[1].strip()


def load_prompt(name: str) -> Prompt:
    """The prompt in ``prompts/<name>.txt``."""
    text = (files("prompts") / f"{name}.txt").read_text(encoding="utf-8")
    return parse_prompt(name, text)
