"""Prompt templates as files. Each file has a header with ``version = N``, then ``[system]`` and
``[user]`` sections with named ``{placeholders}``. ``Prompt.version`` combines the declared
version with a hash of the text, so caches keyed on it notice any edit."""

from __future__ import annotations

import hashlib
import re
import string
from dataclasses import dataclass
from importlib.resources import files

_SECTION = re.compile(r"^\[(system|user)\]\s*$", re.MULTILINE)
_VERSION = re.compile(r"^version\s*=\s*(\d+)\s*$", re.MULTILINE)


class PromptError(ValueError):
    pass


@dataclass(frozen=True)
class Prompt:
    name: str
    version: str
    system: str
    user: str

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
    sections = dict(zip(parts[1::2], (p.strip("\n") for p in parts[2::2]), strict=True))
    if set(sections) != {"system", "user"}:
        raise PromptError(f"prompt {name} needs [system] and [user] sections")
    digest = hashlib.sha256(text.encode()).hexdigest()[:8]
    return Prompt(name, f"{name}@{version.group(1)}-{digest}", sections["system"], sections["user"])


def load_prompt(name: str) -> Prompt:
    """The prompt in ``prompts/<name>.txt``."""
    text = (files("prompts") / f"{name}.txt").read_text(encoding="utf-8")
    return parse_prompt(name, text)
