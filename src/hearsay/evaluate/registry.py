"""The evaluations, one entry each: where the data is, how it is scored, what it is held to.

The `hearsay eval` commands, `hearsay eval all`, the quality gate's sections and
scripts/update_quality_floors all come from ``EVALUATIONS``. Each entry's ``score`` reads its data,
has hearsay read the texts and scores what comes back, and returns a figures dict carrying
``dataset`` (the entry's name) and ``data_sha256``. To add an evaluation, write its scorer and append
an ``Evaluation``: the command gets --data, --limit, --errors, --json, --markdown and
--update-baseline from the entry, and `eval all` runs its ``suite``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from ..errors import ConfigError

Figures = dict[str, Any]
OptionKind = Literal["text", "file", "folder", "flag", "date"]


@dataclass(frozen=True, slots=True)
class Option:
    """One option of an evaluation's command beyond the shared ones (the CLI makes it a click option)."""

    flag: str  # "--split"
    name: str  # the keyword the scorer receives
    help: str
    default: Any = None
    kind: OptionKind = "text"
    choices: tuple[str, ...] = ()
    case_sensitive: bool = True
    metavar: str | None = None


@dataclass(frozen=True, slots=True)
class Headline:
    name: str  # what the figure is, in words
    path: str  # dotted path into the evaluation's figures
    target: float | None  # the least the project accepts; None: reported, not held to a number
    lower_is_better: bool = False

    def met(self, value: float) -> bool | None:
        if self.target is None:
            return None
        return value <= self.target if self.lower_is_better else value >= self.target


@dataclass(frozen=True, slots=True)
class Run:
    """A fixed run of an evaluation: one line group of `eval all`, or the run the gate's floors pin."""

    label: str  # the command that repeats it, after `hearsay eval `
    options: Mapping[str, Any] = field(default_factory=dict)
    headlines: tuple[Headline, ...] = ()


@dataclass(frozen=True, slots=True)
class Evaluation:
    name: str  # the `hearsay eval NAME` command, and ``dataset`` in its figures
    title: str  # the data in words, for messages
    summary: str  # the command's help
    score: Callable[..., Figures]  # score(data, limit=, errors_path=, **options)
    data_help: str
    errors_help: str
    where: str  # path of the data under ../shared: "data/polnear" or "corpus/NAME.gold.json"
    limit: str | None = None  # what --limit N counts; None: no --limit
    markdown: str | None = None  # help of --markdown; None: no --markdown
    options: tuple[Option, ...] = ()
    suite: tuple[Run, ...] = ()  # what `hearsay eval all` runs, with the targets
    gate: tuple[Run, ...] = ()  # the runs whose figures the quality gate pins
    floors: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # gate section -> pinned figures
    section: Callable[[Figures], str] | None = None  # the gate section of a result; None: the only one
    needs_data: Callable[[Mapping[str, Any]], bool] = lambda options: True

    @property
    def is_file(self) -> bool:
        """The data is one file (the command's argument), not a folder (--data DIR)."""
        return self.where.endswith(".json")

    @property
    def folder(self) -> str:
        """The name `eval all --only` knows it by: its folder under the data root, or its own name."""
        return Path(self.where).name if not self.is_file else self.name

    def located(self, data_root: Path) -> Path:
        """Where the data lies when ``data_root`` is the shared data folder (``../shared/data``)."""
        if self.is_file:
            return data_root.parent / self.where
        return data_root / Path(self.where).name

    def missing(self) -> ConfigError:
        kind = "file" if self.is_file else "folder"
        return ConfigError(
            f"no {self.title} data {kind} found at ../shared/{self.where}; "
            f"name one with {'FILE' if self.is_file else '--data DIR'}"
        )

    def section_of(self, figures: Figures) -> str:
        if self.section is not None:
            return self.section(figures)
        return next(iter(self.floors), self.name)


def _polnear(
    data: Path,
    *,
    limit: int | None,
    errors_path: Path | None,
    split: str = "dev",
    parse_cache: Path | None = None,
) -> Figures:
    from .polnear import evaluate_polnear

    return evaluate_polnear(data, split=split, limit=limit, errors_path=errors_path, parse_cache=parse_cache)


def _gold(
    data: Path,
    *,
    limit: int | None,
    errors_path: Path | None,
    published: dt.date | None = None,
    evidence: Path | None = None,
) -> Figures:
    from .gold import evaluate_gold

    return evaluate_gold(data, published=published, evidence_path=evidence, errors_path=errors_path)


def _evidence(
    data: Path, *, limit: int | None, errors_path: Path | None, gold: Path | None = None
) -> Figures:
    from .evidence_gold import evaluate_evidence_gold

    return evaluate_evidence_gold(data, gold_path=gold)


def _tempeval3(data: Path, *, limit: int | None, errors_path: Path | None) -> Figures:
    from .tempeval3 import evaluate_tempeval3

    return evaluate_tempeval3(data, limit=limit, errors_path=errors_path)


def _meantime(data: Path, *, limit: int | None, errors_path: Path | None) -> Figures:
    from .meantime import evaluate_meantime

    return evaluate_meantime(data, limit=limit, errors_path=errors_path)


def _factuality(
    data: Path, *, limit: int | None, errors_path: Path | None, dataset: str = "UW", split: str = "dev"
) -> Figures:
    from .factuality import evaluate_factuality

    return evaluate_factuality(data, dataset.upper(), split, errors_path=errors_path)


def parse_topics(text: str | Iterable[int]) -> list[int]:
    """ "1-35" or "1-5,12,20-22" -> topic numbers."""
    if not isinstance(text, str):
        return list(text)
    topics: list[int] = []
    try:
        for part in text.split(","):
            first, _, last = part.strip().partition("-")
            topics.extend(range(int(first), int(last or first) + 1))
    except ValueError:
        raise ConfigError(f"--topics takes numbers and ranges like 1-35 or 1-5,12, not {text!r}") from None
    if not topics:
        raise ConfigError(f"--topics names no topic: {text!r}")
    return topics


def _ecbplus(data: Path, *, limit: int | None, errors_path: Path | None, topics: str = "1-35") -> Figures:
    from .ecbplus import evaluate_ecbplus

    return evaluate_ecbplus(data, parse_topics(topics), errors_path=errors_path)


def _fnc1(
    data: Path | None,
    *,
    limit: int | None,
    errors_path: Path | None,
    split: str = "dev",
    bodies_path: Path | None = None,
    stances_path: Path | None = None,
    predictions_path: Path | None = None,
    cache_dir: Path | None = None,
    no_cache: bool = False,
) -> Figures:
    from .fnc1 import evaluate_fnc1

    if (bodies_path is None) != (stances_path is None):
        raise ConfigError("--bodies and --stances go together: name both files")
    return evaluate_fnc1(
        data,
        split,
        bodies_path=bodies_path,
        stances_path=stances_path,
        limit=limit,
        cache_dir=cache_dir,
        use_cache=not no_cache,
        predictions_path=predictions_path,
        errors_path=errors_path,
    )


def _regression(dataset: str, target: float | None) -> Run:
    return Run(
        f"factuality --set {dataset} --split dev",
        {"dataset": dataset, "split": "dev"},
        (Headline("Pearson r", "pearson_r", target), Headline("MAE", "mae", None, lower_is_better=True)),
    )


def _dev_split(figures: Figures) -> str:
    return f"{figures['dataset']}_{figures['split']}"


MARKDOWN_TABLES = "Print the tables as Markdown (as in docs/quality.md)."

POLNEAR = Evaluation(
    name="polnear",
    title="PolNeAR",
    summary="Read a PolNeAR split and score it: per role, whole attributions, source resolution, by type.",
    score=_polnear,
    data_help=(
        "PolNeAR-style folder: metadata.tsv, SPLIT/text, SPLIT/attributions [default: ../shared/data/polnear]"
    ),
    errors_help=(
        "Write one JSON line per miss, false positive and near miss, with the spans (and the fields "
        "wrong on matched attributions)."
    ),
    where="data/polnear",
    limit="articles",
    markdown=MARKDOWN_TABLES,
    options=(
        Option("--split", "split", "Sub-folder of the data folder to score.", default="dev"),
        Option(
            "--parse-cache",
            "parse_cache",
            "Keep spaCy's parse of each article in this folder and reuse it on the next run: the same "
            "figures, several times faster when only hearsay's rules changed.",
            kind="folder",
            metavar="DIR",
        ),
    ),
    suite=(
        Run(
            "polnear --split dev",
            {"split": "dev"},
            (
                # issue 15's targets
                Headline("whole-attribution F1 at overlap 0.3", "whole.overlap_0.3.f1", 0.76),
                Headline("content F1 at overlap 0.8", "roles.content.overlap_0.8.f1", 0.67),
                Headline("source-resolution accuracy", "source_resolution.accuracy", 0.95),
                Headline("right source entity on matched", "fields.source_entity.accuracy", None),
            ),
        ),
    ),
    gate=(Run("polnear --split dev", {"split": "dev"}),),
    floors={
        "polnear_dev": (
            "whole.overlap_0.3.f1",
            "whole.overlap_0.8.f1",
            "whole.exact.f1",
            "roles.content.overlap_0.8.f1",
            "roles.content.overlap_0.3.f1",
            "roles.source.exact.f1",
            "roles.cue.exact.f1",
            "roles.content.exact.f1",
            "source_resolution.accuracy",
            "fields.source_entity.accuracy",
        )
    },
    section=lambda figures: f"polnear_{figures['split']}",
)

GOLD = Evaluation(
    name="gold",
    title="reference reading",
    summary=(
        "Score hearsay's reading of an article against its reference reading, and its evidence gold.\n\n"
        "Fields are scored on the matched statements: source entity, stance, certainty, polarity, "
        "addressee and (when the reference gives it) medium. The evidence gold lists propositions about "
        "the article and how each statement bears on them (supports, refutes, discusses; strength); "
        "relations must match exactly, strengths within a step."
    ),
    score=_gold,
    data_help="",
    errors_help="Write one JSON line per missed or extra statement and per wrong field of a matched one.",
    where="corpus/kazakhstan-drones.gold.json",
    options=(
        Option(
            "--published",
            "published",
            "Publication date of documents that carry none; relative dates are read against it.",
            kind="date",
            metavar="YYYY-MM-DD",
        ),
        Option(
            "--evidence",
            "evidence",
            "An evidence gold to score the relations against (default: NAME.evidence.json beside it).",
            kind="file",
            metavar="FILE.evidence.json",
        ),
    ),
    suite=(
        Run(
            "gold",
            {},
            (
                Headline("statements found (recall)", "statements.recall", 1.0),
                Headline("statements right (precision)", "statements.precision", 1.0),
                Headline("matched with every field right", "fields.all_right.accuracy", 1.0),
            ),
        ),
    ),
    gate=(Run("gold"),),
    floors={
        "sample_article": (
            "statements.precision",
            "statements.recall",
            "factuality_accuracy_on_matched.certainty",
            "factuality_accuracy_on_matched.polarity",
            "factuality_accuracy_on_matched.stance",
            "entities.found_with_type",
            "times.found_with_value",
            "fields.source_entity.accuracy",
            "fields.addressee.accuracy",
            "fields.all_right.accuracy",
        )
    },
)

EVIDENCE = Evaluation(
    name="evidence",
    title="evidence gold",
    summary=(
        "Score the relations of an article's statements to the propositions of its evidence gold.\n\n"
        "Relations (supports, refutes, discusses) must match exactly, strengths within a step."
    ),
    score=_evidence,
    data_help="",
    errors_help="Write one JSON line per wrong relation.",
    where="corpus/kazakhstan-drones.evidence.json",
    options=(
        Option(
            "--gold",
            "gold",
            "The article's reference reading (default: NAME.gold.json beside the evidence gold).",
            kind="file",
            metavar="FILE.gold.json",
        ),
    ),
    suite=(
        Run(
            "evidence",
            {},
            (
                Headline("relations right", "relations_right_share", 1.0),
                Headline("strengths within a step", "strengths_within_a_step_share", None),
            ),
        ),
    ),
)

TEMPEVAL3 = Evaluation(
    name="tempeval3",
    title="TempEval-3",
    summary=(
        "Read TimeML documents with their creation dates and score hearsay's TIMEX3 spans, types and values."
    ),
    score=_tempeval3,
    data_help="Folder of TimeML .tml files, searched at any depth [default: ../shared/data/tempeval3]",
    errors_help="Write one JSON line per missed, spurious or wrongly normalised time expression.",
    where="data/tempeval3",
    limit="documents",
    markdown="Print the table as Markdown (as in docs/quality.md).",
    suite=(
        Run(
            "tempeval3",
            {},
            (
                Headline("value F1", "value.f1", 0.78),
                Headline("relaxed extraction F1", "relaxed.f1", 0.88),
                Headline("strict extraction F1", "strict.f1", None),
            ),
        ),
    ),
    gate=(Run("tempeval3"),),
    floors={"tempeval3_train": ("value.f1", "relaxed.f1", "strict.f1", "value.accuracy", "type.accuracy")},
    section=lambda figures: f"tempeval3_{figures['split']}",
)

MEANTIME = Evaluation(
    name="meantime",
    title="MEANTIME",
    summary=(
        "Score event factuality (macro-F1) and reporting events (cue recall, source accuracy) on MEANTIME."
    ),
    score=_meantime,
    data_help="Data folder [default: ../shared/data/meantime]",
    errors_help="Write one JSON line per wrong factuality value and per missed reporting event or source.",
    where="data/meantime",
    limit="articles",
    markdown=MARKDOWN_TABLES,
    suite=(
        Run(
            "meantime",
            {},
            (
                # issue 15's targets on airbus, apple and gm
                Headline("certainty macro-F1", "certainty.macro_f1", 0.55),
                Headline("polarity macro-F1", "polarity.macro_f1", 0.75),
                Headline("reporting-event cue recall", "attribution.cue_recall", None),
                Headline("reporting-event source accuracy", "attribution.source_accuracy", None),
            ),
        ),
    ),
    gate=(Run("meantime"),),
    floors={
        "meantime": (
            "certainty.macro_f1",
            "polarity.macro_f1",
            "attribution.cue_recall",
            "attribution.source_accuracy",
        )
    },
)

FACTUALITY = Evaluation(
    name="factuality",
    title="factuality",
    summary="Score event factuality on a -3..3 regression split: MAE and Pearson r.",
    score=_factuality,
    data_help="Data folder [default: ../shared/data/factuality]",
    errors_help="Write one JSON line per target predicted 1.5 or more away from its label.",
    where="data/factuality",
    options=(
        Option(
            "--set",
            "dataset",
            "Which dataset's JSONL split to score.",
            default="UW",
            choices=("UW", "MEANTIME", "UDS_IH2", "CB"),
            case_sensitive=False,
        ),
        Option(
            "--split",
            "split",
            "Split file to score (SPLIT.jsonl); MEANTIME's only on its dev topics' sentences.",
            default="dev",
            choices=("train", "dev"),
        ),
    ),
    suite=(_regression("UW", 0.70), _regression("MEANTIME", None), _regression("UDS_IH2", None)),
    gate=(Run("factuality --set UW --split dev", {"dataset": "UW", "split": "dev"}),),
    floors={"factuality_uw_dev": ("pearson_r",)},
    section=lambda figures: f"factuality_{figures['set'].lower()}_{figures['split']}",
)

ECBPLUS = Evaluation(
    name="ecbplus",
    title="ECB+",
    summary="Ingest and link each ECB+ topic; score the entities with MUC, B3, CEAF-e and CoNLL F1.",
    score=_ecbplus,
    data_help=(
        "ECB+ folder: ECB+/<topic>/*.xml and ECBplus_coreference_sentences.csv "
        "[default: ../shared/data/ecbplus]"
    ),
    errors_help="Write one JSON line per wrong merge, split gold chain and missed named mention.",
    where="data/ecbplus",
    markdown="Print the figures as a Markdown table (as in docs/quality.md).",
    options=(
        Option("--topics", "topics", "Topics to score: ranges and numbers, e.g. 1-5,12.", default="1-35"),
    ),
    suite=(
        Run(
            "ecbplus",
            {},
            (
                Headline("CoNLL F1 on the scored mentions", "coreference.conll_f1", 0.75),
                Headline("precision of cross-document merges", "merges.precision", 0.90),
                Headline("named-mention recall", "mentions.recall", None),
            ),
        ),
    ),
    # all 35 topics take over two minutes on two cores: the gate reads topics 1-10
    gate=(Run("ecbplus --topics 1-10", {"topics": "1-10"}),),
    floors={
        "ecbplus": (
            "coreference.conll_f1",
            "coreference.muc.f1",
            "coreference.b_cubed.f1",
            "coreference.ceaf_e.f1",
            "merges.precision",
            "mentions.recall",
        )
    },
)

_FILE: OptionKind = "file"

FNC1 = Evaluation(
    name="fnc1",
    title="FNC-1",
    summary=(
        "Judge FNC-1's headline/body pairs with hearsay's relation rules; FNC score, macro-F1, per label."
    ),
    score=_fnc1,
    data_help="FNC-1 folder: train_bodies.csv and train_stances.csv [default: ../shared/data/fnc-1]",
    errors_help="Write one JSON line per wrongly labelled pair: both labels, the rule and its reason.",
    where="data/fnc-1",
    limit="pairs",
    options=(
        Option(
            "--split",
            "split",
            "Side of the split by body: dev holds the bodies whose Body ID's sha1 is 0 modulo 5.",
            default="dev",
            choices=("train", "dev"),
        ),
        Option("--bodies", "bodies_path", "A bodies CSV (Body ID,articleBody).", kind=_FILE),
        Option(
            "--stances",
            "stances_path",
            "A stances CSV (Headline,Body ID[,Stance]); with --bodies, both are read whole, without a split.",
            kind=_FILE,
        ),
        Option(
            "--predictions",
            "predictions_path",
            "Write the predicted label of each pair, in the input's order (Headline,Body ID,Stance).",
            kind=_FILE,
        ),
        Option(
            "--cache",
            "cache_dir",
            "Folder for the cached readings of the bodies [default: ~/.cache/hearsay/fnc1].",
            kind="folder",
        ),
        Option(
            "--no-cache",
            "no_cache",
            "Read every body afresh and keep no readings.",
            default=False,
            kind="flag",
        ),
    ),
    suite=(
        Run(
            "fnc1 --split dev",
            {"split": "dev"},
            (
                Headline("FNC score (share of the best)", "fnc_score.relative", 0.80),
                Headline("macro-F1 over the 4 stances", "macro_f1", 0.60),
                Headline("disagree F1", "disagree_f1", None),
            ),
        ),
    ),
    gate=(Run("fnc1 --split dev", {"split": "dev"}),),
    floors={
        # FNC-1's dev side of the split by body (hearsay.evaluate.fnc1)
        "fnc1_dev": (
            "fnc_score.relative",
            "macro_f1",
            "disagree_f1",
            "classes.agree.f1",
            "classes.discuss.f1",
            "classes.unrelated.f1",
            "related_accuracy",
        )
    },
    section=_dev_split,
    needs_data=lambda options: options.get("bodies_path") is None,
)


def _factrueval(data: Path, *, limit: int | None, errors_path: Path | None) -> Figures:
    from .factrueval import evaluate_factrueval

    # A folder laid out like the shared task's devset, or the dataset's folder (its devset is read).
    folder = data / "devset" if (data / "devset").is_dir() else data
    return evaluate_factrueval(folder, limit=limit)


def _adaq(data: Path, *, limit: int | None, errors_path: Path | None) -> Figures:
    from .adaq import evaluate_adaq

    return evaluate_adaq(data, limit=limit)


FACTRUEVAL = Evaluation(
    name="factrueval",
    title="factRuEval-2016",
    summary="Read factRuEval-2016 texts in Russian; score PER / LOC / ORG by the Track 1 rules.",
    score=_factrueval,
    data_help="factRuEval-2016 folder (its devset/ is read) or a folder of *.tokens, *.spans, *.objects "
    "[default: ../shared/data/factrueval2016]",
    errors_help="Not used by this evaluation (accepted for symmetry with the others).",
    where="data/factrueval2016",
    limit="documents",
    suite=(
        Run(
            "factrueval",
            {},
            (
                Headline("Russian PER F1 (Track 1 rules)", "per.f1", 0.93),
                Headline("Russian LOC F1 (Track 1 rules)", "loc.f1", 0.90),
                Headline("Russian ORG F1 (Track 1 rules)", "org.f1", 0.80),
            ),
        ),
    ),
    gate=(Run("factrueval", {}),),
    floors={"factrueval_dev": ("per.f1", "loc.f1", "org.f1", "overall.f1")},
    section=lambda figures: "factrueval_dev",
)

ADAQ = Evaluation(
    name="adaq",
    title="ADAQ Russian quotations",
    summary="Read ADAQ's Russian sentences and score source / cue / content tokens.",
    score=_adaq,
    data_help="Folder holding ru_sentences.tsv and ru_tokens.tsv [default: ../shared/data/adaq-ru-quotes]",
    errors_help="Not used by this evaluation (accepted for symmetry with the others).",
    where="data/adaq-ru-quotes",
    limit="sentences",
    suite=(
        Run(
            "adaq",
            {},
            (
                Headline("Russian source token F1", "source.f1", 0.60),
                Headline("Russian cue token F1", "cue.f1", 0.80),
                Headline("Russian content token F1", "content.f1", 0.80),
            ),
        ),
    ),
    gate=(Run("adaq", {}),),
    floors={"adaq": ("source.f1", "cue.f1", "content.f1")},
    section=lambda figures: "adaq",
)

EVALUATIONS: tuple[Evaluation, ...] = (
    POLNEAR,
    GOLD,
    EVIDENCE,
    TEMPEVAL3,
    MEANTIME,
    FACTUALITY,
    ECBPLUS,
    FNC1,
    FACTRUEVAL,
    ADAQ,
)


def evaluation(name: str) -> Evaluation:
    """The entry called ``name``, or a ConfigError listing the ones there are."""
    for entry in EVALUATIONS:
        if entry.name == name:
            return entry
    known = ", ".join(e.name for e in EVALUATIONS)
    raise ConfigError(f"no evaluation called {name!r}; there are: {known}")


def default_floors() -> dict[str, tuple[str, ...]]:
    """Every gate section with the figures it pins, from all entries."""
    return {section: keys for entry in EVALUATIONS for section, keys in entry.floors.items()}


def section_for(figures: Figures) -> str:
    """The baseline section a result belongs to (figures of an unknown ``dataset``: the sample article)."""
    for entry in EVALUATIONS:
        if entry.name == figures.get("dataset"):
            return entry.section_of(figures)
    return "sample_article"
