"""The engine on disk, and how several processes stay in step.

    DIR/CURRENT                      {"generation": 7}: the snapshot in force (replaced atomically)
    DIR/snap-000007/engine.json      parameters, weights, names, embedder name, synonym digest
    DIR/snap-000007/suppliers/       profiles.jsonl, text_keys.npy, lexical/, vectors/
    DIR/snap-000007/needs/           the same for needs
    DIR/snap-000007/journal.jsonl    upserts and removals since the snapshot, one JSON line each

No pickle anywhere: JSON, and ``.npy``/``.npz`` read with ``allow_pickle=False``. A writer appends
each upsert (the profile, its terms and its vector, base64 float32) or removal to the journal; every
other process calls ``refresh()``, which costs a stat when nothing changed, applies new journal lines
without re-embedding, and loads a whole new snapshot when ``CURRENT`` moved on. ``save`` writes a new
snapshot (and so starts an empty journal); the previous one is kept for readers still loading it.
"""

from __future__ import annotations

import base64
import json
import shutil
import uuid
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from matching.embedding.base import Embedder
from matching.engine.explain import Names
from matching.engine.profiles import Profile, need_from_json, profile_to_json, supplier_from_json
from matching.engine.side import Side
from matching.engine.weights import Weights

if TYPE_CHECKING:
    from matching.engine.engine import MatchEngine

FORMAT_VERSION = 2  # 2: phrase and past-project indexes


def _generation(directory: Path) -> int:
    try:
        return int(json.loads((directory / "CURRENT").read_text(encoding="utf-8"))["generation"])
    except FileNotFoundError:
        return 0


def _snapshot(directory: Path, generation: int) -> Path:
    return directory / f"snap-{generation:06d}"


def disk_version(directory: Path) -> str:
    generation = _generation(directory)
    journal = _snapshot(directory, generation) / "journal.jsonl"
    size = journal.stat().st_size if journal.exists() else 0
    return f"{generation}:{size}"


@dataclass
class SyncState:
    """Which snapshot an engine holds and how far into its journal it has read."""

    directory: Path | None = None
    generation: int = 0
    offset: int = 0
    writer: str = field(default_factory=lambda: uuid.uuid4().hex)
    engine: MatchEngine | None = None

    @property
    def version(self) -> str:
        return f"{self.generation}:{self.offset}"

    @property
    def journal(self) -> Path | None:
        return (
            None if self.directory is None else _snapshot(self.directory, self.generation) / "journal.jsonl"
        )

    def _write(self, lines: list[dict[str, Any]]) -> None:
        journal = self.journal
        if journal is None:
            self.offset += len(lines)  # not attached: the version still moves with every write
            return
        payload = b"".join(
            json.dumps({"w": self.writer, **line}, ensure_ascii=False).encode("utf-8") + b"\n"
            for line in lines
        )
        with journal.open("ab") as fh:
            fh.write(payload)
        if self.engine is not None:
            catch_up(self.engine)

    def log_upsert(
        self,
        kind: str,
        profiles: Sequence[Profile],
        terms: Sequence[Sequence[str]],
        vectors: npt.NDArray[np.float32],
        keys: Sequence[bytes],
    ) -> None:
        lines = []
        for profile, t, vector, key in zip(profiles, terms, vectors, keys, strict=True):
            data = profile_to_json(profile)
            data["text"] = ""
            vec = base64.b64encode(np.ascontiguousarray(vector, dtype=np.float32).tobytes()).decode("ascii")
            lines.append(
                {
                    "op": "upsert",
                    "side": kind,
                    "profile": data,
                    "terms": list(t),
                    "key": key.hex(),
                    "vector": vec,
                }
            )
        self._write(lines)

    def log_remove(self, kind: str, profile_id: str) -> None:
        self._write([{"op": "remove", "side": kind, "id": profile_id}])


def save(engine: MatchEngine, directory: Path) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    previous = _generation(directory)
    generation = previous + 1
    final = _snapshot(directory, generation)
    tmp = directory / f"{final.name}.tmp-{uuid.uuid4().hex[:8]}"
    tmp.mkdir()
    meta = {
        "format": FORMAT_VERSION,
        "embedder": engine.embedder.name,
        "dim": engine.embedder.dim,
        "pooling": engine.pooling,
        "exact_threshold": engine.exact_threshold,
        "batch_size": engine.batch_size,
        "synonyms_digest": engine.featurizer_.synonyms.digest,
        "weights": engine.weights_.to_dict(),
        "names": {k: dict(v) for k, v in asdict(engine.names_).items()},
    }
    (tmp / "engine.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    engine.suppliers_.save(tmp / "suppliers")
    engine.needs_.save(tmp / "needs")
    (tmp / "journal.jsonl").touch()
    tmp.rename(final)
    current_tmp = directory / f"CURRENT.tmp-{uuid.uuid4().hex[:8]}"
    current_tmp.write_text(json.dumps({"generation": generation}), encoding="utf-8")
    current_tmp.replace(directory / "CURRENT")
    keep_from = _snapshot(directory, previous).name  # the previous snapshot stays for readers loading it
    for old in directory.glob("snap-*"):
        if ".tmp-" in old.name or old.name < keep_from:
            shutil.rmtree(old, ignore_errors=True)
    engine.sync_ = SyncState(directory, generation, 0, engine.sync_.writer, engine)


def load(
    cls: type[MatchEngine], directory: Path, embedder: Embedder, params: Mapping[str, Any]
) -> MatchEngine:
    generation = _generation(directory)
    snap = _snapshot(directory, generation)
    if generation == 0 or not snap.exists():
        raise FileNotFoundError(f"no engine snapshot in {directory}")
    meta = json.loads((snap / "engine.json").read_text(encoding="utf-8"))
    if meta.get("format") != FORMAT_VERSION:
        raise ValueError(f"unknown engine format {meta.get('format')!r}")
    if meta["embedder"] != embedder.name or int(meta["dim"]) != embedder.dim:
        raise ValueError(
            f"snapshot was built with {meta['embedder']!r} ({meta['dim']} dims), not {embedder.name!r}"
        )
    options: dict[str, Any] = {
        "weights": Weights.from_dict(meta["weights"]),
        "names": Names(**meta["names"]),
        "pooling": meta["pooling"],
        "exact_threshold": int(meta["exact_threshold"]),
        "batch_size": int(meta["batch_size"]),
        **params,
    }
    engine = cls(embedder, **options)
    engine._reset()
    if engine.featurizer_.synonyms.digest != meta["synonyms_digest"]:
        warnings.warn("synonyms changed since this snapshot: re-index for consistent terms", stacklevel=2)
    engine.suppliers_ = Side.load(snap / "suppliers")
    engine.needs_ = Side.load(snap / "needs")
    engine.sync_ = SyncState(directory, generation, 0, engine=engine)
    catch_up(engine)
    return engine


def refresh(engine: MatchEngine) -> bool:
    sync = engine.sync_
    if sync.directory is None:
        return False
    if _generation(sync.directory) != sync.generation:
        fresh = load(type(engine), sync.directory, engine.embedder, {})
        for attr in ("weights_", "names_", "params_", "suppliers_", "needs_"):
            setattr(engine, attr, getattr(fresh, attr))
        engine.sync_ = SyncState(
            sync.directory, fresh.sync_.generation, fresh.sync_.offset, sync.writer, engine
        )
        return True
    return catch_up(engine)


def catch_up(engine: MatchEngine) -> bool:
    """Apply the journal lines written since this engine last read (skipping its own)."""
    sync = engine.sync_
    journal = sync.journal
    if journal is None or not journal.exists() or journal.stat().st_size == sync.offset:
        return False
    with journal.open("rb") as fh:
        fh.seek(sync.offset)
        data = fh.read()
    end = data.rfind(b"\n") + 1  # a line still being written is read next time
    applied = False
    for line in data[:end].splitlines():
        entry = json.loads(line)
        if entry.get("w") != sync.writer:
            _apply(engine, entry)
            applied = True
    sync.offset += end
    return applied


def _apply(engine: MatchEngine, entry: dict[str, Any]) -> None:
    side = engine.suppliers_ if entry["side"] == "supplier" else engine.needs_
    if entry["op"] == "remove":
        side.remove([entry["id"]])
        return
    parse = supplier_from_json if entry["side"] == "supplier" else need_from_json
    profile = parse(entry["profile"])
    vector = np.frombuffer(base64.b64decode(entry["vector"]), dtype=np.float32).reshape(1, -1)
    references = engine.reference_documents([profile])
    side.add([profile], [entry["terms"]], vector, [bytes.fromhex(entry["key"])], references=references)
