"""The gate on a throw-away baseline: floors rise freely, fall only with a reason; hand edits show."""

from __future__ import annotations

import json

import pytest

from hearsay.errors import ConfigError
from hearsay.evaluate.gate import figure, floor_of, history_problems, raise_floors, shortfalls


def measured(f1: float, digest: str = "abc") -> dict:
    return {"dataset": "polnear", "split": "dev", "data_sha256": digest, "whole": {"overlap_0.3": {"f1": f1}}}


KEY = ("whole.overlap_0.3.f1",)


@pytest.fixture
def baseline(tmp_path):
    path = tmp_path / "baseline.json"
    raise_floors(path, measured(0.5), keys=KEY, reason="first pin")
    return path


def floors(path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))["polnear_dev"]["floors"]


def test_gate_figure_reads_dotted_keys_with_dots_inside():
    assert figure(measured(0.25), "whole.overlap_0.3.f1") == 0.25


def test_gate_floor_is_the_figure_minus_epsilon_rounded_down():
    assert floor_of(0.5, 0.002) == 0.498
    assert floor_of(0.123456, 0.002) == 0.1214


def test_gate_first_pin(baseline):
    assert floors(baseline) == {"whole.overlap_0.3.f1": 0.498}
    assert history_problems(json.loads(baseline.read_text(encoding="utf-8"))) == []


def test_gate_floors_rise(baseline):
    assert raise_floors(baseline, measured(0.6)) == ["polnear_dev: whole.overlap_0.3.f1 0.498 -> 0.598"]
    assert floors(baseline)["whole.overlap_0.3.f1"] == 0.598


def test_gate_floors_never_fall_without_allow_regression(baseline):
    changes = raise_floors(baseline, measured(0.4))
    assert changes == ["polnear_dev: kept whole.overlap_0.3.f1 at 0.498 (measured 0.4000)"]
    assert floors(baseline)["whole.overlap_0.3.f1"] == 0.498


def test_gate_lowering_needs_a_reason(baseline):
    with pytest.raises(ConfigError, match="needs a reason"):
        raise_floors(baseline, measured(0.4), allow_regression=True)
    raise_floors(baseline, measured(0.4), allow_regression=True, reason="new tokeniser splits hyphens")
    data = json.loads(baseline.read_text(encoding="utf-8"))
    assert data["polnear_dev"]["floors"]["whole.overlap_0.3.f1"] == 0.398
    assert data["polnear_dev"]["history"][-1]["reason"] == "new tokeniser splits hyphens"
    assert history_problems(data) == []


def test_gate_other_data_is_refused_without_allow_regression(baseline):
    with pytest.raises(ConfigError, match="measured on other data"):
        raise_floors(baseline, measured(0.9, digest="def"))


def test_gate_hand_lowered_floor_is_caught(baseline):
    data = json.loads(baseline.read_text(encoding="utf-8"))
    data["polnear_dev"]["floors"]["whole.overlap_0.3.f1"] = 0.3
    assert history_problems(data) == [
        "polnear_dev: the floor of whole.overlap_0.3.f1 (0.3) is not its last recorded move; "
        "move floors with scripts/update_quality_floors"
    ]


def test_gate_lowering_recorded_without_a_reason_is_caught(baseline):
    data = json.loads(baseline.read_text(encoding="utf-8"))
    data["polnear_dev"]["history"].append({"figure": KEY[0], "from": 0.498, "to": 0.3})
    data["polnear_dev"]["floors"][KEY[0]] = 0.3
    assert history_problems(data) == ["polnear_dev: whole.overlap_0.3.f1 was lowered without a reason"]


@pytest.mark.parametrize(("value", "fails"), [(0.498, False), (0.4965, False), (0.495, True)])
def test_gate_shortfalls_allow_epsilon(baseline, value, fails):
    data = json.loads(baseline.read_text(encoding="utf-8"))
    assert bool(shortfalls(data, "polnear_dev", measured(value))) is fails


def test_gate_shortfall_on_other_data(baseline):
    data = json.loads(baseline.read_text(encoding="utf-8"))
    assert "the data differs" in shortfalls(data, "polnear_dev", measured(0.9, digest="zzz"))[0]


def test_gate_pins_figures_the_registry_adds_to_a_section(tmp_path):
    path = tmp_path / "baseline.json"
    raise_floors(path, measured(0.5), keys=KEY, reason="first pin")
    figures = {**measured(0.5), "fields": {"source_entity": {"accuracy": 0.9}}}
    changes = raise_floors(path, figures)
    assert changes == ["polnear_dev: fields.source_entity.accuracy None -> 0.898"]
    assert floors(path) == {"whole.overlap_0.3.f1": 0.498, "fields.source_entity.accuracy": 0.898}
