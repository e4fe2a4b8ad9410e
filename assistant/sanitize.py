"""Untrusted text (abstracts, model output) made inert: no markup, no forged delimiters."""

from __future__ import annotations

import re

_MD_IMAGE = re.compile(r"!\[[^\]]{0,500}\]\([^)]{0,2000}\)")
_MD_LINK = re.compile(r"\[([^\]]{0,500})\]\((?:[^)]{0,2000})\)")
_HTML_TAG = re.compile(r"</?[A-Za-z!/][^<>]{0,500}>")
_ANGLE_FENCE = re.compile(r"<{2,}|>{2,}")
_BRACKET_NUMBER = re.compile(r"\[(\s*\d+(?:\s*[,;-]\s*\d+)*\s*)\]")
_ROLE_LINE = re.compile(r"(?im)^\s*#*\s*(system|assistant|user|instructions?)\s*[:#]")
_URL = re.compile(r"\b(?:https?|javascript|data|ftp)://\S+|\bjavascript:\S+", re.IGNORECASE)
_WS = re.compile(r"\s+")


def clean_untrusted(text: str) -> str:
    """An abstract as plain data for a prompt: markup, fences and fake citations removed."""
    text = _MD_IMAGE.sub(" ", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _HTML_TAG.sub(" ", text)
    text = _ANGLE_FENCE.sub(" ", text)
    text = _BRACKET_NUMBER.sub(r"(\1)", text)  # "[1]" in an abstract must not pose as a citation
    text = _ROLE_LINE.sub(lambda m: m.group(1).lower() + " -", text)
    return _WS.sub(" ", text).strip()


def clean_output(text: str) -> str:
    """Model output made inert: no HTML, images, links or URLs survive into what users see."""
    text = _MD_IMAGE.sub(" ", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _HTML_TAG.sub(" ", text)
    text = _URL.sub(" ", text)
    return _WS.sub(" ", text).strip()
