"""Speed and memory of cross-document linking over synthetic readings.

The readings are synthesised from templates, without spaCy (extraction speed is
benchmarks/extraction_speed.py's business): N documents about N/20 invented stories, each
with three attributed statements, named people, organisations and places, dates, spelling
variants of the names (transliterations, initials, surnames alone) and one in five documents
a syndicated copy of an earlier one under another outlet. They are stored in a temporary
SQLite file first (not timed); then, in a fresh process per size:

* ``link_corpus`` over all N documents (timed, with the texts it had to embed);
* one more document added and linked (timed);
* the peak resident memory of that process (``ru_maxrss``).

    .venv/bin/python benchmarks/link_speed.py            # 2,000 and 10,000 documents
    .venv/bin/python benchmarks/link_speed.py 500        # other sizes
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from hearsay.model import Document, Entity, Mention, Reading, Source, Span, Statement, TimeExpression
from hearsay.store import Store

SYLLABLES = "ka lo mi ra ven dor sta bel ni ko tur zan pol ger mar sel vik ana rus tem".split()  # noqa: SIM905
FIRST = "Anna Boris Clara Dmitry Elena Farid Galina Hamid Irina Jonas Karim Lena Marat Nina Oleg".split()  # noqa: SIM905
CLAIMS = (
    (
        "the {org} closed the bridge in {place}",
        "{place}'s bridge was shut by the {org}",
        "the bridge at {place} is closed",
    ),
    (
        "{n} people were injured in the {place} fire",
        "the fire in {place} injured {n} people",
        "{n} were hurt when fire broke out in {place}",
    ),
    (
        "the {org} will investigate the collapse in {place}",
        "an inquiry into the {place} collapse will be opened by the {org}",
        "the {org} is to examine why the building in {place} collapsed",
    ),
    (
        "the water supply of {place} is contaminated",
        "tap water in {place} is not safe to drink",
        "{place} residents were told their water is polluted",
    ),
    (
        "the {org} denied any responsibility for the spill near {place}",
        "the {org} rejected blame for the {place} spill",
        "the spill at {place} was not the {org}'s fault",
    ),
)
CUES = ("said", "told reporters", "said on Monday", "according to")
OUTLETS = [f"Outlet {i}" for i in range(40)]


def _word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def story(rng: random.Random, number: int) -> dict:
    surname = _word(rng, 3) + "ov"
    return {
        "place": _word(rng, 2) + "sk",
        "org": f"{_word(rng, 2)} Authority",
        "person": (rng.choice(FIRST), surname),
        "claims": rng.sample(range(len(CLAIMS)), 3),
        "n": rng.randint(3, 90),
        "start": dt.date(2025, 1, 1) + dt.timedelta(days=number % 300),
    }


def spelled(rng: random.Random, first: str, surname: str) -> str:
    return rng.choice((f"{first} {surname}", f"{first[0]}. {surname}", surname, f"{first} {surname[:-2]}ev"))


def build(
    rng: random.Random, number: int, info: dict, labels: dict | None = None
) -> tuple[Document, Reading]:
    """One synthetic document and its reading, every span grounded in the text."""
    parts: list[str] = []
    entities: list[Entity] = []
    mentions: list[Mention] = []
    statements: list[Statement] = []
    times: list[TimeExpression] = []
    offset = 0

    def add(text: str) -> int:
        nonlocal offset
        start = offset
        parts.append(text)
        offset += len(text)
        return start

    title = f"{info['place']}: {info['org']} under scrutiny ({number})"
    add(title + "\n")
    claim_labels = []
    for index, claim in enumerate(info["claims"]):
        wording = rng.choice(CLAIMS[claim]).format(**info)
        claim_labels.append(f"{info['place']}:{claim}")
        if index == 0:
            speaker, label = spelled(rng, *info["person"]), "PERSON"
        else:
            speaker, label = (info["org"], "ORG") if index == 1 else (f"{_word(rng, 2)} News", "OUTLET")
        local = f"e{index + 1}"
        start = add("")
        add(speaker)
        entities.append(Entity(id=local, name=speaker, type=label, aliases=(speaker,)))
        mentions.append(
            Mention(entity=local, start=start, end=start + len(speaker), text=speaker, label=label)
        )
        cue = rng.choice(CUES[:3])
        add(" ")
        cue_start = add(cue)
        add(" that ")
        content_start = add(wording)
        day = info["start"] + dt.timedelta(days=index)
        when = f" on {day:%B} {day.day}"
        time_start = add(when) + 1
        times.append(
            TimeExpression(
                text=when.strip(), start=time_start, end=time_start + len(when) - 1, value=day.isoformat()
            )
        )
        add(". ")
        place_at = content_start + wording.find(info["place"])
        if wording.find(info["place"]) >= 0:
            entities.append(Entity(id=f"p{index}", name=info["place"], type="GPE", aliases=(info["place"],)))
            mentions.append(
                Mention(
                    entity=f"p{index}",
                    start=place_at,
                    end=place_at + len(info["place"]),
                    text=info["place"],
                    label="GPE",
                )
            )
        statements.append(
            Statement(
                id=f"s{index + 1}",
                source=Source(entity=local, text=speaker, start=start, end=start + len(speaker)),
                cue=Span(cue_start, cue_start + len(cue), cue),
                content=Span(content_start, content_start + len(wording), wording),
                kind="indirect",
                certainty="certain",
                polarity="neg" if "denied" in wording else "pos",
                stance="deny" if "denied" in wording else "assert",
                cue_lemma=cue.split()[0],
            )
        )
    text = "".join(parts)
    document_id = hashlib.sha256(text.encode()).hexdigest()
    if labels is not None:
        for index, label in enumerate(claim_labels):
            labels[f"{document_id}:s{index + 1}"] = label
    published = info["start"] + dt.timedelta(days=3)
    document = Document(
        id=document_id, text=text, title=title, outlet=rng.choice(OUTLETS), published=published
    )
    reading = Reading(
        document_id=document_id,
        entities=tuple(entities),
        mentions=tuple(mentions),
        statements=tuple(statements),
        times=tuple(times),
        published=published,
        extractor="synthetic",
    )
    return document, reading


def syndicated(document: Document, reading: Reading, rng: random.Random) -> tuple[Document, Reading]:
    """The same story under another outlet: one line added at the end, everything else equal."""
    text = document.text + f"\n(Republished by {rng.choice(OUTLETS)}.)"
    document_id = hashlib.sha256(text.encode()).hexdigest()
    copy = Document(
        id=document_id,
        text=text,
        title=document.title,
        outlet=rng.choice(OUTLETS),
        published=document.published,
    )
    return copy, Reading(
        document_id=document_id,
        entities=reading.entities,
        mentions=reading.mentions,
        statements=reading.statements,
        times=reading.times,
        published=reading.published,
        extractor="synthetic",
    )


def synthesise(path: Path, count: int, seed: int = 7) -> dict[str, str]:
    """Store ``count`` synthetic documents; returns each statement's true claim ("place:claim")."""
    rng = random.Random(seed)
    labels: dict[str, str] = {}
    stories = [story(rng, n) for n in range(max(1, count // 20))]
    earlier: list[tuple[Document, Reading]] = []
    with Store(path) as store:
        for number in range(count):
            if earlier and rng.random() < 0.2:
                original, reading = rng.choice(earlier[-200:])
                document, reading = syndicated(original, reading, rng)
                for statement in reading.statements:
                    labels[f"{document.id}:{statement.id}"] = labels[f"{original.id}:{statement.id}"]
            else:
                document, reading = build(rng, number, rng.choice(stories), labels)
                earlier.append((document, reading))
            store.put(document, reading)
    return labels


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def measure(path: str) -> None:
    """Run in a fresh process: link everything, then one more document; print one JSON line."""
    from hearsay.link import link_corpus
    from hearsay.link.embeddings import load_embedder

    load_embedder()  # loading the model (about a second) is not linking
    with Store(path) as store:
        started, cpu = time.perf_counter(), _cpu()
        counts = link_corpus(store)
        seconds, cpu = time.perf_counter() - started, _cpu() - cpu
        rng = random.Random(99)
        document, reading = build(rng, 10**6, story(rng, 5))
        store.put(document, reading)
        started = time.perf_counter()
        one = link_corpus(store)
        one_seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "seconds": seconds,
                "cpu": cpu,
                "counts": counts,
                "one_seconds": one_seconds,
                "one": one,
                "peak_rss_mib": peak,
            }
        )
    )


def cluster_quality(path: Path, labels: dict[str, str]) -> tuple[float, float]:
    """B-cubed precision and recall of the clusters against the synthetic statements' true claims."""
    with Store(path, read_only=True) as store:
        found = {
            f"{r[0]}:{r[1]}": r[2] or f"alone:{r[0]}:{r[1]}"
            for r in store._conn.execute("SELECT document_id, statement_id, cluster_id FROM link_statements")
        }
    by_found: dict[str, set[str]] = {}
    by_true: dict[str, set[str]] = {}
    for item, label in labels.items():
        by_found.setdefault(found.get(item, item), set()).add(item)
        by_true.setdefault(label, set()).add(item)
    precision = recall = 0.0
    for item, label in labels.items():
        same_found, same_true = by_found[found.get(item, item)], by_true[label]
        correct = len(same_found & same_true)
        precision += correct / len(same_found)
        recall += correct / len(same_true)
    return precision / len(labels), recall / len(labels)


def main(sizes: list[int]) -> None:
    print(
        "link_speed: synthetic readings (templates, no spaCy); "
        "times exclude storing them and loading the model"
    )
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            path = Path(folder) / f"link-{size}.db"
            started = time.perf_counter()
            labels = synthesise(path, size)
            built = time.perf_counter() - started
            with Store(path, read_only=True) as store:
                stored = store.counts()
            output = subprocess.run(
                [sys.executable, __file__, "--measure", str(path)], check=True, capture_output=True, text=True
            ).stdout
            result = json.loads(output.strip().splitlines()[-1])
            counts = result["counts"]
            quality = cluster_quality(path, labels)
            print(
                f"{size:>6,} documents ({stored['statements']:,} statements, stored in {built:.0f} s): "
                f"linked in {result['seconds']:.1f} s ({size / result['seconds']:,.0f} documents/s), "
                f"{counts['embedded']:,} distinct contents embedded, {counts['entities']:,} entities, "
                f"{counts['clusters']:,} clusters; "
                f"one more document linked in {result['one_seconds'] * 1000:.0f} ms "
                f"({result['one']['embedded']} embedded); peak RSS {result['peak_rss_mib']:.0f} MiB"
            )
            print(
                f"        of the {result['seconds']:.1f} s, {counts['embed_seconds']:.1f} s embedding; "
                f"CPU time {result['cpu']:.1f} s "
                f"(load average {os.getloadavg()[0]:.1f}, {os.cpu_count()} cores); "
                f"clusters against the templates' true claims: B-cubed P {quality[0]:.3f} R {quality[1]:.3f}"
            )


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--measure":
        measure(sys.argv[2])
    else:
        main([int(a) for a in sys.argv[1:]] or [2000, 10000])
