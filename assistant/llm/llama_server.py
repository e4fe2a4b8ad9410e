"""llama.cpp's OpenAI-compatible server, started with feedqa's safe model parameters.

``python -m assistant.llm.llama_server --model PATH [llama_cpp.server options]`` is
``python -m llama_cpp.server`` with llama.cpp's extra buffer types off (see ``llama_params``):
the stock command segfaults on its first request on CPUs with AMX. ``--model`` defaults to the
SmolLM2 GGUF that feedqa ships; ``FEEDQA_LLAMA_EXTRA_BUFTS=true`` opts back in.
"""

from __future__ import annotations

import sys

from assistant.config import Settings
from assistant.llm.embedded import default_gguf_path
from assistant.llm.llama_params import configure_llama


def with_default_model(argv: list[str]) -> list[str]:
    """``argv`` with ``--model`` set to the packaged GGUF unless the caller names one."""
    if any(arg == "--model" or arg.startswith("--model=") for arg in argv[1:]):
        return argv
    return [argv[0], "--model", str(default_gguf_path()), *argv[1:]]


def main() -> None:
    from llama_cpp.server.__main__ import main as serve

    configure_llama(extra_bufts=Settings().llama_extra_bufts)
    sys.argv = with_default_model(sys.argv)
    serve()


if __name__ == "__main__":
    main()
