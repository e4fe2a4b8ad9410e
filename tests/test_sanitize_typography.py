"""Clean typography (issue 13): TeX quotes, math names, scripts, glued "times" and the debris a
removed URL leaves, with near misses that must stay as they are."""

from __future__ import annotations

import pytest

from assistant.sanitize import clean_output, clean_untrusted

BOTH = pytest.mark.parametrize(
    "clean", [clean_untrusted, clean_output], ids=["untrusted", "output"]
)


@BOTH
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("operate as an ``Active Model'' and a", "operate as an “Active Model” and a"),
        ("maintaining a ``sliding window'' of", "maintaining a “sliding window” of"),
        ("the ``Turing Test on Screen,'' formally", "the “Turing Test on Screen,” formally"),
        ("a ''think-while-acting'' paradigm", "a “think-while-acting” paradigm"),
        ("an agent \"FaSTA^*'': fast planning", "an agent “FaSTA^*”: fast planning"),
        ("a rigorous `needle-in-a-haystack' test", "a rigorous ‘needle-in-a-haystack’ test"),
        # the feed dropped the opening ``: the orphan closer goes
        ("an Active Model'' and a Standby Model'', so", "an Active Model and a Standby Model, so"),
        # near misses: real apostrophes and single quotes in prose stay
        ("the students' 'best' answers don't vary", "the students' 'best' answers don't vary"),
        ("the model's \"own\" words", "the model's \"own\" words"),
    ],
)  # fmt: skip
def test_tex_quotes_become_typographic(clean, text: str, expected: str) -> None:
    assert clean(text) == expected


@BOTH
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("at a rate of mathcal{O}(T^{-1/3}), which", "at a rate of O(T^(-1/3)), which"),
        (r"a rate $\mathcal{O}(T^{-1/4})$ and \mathbb{R}", "a rate O(T^(-1/4)) and R"),
        (r"we introduce \textsf{TS-Agent}, a", "we introduce TS-Agent, a"),
        # scripts: one token keeps no braces, anything longer gets parentheses
        ("called G_{stack}, beats π_{0.5} and (DA^{2})", "called G_stack, beats π_0.5 and (DA^2)"),
        ("scales as d^{0.75} and d^{-1}", "scales as d^0.75 and d^(-1)"),
        ("FaSTA^* and x^2 stay, HumanEval^{+}", "FaSTA^* and x^2 stay, HumanEval^+"),
        (r"is $\varepsilon_1$-close, \eg this", "is ε_1-close, e.g. this"),
        (r"risk ($>98\%$ pass) and $1.13\times$ faster", "risk (>98% pass) and 1.13× faster"),
        (r"retaining \textgreater 96\% of it", "retaining > 96% of it"),
    ],
)  # fmt: skip
def test_math_names_and_scripts_read_plainly(clean, text: str, expected: str) -> None:
    assert clean(text) == expected


@BOTH
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("FID on ImageNet 256times256.", "FID on ImageNet 256×256."),
        ("a 16times smaller KV, 3-4times less compute", "a 16× smaller KV, 3-4× less compute"),
        ("at 16times the training length", "at 16× the training length"),
        # near misses: English words ending in "times"
        ("sometimes, lifetimes and 10 times more", "sometimes, lifetimes and 10 times more"),
        ("runtimes2 and Times3", "runtimes2 and Times3"),
    ],
)  # fmt: skip
def test_glued_times_is_a_multiplication_sign(clean, text: str, expected: str) -> None:
    assert clean(text) == expected


@BOTH
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "LilyBERT (weights can be found at https://hf.co/x/lily), a CodeBERT-based encoder.",
            "LilyBERT, a CodeBERT-based encoder.",
        ),
        ("Code is public (code at https://github.com/a/b).", "Code is public."),
        ("Our tool (https://x.io/t) wins.", "Our tool wins."),
        ("Our tool (code: https://x.io/t) wins.", "Our tool wins."),
        # a URL inside parentheses with text after it: the parenthesis and its text stay
        ("Our tool (see https://x.io/t for details) wins.", "Our tool (see for details) wins."),
        ("Our tool (v2, https://x.io/t) wins.", "Our tool (v2,) wins."),
        # the URL keeps the sentence's punctuation, not its own
        ("Code is at https://x.io/a_b. Next.", "Code is at. Next."),
        ("Code at https://x.io/a,b and more", "Code at and more"),
        ("available onlinehttps://github.com/a/b https://hf.co/c.", "available online."),
        ("Code: https://x.io/a{https://x.io/a}}.", "Code:."),
        # a feed that already lost "https://...),"
        (
            "we introduce LilyBERT (weights can be found at a CodeBERT-based encoder. Next.",
            "we introduce LilyBERT, a CodeBERT-based encoder. Next.",
        ),
        ("adopted by the Z-Image ( ) project", "adopted by the Z-Image project"),
        # near misses: parentheses that never held a link stay
        ("models (found at a later stage) help.", "models (found at a later stage) help."),
        ("the (code at scale) result and f() calls", "the (code at scale) result and f() calls"),
    ],
)  # fmt: skip
def test_removed_urls_leave_no_debris(clean, text: str, expected: str) -> None:
    assert clean(text) == expected


def test_tex_spacing_commands_become_spaces() -> None:
    # "19.63\,FPS" reached a quote raw; a thin or medium space is a space, a negative one none.
    assert clean_untrusted(r"enable 19.63\,FPS streaming") == "enable 19.63 FPS streaming"
    assert clean_untrusted(r"x\;y and 10\ ms and a\!b") == "x y and 10 ms and ab"
    assert clean_untrusted(r"costs 5\,\% more") == "costs 5 % more"


def test_a_thin_space_the_feed_lost_its_backslash_becomes_a_space() -> None:
    # The feed keeps "each 1.5,s chunk" and "(97,ms)" for "1.5\,s" and "97\,ms".
    assert clean_untrusted("each 1.5,s chunk takes (97,ms) or 30,FPS") == (
        "each 1.5 s chunk takes (97 ms) or 30 FPS"
    )
    # a comma between numbers, or before a word after a space, is left alone
    assert clean_untrusted("sizes 1,5 and 7, so 3,sets") == "sizes 1,5 and 7, so 3,sets"


def test_a_tex_tie_is_a_space() -> None:
    # "+2.03~pp" and "Task~Arithmetic" reached quotes raw (session 25): TeX's tie is a space.
    assert (
        clean_untrusted("leads RULER by +4.79/+2.03~pp over")
        == "leads RULER by +4.79/+2.03 pp over"
    )
    assert clean_untrusted("Averaging, Task~Arithmetic, scaling~(TTS)") == (
        "Averaging, Task Arithmetic, scaling (TTS)"
    )
    assert (
        clean_untrusted("on AIME~2024 and a Raspberry~Pi~5") == "on AIME 2024 and a Raspberry Pi 5"
    )
    # "about" after a space, a range between numbers, and a URL's tilde are left alone
    assert clean_untrusted("up to ~6x faster, 10~20% and 1M~4M tokens") == (
        "up to ~6x faster, 10~20% and 1M~4M tokens"
    )
