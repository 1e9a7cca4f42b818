"""The schema on PostgreSQL: the same named migrations as SQLite's, their DDL translated.

A migration keeps its name on both backends, so one ledger (``migrations``) says the same thing
everywhere; a new migration written as portable SQL needs nothing here. Translated:

* types: ``INTEGER`` -> ``BIGINT``, ``REAL`` -> ``DOUBLE PRECISION``, ``BLOB`` -> ``BYTEA``, ``TEXT``
  -> ``TEXT COLLATE "C"`` (byte order, as SQLite sorts), ``INTEGER PRIMARY KEY`` -> an identity
  column; ``WITHOUT ROWID`` dropped;
* FTS5 tables -> plain tables with a generated ``tsv tsvector`` column and a GIN index (the
  ``hearsay`` text search configuration: Snowball English stems, no stop words, as FTS5's porter
  tokenizer); FTS5 trigram tables -> plain tables with a pg_trgm GIN index on ``name``;
* a subquery in FROM gets the alias PostgreSQL 15 requires;
* an index on a nullable date keeps NULL first, as SQLite does (``pg_sql.nulls_as_sqlite``).

``0000_postgresql`` comes first: pg_trgm, the text search configuration, ``hearsay_fold`` and
``hearsay_tsquery`` (which reads the FTS5 query strings ``queries.fts_query`` makes).
"""

from __future__ import annotations

import re

from .migrations import MIGRATIONS, Migration
from .pg_name_pages import NAME_KEYS_IN_ORDER
from .pg_sql import nulls_as_sqlite

SETUP = Migration(
    "0000_postgresql",
    (
        "CREATE EXTENSION IF NOT EXISTS pg_trgm",
        "CREATE TEXT SEARCH DICTIONARY hearsay_stem (TEMPLATE = snowball, Language = english)",
        "CREATE TEXT SEARCH CONFIGURATION hearsay (COPY = simple)",
        """ALTER TEXT SEARCH CONFIGURATION hearsay ALTER MAPPING
            FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH hearsay_stem""",
        # str.casefold's closest SQL: lower() under ICU's root locale folds every script, not ASCII alone.
        """CREATE FUNCTION hearsay_fold(value text) RETURNS text
            LANGUAGE sql IMMUTABLE PARALLEL SAFE
            AS $$ SELECT lower(value COLLATE "und-x-icu") $$""",
        # The FTS5 queries hearsay writes: "word" (stemmed, a phrase when it holds several) or
        # "prefix"*, all required, or joined by OR (evidence's candidates); a word that leaves
        # nothing to search for is skipped. Read left to right.
        """CREATE FUNCTION hearsay_tsquery(query text) RETURNS tsquery
            LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
        DECLARE
            term text[];
            word text;
            part tsquery;
            result tsquery;
            either boolean := false;
        BEGIN
            FOR term IN SELECT regexp_matches(query, '(\\mOR\\M)|"((?:[^"]|"")*)"(\\*?)', 'g') LOOP
                IF term[1] IS NOT NULL THEN
                    either := true;
                    CONTINUE;
                END IF;
                word := replace(term[2], '""', '"');
                IF term[3] = '*' THEN
                    part := to_tsquery('simple', quote_literal(word) || ':*');
                ELSE
                    part := phraseto_tsquery('hearsay', word);
                END IF;
                IF numnode(part) > 0 THEN
                    result := CASE WHEN result IS NULL THEN part
                                   WHEN either THEN result || part ELSE result && part END;
                END IF;
                either := false;
            END LOOP;
            RETURN coalesce(result, to_tsquery('simple', ''));
        END $$""",
    ),
)

_FTS5 = re.compile(r"CREATE VIRTUAL TABLE (\w+) USING fts5\((.*)\)\s*$", re.S)


def _fts_table(name: str, body: str) -> tuple[str, ...]:
    columns, options = [], ""
    for part in (p.strip() for p in body.split(",")):
        if part.startswith("tokenize"):
            options = part
        elif part:
            columns.append(part.split()[0])
    indexed = [c for c, part in zip(columns, body.split(","), strict=False) if "UNINDEXED" not in part]
    plain = ", ".join(f'{c} TEXT COLLATE "C"' for c in columns)
    if "trigram" in options:
        return (
            f"CREATE TABLE {name} ({plain})",
            f"CREATE INDEX {name}_trigram ON {name} USING gin ({indexed[0]} gin_trgm_ops)",
            f"CREATE INDEX {name}_statement ON {name} (document_id, statement_id)",
        )
    words = " || ' ' || ".join(f"coalesce({c}, '')" for c in indexed)
    return (
        f"""CREATE TABLE {name} ({plain},
            tsv tsvector GENERATED ALWAYS AS (to_tsvector('hearsay'::regconfig, {words})) STORED)""",
        f"CREATE INDEX {name}_words ON {name} USING gin (tsv)",
        f"CREATE INDEX {name}_document ON {name} (document_id)",
    )


_INDEX_COLUMNS = re.compile(
    r"^(\s*CREATE (?:UNIQUE )?INDEX \w+ ON \w+\s*)\((.*)\)(\s*(?:WHERE .*)?)$", re.S | re.I
)


def statements(sql: str) -> tuple[str, ...]:
    """One SQLite DDL (or backfill) statement as the PostgreSQL statements that do the same."""
    fts = _FTS5.match(sql.strip())
    if fts is not None:
        return _fts_table(fts.group(1), fts.group(2))
    out = re.sub(r"\bINTEGER PRIMARY KEY\b", "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY", sql)
    out = re.sub(r"\bINTEGER\b", "BIGINT", out)
    out = re.sub(r"\bREAL\b", "DOUBLE PRECISION", out)
    out = re.sub(r"\bBLOB\b", "BYTEA", out)
    out = re.sub(r"\bTEXT\b", 'TEXT COLLATE "C"', out)
    out = re.sub(r"\)\s*WITHOUT ROWID\s*$", ")", out)
    index = _INDEX_COLUMNS.match(out)
    if index is not None:  # ordered as the queries' ORDER BY (pg_sql.nulls_as_sqlite), so they use it
        out = f"{index.group(1)}({nulls_as_sqlite(index.group(2))}){index.group(3)}"
    return (out,)


def _translated(migration: Migration) -> Migration:
    return Migration(migration.name, tuple(pg for sql in migration.statements for pg in statements(sql)))


# Every committed write transaction adds one (``pg_connection``): the database's change counter, which
# remembered answers (``hearsay.link.remembered``) are kept under, as a SQLite file's size and mtime.
CHANGES = Migration(
    "0000_postgresql_changes",
    ("CREATE TABLE hearsay_changes (n BIGINT NOT NULL)", "INSERT INTO hearsay_changes VALUES (0)"),
)

# ``0019_postgresql_name_keys_in_order`` is PostgreSQL's alone (written for it, not translated): SQLite
# keeps its key rows in list order by rowid instead (``0016_name_keys_in_order``).
MIGRATIONS_PG: tuple[Migration, ...] = (
    SETUP,
    CHANGES,
    *(_translated(m) for m in MIGRATIONS),
    NAME_KEYS_IN_ORDER,
)
