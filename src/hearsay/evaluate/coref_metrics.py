"""Coreference scores from their definitions: MUC, B³, CEAF-e and their mean, the CoNLL F1.

A clustering is a list of sets of mention ids; key (gold) and response (predicted) should hold
the same mentions (score them on a shared mention set). Each score is precision, recall, F1.

* MUC (Vilain et al. 1995): links. Recall = Σ_k (|k| − |p(k)|) / Σ_k (|k| − 1), where p(k) is
  the partition of key chain k by the response (a mention the response lacks is its own part);
  precision swaps key and response. Singletons add nothing.
* B³ (Bagga and Baldwin 1998): per mention, |key chain ∩ response chain| / |response chain| is
  its precision and / |key chain| its recall, averaged over the mentions.
* CEAF-e (Luo 2005): the one-to-one alignment of key and response chains that maximises
  Σ φ4(k, r) = Σ 2|k ∩ r| / (|k| + |r|); recall = that sum / number of key chains, precision =
  / number of response chains. The alignment is found per connected group of chains that share
  mentions, with the Hungarian method (chains sharing nothing have φ4 = 0).
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass

Clusters = Sequence[frozenset[Hashable] | set[Hashable]]


@dataclass(frozen=True, slots=True)
class Score:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def to_dict(self) -> dict[str, float]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


def _ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else 0.0


def _index(clusters: Clusters) -> dict[Hashable, int]:
    return {mention: n for n, cluster in enumerate(clusters) for mention in cluster}


def _muc_recall(key: Clusters, response: Clusters) -> float:
    where = _index(response)
    numerator = denominator = 0
    for chain in key:
        parts = {where.get(mention, ("alone", mention)) for mention in chain}
        numerator += len(chain) - len(parts)
        denominator += len(chain) - 1
    return _ratio(numerator, denominator)


def muc(key: Clusters, response: Clusters) -> Score:
    return Score(precision=_muc_recall(response, key), recall=_muc_recall(key, response))


def _b_cubed_recall(key: Clusters, response: Clusters) -> float:
    where = _index(response)
    total, mentions = 0.0, 0
    for chain in key:
        for mention in chain:
            mentions += 1
            other = where.get(mention)
            if other is not None:
                total += len(chain & response[other]) / len(chain)
    return _ratio(total, mentions)


def b_cubed(key: Clusters, response: Clusters) -> Score:
    key, response = [frozenset(c) for c in key], [frozenset(c) for c in response]
    return Score(precision=_b_cubed_recall(response, key), recall=_b_cubed_recall(key, response))


def ceaf_e(key: Clusters, response: Clusters) -> Score:
    keys = [frozenset(c) for c in key if c]
    responses = [frozenset(c) for c in response if c]
    similarity = sum(_best_alignment(keys, responses, group) for group in _groups(keys, responses))
    return Score(precision=_ratio(similarity, len(responses)), recall=_ratio(similarity, len(keys)))


def conll(key: Clusters, response: Clusters) -> dict[str, dict[str, float] | float]:
    """MUC, B³ and CEAF-e (precision, recall, F1 each) and ``conll_f1``, the mean of their F1."""
    scores = {"muc": muc(key, response), "b_cubed": b_cubed(key, response), "ceaf_e": ceaf_e(key, response)}
    result: dict[str, dict[str, float] | float] = {name: s.to_dict() for name, s in scores.items()}
    result["conll_f1"] = round(sum(s.f1 for s in scores.values()) / 3, 4)
    return result


def _phi4(one: frozenset, other: frozenset) -> float:
    return 2 * len(one & other) / (len(one) + len(other))


def _groups(key: list[frozenset], response: list[frozenset]) -> list[tuple[list[int], list[int]]]:
    """Key and response chain indexes in connected groups: chains linked by a shared mention."""
    owner = {mention: n for n, chain in enumerate(response) for mention in chain}
    parent = list(range(len(key)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_key_of: dict[int, int] = {}
    for k, chain in enumerate(key):
        for mention in chain:
            r = owner.get(mention)
            if r is None:
                continue
            if r in first_key_of:
                parent[find(k)] = find(first_key_of[r])
            else:
                first_key_of[r] = k
    groups: dict[int, tuple[list[int], set[int]]] = {}
    for k, chain in enumerate(key):
        keys, responses = groups.setdefault(find(k), ([], set()))
        keys.append(k)
        responses.update(owner[m] for m in chain if m in owner)
    return [(keys, sorted(responses)) for keys, responses in groups.values() if responses]


def _best_alignment(
    key: list[frozenset], response: list[frozenset], group: tuple[list[int], list[int]]
) -> float:
    keys, responses = group
    weights = [[_phi4(key[k], response[r]) for r in responses] for k in keys]
    assignment = max_weight_assignment(weights)
    return sum(weights[row][column] for row, column in assignment)


def max_weight_assignment(weights: list[list[float]]) -> list[tuple[int, int]]:
    """Rows matched to columns, one to one, with the greatest total weight (Hungarian method).

    The shortest augmenting path form (Kuhn-Munkres with potentials), O(n³) on the square matrix
    padded with zeros; pairs that fall on the padding are left out.
    """
    rows = len(weights)
    columns = len(weights[0]) if rows else 0
    size = max(rows, columns)
    if size == 0:
        return []
    top = max((w for row in weights for w in row), default=0.0)
    cost = [
        [top - (weights[i][j] if i < rows and j < columns else 0.0) for j in range(size)] for i in range(size)
    ]
    infinity = float("inf")
    u = [0.0] * (size + 1)
    v = [0.0] * (size + 1)
    match = [0] * (size + 1)  # match[column] = row, 1-based; 0 = free
    way = [0] * (size + 1)
    for row in range(1, size + 1):
        match[0] = row
        column = 0
        least = [infinity] * (size + 1)
        used = [False] * (size + 1)
        while match[column] != 0:
            used[column] = True
            current = match[column]
            delta, next_column = infinity, 0
            for j in range(1, size + 1):
                if used[j]:
                    continue
                reduced = cost[current - 1][j - 1] - u[current] - v[j]
                if reduced < least[j]:
                    least[j], way[j] = reduced, column
                if least[j] < delta:
                    delta, next_column = least[j], j
            for j in range(size + 1):
                if used[j]:
                    u[match[j]] += delta
                    v[j] -= delta
                else:
                    least[j] -= delta
            column = next_column
        while column:
            previous = way[column]
            match[column] = match[previous]
            column = previous
    return [
        (match[j] - 1, j - 1)
        for j in range(1, size + 1)
        if match[j] and match[j] - 1 < rows and j - 1 < columns
    ]
