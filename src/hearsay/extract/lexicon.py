"""Word lists shipped as tab-separated files in ``hearsay/extract/lexicons/``.

Each file starts with ``# source: ...`` comment lines naming where its words come from,
then a header row, then one entry per line. ``load_lexicon("hedges")`` returns the rows of
``hedges.tsv`` as dicts keyed by the header; empty cells are ``""``. Files are read once per
process; every call returns fresh dicts, so callers may change what they get.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from ..errors import ConfigError

_PACKAGE = "hearsay.extract.lexicons"


def load_lexicon(name: str, package: str = _PACKAGE) -> list[dict[str, str]]:
    """The rows of ``lexicons/<name>.tsv`` as dicts keyed by the file's header.

    ``package`` is the package that holds the files (``hearsay.relation.lexicons`` for the relation
    rules); the extractor's own lexicons are the default.
    """
    return [dict(row) for row in _parse(name, package)[0]]


def load_numbered_lexicon(name: str, package: str = _PACKAGE) -> list[tuple[int, dict[str, str]]]:
    """The rows of ``lexicons/<name>.tsv`` with the line number of each, for checks that name the line."""
    rows, _, numbers = _parse(name, package)
    return [(number, dict(row)) for number, row in zip(numbers, rows, strict=True)]


def lexicon_sources(name: str, package: str = _PACKAGE) -> list[str]:
    """The ``# source:`` lines of a lexicon, without the prefix."""
    return list(_parse(name, package)[1])


def available_lexicons(package: str = _PACKAGE) -> list[str]:
    """Names of the lexicons shipped with hearsay in ``package``."""
    folder = resources.files(package)
    return sorted(p.name[:-4] for p in folder.iterdir() if p.name.endswith(".tsv"))


@cache
def _parse(
    name: str, package: str = _PACKAGE
) -> tuple[tuple[dict[str, str], ...], tuple[str, ...], tuple[int, ...]]:
    resource = resources.files(package) / f"{name}.tsv"
    if not resource.is_file():
        known = ", ".join(available_lexicons(package))
        raise ConfigError(f"unknown lexicon {name!r}; known lexicons: {known}", where="lexicon")
    rows: list[dict[str, str]] = []
    sources: list[str] = []
    numbers: list[int] = []
    header: list[str] | None = None
    for number, line in enumerate(resource.read_text(encoding="utf-8").splitlines(), start=1):
        if line.startswith("#"):
            if line[1:].strip().lower().startswith("source:"):
                sources.append(line[1:].strip()[len("source:") :].strip())
            continue
        if not line.strip():
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        if header is None:
            header = cells
            continue
        if len(cells) > len(header):
            where = f"lexicons/{name}.tsv line {number}"
            raise ConfigError(f"{len(cells)} cells for {len(header)} columns", where=where)
        cells += [""] * (len(header) - len(cells))
        rows.append(dict(zip(header, cells, strict=True)))
        numbers.append(number)
    return tuple(rows), tuple(sources), tuple(numbers)
