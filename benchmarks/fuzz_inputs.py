"""Fuzz the readers: mutated text, HTML, JSON Lines, RSS/Atom and Telegram inputs; count good documents lost.

    PYTHONPATH=src .venv/bin/python benchmarks/fuzz_inputs.py [-n 100000] [--seed 17] [--keep DIR]

Each input is one file built around good records that carry a unique marker word, with one part
mutated: bytes flipped, inserted, deleted, duplicated or cut; control characters, lone surrogate
escapes, byte-order marks, invalid UTF-8, 5,000-digit numbers, deep nesting and long lines put in;
JSON values replaced by values of the wrong type. It is read as `hearsay ingest` reads a batch,
together with a good neighbour file (now and then in a folder with a symbolic link loop, or under a
file name holding control characters or undecodable bytes), and each document is stored in a
SQLite store. Counted:

- good documents lost: a good record (another JSON line, post or item, one whose only change is a
  control character between its words, or the neighbour file) that is not read and stored;
- tracebacks: an exception that escapes the readers;
- unexpected errors: an InputError that wraps an exception hearsay did not expect ("please report");
- bad error lines: an error without its [CODE] or with a raw control character.

The issue's target is 0 lost and 0 tracebacks over at least 100,000 inputs. Extraction (spaCy)
is not run: the readers and the store are where inputs were lost.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import re
import shutil
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from hearsay.errors import CODE, InputError
from hearsay.ingest import iter_documents
from hearsay.model import Document, Reading
from hearsay.store import SQLiteStore

FORMATS = ("text", "html", "jsonl", "feed", "telegram")
RAW_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# Characters that may sit between the words of a good document without making it bad.
BENIGN = ["\x0b", "\x0c", "\x1b", "\x07", "\x85", "\u2028", "\u2029", "\ufeff", "\u202e", "\x7f", "\u200b"]
# Pieces put into an input's text.
SPECIALS = [
    *BENIGN,
    "\x00",
    "\x01",
    "\r",
    "\ufffe",
    "\uffff",
    "\\ud800",
    "\\udfff",
    "\\ud83d",
    "\\u0000",
    "]]>",
    "<!--",
    "<![CDATA[",
    "&#0;",
    "&#12;",
    "&#xD800;",
    "&bogus;",
    "<",
    ">",
    "&",
    '"',
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "9" * 5000,
    "-" + "9" * 5000,
    "1e999999",
    "NaN",
    "[" * 3000,
    "{" * 3000,
    "<p>" * 2000,
    "<div>" * 3000,
    "x" * 60000,
    "<script>alert(1)</script>",
    "<?xml-stylesheet?>",
    "<!DOCTYPE x [<!ENTITY a 'aaaa'>]>",
]
RAW_BYTES = [b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf", b"\xc3", b"\xed\xa0\x80", b"\x80\x81", b"\x00\x00"]
BAD_ESCAPES = ["\\ud800", "\\udfff", "\\u001b", "\\u0007", "\\u202e", "\\u0000"]
WORDS = [
    "the",
    "minister",
    "said",
    "on",
    "monday",
    "that",
    "talks",
    "about",
    "the",
    "harbour",
    "bridge",
    "would",
    "resume",
    "in",
    "june",
]


@dataclass
class Tally:
    inputs: Counter[str] = field(default_factory=Counter)
    documents: int = 0
    errors: int = 0
    lost: int = 0
    tracebacks: int = 0
    unexpected: int = 0
    bad_lines: int = 0
    unstorable: int = 0
    kept: list[str] = field(default_factory=list)


@dataclass
class Case:
    """One input: its bytes, the markers of the good records in it, and its format."""

    format: str
    data: bytes
    markers: list[str]
    suffix: str


class Fuzzer:
    def __init__(self, seed: int) -> None:
        self.seed = seed
        self.rng = random.Random(seed)
        self.serial = 0

    def marker(self) -> str:
        self.serial += 1
        return f"Zq{self.serial:x}mark"

    def sentence(self, marker: str) -> str:
        words = self.rng.sample(WORDS, 8)
        return f"The spokesman {marker} said that {' '.join(words)}."

    def special(self) -> str:
        return self.rng.choice(SPECIALS)

    def mutate_text(self, text: str) -> str:
        """Put one to three special pieces at random places."""
        for _ in range(self.rng.randint(1, 3)):
            at = self.rng.randint(0, len(text))
            text = text[:at] + self.special() + text[at:]
        return text

    def benign(self, text: str) -> str:
        """Put a harmless character between two words (never inside the marker)."""
        spaces = [m.start() for m in re.finditer(" ", text)]
        at = self.rng.choice(spaces) if spaces else 0
        return text[:at] + self.rng.choice(BENIGN) + text[at:]

    def mutate_bytes(self, data: bytes) -> bytes:
        kind = self.rng.randrange(7)
        at = self.rng.randint(0, len(data))
        if kind == 0 and data:  # flip bits of a few bytes
            buffer = bytearray(data)
            for _ in range(self.rng.randint(1, 8)):
                i = self.rng.randrange(len(buffer))
                buffer[i] ^= 1 << self.rng.randrange(8)
            return bytes(buffer)
        if kind == 1:
            return data[:at] + self.rng.randbytes(self.rng.randint(1, 64)) + data[at:]
        if kind == 2:
            return data[:at] + data[at + self.rng.randint(1, 200) :]
        if kind == 3:
            return data[:at] + data[at : at + self.rng.randint(1, 400)] * self.rng.randint(2, 5) + data[at:]
        if kind == 4:
            return data[:at]
        if kind == 5:
            return data[:at] + self.rng.choice(RAW_BYTES) + data[at:]
        return data[:at] + self.special().encode("utf-8") + data[at:]

    # --- builders: good records with markers around one bad part ------------------------

    def text_case(self) -> Case:
        marker = self.marker()
        text = "Harbour bridge talks\n\n" + " ".join(self.sentence(marker) for _ in range(3)) + "\n"
        if self.rng.random() < 0.3:
            return Case("text", self.benign(text).encode("utf-8"), [marker], ".txt")
        return Case(
            "text", self.mutate_bytes(self.mutate_text(text).encode("utf-8", "surrogatepass")), [], ".txt"
        )

    def html_case(self) -> Case:
        marker = self.marker()
        body = " ".join(self.sentence(marker) for _ in range(4))
        page = (
            "<!doctype html><html><head><meta charset='utf-8'><title>Bridge talks</title></head>"
            f"<body><nav>Home | News</nav><article><h1>Bridge talks</h1><p>{body}</p><p>{body}</p>"
            "</article><footer>(c) Gazette</footer></body></html>"
        )
        if self.rng.random() < 0.3:
            return Case("html", self.benign(page).encode("utf-8"), [marker], ".html")
        mutated = self.mutate_text(page).encode("utf-8", "surrogatepass")
        return Case("html", self.mutate_bytes(mutated) if self.rng.random() < 0.5 else mutated, [], ".html")

    def jsonl_case(self) -> Case:
        good = [self.marker() for _ in range(3)]
        lines = [json.dumps({"text": self.sentence(m), "title": "Bridge"}) for m in good]
        bad = self.bad_json_record()
        if self.rng.random() < 0.5:
            bad = self.mutate_bytes(bad.encode("utf-8", "surrogatepass")).decode("utf-8", "surrogateescape")
        lines.insert(self.rng.randint(0, 3), bad.replace("\n", " ") if self.rng.random() < 0.5 else bad)
        data = "\n".join(lines).encode("utf-8", "surrogateescape")
        return Case("jsonl", data, good, ".jsonl")

    def json_value(self) -> str:
        """Raw JSON text of a value of any type, often a hostile one."""
        choices: list[Callable[[], str]] = [
            lambda: "9" * 5000,
            lambda: "-" + "1" * 4400,
            lambda: "1e999999",
            lambda: "NaN",
            lambda: "null",
            lambda: "true",
            lambda: "[" * 50 + "]" * 50,
            lambda: "[" * 5000 + "]" * 5000,
            lambda: '{"text": {"text": 1}}',
            lambda: '"' + self.json_string() + '"',
            lambda: '["a", {"type": "bold", "text": "' + self.json_string() + '"}, 3]',
        ]
        return self.rng.choice(choices)()

    def json_string(self) -> str:
        pieces = ["The mayor said", "\\ud800", "\\udc00", "\\u0000", "\\u001b", "\\u000c", "\\ud83d\\ude00"]
        pieces += ["\\\\", '\\"', "\x7f", "\u2028", "\u202e", "x" * 200]
        return "".join(self.rng.choice(pieces) for _ in range(self.rng.randint(1, 6)))

    def bad_json_record(self) -> str:
        fields = ["text", "title", "url", "published", "outlet", "author", "language"]
        chosen = self.rng.sample(fields, self.rng.randint(1, 4))
        parts = [f'"{name}": {self.json_value()}' for name in chosen]
        if self.rng.random() < 0.3:
            return self.json_value()
        return "{" + ", ".join(parts) + "}"

    def telegram_case(self) -> Case:
        good = [self.marker() for _ in range(3)]
        posts = [
            f'{{"id": {i + 1}, "type": "message", "date": "2025-06-0{i + 1}T10:00:00", '
            f'"from": "{self.maybe_bad_name()}", "text": {json.dumps(self.sentence(m))}}}'
            for i, m in enumerate(good)
        ]
        bad = (
            f'{{"id": {self.json_value()}, "type": "message", "date": {self.json_value()}, '
            f'"from": {self.json_value()}, "text": {self.json_value()}}}'
        )
        posts.insert(self.rng.randint(0, 3), bad if self.rng.random() < 0.8 else self.json_value())
        data = (
            f'{{"name": "{self.maybe_bad_name()}", "type": "public_channel", "id": 7, '
            f'"messages": [{", ".join(posts)}]}}'
        )
        if self.rng.random() < 0.2:  # broken JSON loses the file; only tracebacks count then
            return Case("telegram", self.mutate_bytes(data.encode("utf-8", "surrogatepass")), [], ".json")
        return Case("telegram", data.encode("utf-8"), good, ".json")

    def maybe_bad_name(self) -> str:
        if self.rng.random() < 0.5:
            return "Harbour News"
        return "Harbour " + self.rng.choice(
            ["\\ud800", "\\udfff", "\\u001b", "\\u0007", "\\u202e", "\\u0000"]
        )

    def feed_case(self) -> Case:
        good = [self.marker() for _ in range(3)]
        atom = self.rng.random() < 0.4
        items = [self.feed_item(self.sentence(m), atom) for m in good]
        bad_text = self.xml_safe(self.mutate_text(self.sentence("bad")))
        items.insert(self.rng.randint(0, 3), self.feed_item(bad_text, atom, hostile=True))
        if atom:
            data = (
                '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
                f"<title>Gazette</title>{''.join(items)}</feed>"
            )
        else:
            data = (
                '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Gazette</title>'
                f"{''.join(items)}</channel></rss>"
            )
        if self.rng.random() < 0.25:
            return Case("feed", self.mutate_bytes(data.encode("utf-8", "surrogatepass")), [], ".xml")
        return Case("feed", data.encode("utf-8", "surrogatepass"), good, ".xml")

    def xml_safe(self, text: str) -> str:
        text = re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", "", text)
        return escape(text.replace("\\ud800", "").replace("\\udfff", "").replace("\\ud83d", ""))

    def feed_item(self, text: str, atom: bool, hostile: bool = False) -> str:
        title = self.xml_safe(self.mutate_text("Bridge")) if hostile else "Bridge"
        date = self.xml_safe(self.special()) if hostile else "Mon, 02 Jun 2025 09:30:00 +0000"
        body = escape(f"<p>{text}</p>") if self.rng.random() < 0.5 else text
        if atom:
            return (
                f"<entry><title>{title}</title><link href='https://g.example/{self.serial}'/>"
                f"<updated>{date}</updated><content type='html'>{body}</content></entry>"
            )
        return (
            f"<item><title>{title}</title><pubDate>{date}</pubDate><description>{body}</description></item>"
        )

    def case(self, number: int) -> Case:
        """Input ``number``: the same for a seed whatever else is generated, so workers can share a run."""
        self.rng = random.Random(f"{self.seed}:{number}")
        self.serial = number * 16
        builder = {
            "text": self.text_case,
            "html": self.html_case,
            "jsonl": self.jsonl_case,
            "feed": self.feed_case,
            "telegram": self.telegram_case,
        }[FORMATS[number % len(FORMATS)]]
        return builder()


def file_name(rng: random.Random, number: int, suffix: str) -> bytes:
    """A file name; now and then with control characters, undecodable bytes or a bidi override."""
    odd = rng.choice([b"", b"", b"", b"\x1b[31m", b"\x07", b"\n", b"\xff\xfe", b"\xe2\x80\xae", b" "])
    return b"input-%d" % number + odd + suffix.encode()


def check_error(error: InputError, tally: Tally) -> None:
    line = str(error)
    if not CODE.match(line) or RAW_CONTROL.search(line):
        tally.bad_lines += 1
    if "please report" in line:
        tally.unexpected += 1


def run_one(case: Case, folder: Path, neighbour: Path, store: SQLiteStore, number: int, tally: Tally) -> bool:
    """Read one input with its neighbour; returns whether anything went wrong."""
    rng = random.Random(number)
    name = file_name(rng, number, case.suffix)
    path = Path(os.fsdecode(os.path.join(os.fsencode(folder), name)))
    path.write_bytes(case.data)
    args = [str(path), str(neighbour)]
    loop = number % 25 == 0
    if loop:
        os.symlink("loop-b", folder / "loop-a")
        os.symlink("loop-a", folder / "loop-b")
        shutil.copy(neighbour, folder / "neighbour.txt")
        args = [str(folder)]
    wrong = False
    flagged = tally.unexpected + tally.bad_lines
    try:
        items = list(iter_documents(args))
    except BaseException as err:  # noqa: BLE001 - what we count
        if isinstance(err, KeyboardInterrupt):
            raise
        tally.tracebacks += 1
        traceback.print_exc(limit=4)
        items, wrong = [], True
    texts = []
    for item in items:
        if isinstance(item, InputError):
            tally.errors += 1
            check_error(item, tally)
        elif isinstance(item, Document):
            tally.documents += 1
            try:
                store.put(item, Reading(document_id=item.id, document=item))
                texts.append(item.text)
            except Exception:  # noqa: BLE001 - counted
                tally.unstorable += 1
                wrong = True
        else:
            tally.tracebacks += 1
            wrong = True
    joined = "\n".join(texts)
    lost = sum(marker not in joined for marker in [*case.markers, "Zqneighbourmark"])
    tally.lost += lost
    for entry in folder.iterdir():
        entry.unlink()
    return wrong or lost > 0 or tally.unexpected + tally.bad_lines > flagged


def fuzz(seed: int, numbers: range, keep: Path | None) -> Tally:
    """Generate and read the inputs ``numbers``; one worker's share of a run."""
    fuzzer = Fuzzer(seed)
    tally = Tally()
    with tempfile.TemporaryDirectory(prefix="hearsay-fuzz-") as tmp:
        root = Path(tmp)
        folder = root / "inputs"
        folder.mkdir()
        neighbour = root / "neighbour.txt"
        neighbour.write_text("The harbour master Zqneighbourmark said the ferry would sail on Friday.\n")
        with SQLiteStore(root / "fuzz.db") as store:
            for done, number in enumerate(numbers, start=1):
                if done % 1000 == 0:
                    print(
                        f"  {done:,} inputs: {tally.lost} lost, {tally.tracebacks} tracebacks",
                        file=sys.stderr,
                    )
                case = fuzzer.case(number)
                tally.inputs[case.format] += 1
                wrong = run_one(case, folder, neighbour, store, number, tally)
                if wrong and keep is not None and len(tally.kept) < 50:
                    keep.mkdir(parents=True, exist_ok=True)
                    (keep / f"{number}{case.suffix}").write_bytes(case.data)
                    tally.kept.append(str(number))
    return tally


def merged(tallies: list[Tally]) -> Tally:
    total = Tally()
    for tally in tallies:
        total.inputs.update(tally.inputs)
        for name in ("documents", "errors", "lost", "tracebacks", "unexpected", "bad_lines", "unstorable"):
            setattr(total, name, getattr(total, name) + getattr(tally, name))
        total.kept.extend(tally.kept)
    return total


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=100_000, help="inputs to generate (default 100,000)")
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--workers", type=int, default=1, help="processes sharing the inputs (default 1)")
    parser.add_argument("--keep", type=Path, help="save the inputs that lost documents or raised here")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    shares = [range(w, args.n, args.workers) for w in range(args.workers)]
    if args.workers == 1:
        tally = fuzz(args.seed, shares[0], args.keep)
    else:
        with multiprocessing.get_context("spawn").Pool(args.workers) as pool:
            tally = merged(pool.starmap(fuzz, [(args.seed, share, args.keep) for share in shares]))
    seconds = time.perf_counter() - started
    per_format = ", ".join(f"{k} {v:,}" for k, v in sorted(tally.inputs.items()))
    print(f"inputs                {args.n:,} ({per_format})")
    print(f"documents read        {tally.documents:,}")
    print(f"input errors          {tally.errors:,}")
    print(f"good documents lost   {tally.lost:,}")
    print(f"tracebacks            {tally.tracebacks:,}")
    print(f"unexpected errors     {tally.unexpected:,}")
    print(f"bad error lines       {tally.bad_lines:,}")
    print(f"unstorable documents  {tally.unstorable:,}")
    rate = args.n / seconds
    print(
        f"seconds               {seconds:.1f} ({rate:.0f} inputs/s, {args.workers} workers), seed {args.seed}"
    )
    if tally.kept:
        print(f"kept in {args.keep}: {', '.join(sorted(tally.kept, key=int))}")
    failed = tally.lost or tally.tracebacks or tally.unexpected or tally.bad_lines or tally.unstorable
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
