"""The process-wide engine: a snapshot it cannot read (older format) is rebuilt from the database."""

from __future__ import annotations

import json

import pytest

from dxhub.matches import store
from tests.matches.helpers import supplier


@pytest.mark.django_db
def test_an_older_snapshot_format_is_rebuilt_not_a_server_error(hubs, matching_dir) -> None:
    firm = supplier("비전랩", "용접 비드 머신비전 검사", ["vision-inspection"], hubs["changwon"])
    store.build()
    current = json.loads((matching_dir / "CURRENT").read_text())["generation"]
    meta_path = matching_dir / f"snap-{current:06d}" / "engine.json"
    meta = json.loads(meta_path.read_text())
    meta["format"] = 1  # as written before the phrase and past-project indexes
    meta_path.write_text(json.dumps(meta))
    store.reset()
    engine = store.engine()
    assert str(firm.pk) in engine.suppliers_.rows_
    assert json.loads((matching_dir / "CURRENT").read_text())["generation"] > current
