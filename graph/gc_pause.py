"""Pausing Python's cyclic garbage collector while millions of small objects are built: a store read
into memory, the rows of a push.

Every 700 new containers start a collection, and the older generations are walked again and again as
the objects pile up, so building rows or loading a large store spends most of its time collecting. These
objects hold no reference cycles, so reference counting frees them all the same.
"""
from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def paused_gc() -> Iterator[None]:
    """Disable the cyclic collector inside the block; enable it again after, if it was on before."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
