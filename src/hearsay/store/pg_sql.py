"""The store's SQL, written for SQLite, as PostgreSQL runs it: placeholders and the few differences.

Most of hearsay's SQL is portable; what is not, and is rewritten here (one place, tested through
every store and link test on both backends):

* ``?`` and ``:name`` placeholders become psycopg's ``%(name)s`` (positional ones are named
  ``p0``, ``p1``, ... so a rewrite may repeat one), and a literal ``%`` becomes ``%%``;
* ``INSERT OR IGNORE`` -> ``ON CONFLICT DO NOTHING``; ``INSERT OR REPLACE`` -> ``ON CONFLICT
  (primary key) DO UPDATE`` (the primary key read from the catalog);
* ``LIMIT x`` -> ``LIMIT NULLIF(x, -1)`` (SQLite's "no limit" is -1, PostgreSQL's is NULL);
* ``ORDER BY`` a nullable date -> ``NULLS FIRST`` (``NULLS LAST`` descending), SQLite's order;
* ``instr``/``char``/``json_extract``/``json_each``/``rowid``/``sqlite_schema`` -> their
  PostgreSQL counterparts; ``CROSS JOIN t ON`` (SQLite's join-order hint) -> ``JOIN t ON``;
* FTS5 ``table MATCH q`` -> ``table.tsv @@ hearsay_tsquery(q)`` (``ORDER BY rank`` -> ``ts_rank``);
  on the trigram key tables, a ``LIKE '%needle%'`` that pg_trgm's GIN index answers.

``executemany`` of an INSERT becomes one multi-row INSERT (``insert_shape``, ``multi_row``).
DDL (the migrations) is translated by ``pg_schema``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

TRIGRAM_TABLES = ("statement_sources", "statement_about")

_PLACEHOLDER = re.compile(r"""('(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*|\?|(?<!:):[A-Za-z_]\w*|%)""")


def placeholders(sql: str) -> tuple[str, bool]:
    """``sql`` with psycopg's named placeholders; True when it had positional (``?``) ones."""
    counter = 0
    positional = False

    def replace(match: re.Match[str]) -> str:
        nonlocal counter, positional
        token = match.group(0)
        if token == "?":
            positional = True
            counter += 1
            return f"%(p{counter - 1})s"
        if token == "%":
            return "%%"
        if token.startswith(":"):
            return f"%({token[1:]})s"
        if token.startswith("'"):
            return token.replace("%", "%%")
        return token  # a quoted identifier or a comment

    return _PLACEHOLDER.sub(replace, sql), positional


_PARAM = r"%\(\w+\)s"
_MATCH = re.compile(rf"\b(\w+) MATCH ({_PARAM})")
_TRIGRAM_MATCH = re.compile(
    rf"\b({'|'.join(TRIGRAM_TABLES)}) MATCH {_PARAM} AND instr\(name, ({_PARAM})\) > 0", re.I
)
_ORDER_BY_RANK = re.compile(r"\bORDER BY (?:\w+\.)?rank\b")
_JSON_EXTRACT = re.compile(r"\bjson_extract\(([\w.]+), '\$\.(\w+)'\)")
_JSON_EACH = re.compile(r"\bjson_each\(([\w.]+)\) AS (\w+)")
_INSERT_OR = re.compile(r"^(\s*)INSERT OR (IGNORE|REPLACE) INTO (\w+)\s*(\(([^)]*)\))?", re.I)
_UPDATE_OR_IGNORE = re.compile(r"^(\s*)UPDATE OR IGNORE\b", re.I)
_LIMIT = re.compile(rf"\bLIMIT ({_PARAM})")
_CROSS_JOIN_ON = re.compile(r"\bCROSS JOIN (\w+(?: AS \w+)?) ON\b", re.I)
_TABLE_EXISTS = re.compile(r"\bsqlite_schema WHERE type = 'table' AND name =")
_SCHEMA = re.compile(r"\bFROM sqlite_schema\b")


def translate(sql: str, table_columns: Callable[[str], tuple[list[str], list[str]]]) -> tuple[str, bool]:
    """``sql`` (SQLite's) as PostgreSQL runs it; True when its parameters are positional.

    ``table_columns(table)`` gives a table's (columns, primary key columns), for INSERT OR REPLACE.
    """
    out, positional = placeholders(sql)
    out = _TRIGRAM_MATCH.sub(
        lambda m: (
            f"name LIKE '%%' || replace(replace(replace({m.group(2)}, '\\', '\\\\'), '%%', '\\%%'), "
            f"'_', '\\_') || '%%' AND strpos(name, {m.group(2)}) > 0"
        ),
        out,
    )
    ranked = _MATCH.search(out)
    if ranked is not None:
        table, param = _named_as(out, ranked.group(1)), ranked.group(2)
        out = _ORDER_BY_RANK.sub(f"ORDER BY ts_rank({table}.tsv, hearsay_tsquery({param})) DESC", out)
    out = _MATCH.sub(lambda m: f"{_named_as(out, m.group(1))}.tsv @@ hearsay_tsquery({m.group(2)})", out)
    out = _CROSS_JOIN_ON.sub(r"JOIN \1 ON", out)  # SQLite's join-order hint; PostgreSQL plans its own
    out = re.sub(r"\binstr\(", "strpos(", out)
    out = re.sub(r"\bchar\(", "chr(", out)
    out = re.sub(r"\browid\b", "ctid", out)
    out = _JSON_EXTRACT.sub(r"((\1)::jsonb ->> '\2')", out)
    out = _JSON_EACH.sub(r"jsonb_array_elements_text((\1)::jsonb) AS \2(value)", out)
    out = _LIMIT.sub(r"LIMIT NULLIF(\1, -1)", out)
    out = _TABLE_EXISTS.sub(
        "information_schema.tables WHERE table_schema = current_schema() AND table_name =", out
    )
    out = _SCHEMA.sub("FROM information_schema.tables WHERE table_schema = current_schema()", out)
    out = _ORDER_CLAUSE.sub(lambda m: m.group(1) + nulls_as_sqlite(m.group(2)), out)
    out = _UPDATE_OR_IGNORE.sub(r"\1UPDATE", out)  # callers keep such updates conflict-free
    insert = _INSERT_OR.match(out)
    if insert is not None:
        out = _upsert(out, insert, table_columns)
    return out, positional


_ORDER_CLAUSE = re.compile(r"(\bORDER BY\s+)(.*?)(?=\bLIMIT\b|\bOFFSET\b|\)|;|$)", re.S | re.I)
# The nullable dates that lists are ordered by: SQLite sorts NULL first (ascending), PostgreSQL last.
# A quoted column name ("published") is one that is never NULL, left as it is.
_NULLABLE_DATE = re.compile(
    r"\b((?:\w+\.)?(?:first_published|last_published|published))\b(\s+DESC\b|\s+ASC\b)?"
    r"(?!\s+IS\b|\s+NULLS\b|\s*[<>=!+-]|\")",
    re.I,
)


def nulls_as_sqlite(order: str) -> str:
    """An ORDER BY list (or an index's columns) with SQLite's place for NULL dates: the smallest."""

    def place(m: re.Match[str]) -> str:
        direction = (m.group(2) or "").strip().upper()
        return f"{m.group(1)}{m.group(2) or ''} {'NULLS LAST' if direction == 'DESC' else 'NULLS FIRST'}"

    return _NULLABLE_DATE.sub(place, order)


def _named_as(sql: str, table: str) -> str:
    """The alias ``table`` has in ``sql`` (PostgreSQL names an aliased table only by its alias)."""
    alias = re.search(rf"\b{table}\s+AS\s+(\w+)", sql, re.I)
    return alias.group(1) if alias else table


def _upsert(
    sql: str, insert: re.Match[str], table_columns: Callable[[str], tuple[list[str], list[str]]]
) -> str:
    indent, action, table, column_list = (
        insert.group(1),
        insert.group(2).upper(),
        insert.group(3),
        insert.group(5),
    )
    body = f"{indent}INSERT INTO {table}" + (f" ({column_list})" if column_list is not None else "")
    sql = f"{body} {sql[insert.end() :].lstrip()}"
    if action == "IGNORE":
        return f"{sql.rstrip().rstrip(';')} ON CONFLICT DO NOTHING"
    columns, key = table_columns(table)
    written = [c.strip().strip('"') for c in column_list.split(",")] if column_list else columns
    updated = [c for c in written if c not in key]
    assignments = ", ".join(f'"{c}" = excluded."{c}"' for c in updated)
    conflict = ", ".join(f'"{c}"' for c in key)
    action_sql = f"DO UPDATE SET {assignments}" if updated else "DO NOTHING"
    return f"{sql.rstrip().rstrip(';')} ON CONFLICT ({conflict}) {action_sql}"


# --- executemany as one statement -------------------------------------------------------------

_INSERT_VALUES = re.compile(
    r"^(\s*INSERT INTO (\w+)\s*(?:\(([^)]*)\))?\s*VALUES\s*)"
    r"\(((?:%\(\w+\)s|[^()'%])*)\)\s*(ON CONFLICT\b.*)?$",
    re.S | re.I,
)
_CONFLICT = re.compile(r"^ON CONFLICT\s*(?:\(([^)]*)\))?\s*DO (NOTHING|UPDATE)\b", re.I)
_PARAM_NAME = re.compile(r"%\((\w+)\)s")
MAX_ROWS = 500


@dataclass(frozen=True, slots=True)
class InsertShape:
    """A translated one-row ``INSERT ... VALUES (...)`` that many rows can share (``multi_row``)."""

    head: str  # "INSERT INTO t (a, b) VALUES "
    row: str  # "(%(p0)s, %(p1)s, 1)"
    tail: str  # "ON CONFLICT ..." or ""
    unique_on: tuple[str, ...]  # an upsert's conflict parameters: one batch may not repeat them


def insert_shape(sql: str, table_columns: Callable[[str], tuple[list[str], list[str]]]) -> InsertShape | None:
    """``sql``'s shape when its rows can go in one multi-row INSERT; None for any other statement."""
    found = _INSERT_VALUES.match(sql)
    if found is None or "RETURNING" in (found.group(5) or "").upper():
        return None
    tail = (found.group(5) or "").strip()
    unique_on: tuple[str, ...] = ()
    if tail:
        conflict = _CONFLICT.match(tail)
        if conflict is None:
            return None
        if conflict.group(2).upper() == "UPDATE":
            # A row may update only a row the statement did not write: the batch's keys must differ.
            items = [item.strip() for item in found.group(4).split(",")]
            columns = _column_names(found.group(3)) if found.group(3) else table_columns(found.group(2))[0]
            target = _column_names(conflict.group(1) or "")
            if len(columns) != len(items) or not target:
                return None
            by_column = dict(zip(columns, items, strict=True))
            params = [_PARAM_NAME.fullmatch(by_column.get(column, "")) for column in target]
            if any(param is None for param in params):
                return None
            unique_on = tuple(param.group(1) for param in params if param is not None)
    return InsertShape(found.group(1), f"({found.group(4)})", tail, unique_on)


def _column_names(listed: str) -> list[str]:
    return [name.strip().strip('"') for name in listed.split(",") if name.strip()]


def multi_row(shape: InsertShape, rows: Sequence[dict[str, Any]]) -> tuple[str, dict[str, Any]] | None:
    """One INSERT of ``rows`` (each a parameter mapping of ``shape``'s row), with the same effect as
    inserting them one by one; None when an upsert's rows repeat a conflict key."""
    if shape.unique_on and len({tuple(row[k] for k in shape.unique_on) for row in rows}) < len(rows):
        return None
    values: list[str] = []
    params: dict[str, Any] = {}
    for index, row in enumerate(rows):
        values.append(_PARAM_NAME.sub(rf"%(\1_{index})s", shape.row))
        params.update({f"{name}_{index}": value for name, value in row.items()})
    return f"{shape.head}{', '.join(values)} {shape.tail}".rstrip(), params
