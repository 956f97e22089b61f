"""Errors of the numeric kernels and their engine bridges, by code: ``err.<area>.<what>``. Areas: ``num``
(any numeric input), ``loc``/``what`` (message pieces), ``norm``, ``method``, ``sens``, ``smaa``, ``scores``
(committee score aggregation), ``explain``, ``node`` (per-node sensitivity).

A piece of a message (a cell's location, a list of cells, "weights") is a :class:`Phrase`: a ``str`` (its
English text) carrying its Chinese text, shown by the ``:zh`` format spec in the Chinese template
(``{where:zh}``). Chinese entries use full-width punctuation; quoted values stay as found.
"""
from __future__ import annotations

from mcda.text import text

__all__ = ["ENTRIES", "Phrase", "phrase", "join"]


class Phrase(str):
    """A piece of a message in both languages: ``str(p)`` is the English text, ``p.zh`` the Chinese.

    >>> p = Phrase("weights", "权重")
    >>> f"{p} / {p:zh}"
    'weights / 权重'
    """

    def __new__(cls, en: str, zh: str | None = None):
        obj = super().__new__(cls, en)
        obj.zh = en if zh is None else zh
        return obj

    def __format__(self, spec: str) -> str:
        if spec == "zh":
            return self.zh
        return format(str(self), spec)


def phrase(key: str, /, **params) -> Phrase:
    """The catalogue entry ``key`` rendered in both languages (``params`` may be Phrases)."""
    return Phrase(text(key, "en", **params), text(key, "zh", **params))


def join(parts, sep: str = "; ", sep_zh: str = "；") -> Phrase:
    """Phrases joined by ``sep`` (English) and ``sep_zh`` (Chinese)."""
    parts = list(parts)
    return Phrase(sep.join(parts), sep_zh.join(p.zh if isinstance(p, Phrase) else str(p) for p in parts))


ENTRIES: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------ location and list pieces
    "err.loc.row": ("第 {i} 行", "row {i}"),
    "err.loc.row_vendor": ("第 {i} 行（供应商 {vendor}）", "row {i} (vendor {vendor})"),
    "err.loc.column": ("第 {j} 列", "column {j}"),
    "err.loc.column_criterion": ("第 {j} 列（准则 {criterion}）", "column {j} (criterion {criterion})"),
    "err.loc.cell": ("{row:zh}，{column:zh}", "{row}, {column}"),
    "err.loc.criterion": ("准则 {criterion}", "criterion {criterion}"),
    "err.loc.criterion_index": ("准则 {j}", "criterion {j}"),
    "err.loc.vendor": ("供应商 {vendor}", "vendor {vendor}"),
    "err.loc.vendor_index": ("供应商 {i}", "vendor {i}"),
    "err.loc.sample": ("样本 {s}，{criterion:zh}", "sample {s}, {criterion}"),
    "err.loc.value": ("{where:zh} = {value}", "{where} = {value}"),
    "err.loc.value_g": ("{where:zh} = {value:g}", "{where} = {value:g}"),
    "err.loc.value_bounds": ("{where:zh} = {value:g}（范围 {lo:g}..{hi:g}）",
                             "{where} = {value:g} (bounds {lo:g}..{hi:g})"),
    "err.loc.more": ("（另有 {n} 个）", " (and {n} more)"),
    "err.loc.and_more": ("及另外 {n} 个", " and {n} more"),
    "err.what.weights": ("权重", "weights"),
    "err.what.weight_samples": ("权重样本", "weight samples"),
    "err.what.matrix": ("决策矩阵", "the decision matrix"),
    "err.what.normalized": ("归一化 {label} 的输出", "the output of normalisation {label}"),
    "err.what.local_weights": ("局部权重", "local weights"),
    # ------------------------------------------------------------ any numeric input
    "err.num.complex": ("{what:zh}必须是实数；发现复数（虚部不会被静默丢弃）",
                        "{what} must be real numbers; found complex values (the imaginary part is not dropped "
                        "silently)"),
    "err.num.bool": ("{what:zh}必须是数值；发现布尔值（true/false）",
                     "{what} must be numeric; found booleans (true/false)"),
    "err.num.text": ("{what:zh}必须是数值；发现文本 {found}", "{what} must be numeric; found text {found}"),
    "err.num.ragged": ("{what:zh}必须是数值型矩形数组（各行长度相同）；{detail}",
                       "{what} must be numeric, a rectangular array (rows of equal length); {detail}"),
    "err.num.not_numeric": ("{what:zh}必须是数值；无法转换（{detail}）",
                            "{what} must be numeric; could not convert them ({detail})"),
    "err.num.not_numeric_it": ("{what:zh}必须是数值；无法转换为数值（{detail}）",
                               "{what} must be numeric; could not convert it to numbers ({detail})"),
    "err.loc.type_value": ("{where:zh}：{value}", "{where}: {value}"),
    "err.what.bounds": ("范围", "bounds"),
    "err.what.normalisation": ("{label} 归一化", "{label} normalisation"),
    # ------------------------------------------------------------ normalisations
    "err.norm.shape": ("{name} 必须是一列 (n,) 或矩阵 (n, m)；实际形状为 {shape}",
                       "{name} must be a column (n,) or a matrix (n, m); found shape {shape}"),
    "err.norm.empty": ("{name} 至少需要一行一列；实际形状为 {shape}",
                       "{name} must have at least one row and one column; found shape {shape}"),
    "err.norm.not_finite": ("{what:zh}中应为有限数值；发现 {count} 个缺失或无穷值：{shown:zh}{more:zh}",
                            "expected finite numbers in {what}; found {count} missing or infinite value(s): "
                            "{shown}{more}"),
    "err.norm.negative": ("{what:zh}需要 >= 0 的值（比率尺度）；发现 {count} 个负值：{shown:zh}{more:zh}",
                          "{what} needs values >= 0 (a ratio scale); found {count} negative value(s): {shown}{more}"),
    "err.norm.cost_type": (
        "cost 必须是布尔值或布尔数组（True = 成本型准则）；实际为 {found}。请用 types_to_cost(types) 转换准则类型（"
        "+1/-1）",
        "cost must be a bool or an array of bools (True = cost criterion); found {found}. Convert criterion types "
        "(+1/-1) with types_to_cost(types)"),
    "err.norm.cost_shape": ("cost 必须是一个布尔值或 {m} 个布尔值（每列一个）；实际形状为 {shape}",
                            "cost must be one bool or {m} bools (one per column); found shape {shape}"),
    "err.norm.types_shape": ("types 必须是由 +1（效益型）/ -1（成本型）组成的一维序列；实际形状为 {shape}",
                             "types must be a 1-D sequence of +1 (benefit) / -1 (cost); found shape {shape}"),
    "err.norm.types_count": ("应有 {m} 个准则类型（每个准则一个）；实际为 {found} 个",
                             "expected {m} criterion types (one per criterion); found {found}"),
    "err.norm.types_value": ("准则类型必须是 +1（效益型）或 -1（成本型）；发现 {shown:zh}",
                             "criterion types must be +1 (benefit) or -1 (cost); found {shown}"),
    "err.norm.bounds_shape": ("bounds 必须是一对 (lo, hi) 或 {m} 对（每个准则一对）；实际形状为 {shape}",
                              "bounds must be one (lo, hi) pair or {m} pairs (one per criterion); found shape "
                              "{shape}"),
    "err.norm.bounds_value": ("scale 范围必须是有限值且 lo < hi；{who:zh}的范围为 ({lo}, {hi})",
                              "scale bounds must be finite with lo < hi; found ({lo}, {hi}) for {who}"),
    "err.norm.outside_bounds": ("scale 归一化要求数值在准则声明的范围内；发现 {count} 个超出范围：{shown:zh}",
                                "scale normalisation expects values within the criterion's declared bounds; found "
                                "{count} outside: {shown}"),
    "err.norm.scale_needs_bounds": (
        "scale 归一化需要准则的范围 (lo, hi)：请使用 make_scale(bounds) 或 normalize(..., 'scale', bounds=...)",
        "scale normalisation needs the criteria's bounds (lo, hi): use make_scale(bounds) or normalize(..., 'scale', "
        "bounds=...)"),
    "err.norm.unknown": ("未知的归一化方法 {name}；应为 {known} 之一或函数 f(x, cost)",
                         "unknown normalisation {name}; expected one of {known} or a function f(x, cost)"),
    "err.norm.bounds_unused": ("bounds 仅用于 'scale' 归一化；实际 normalization={label}",
                               "bounds are only used by the 'scale' normalisation; got normalization={label}"),
    "err.norm.failed": ("归一化 {label} 在此矩阵上失败：{detail}",
                        "normalisation {label} failed on this matrix: {detail}"),
    "err.norm.bad_shape": ("归一化 {label} 返回的形状为 {shape}；应为 {expected}",
                           "normalisation {label} returned shape {shape}; expected {expected}"),
    "err.norm.matrix_2d": ("matrix 必须是二维（供应商 x 准则）；实际形状为 {shape}",
                           "matrix must be 2-D (vendors x criteria); found shape {shape}"),
    "err.what.scores": ("得分", "scores"),
    "err.what.wpm_with": ("采用 {label} 归一化的 wpm", "wpm with {label} normalisation"),
    # ------------------------------------------------------------ ranking methods
    "err.method.labels_vendor": ("应有 {k} 个供应商标签（每个供应商一个）；实际为 {found} 个",
                                 "expected {k} vendor labels (one per vendor); found {found}"),
    "err.method.labels_criterion": ("应有 {k} 个准则标签（每个准则一个）；实际为 {found} 个",
                                    "expected {k} criterion labels (one per criterion); found {found}"),
    "err.method.matrix_numeric": ("决策矩阵必须是数值；无法转换（{detail}）",
                                  "the decision matrix must be numeric; could not convert it ({detail})"),
    "err.method.matrix_2d": ("决策矩阵必须是二维（供应商 x 准则）；实际形状为 {shape}",
                             "the decision matrix must be 2-D (vendors x criteria); found shape {shape}"),
    "err.method.matrix_empty": ("决策矩阵至少需要一个供应商和一个准则；实际形状为 {shape}",
                                "the decision matrix needs at least one vendor and one criterion; found shape "
                                "{shape}"),
    "err.method.weights_none": ("应有 {m} 个权重（每个准则一个）；实际为 None",
                                "expected {m} weights (one per criterion); found None"),
    "err.method.weights_shape": ("应有 {m} 个权重（每个准则一个）；实际形状为 {shape}",
                                 "expected {m} weights (one per criterion); found shape {shape}"),
    "err.method.weights_value": ("权重必须是有限值且 >= 0；发现 {shown:zh}",
                                 "weights must be finite and >= 0; found {shown}"),
    "err.method.weights_zero": ("权重不能全为零；实际全为零", "weights must not all be zero; found all zero"),
    "err.method.weights_subnormal": (
        "权重之和必须是正规正数（至少 {tiny:.3g}）；实际之和为 {total:.3g}：请将它们乘以同一个系数（只有比例有意义）",
        "weights must sum to a normal positive number (at least {tiny:.3g}); found a sum of {total:.3g}: multiply "
        "them by a common factor (only their ratios matter)"),
    "err.method.weights_overflow": ("权重过大：其和溢出（{total}）；请将它们除以同一个系数（只有比例有意义）",
                                    "weights are too large: their sum overflows ({total}); divide them by a common "
                                    "factor (only their ratios matter)"),
    "err.method.weights_overflow_scores": (
        "{method:zh} 对{who:zh}得出非有限得分：权重过大（最大为 {largest:.3g}），乘积溢出；请将它们除以同一个系数（"
        "只有比例有意义）",
        "{method} produced a non-finite score for {who}: the weights are too large (largest {largest:.3g}) and their "
        "products overflow; divide them by a common factor (only their ratios matter)"),
    "err.method.nonfinite_score": (
        "{method:zh} 对{who:zh}得出非有限得分：决策矩阵中的数值过大或过小，无法以浮点数归一化；请调整该准则的单位（"
        "例如以千为单位表示金额）",
        "{method} produced a non-finite score for {who}: the decision matrix holds values too large or too small to "
        "normalise in floating point; rescale the criterion (e.g. express amounts in thousands)"),
    "err.method.ahp_mode": ("未知的 AHP 综合模式 {mode}；应为 'ideal' 或 'distributive'",
                            "unknown AHP synthesis mode {mode}; expected 'ideal' or 'distributive'"),
    "err.method.pymcdm_failed": ("{what}（pymcdm）在此问题上失败：{error}：{detail}",
                                 "{what} (pymcdm) failed on this problem: {error}: {detail}"),
    "err.method.pymcdm_nonfinite": ("{what} 对供应商 {i} 得出非有限得分（{value}）",
                                    "{what} gave a non-finite score ({value}) for vendor {i}"),
    "err.method.wpm_none_cost": (
        "wpm 需要非负的归一化值；normalization='none' 会使成本型准则 {who:zh} 变为负值：请选择 max、sum、minmax、"
        "vector 或 scale",
        "wpm needs non-negative normalised values; normalization='none' turns the cost criterion {who} into negative "
        "values: choose max, sum, minmax, vector or scale"),
    "err.method.wpm_negative": ("wpm 需要非负的归一化值；归一化 {label} 在第 {i} 行、第 {j} 列得出 {value:g}",
                                "wpm needs non-negative normalised values; normalisation {label} gave {value:g} at "
                                "row {i}, column {j}"),
    "err.method.vikor_v": ("VIKOR 的 v 必须是 [0, 1] 内的数；实际为 {found}",
                           "VIKOR's v must be a number in [0, 1]; found {found}"),
    "err.method.threshold_numeric": ("PROMETHEE 阈值 {name} 必须是数值；实际为 {found}",
                                     "PROMETHEE threshold {name} must be numeric; found {found}"),
    "err.method.threshold_shape": ("PROMETHEE 阈值 {name} 必须是一个数或 {m} 个数（每个准则一个）；实际形状为 {shape}",
                                   "PROMETHEE threshold {name} must be one number or {m} (one per criterion); found "
                                   "shape {shape}"),
    "err.method.threshold_value": ("PROMETHEE 阈值 {name} 必须是有限值且 {need}；{who:zh}为 {value}",
                                   "PROMETHEE threshold {name} must be finite and {need}; found {value} for {who}"),
    "err.method.preference_unknown": ("未知的偏好函数 {name}；应为 {known} 之一",
                                      "unknown preference function {name}; expected one of {known}"),
    "err.method.threshold_missing": ("偏好函数 {function} 需要阈值 {name}；实际没有",
                                     "preference function {function} needs threshold {name}; found none"),
    "err.method.threshold_extra": ("偏好函数 {function} 不接受阈值 {name}；实际为 {name}={found}",
                                   "preference function {function} takes no threshold {name}; found {name}={found}"),
    "err.method.p_q": ("PROMETHEE 要求 p {rel} q；{who:zh}为 p={p}，q={q}",
                       "PROMETHEE needs p {rel} q; found p={p}, q={q} for {who}"),
    "err.method.promethee_size": ("PROMETHEE II 为每个准则构建 n x n 表；最多 {limit} 个供应商，实际为 {n} 个",
                                  "PROMETHEE II builds an n x n table per criterion; expected at most {limit} "
                                  "vendors, found {n}"),
    "err.method.scores_shape": ("得分必须是非空的一维数组；实际形状为 {shape}",
                                "scores must be a non-empty 1-D array; found shape {shape}"),
    "err.method.scores_finite": ("得分必须是有限值；位置 {i} 为 {value}{more:zh}",
                                 "scores must be finite; found {value} at position {i}{more}"),
    "err.method.tol": ("tol 必须是 >= 0 的有限数；实际为 {found}", "tol must be a finite number >= 0; found {found}"),
    "err.method.unknown": ("未知的方法 {name}；应为 {known} 之一", "unknown method {name}; expected one of {known}"),
    "err.method.options": ("方法 {name} 不接受选项 {unknown}；其选项为：{allowed}",
                           "method {name} does not take option(s) {unknown}; its options: {allowed}"),
    "err.method.fixed_normalisation": ("方法 {name} 使用固定的归一化（{fixed}）；实际 normalization={found}",
                                       "method {name} fixes its own normalisation ({fixed}); found "
                                       "normalization={found}"),
    "err.what.central_weights": ("中心权重", "central weights"),
    # ------------------------------------------------------------ sensitivity kernels
    "err.sens.method": ("方法必须是 {known} 之一；实际为 {found}", "method must be one of {known}; found {found}"),
    "err.sens.weights_shape": ("应有 {m} 个{what:zh}（每个准则一个）；实际形状为 {shape}",
                               "expected {m} {what} (one per criterion); found shape {shape}"),
    "err.sens.weights_shape_any": ("应为非空的一维{what:zh}向量；实际形状为 {shape}",
                                   "expected a non-empty 1-D vector of {what}; found shape {shape}"),
    "err.sens.weights_value": ("{what:zh}必须是有限值且 >= 0；{who:zh}为 {value}{more:zh}",
                               "{what} must be finite and >= 0; found {value} for {who}{more}"),
    "err.sens.weights_sum": ("{what:zh}之和必须为 1（一个节点的局部权重）；实际之和为 {total:.9g}",
                             "{what} must sum to 1 (a node's local weights); found a sum of {total:.9g}"),
    "err.sens.criterion_label": ("准则必须是索引 0..{last} 或标签；实际为 {found}（已知：{known}）",
                                 "criterion must be an index 0..{last} or a label; found {found} (known: {known})"),
    "err.sens.criterion_index": ("准则必须是索引 0..{last}；实际为 {found}",
                                 "criterion must be an index 0..{last}; found {found}"),
    "err.sens.criterion_range": ("准则索引必须在 0..{last} 内；实际为 {found}",
                                 "criterion index must be in 0..{last}; found {found}"),
    "err.sens.kind": ("kind 必须是 'winner' 或 'ranking'；实际为 {found}",
                      "kind must be 'winner' or 'ranking'; found {found}"),
    "err.sens.kind_comma": ("kind 必须是 'winner' 或 'ranking'，实际为 {found}",
                            "kind must be 'winner' or 'ranking', found {found}"),
    "err.sens.path_shape": ("应为两个长度为 {m} 的向量；实际形状为 {c} 和 {d}",
                            "expected two vectors of length {m}; found shapes {c} and {d}"),
    "err.sens.path_finite": ("路径上的权重必须是有限值", "weights along the path must be finite"),
    "err.sens.path_negative": ("路径上的权重必须保持非负（在 t = 0 和 t = 1 处）",
                               "weights must stay non-negative along the path (at t = 0 and t = 1)"),
    "err.sens.weight_vectors": ("权重向量的长度应为 {m}（每个准则一个）；实际形状为 {shape}",
                                "expected weight vectors of length {m} (one per criterion); found shape {shape}"),
    "err.sens.weights_overflow": ("权重向量必须是有限值（且足够小，平方不溢出）；发现 NaN、无穷或溢出的权重",
                                  "weight vectors must be finite (and small enough to square); found a NaN, an "
                                  "infinite or an overflowing weight"),
    "err.sens.matrix_numeric": ("决策矩阵必须是数值型（供应商 x 准则）数组；无法转换（{detail}）",
                                "the decision matrix must be a numeric (vendors x criteria) array; could not convert "
                                "it ({detail})"),
    "err.sens.matrix_shape": ("决策矩阵必须是二维（供应商 x 准则），且各至少一个；实际形状为 {shape}",
                              "the decision matrix must be 2-D (vendors x criteria) with at least one of each; found "
                              "shape {shape}"),
    "err.sens.score_sd_numeric": ("score_sd 必须是数值（{detail}）", "score_sd must be numeric ({detail})"),
    "err.sens.score_sd_shape": ("score_sd 必须是一个数或 ({n}, {m}) 数组（供应商 x 准则）；实际形状为 {shape}",
                                "score_sd must be a number or an array ({n}, {m}) (vendors x criteria); found shape "
                                "{shape}"),
    "err.sens.score_sd_value": ("score_sd 的每个单元格都必须是有限值且 >= 0",
                                "score_sd must be finite and >= 0 in every cell"),
    "err.sens.sd_and_sampler": ("score_sd 与 matrix_sampler 只能给出其一",
                                "give either score_sd or matrix_sampler, not both"),
    "err.sens.matrix_sampler": ("matrix_sampler 必须是可调用对象 (rng, size) -> (size, n, m)",
                                "matrix_sampler must be a callable (rng, size) -> (size, n, m)"),
    "err.sens.matrix_sampler_shape": ("matrix_sampler 必须返回形状为 ({size}, {n}, {m}) 的数组；实际为 {shape}",
                                      "matrix_sampler must return an array of shape ({size}, {n}, {m}); found "
                                      "{shape}"),
    "err.sens.new_weight": ("{who:zh}的新权重必须在 [0, 1] 内；实际为 {value}",
                            "the new weight of {who} must be in [0, 1]; found {value}"),
    "err.sens.only_criterion": ("{who:zh}是其节点下唯一的准则：其权重为 1，不能改变；实际新权重为 {value}",
                                "{who} is the only criterion of its node: its weight is 1 and cannot change; found a "
                                "new weight of {value}"),
    "err.sens.seed_legacy": ("seed 必须是整数、SeedSequence 或 numpy.random.Generator；实际为旧式 RandomState",
                             "seed must be an int, a SeedSequence or a numpy.random.Generator; found a legacy "
                             "RandomState"),
    "err.sens.seed": ("seed 必须是 >= 0 的整数、SeedSequence、Generator 或 None；实际为 {found}（{detail}）",
                      "seed must be an int >= 0, a SeedSequence, a Generator or None; found {found} ({detail})"),
    "err.sens.size": ("size 必须是 >= 0 的整数；实际为 {found}", "size must be an int >= 0; found {found}"),
    "err.sens.m": ("准则数必须是 >= 1 的整数；实际为 {found}",
                   "the number of criteria must be an int >= 1; found {found}"),
    "err.sens.concentration": ("concentration 必须是 > 0 的有限数；实际为 {found}",
                               "concentration must be a finite number > 0; found {found}"),
    "err.sens.sigma": ("sigma 必须是 >= 0 的有限数；实际为 {found}",
                       "sigma must be a finite number >= 0; found {found}"),
    "err.sens.sampler_shape": ("权重抽样器必须返回形状为 ({size}, {m}) 的数组（样本数 x 准则）；实际为 {shape}",
                               "the weight sampler must return an array of shape ({size}, {m}) (size x criteria); "
                               "found {shape}"),
    "err.sens.sampler_value": ("权重抽样器返回了权重 {value}（应为 >= 0 的有限值）",
                               "the weight sampler returned a weight {value} (expected finite weights >= 0)"),
    "err.sens.sampler_sum": ("权重抽样器返回的每行之和必须为 1；实际偏差为 {dev:.3g}",
                             "the weight sampler must return rows summing to 1; found a row sum off by {dev:.3g}"),
    "err.sens.ends": ("ends 必须是 'relative'、'absolute' 或 'stability'；实际为 {found}",
                      "ends must be 'relative', 'absolute' or 'stability'; found {found}"),
    "err.sens.measure": ("measure 必须是 'margin' 或 'score'；实际为 {found}",
                         "measure must be 'margin' or 'score'; found {found}"),
    "err.sens.spread": ("spread 必须是 >= 0 的有限数；实际为 {found}",
                        "spread must be a finite number >= 0; found {found}"),
    "err.sens.points": ("points 必须是 >= 2 的整数；实际为 {found}", "points must be an int >= 2; found {found}"),
    "err.sens.scope": ("scope 必须是 'any' 或 'top'；实际为 {found}", "scope must be 'any' or 'top'; found {found}"),
    # ------------------------------------------------------------ SMAA
    "err.smaa.int": ("{name} 必须是 >= {lo} 的整数；实际为 {found}", "{name} must be an int >= {lo}; found {found}"),
    "err.smaa.too_many_vendors": (
        "排名可接受度表（供应商 x 名次）最多支持 {limit} 个供应商；实际为 {n} 个。请先缩小候选名单，或只看稳定区间（"
        "mcda sensitivity 的 --level dimensions）与关键准则",
        "rank acceptability (a vendors x ranks table) is computed for at most {limit} vendors; found {n}. Shortlist "
        "the vendors first, or use the stability intervals (--level dimensions) and critical criteria"),
    "err.smaa.weight_sample": ("权重样本必须是有限值且 >= 0；{where:zh}为 {value}",
                               "weight samples must be finite and >= 0; found {value} in {where}"),
    "err.smaa.sample_zero": ("权重样本 {s} 全为零", "weight sample {s} is all zero"),
    "err.smaa.sample_subnormal": ("权重样本 {s} 之和为 {total:.3g}，不是正规正数（至少 {tiny:.3g}）",
                                  "weight sample {s} sums to {total:.3g}, not a normal positive number (at least "
                                  "{tiny:.3g})"),
    "err.smaa.sample_overflow": ("权重样本 {s} 过大：其和溢出；请将它除以同一个系数",
                                 "weight sample {s} is too large: its sum overflows; divide it by a common factor"),
    "err.smaa.samples_shape": ("权重样本必须是（样本数，{m}）数组（每个准则一个权重）；实际形状为 {shape}",
                               "weight samples must be an array (samples, {m}) (one weight per criterion); found "
                               "shape {shape}"),
    "err.smaa.samples_empty": ("权重样本为空：至少需要一个权重向量",
                               "weight samples are empty: need at least one weight vector"),
    "err.smaa.central_shape": ("中心权重必须是 ({n}, {m}) 数组（供应商 x 准则）；实际形状为 {shape}",
                               "central weights must be an array ({n}, {m}) (vendors x criteria); found shape "
                               "{shape}"),
    "err.smaa.sampler": ("sampler 必须是可调用对象 (rng, size) -> (size, m) 权重数组",
                         "sampler must be a callable (rng, size) -> (size, m) weight array"),
    "err.what.member_scores": ("成员评分", "scores"),
    "err.what.member_weights": ("成员权重", "member weights"),
    # ------------------------------------------------------------ committee score aggregation
    "err.scores.member": ("成员 {name}", "member {name}"),
    "err.scores.vendor": ("供应商 {name}", "vendor {name}"),
    "err.scores.criterion": ("准则 {name}", "criterion {name}"),
    "err.scores.cell3": ("{member:zh}对{vendor:zh}在{criterion:zh}上的评分", "{member} for {vendor} on {criterion}"),
    "err.scores.cell2": ("{vendor:zh}在{criterion:zh}上", "{vendor} on {criterion}"),
    "err.scores.more": ("……另有 {n} 个", "... and {n} more"),
    "err.scores.rule": ("未知的汇总规则 {found}；应为 {known} 之一",
                        "unknown aggregation rule {found}; expected one of {known}"),
    "err.scores.policy": ("未知的缺失评分策略 {found}；应为 {known} 之一",
                          "unknown missing-score policy {found}; expected one of {known}"),
    "err.scores.numeric": ("评分必须是数值（缺失用 NaN）；无法转换（{detail}）",
                           "scores must be numeric (NaN for missing); could not convert them ({detail})"),
    "err.scores.shape": ("评分的形状必须是（成员， 供应商， 准则）且都不为空；实际为 {shape}",
                         "scores must have shape (members, vendors, criteria) with none empty; found {shape}"),
    "err.scores.labels_member": ("应有 {size} 个成员标签；实际为 {found} 个",
                                 "expected {size} member labels; found {found}"),
    "err.scores.labels_vendor": ("应有 {size} 个供应商标签；实际为 {found} 个",
                                 "expected {size} vendor labels; found {found}"),
    "err.scores.labels_criterion": ("应有 {size} 个准则标签；实际为 {found} 个",
                                    "expected {size} criterion labels; found {found}"),
    "err.scores.weights_numeric": ("成员权重必须是数值（{detail}）", "member weights must be numeric ({detail})"),
    "err.scores.weights_shape": ("应有 {k} 个成员权重（每位成员一个）；实际形状为 {shape}",
                                 "expected {k} member weights (one per member); found shape {shape}"),
    "err.scores.weights_value": ("成员权重必须是有限值且 >= 0；发现 {shown:zh}",
                                 "member weights must be finite and >= 0; found {shown}"),
    "err.scores.weights_zero": ("成员权重不能全为零；实际全为零",
                                "member weights must not all be zero; found all zero"),
    "err.scores.weights_sum": ("成员权重之和必须是正规正数（至少 {tiny:.3g}）；实际为 {total:.3g}",
                               "member weights must sum to a normal positive number (at least {tiny:.3g}); found "
                               "{total:.3g}"),
    "err.scores.infinite": ("评分必须是有限数值或 NaN（缺失）；发现无穷值：{shown:zh}",
                            "scores must be finite numbers or NaN (missing); found infinite: {shown}"),
    "err.scores.missing": ("每位成员都应对每个供应商的每个准则评分；发现 {count} 个缺失：{shown:zh}",
                           "expected every member to score every vendor on every criterion; found {count} missing: "
                           "{shown}"),
    "err.scores.geometric": ("几何平均要求评分 > 0；发现 {shown:zh}",
                             "the geometric mean needs scores > 0; found {shown}"),
    "err.scores.overflow": ("汇总得分溢出（数值超出浮点范围）：{shown:zh}",
                            "the aggregated score overflowed (values too large for floating point) for {shown}"),
    "err.scores.unscored": (
        "有 {count} 个单元格没有任何有投票权的成员评分：{shown:zh}；请使用 missing='impute_median' 或补齐评分",
        "no member with a vote scored {count} cell(s): {shown}; use missing='impute_median' or collect the scores"),
    "err.scores.impute_none": ("无法插补：没有任何有投票权的成员对以下准则的任何供应商评分：{shown:zh}",
                               "cannot impute: no member with a vote scored any vendor on {shown}"),
    "err.scores.impute_overflow": ("无法插补：中位数溢出（数值超出浮点范围）：{shown:zh}",
                                   "cannot impute: the median overflowed (values too large for floating point) on "
                                   "{shown}"),
    # ------------------------------------------------------------ explanations
    "err.explain.shapes": ("应为 (n, m) 矩阵和 m 个权重；实际形状为 {r} 和 {w}",
                           "expected a (n, m) matrix and m weights; found shapes {r} and {w}"),
    "err.explain.values_axis": ("values 至少需要一个轴（准则在最后）",
                                "values must have at least one axis (criteria last)"),
    "err.explain.groups_shape": ("每个准则应有一个分组索引（{m} 个）；实际形状为 {shape}",
                                 "expected one group index per criterion ({m}); found shape {shape}"),
    "err.explain.groups_int": ("分组索引必须是整数；实际为 {found}", "group indices must be integers; found {found}"),
    "err.explain.groups_negative": ("分组索引必须 >= 0；实际为 {found}", "group indices must be >= 0; found {found}"),
    "err.explain.groups_range": ("分组索引 {found} 超出 {groups} 个分组的范围",
                                 "group index {found} is out of range for {groups} groups"),
    "err.explain.contrib_shape": ("contrib_by_group 必须是（供应商， 分组）矩阵；实际形状为 {shape}",
                                  "contrib_by_group must be a (vendors, groups) matrix; found shape {shape}"),
    "err.explain.vendor_index": ("供应商索引 {name} 必须是 0..{last} 内的整数；实际为 {found}",
                                 "vendor index {name} must be an integer in 0..{last}; found {found}"),
    "err.explain.top": ("top 必须是正整数；实际为 {found}", "top must be a positive integer; found {found}"),
    # ------------------------------------------------------------ per-node sensitivity (engine)
    "err.node.mode": ("mode 必须是 'judgments' 或 'lognormal'，实际为 {found}",
                      "mode must be 'judgments' or 'lognormal', found {found}"),
    "err.node.model": ("model 必须是 'uniform'、'judgments' 或 'lognormal'，实际为 {found}",
                       "model must be 'uniform', 'judgments' or 'lognormal', found {found}"),
    "err.node.child": ("{child} 不是 {known} 之一", "{child} is not one of {known}"),
    "err.node.method": ("敏感性分析只对 {known} 计算；实际为 {found}",
                        "sensitivity is computed for {known}; found {found}"),
    "err.node.node": ("{node} 不是目标之下的准则（已知：{known}）",
                      "{node} is not a criterion below the goal (known: {known})"),
    "err.node.level": ("level 必须是 'dimensions' 或 'all'，实际为 {found}",
                       "level must be 'dimensions' or 'all', found {found}"),
}
