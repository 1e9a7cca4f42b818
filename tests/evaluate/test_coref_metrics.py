"""MUC, B³ and CEAF-e on examples worked out by hand from the definitions."""

from __future__ import annotations

import itertools
import random

import pytest

from hearsay.evaluate.coref_metrics import b_cubed, ceaf_e, conll, max_weight_assignment, muc

# The example of Pradhan et al. (2014): key {a b c} {d e f g}, response {a b} {c d} {f g h i}.
KEY = [{"a", "b", "c"}, {"d", "e", "f", "g"}]
RESPONSE = [{"a", "b"}, {"c", "d"}, {"f", "g", "h", "i"}]


def test_coref_metrics_muc_counts_links():
    # recall: (3-2)+(4-3) of (3-1)+(4-1) links; precision: (2-1)+(2-2)+(4-3) of 1+1+3
    score = muc(KEY, RESPONSE)
    assert score.recall == pytest.approx(2 / 5)
    assert score.precision == pytest.approx(2 / 5)


def test_coref_metrics_b_cubed_averages_over_mentions():
    # recall: (2/3 + 2/3 + 1/3 + 1/4 + 0 + 2/4 + 2/4) / 7
    # precision: (1 + 1 + 1/2 + 1/2 + 1/2 + 1/2 + 0 + 0) / 8
    score = b_cubed(KEY, RESPONSE)
    assert score.recall == pytest.approx(5 / 12)
    assert score.precision == pytest.approx(1 / 2)


def test_coref_metrics_ceaf_e_takes_the_best_one_to_one_alignment():
    # {a b c}-{a b}: 2*2/5 = 0.8, {d e f g}-{f g h i}: 2*2/8 = 0.5; 1.3 over 2 key and 3 response chains
    score = ceaf_e(KEY, RESPONSE)
    assert score.recall == pytest.approx(1.3 / 2)
    assert score.precision == pytest.approx(1.3 / 3)


def test_coref_metrics_conll_is_the_mean_of_the_three_f1():
    result = conll(KEY, RESPONSE)
    f1s = [result[name]["f1"] for name in ("muc", "b_cubed", "ceaf_e")]
    assert result["conll_f1"] == pytest.approx(sum(f1s) / 3, abs=1e-4)
    assert result["muc"]["f1"] == pytest.approx(0.4)


@pytest.mark.parametrize("metric", [muc, b_cubed, ceaf_e])
def test_coref_metrics_identical_clusterings_score_one(metric):
    clusters = [{1, 2, 3}, {4}, {5, 6}]
    score = metric(clusters, clusters)
    assert (score.precision, score.recall) == (pytest.approx(1.0), pytest.approx(1.0))


def test_coref_metrics_all_singletons_against_one_chain():
    key = [{1, 2, 3, 4}]
    response = [{1}, {2}, {3}, {4}]
    assert muc(key, response).recall == 0.0
    assert b_cubed(key, response).recall == pytest.approx(1 / 4)
    assert b_cubed(key, response).precision == pytest.approx(1.0)
    # one response singleton aligns with the chain: 2*1/5
    assert ceaf_e(key, response).recall == pytest.approx(0.4)
    assert ceaf_e(key, response).precision == pytest.approx(0.1)


def test_coref_metrics_hungarian_agrees_with_brute_force():
    generator = random.Random(7)
    for _ in range(40):
        rows, columns = generator.randint(1, 5), generator.randint(1, 5)
        weights = [[round(generator.random(), 3) for _ in range(columns)] for _ in range(rows)]
        found = sum(weights[r][c] for r, c in max_weight_assignment(weights))
        if rows <= columns:
            best = max(
                sum(weights[r][c] for r, c in enumerate(perm))
                for perm in itertools.permutations(range(columns), rows)
            )
        else:
            best = max(
                sum(weights[r][c] for c, r in enumerate(perm))
                for perm in itertools.permutations(range(rows), columns)
            )
        assert found == pytest.approx(best)
