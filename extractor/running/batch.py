"""Running many documents: batches, worker processes that return finished lines, input order,
resuming an interrupted run, progress on stderr.

Every document's lines are produced together and written with one write and one flush, so an
output file cut by a kill ends with a whole document (or a partial last line, which `--resume`
drops). Batches are formed in the parent from the input order alone and each sentence is
analysed as its own Doc, so the output does not depend on the number of processes.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, AbstractSet, Iterable, Iterator

import rich.console
import rich.progress

from extractor.core.pipeline import Extractor, Settings
from extractor.core.records import to_json_line
from extractor.inputs.sources import RawDocument, ReadFailure

BATCH_DOCS = 32  # documents per batch: 16-64 were fastest here; the sentences of a batch go through the model together
IN_FLIGHT_PER_JOB = 2  # batches queued per worker: enough to keep it busy, bounded memory
PARENT_POLL_SECONDS = 0.5  # how often a worker checks that its parent is alive


@dataclass(frozen=True)
class Finished:
    """One input's output: its JSON lines (the document or error line first)."""

    doc_id: str
    lines: tuple[str, ...]

    @property
    def failed(self) -> bool:
        return self.lines[0].startswith('{"type":"error"')

    def text(self) -> str:
        return "".join(line + "\n" for line in self.lines)


# ---------------------------------------------------------------- running


_WORKER: Extractor | None = None


def _start_worker(settings: Settings, parent: int) -> None:
    """In each worker process: load the model once; Ctrl-C is the parent's to handle; exit when
    the parent is gone (killed with -9, it cannot tell its workers)."""
    global _WORKER
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_without, args=(parent,), name="parent-watch", daemon=True).start()
    _WORKER = Extractor(settings)


def _exit_without(parent: int) -> None:
    """Poll the parent process id: once this process is re-parented, its parent has died."""
    while os.getppid() == parent:
        time.sleep(PARENT_POLL_SECONDS)
    os._exit(1)


def _run_batch(items: list[RawDocument | ReadFailure]) -> list[Finished]:
    assert _WORKER is not None, "the pool's initializer (_start_worker) loads the engine"
    return finish(_WORKER, items)


def finish(engine: Extractor, items: list[RawDocument | ReadFailure]) -> list[Finished]:
    return [Finished(item.doc_id, tuple(to_json_line(r) for r in records))
            for item, records in zip(items, engine.extract_batch(items))]


def batches(items: Iterable, size: int) -> Iterator[list]:
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def run(items: Iterable[RawDocument | ReadFailure], settings: Settings, jobs: int = 1,
        batch_docs: int = BATCH_DOCS) -> Iterator[Finished]:
    """The output of every item, in input order. `jobs` > 1 runs batches in that many worker
    processes; at most IN_FLIGHT_PER_JOB batches per worker are read ahead."""
    if jobs <= 1:
        engine = Extractor(settings)
        for batch in batches(items, batch_docs):
            yield from finish(engine, batch)
        return
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_start_worker, initargs=(settings, os.getpid()))
    pending: deque[Future] = deque()
    try:
        for batch in batches(items, batch_docs):
            pending.append(pool.submit(_run_batch, batch))
            while len(pending) >= jobs * IN_FLIGHT_PER_JOB:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


# ---------------------------------------------------------------- resuming


@dataclass
class Done:
    """What an earlier run left in the output file: the documents it completed."""

    complete: dict[str | None, str | None] = field(default_factory=dict)  # doc_id -> sha256, as the file has them
    dropped: int = 0  # lines not kept: errors (retried), an unfinished document, a cut last line


def read_done(path: Path) -> Done:
    """Scan an output file: a document counts as done when its `document` line and as many
    record lines as its `lines` announce (its counts, in files written before `lines`) are all
    there, whole."""
    done = Done()
    if not path.exists():
        return done
    for unit in _units(path):
        if unit.complete:
            done.complete[unit.doc_id] = unit.sha256
        else:
            done.dropped += len(unit.lines)
    return done


@dataclass
class _Unit:
    lines: list[str]
    doc_id: str | None = None
    sha256: str | None = None
    expected: int = -1  # record lines announced by the document line; -1: not a document

    @property
    def complete(self) -> bool:
        return self.expected >= 0 and len(self.lines) == self.expected + 1


def _units(path: Path) -> Iterator[_Unit]:
    unit: _Unit | None = None
    with open(path, encoding="utf-8", errors="replace") as handle:
        for line in handle:
            whole = line.endswith("\n")
            line = line.rstrip("\n")
            head = _head(line) if whole else None
            if head is not None or unit is None:
                if unit is not None:
                    yield unit
                unit = _Unit([])
                if head is not None and head.get("type") == "document":
                    unit.doc_id, unit.sha256 = head.get("doc_id"), head.get("sha256")
                    unit.expected = head["lines"] if isinstance(head.get("lines"), int) else sum((head.get("counts") or {}).values())
            if not whole:
                unit.expected = -1  # cut by a kill: the document is not complete
            unit.lines.append(line)
    if unit is not None:
        yield unit


def _head(line: str) -> dict | None:
    """The parsed line when it starts a document's output (a document or error line)."""
    if not (line.startswith('{"type":"document"') or line.startswith('{"type":"error"')):
        return None
    try:
        return json.loads(line)
    except json.JSONDecodeError:
        return None


def keep_complete(path: Path, drop: AbstractSet[tuple[str, str]] = frozenset()) -> None:
    """Rewrite `path` with only its complete documents, less those (doc_id, sha256) in `drop`;
    through a temporary file and a rename, so a kill here loses nothing."""
    temporary = path.with_name(path.name + ".resume-tmp")
    with open(temporary, "w", encoding="utf-8") as out:
        for unit in _units(path):
            if unit.complete and (unit.doc_id, unit.sha256) not in drop:
                out.write("".join(line + "\n" for line in unit.lines))
    os.replace(temporary, path)


# ---------------------------------------------------------------- progress


class Progress:
    """Progress on stderr (a rich progress bar: documents done of the total, documents per second,
    time left, errors), silent unless `shown`; `line()` says the same in words."""

    def __init__(self, total: int | None, shown: bool, stream: IO[str] = sys.stderr, interval: float = 0.5):
        self.total, self.shown = total, shown
        self.done = self.errors = self.skipped = 0
        self.started = time.monotonic()
        self._bar: rich.progress.Progress | None = None
        if shown:
            self._bar = rich.progress.Progress(
                rich.progress.TextColumn("documents"), rich.progress.BarColumn(), rich.progress.MofNCompleteColumn(),
                rich.progress.TextColumn("{task.fields[rate]}"), rich.progress.TimeRemainingColumn(),
                rich.progress.TextColumn("{task.fields[errors]} errors"),
                console=rich.console.Console(file=stream), transient=True, refresh_per_second=1 / interval)
            self._task = self._bar.add_task("documents", total=total, rate="", errors=0)
            self._bar.start()

    def update(self, finished: Finished | None = None, skipped: bool = False) -> None:
        if skipped:
            self.skipped += 1
        else:
            self.done += 1
            self.errors += bool(finished and finished.failed)
        if self._bar is not None:
            rate = self.done / max(1e-9, time.monotonic() - self.started)
            self._bar.update(self._task, completed=self.done + self.skipped, errors=self.errors, rate=f"{rate:.1f} docs/s")

    def line(self, now: float | None = None) -> str:
        elapsed = max(1e-9, (now or time.monotonic()) - self.started)
        rate = self.done / elapsed
        parts = [f"{self.done + self.skipped}" + (f"/{self.total}" if self.total else "") + " documents",
                 f"{rate:.1f} docs/s"]
        if self.total and rate > 0:
            left = max(0, self.total - self.done - self.skipped) / rate
            parts.append(f"ETA {int(left // 60)}m{int(left % 60):02d}s")
        parts.append(f"{self.errors} errors")
        if self.skipped:
            parts.append(f"{self.skipped} already done")
        return "  ".join(parts)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None
