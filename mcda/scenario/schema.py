"""The file format: pydantic v2 models for criteria models and whole scenarios.

This is the boundary of the package (STYLE habit 1): files, the UI and the CLI
speak these models; the kernels speak numpy. Every file-facing model forbids
unknown keys, so a misspelt key is a located error rather than silently
dropped. Cross-reference rules (unknown ids, self-comparisons, scores outside
a scale, ...) live in one ``model_validator(mode="after")`` per document and
report *every* problem at once (see :mod:`mcda.scenario.io`).

A **model** (``kind = "model"``) is a criteria hierarchy with its scales: the
template shipped in ``models/``. A **scenario** (``kind = "scenario"``) is a
whole decision: criteria, committee, judgments, vendors, scores and settings.
"""
from __future__ import annotations

import math
from collections.abc import Iterator
from datetime import datetime
from fractions import Fraction
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    Strict,
    field_serializer,
    field_validator,
    model_serializer,
    model_validator,
)

from mcda.errors import MCDAError, Problem
from mcda.methods import METHOD_NAMES
from mcda.normalization import NORMALIZATIONS
from mcda.scenario.procurement import LevelJudgment, drop_defaults, scale_problems
from mcda.scenario.rules import MAX_SAMPLES, semantic_problems

__all__ = [
    "METHOD_NAMES",
    "NORMALIZATION_NAMES",
    "SAATY_MAX",
    "SAATY_MIN",
    "SCHEMA_VERSION",
    "Criterion",
    "LevelJudgment",
    "LocalText",
    "Member",
    "MemberJudgments",
    "Metadata",
    "Model",
    "NumericScale",
    "OrdinalScale",
    "Pairwise",
    "Scenario",
    "SemanticProblems",
    "SensitivitySettings",
    "Settings",
    "Source",
    "Vendor",
]

SCHEMA_VERSION = 1
SAATY_MIN, SAATY_MAX = 1 / 9, 9.0
_SCALE_TOL = 1e-3  # 0.111 is accepted as 1/9: people type rounded reciprocals

ID_PATTERN = r"^[A-Za-z][A-Za-z0-9_.\-]{0,63}$"
Id = Annotated[str, Field(pattern=ID_PATTERN,
                          description="stable identifier: a letter, then letters, digits, _ . - (64 at most)")]

MAX_NUMBER = 1e15  # scores, fees, bounds: far beyond any tender, far from float overflow
_CONTROL = {c for c in range(32) if c not in (9, 10, 13)} | {127}


def _clean_text(value: str) -> str:
    """Refuse text that cannot be stored or exported: lone surrogates and control characters."""
    for k, ch in enumerate(value):
        code = ord(ch)
        if 0xD800 <= code <= 0xDFFF:
            raise MCDAError(code="err.text.surrogate", pos=k + 1)
        if code in _CONTROL:
            raise MCDAError(code="err.text.control", code_=code, pos=k + 1)
    return value


Text = Annotated[str, AfterValidator(_clean_text)]
Number = Annotated[float, Strict(), Field(ge=-MAX_NUMBER, le=MAX_NUMBER)]
"""A JSON number (not a string or true/false) within +/-1e15."""


NORMALIZATION_NAMES = tuple(NORMALIZATIONS)  # the normalisation registry is the only list
MethodName = Literal[METHOD_NAMES]  # the method registry is the only list
NormalizationName = Literal[NORMALIZATION_NAMES]


class _File(BaseModel):
    """Base of every file-facing model: unknown keys are errors; NaN and inf are refused."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, validate_default=False)


class LocalText(_File):
    """A text in Chinese and English; at least one must be given."""

    zh: Text = ""
    en: Text = ""

    @model_validator(mode="after")
    def _one_given(self) -> LocalText:
        if not (self.zh.strip() or self.en.strip()):
            raise MCDAError(code="err.text.no_language")
        return self

    def get(self, lang: str) -> str:
        """The text in ``lang`` ("zh" or "en"), falling back to the other language."""
        first, other = (self.zh, self.en) if lang == "zh" else (self.en, self.zh)
        return first or other


class Source(_File):
    """Where a node comes from in the source article (section numbers, item number)."""

    sections: list[int] = Field(default_factory=list)
    item: int | None = None
    restored: bool = False
    note: Text | None = None


class OrdinalScale(_File):
    """An ordinal rating scale, e.g. 1-5 with a label per level."""

    kind: Literal["ordinal"]
    min: Annotated[int, Strict(), Field(ge=-1_000_000, le=1_000_000)]
    max: Annotated[int, Strict(), Field(ge=-1_000_000, le=1_000_000)]
    labels: dict[str, LocalText] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _bounds(self) -> OrdinalScale:
        if self.min >= self.max:
            raise MCDAError(code="err.scale.min_max", min=self.min, max=self.max)
        bad = [k for k in self.labels if not (k.lstrip("-").isdigit() and self.min <= int(k) <= self.max)]
        if bad:
            raise MCDAError(code="err.scale.labels", bad=str(bad), min=self.min, max=self.max)
        return self

    @property
    def bounds(self) -> tuple[float, float]:
        return float(self.min), float(self.max)
    # rating scales (mcda.engine.ratings): the ratio-scale value of each level, preset or derived
    intensities: dict[str, Annotated[float, Strict(), Field(gt=0, le=1e6)]] | None = None
    level_judgments: list[LevelJudgment] | None = None

    @model_validator(mode="after")
    def _ratings(self) -> OrdinalScale:
        if problems := scale_problems(self):
            raise ValueError("; ".join(problems))
        return self

    @model_serializer(mode="wrap")
    def _drop_unrated(self, handler):
        return drop_defaults(handler(self), {"intensities": None, "level_judgments": None})


class NumericScale(_File):
    """A numeric measure with a unit and optional bounds (e.g. annual fee in CNY)."""

    kind: Literal["numeric"]
    unit: LocalText | None = None
    min: Number | None = None
    max: Number | None = None

    @model_validator(mode="after")
    def _bounds(self) -> NumericScale:
        if self.min is not None and self.max is not None and self.min >= self.max:
            raise MCDAError(code="err.scale.min_max", min=self.min, max=self.max)
        return self

    @property
    def bounds(self) -> tuple[float | None, float | None]:
        return self.min, self.max


Scale = Annotated[OrdinalScale | NumericScale, Field(discriminator="kind")]
PASS_FAIL = OrdinalScale(kind="ordinal", min=0, max=1, labels={"0": LocalText(zh="不通过", en="fail"),
                                                              "1": LocalText(zh="通过", en="pass")})  # gates


class Criterion(_File):
    """A node of the criteria tree. Leaves carry ``direction`` and ``scale``."""

    id: Id
    name: LocalText
    description: LocalText | None = None
    direction: Literal["benefit", "cost"] | None = None
    scale: str | None = Field(default=None, description="id of a scale in the document's `scales`")
    source: Source | None = None
    children: list[Criterion] = Field(default_factory=list)

    @model_serializer(mode="wrap")
    def _drop_empty(self, handler):
        data = handler(self)
        for key in ("description", "direction", "scale", "source"):
            if data.get(key) is None:
                data.pop(key, None)
        return drop_defaults(data, {"kind": "criterion", "price": False, "price_points": None})

    @property
    def is_leaf(self) -> bool:
        return not self.children

    def walk(self) -> Iterator[tuple[Criterion, Criterion | None, int]]:
        """Pre-order (node, parent, depth) without recursion (deep trees cannot overflow)."""
        stack: list[tuple[Criterion, Criterion | None, int]] = [(self, None, 0)]
        while stack:
            node, parent, depth = stack.pop()
            yield node, parent, depth
            stack.extend((c, node, depth + 1) for c in reversed(node.children))

    def leaves(self) -> list[Criterion]:
        return [n for n, _, _ in self.walk() if n.is_leaf]
    # tender rules (mcda.engine.gates, mcda.engine.tender_scoring)
    kind: Literal["criterion", "gate"] = Field(default="criterion", description="gate: pass/fail, scored 1 or 0")
    price: bool = Field(default=False, description="the bid price, scored lowest bid / bid (x price_points)")
    price_points: Annotated[float, Strict(), Field(gt=0, le=1e6)] | None = None


class Metadata(_File):
    title: Text = ""
    author: Text = ""
    created: datetime | None = None
    updated: datetime | None = None
    notes: Text = ""


class Member(_File):
    """A committee member; ``weight`` is the voting weight (renormalised over members)."""

    id: Id
    name: Text
    role: Text = ""
    weight: Annotated[float, Strict(), Field(gt=0, le=1e6)] = 1.0


def _fraction(value):
    """Accept "1/3"-style strings for judgments (people write them that way); refuse true/false."""
    if isinstance(value, bool):
        raise MCDAError(code="err.judg.fraction", found=str(value).lower())
    if isinstance(value, str):
        try:
            return float(Fraction(value.strip()))
        except (ValueError, ZeroDivisionError, OverflowError):
            raise MCDAError(code="err.judg.fraction", found=repr(value)) from None
    return value


class Pairwise(_File):
    """One judgment: how much more important ``a`` is than ``b`` (Saaty 1-9 scale).

    ``value`` lies in 1/9..9; 1/3 means b is moderately more important than a.
    """

    a: Id
    b: Id
    value: float

    _as_number = field_validator("value", mode="before")(_fraction)

    @model_validator(mode="after")
    def _two_items(self) -> Pairwise:
        if self.a == self.b:
            raise MCDAError(code="err.judg.self", id=self.a)
        return self

    @field_serializer("value")
    def _readable(self, v: float):
        """Write 3 as 3 and 1/3 as "1/3", so files read the way people judge."""
        if v >= 1:
            return int(v) if v.is_integer() else v
        k = round(1 / v)
        return f"1/{k}" if abs(1 / v - k) < 1e-9 else v

    @field_validator("value")
    @classmethod
    def _on_scale(cls, v: float) -> float:
        if not math.isfinite(v):
            raise MCDAError(code="err.judg.nan", v=v)
        if not (SAATY_MIN * (1 - _SCALE_TOL) <= v <= SAATY_MAX * (1 + _SCALE_TOL)):
            shown = int(v) if float(v).is_integer() else v
            raise MCDAError(code="err.judg.saaty", v=shown)
        return v


class MemberJudgments(_File):
    """One member's judgments: pairwise lists per parent node, or direct weights per node."""

    nodes: dict[str, list[Pairwise]] = Field(default_factory=dict)
    direct: dict[str, dict[str, Annotated[float, Strict(), Field(ge=0, le=1e9)]]] = Field(
        default_factory=dict, description="direct weights (e.g. percentages) per parent node: {child id: weight}"
    )


class Vendor(_File):
    id: Id
    name: LocalText
    notes: Text = ""


class SensitivitySettings(_File):
    samples: int = Field(default=10_000, ge=100, le=MAX_SAMPLES)
    seed: int = Field(default=0, ge=0, le=2**63 - 1)
    model: Literal["uniform", "judgments", "lognormal"] = "judgments"
    lognormal_sigma: float = Field(default=0.2, gt=0, le=2)


class Settings(_File):
    """Method choices; every result records the ones used."""

    priority_method: Literal["eigenvector", "geometric_mean", "column_mean"] = "eigenvector"
    completion: Literal["auto", "lambda_max", "llsm", "harker"] = Field(
        default="auto", description="incomplete judgments: auto = lambda_max for eigenvector, llsm for geometric mean"
    )
    ri_table: Literal["alonso_lamata", "saaty_1980", "saaty_2008", "donegan_dodd"] = "alonso_lamata"
    cr_threshold: float = Field(default=0.10, gt=0, lt=1)
    aggregation: Literal["aij", "aip_geometric", "aip_arithmetic"] = "aij"
    ranking_methods: list[MethodName] = Field(default_factory=lambda: ["topsis", "wsm", "ahp_ideal"], min_length=1)
    normalization: dict[MethodName, NormalizationName] = Field(
        default_factory=dict, description="override a method's default normalisation"
    )
    score_aggregation: Literal["mean", "median", "geometric_mean", "trimmed_mean"] = "mean"
    missing_scores: Literal["error", "skip", "impute_median"] = "skip"
    tie_tolerance: float = Field(default=1e-9, ge=0, le=0.1)
    sensitivity: SensitivitySettings = Field(default_factory=SensitivitySettings)
    # tender rules (mcda.engine.gates, mcda.engine.tender_scoring, mcda.scenario.procurement)
    gate_rule: Literal["any_fail", "majority"] = "any_fail"
    procurement: Literal["none", "cn_government"] = "none"
    price_scoring: Literal["auto", "low_price_priority", "scale"] = "auto"
    price_criterion: Id | None = Field(default=None, description="id of the price criterion, if not marked price: true")

    @model_serializer(mode="wrap")
    def _drop_tender_defaults(self, handler):  # files without the tender settings stay byte-identical
        return drop_defaults(handler(self), _TENDER_DEFAULTS)


_TENDER_DEFAULTS = {"gate_rule": "any_fail", "procurement": "none", "price_scoring": "auto", "price_criterion": None}


class SemanticProblems(ValueError):
    """Raised inside an after-validator with every cross-reference problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(map(str, problems)))


class Document(_File):
    schema_version: Literal[1] = Field(description="format version; this release reads 1")
    kind: Literal["model", "scenario"]
    metadata: Metadata = Field(default_factory=Metadata)
    scales: dict[Id, Scale] = Field(default_factory=dict)
    criteria: Criterion

    @model_validator(mode="after")
    def _cross_references(self):
        problems = semantic_problems(self)
        if problems:
            raise SemanticProblems(problems)
        return self

    def leaf_scale(self, leaf: Criterion) -> OrdinalScale | NumericScale:
        if leaf.kind == "gate" and leaf.scale is None:
            return PASS_FAIL  # a qualification gate: 1 = pass, 0 = fail (mcda.engine.gates)
        return self.scales[leaf.scale]


class Model(Document):
    """A criteria hierarchy template (``models/*.json``)."""

    kind: Literal["model"]


class Scenario(Document):
    """A whole committee decision in one file."""

    kind: Literal["scenario"]
    members: list[Member] = Field(default_factory=list)
    judgments: dict[str, MemberJudgments] = Field(default_factory=dict, description="per member id")
    vendors: list[Vendor] = Field(default_factory=list)
    scores: dict[str, dict[str, dict[str, Number | None]]] = Field(
        default_factory=dict, description="member id -> vendor id -> leaf criterion id -> score (null = missing)"
    )
    settings: Settings = Field(default_factory=Settings)

    def names(self, lang: str) -> dict[str, str]:
        """id -> display name in ``lang`` for every criterion, vendor and member (member names as given)."""
        table = {n.id: n.name.get(lang) for n, _, _ in self.criteria.walk()}
        table.update({v.id: v.name.get(lang) for v in self.vendors})
        table.update({m.id: m.name for m in self.members})
        return table
