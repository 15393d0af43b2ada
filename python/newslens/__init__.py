"""newslens: who said what in a news article (entities, quotations, reported speech, speakers,
actors), from a Rust core. Offsets are Unicode code points, so ``text[start:end]`` works.

    import newslens
    a = newslens.analyze(text)                      # one text -> dict (the CLI's JSON)
    rows = newslens.analyze_many(texts, threads=None)  # many, on all cores, in order
    a = newslens.analyze(text, accurate=True)       # reported speech by three nets (CLI --accurate)

A text that cannot be analysed (over 8 MB) raises ValueError in ``analyze``; in
``analyze_many`` its row is ``{"error": message}`` so that one bad document does not stop a run.
"""
import json
from typing import Iterable, List, Optional

from . import _core

__version__ = _core.__version__
__all__ = ["analyze", "analyze_many", "__version__"]


def analyze(text: str, accurate: bool = False) -> dict:
    """The analysis of one text: entities, quotes, attributions, actors. ``accurate``: reported
    speech from an ensemble of three nets (better attributions, about 1.6 times the time)."""
    return json.loads(_core.analyze_json(text, accurate))


def analyze_many(texts: Iterable[str], threads: Optional[int] = None, accurate: bool = False) -> List[dict]:
    """The analyses of many texts, in order, on ``threads`` threads (default: one per core).
    The GIL is released while they run. ``accurate`` as for ``analyze``."""
    out = []
    for ok, err in _core.analyze_many_json(list(texts), threads, accurate):
        out.append(json.loads(ok) if ok is not None else {"error": err})
    return out
