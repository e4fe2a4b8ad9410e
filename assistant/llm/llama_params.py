"""How every llama.cpp model in feedqa is loaded: without llama.cpp's "extra" buffer types.

llama.cpp repacks weights into extra buffer types (AMX, AArch64 repacks) when the CPU has them.
Its AMX matmul over those buffers segfaults on every prompt batch longer than one token
(llama.cpp issue 20824, open), which takes down any process that loads the model on an Intel
Xeon with AMX. Loading with ``use_extra_bufts = false`` avoids the AMX path at a cost we measure
in ``make bench``. llama-cpp-python (0.3.x) has the field on ``llama_model_params`` but no
``Llama(...)`` argument for it, so the default-params factory that ``Llama.__init__`` calls is
wrapped once per process. Opting back in is the setting ``FEEDQA_LLAMA_EXTRA_BUFTS=true``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

_lock = threading.Lock()
_state: dict[str, Any] = {"original": None, "extra_bufts": None}


def configure_llama(extra_bufts: bool = False) -> None:
    """Make every ``llama_cpp.Llama`` built in this process use (or not) extra buffer types.
    Idempotent; a later call with another value replaces the earlier choice."""
    import llama_cpp.llama_cpp as bindings

    with _lock:
        if _state["original"] is None:
            original = bindings.llama_model_default_params
            _state["original"] = original
            bindings.llama_model_default_params = _defaults_factory(original)
        _state["extra_bufts"] = extra_bufts


def _defaults_factory(original: Callable[[], Any]) -> Callable[[], Any]:
    def llama_model_default_params() -> Any:
        params = original()
        params.use_extra_bufts = bool(_state["extra_bufts"])
        return params

    return llama_model_default_params


def extra_bufts_enabled() -> bool | None:
    """The choice in force in this process, or None when ``configure_llama`` was never called."""
    value = _state["extra_bufts"]
    return None if value is None else bool(value)
