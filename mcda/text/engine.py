"""Messages of the engine (:mod:`mcda.engine`) that are not kernel errors."""
from __future__ import annotations

__all__ = ["ENTRIES"]

ENTRIES: dict[str, tuple[str, str]] = {
    "err.engine.no_node": ("没有编号为 {node} 的指标", "there is no criterion {node!r}"),
}
