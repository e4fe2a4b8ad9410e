"""Untrusted text (abstracts, model output) made inert: no markup, no forged delimiters, and no
sentences that address the model with instructions. The one owner of markup stripping: the
prompts, the answers, the chat's HTML and the extractive TL;DRs all strip through here."""

from __future__ import annotations

import html
import re

_MD_IMAGE = re.compile(r"!\[[^\]]{0,500}\]\([^)]{0,2000}\)")
_MD_LINK = re.compile(r"\[([^\]]{0,500})\]\((?:[^)]{0,2000})\)")
_HTML_TAG = re.compile(r"</?[A-Za-z!/?][^<>]{0,2000}>")
_ANGLE_FENCE = re.compile(r"<{2,}|>{2,}")
_FORMATTING = re.compile(r"`+|\*\*|__")
_IMAGE_OPENER = re.compile(r"!(?=\[)")
_HEADING = re.compile(r"#{2,}")
_BRACKET_NUMBER = re.compile(r"\[(\s*\d+(?:\s*[,;-]\s*\d+)*\s*)\]")
_ROLE = re.compile(r"(?i)\b(system|assistant|user|developer|instructions?)\s*:")
# Links removed from untrusted text, one form a line.
# A URL's end: the punctuation of the sentence or parenthesis around it ("(code at
# https://x.io/a)," keeps its "),") is not part of it.
_URL_END = r"\S*?(?=[)\],;:.!?'\"]*(?:\s|$))"  # a brace stays in: "x.io{label}}" is TeX debris
_URL_FORMS = (
    r"(?:https?|ftp|file)://" + _URL_END,  # also glued to a word: "onlinehttps://x.io"
    r"\b(?:javascript|vbscript):\S*",  # script URLs
    r"\bdata:[\w/+.-]+[;,]\S*",  # inline data
    r"\bwww\." + _URL_END,  # a bare host
    # a host with a path but no scheme: "(huggingface.co/datasets/x/CheXmask-U)" (round 39)
    r"\b(?:[a-z0-9-]+\.)+(?:com|org|io|ai|net|edu|dev|app|co|page)/" + _URL_END,
)
_URL = re.compile("|".join(_URL_FORMS), re.IGNORECASE)
# What a removed link leaves in parentheses: "(weights can be found at )", "(code: )", "( )".
_LINK_LEAD = r"(?:\b(?:at|on|in|from|via|here|see)|:)"
_LINK_PAREN = re.compile(r"\s*\((?:[^()\x00]{0,80}?" + _LINK_LEAD + r")?\s*\x00\s*[,;:.]?\s*\)")
_URL_GAP = re.compile(r"\s*(?:\x00\s*)+(?=[,;.!?)]|$)")  # "at URL." as "at.", not "at ."
_EMPTY_PAREN = re.compile(r"(?<=\s)\(\s*\)")
# A feed that dropped "https://...)," itself: "LilyBERT (weights can be found at a
# CodeBERT-based encoder ..." with no ")" before the sentence ends.
_LOST_LINK = re.compile(
    r"\s*\((?:[\w-]+ ){0,4}(?:(?:can|may|will) be )?(?:found|available|released|hosted)"
    r"(?: publicly| online)? (?:at|on|via|from)\s+(?=(?:a|an|the)\s[^()]*?(?:[.!?](?:\s|$)|$))"
)
_WS = re.compile(r"\s+")
# TeX that arXiv abstracts carry into plain text: "50.4\%", "R\&D", "\textbf{X}", "$\times$".
_TEX_NAMES = (
    r"(?:textbf|textit|texttt|textrm|textsc|textsf|textnormal|emph|mathrm|mathbf|mathcal|mathit"
    r"|mathbb|mathsf|mathtt|mathfrak|mathscr|boldsymbol|operatorname|text)"
)
_TEX_COMMAND = re.compile(r"\\" + _TEX_NAMES + r"\{([^{}]{0,500})\}")
_TEX_SYMBOL = {
    "times": "×",
    "sim": "~",
    "approx": "≈",
    "pm": "±",
    "leq": "≤",
    "geq": "≥",
    "le": "≤",
    "ge": "≥",
    "rightarrow": "→",
    "to": "→",
    "cdot": "·",
    "textgreater": ">",
    "textless": "<",
    "infty": "∞",
}
_SYMBOL_NAMES = "(" + "|".join(_TEX_SYMBOL) + r")(?![A-Za-z])"
# "3$\\times$" loses its dollars with the command; "$1.13\\times$" keeps them for _TEX_MATH.
_TEX_SYMBOLS = re.compile(r"\$\\" + _SYMBOL_NAMES + r"\$|\\" + _SYMBOL_NAMES)
# The same TeX after a feed has already dropped its backslashes: "23times faster",
# "textit{O}bstacles". Only where no English word can stand: glued to a digit, or a command
# name right before its brace.
_BARE_TIMES = re.compile(r"(?<=\d)times(?![a-z])")  # "16times smaller", "256times256"
# "ImageNet 256 times 256", "the 2 times 2 setting": a spaced "\times" between two whole numbers
# is a size or a grid; English "3 times faster" or "10 times the cost" has no number after it.
_SPACED_TIMES = re.compile(r"(?<![\w.])(\d{1,5}) times (\d{1,5})(?![\w.%])")
# "at sim25 FPS", "sim 1050 GPU hours" (from "$\\sim$25"), "as little as leq 0.02%" (from
# "$\\leq$"), "rates of sim!30 FPS" (from "$\\sim\\!30$", a negative thin space):
# "sim"/"approx"/"leq"/"geq" right before a number.
_BARE_ABOUT = re.compile(r"(?<![\\\w])(sim|approx|leq|geq)(?: |!)?(?=\d)")
# "64.1 rightarrow 70.3" (from "$\\rightarrow$"): no English word is spelled so.
_BARE_ARROW = re.compile(r"(?<![\\\w])(?:rightarrow|longrightarrow)(?![A-Za-z])")
# "Role-Agent, black{a framework} that" (from "\\textcolor{black}{a framework}"), "teal{Tool-use}"
# (any of xcolor's named colours): the text in a colour's braces, and no bare "color{red}"
# switch; "jailbreaksx2013methods" (an HTML "&#x2013;" that lost its "&#" and ";"): a dash.
_BARE_COLOURED = re.compile(
    r"(?<![\\\w])(?:(?:text)?color\{\w+\}|black|red|blue|gray|grey|teal|orange|green|purple|"
    r"magenta|cyan|brown|violet|olive|pink)\{([^{}]{0,500})\}"
)
_BARE_COLOUR = re.compile(r"(?<![\\\w])(?:text)?color\{\w+\}")
_BARE_DASH = re.compile(r"(?<=[a-z])x(2013|2014)(?=[a-z])")
_DASHES = {"2013": "–", "2014": "—"}
_BARE_COMMAND = re.compile(r"(?<![\\\w])\$?" + _TEX_NAMES + r"\{([^{}]{0,500})\}\$?")
# A command whose braces the feed dropped too, glued to a Greek letter: "boldsymbolπ-StepNFT".
_GLUED_COMMAND = re.compile(r"(?<![\\\w])" + _TEX_NAMES + r"(?=[\u0370-\u03ff])")
# Letters and words a TeX command spells, not its own symbol: "$\\varepsilon$-close", "\\eg".
_TEX_WORD = {
    "varepsilon": "ε",
    "epsilon": "ε",
    "alpha": "α",
    "beta": "β",
    "gamma": "γ",
    "delta": "δ",
    "lambda": "λ",
    "theta": "θ",
    "sigma": "σ",
    "ell": "ℓ",
    "dots": "…",
    "ldots": "…",
    "eg": "e.g.",
    "ie": "i.e.",
}
_TEX_WORDS = re.compile(r"\\(" + "|".join(_TEX_WORD) + r")(?![A-Za-z])")
# Super- and subscripts in plain text, one rule: a single token loses its braces ("DA^2", "q^*",
# "G_stack", "π_0.5"); anything longer gets parentheses instead ("T^(-1/3)").
_SCRIPT = re.compile(r"(?<=[\w)*])([\^_])\{([^{}]{1,40})\}")
_SCRIPT_TOKEN = re.compile(r"[\w.*+]+")
# TeX quotes: ``X'' (or "X'' and ''X'' when a feed mangled the opener) as “X”; `X' as ‘X’;
# a closing '' whose opener the feed dropped ("an Active Model'' and") goes.
_TEX_DOUBLE = re.compile(r"(?:``|(?<![\w'])(?:''|\"))(?=\S)([^`\"\n]{1,300}?)(?<=\S)''")
_TEX_SINGLE = re.compile(r"(?<!`)`(?=\w)([^`'\n]{1,80})(?<=[\w.,!?])'(?!\w)")
_TEX_ORPHAN = re.compile(r"''")
_TEX_ESCAPE = re.compile(r"\\([%&$#_{}~])")
# TeX's tie, a non-breaking space: "+2.03~pp", "Task~Arithmetic", "scaling~(TTS)", "AIME~2024".
# A tilde after a space ("~6x") means "about"; one between numbers ("10~20%", "1M~4M") is a
# range, and one after a slash is a URL's ("/~user").
_TEX_TIE = re.compile(r"(?<=[\w.)])~(?=[A-Za-z(])|(?<=[A-Za-z]{2})~(?=\d)")
# "{S}ignal {P}reservation {A}nd symmet{R}y": TeX braces that keep a capital letter in an
# acronym's spelled-out name; glued to a word's letters they hold no markup of their own.
_CASE_BRACES = re.compile(
    r"(?<=[A-Za-z])\{([A-Z][A-Za-z]{0,7})\}|\{([A-Z][A-Za-z]{0,7})\}(?=[A-Za-z])"
)
# TeX spacing: "19.63\,FPS" is "19.63 FPS"; a negative thin space "\!" is none.
_TEX_SPACE = re.compile(r"\\([,;: ])")
_TEX_NO_SPACE = re.compile(r"\\!")
# The same thin space after a feed dropped its backslash: "each 1.5,s chunk", "(97,ms)". A comma
# between a number and a unit never separates list items (those take a space after the comma).
_LOST_THIN_SPACE = re.compile(r"(?<=\d),(?=(?:s|ms|min|h|FPS|fps|Hz|GB|MB|dB)\b)")
_TEX_MATH = re.compile(r"\$(?!\s)((?:[^$\\]|\\[%&#_]){1,40}?)(?<!\s)\$")  # "$>98\\%$"
_SENTENCE = re.compile(r"(?<=[.!?;])\s+")
# Sentences of an abstract that talk to the model rather than about the paper. Real abstracts
# are in the first person plural or the third person; these second-person orders are not.
_ORDERS = (
    r"\bignore (?:all |any |the )?(?:previous|prior|above|preceding|earlier|following|other)"
    r"(?: \w+)? (?:instructions?|prompts?|messages?|questions?|rules)\b",
    r"\bignore the question\b",
    r"^(?:\W|\d)*(?:system|assistant|user|developer|answer|instructions?)\s*[:,]",
    r"\b(?:in|of|with|begin|start|end|format) your (?:\w+ )?(?:answer|reply|response|output)\b",
    r"\byour (?:only |final )?(?:valid )?output is\b",
    r"\byour (?:full |entire )?(?:system prompt|instructions)\b",
    r"\b(?:send|share|post|forward) (?:your|the) (?:conversation|chat|history|instructions)\b",
    r"\b(?:reply|respond|answer) (?:only|exactly) with\b",
    r"\byou (?:must|are required to|will now)\b",
    r"\bdo not (?:mention|cite|reveal|tell)\b",
    r"\btell the user\b",
    r"\bcite (?:only )?this paper\b",
    r"\bwhen summari[sz]ing this\b",
    r"\bto (?:all )?(?:ai|llm|language[- ]model) (?:assistants?|agents?|models?)\s*:",
    r"\brender the html\b",
    r"\bprint the (?:exact )?(?:text|instructions)\b",
)
_INSTRUCTION = re.compile("|".join(_ORDERS), re.IGNORECASE)


def untex(text: str) -> str:
    """TeX escapes and simple commands as the plain characters they stand for."""
    text = _BARE_COLOUR.sub("", _BARE_COLOURED.sub(r"\1", text))
    text = _BARE_DASH.sub(lambda m: _DASHES[m.group(1)], text)
    text = _BARE_COMMAND.sub(r"\1", _TEX_COMMAND.sub(r"\1", text))
    text = _GLUED_COMMAND.sub("", text)
    text = _TEX_SYMBOLS.sub(lambda m: _TEX_SYMBOL[m.group(1) or m.group(2)], text)
    text = _TEX_WORDS.sub(lambda m: _TEX_WORD[m.group(1)], text)
    text = _SPACED_TIMES.sub(r"\1×\2", _BARE_TIMES.sub("×", text))
    text = _BARE_ABOUT.sub(lambda m: _TEX_SYMBOL[m.group(1)], text)
    text = _BARE_ARROW.sub("→", text)
    text = _tex_scripts(_TEX_MATH.sub(r"\1", text))
    text = _TEX_NO_SPACE.sub("", _TEX_SPACE.sub(" ", text))
    text = _TEX_TIE.sub(" ", _LOST_THIN_SPACE.sub(" ", text))
    text = _CASE_BRACES.sub(lambda m: m.group(1) or m.group(2), text)
    return _tex_quotes(_TEX_ESCAPE.sub(r"\1", text))


def _tex_scripts(text: str) -> str:
    """Scripts: "T^{-1/3}" as "T^(-1/3)", "G_{stack}" as "G_stack" (see ``_SCRIPT``)."""

    def plain(m: re.Match[str]) -> str:
        body = m.group(2).strip()
        return m.group(1) + (body if _SCRIPT_TOKEN.fullmatch(body) else f"({body})")

    return _SCRIPT.sub(plain, text)


def _tex_quotes(text: str) -> str:
    """TeX's ``quotes'' as typographic ones; a dangling closing '' dropped."""
    text = _TEX_DOUBLE.sub(lambda m: f"“{m.group(1)}”", text)
    text = _TEX_SINGLE.sub(lambda m: f"‘{m.group(1)}’", text)
    return _TEX_ORPHAN.sub("", text)


# "1.3x ~ 1.7x", "10~20%": a tilde between two numbers writes a range.
_TILDE_RANGE = re.compile(r"(?<=[\dx%×])\s*~\s*(?=\d)")


def tilde_ranges(text: str) -> str:
    """A tilde between two numbers as a range dash ("1.3x–1.7x"); other tildes (TeX's
    non-breaking space, "about") are left to the caller."""
    return _TILDE_RANGE.sub("–", text)


def strip_markup(text: str) -> str:
    """Text without markup: TeX escapes and HTML entities decoded, then HTML tags, markdown
    images, links (labels kept) and formatting, angle-bracket fences and URLs removed."""
    text = html.unescape(untex(text))  # "&lt;script&gt;" is a tag once decoded: removed below
    text = _MD_IMAGE.sub(" ", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _HTML_TAG.sub(" ", text)
    text = _ANGLE_FENCE.sub(" ", text)
    text = _drop_urls(text)
    # an image opener left unclosed ("![](" with no target) must not reach a Markdown view
    text = _IMAGE_OPENER.sub("", _FORMATTING.sub("", text))
    return _WS.sub(" ", text).strip()


def _drop_urls(text: str) -> str:
    """URLs removed, with a parenthesis that held only the link ("(code at URL)") and the
    empty or lead-only parentheses a feed left behind."""
    text = _LINK_PAREN.sub("", _URL.sub("\x00", text.replace("\x00", " ")))
    text = _LOST_LINK.sub(", ", _URL_GAP.sub("", text).replace("\x00", " "))
    return _EMPTY_PAREN.sub("", text)


def clean_untrusted(text: str) -> str:
    """An abstract as plain data for a prompt: markup, URLs, fences, fake citations, TeX
    escapes and sentences that give the model orders removed."""
    text = strip_markup(text)
    text = _BRACKET_NUMBER.sub(r"(\1)", text)  # "[1]" in an abstract must not pose as a citation
    text = _WS.sub(" ", text).strip()
    text = " ".join(s for s in _SENTENCE.split(text) if not _INSTRUCTION.search(s))
    text = _HEADING.sub(" ", text)
    text = _ROLE.sub(lambda m: m.group(1).lower() + " -", text)
    return _WS.sub(" ", text).strip()


def instruction_sentences(text: str) -> list[str]:
    """The sentences ``clean_untrusted`` drops as instructions to the model (for reports)."""
    flat = _WS.sub(" ", text).strip()
    return [s for s in _SENTENCE.split(flat) if _INSTRUCTION.search(s)]


def clean_output(text: str) -> str:
    """Model output made inert: no HTML, images, links, URLs or TeX escapes survive into what
    users see."""
    return strip_markup(text)
