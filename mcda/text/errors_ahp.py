"""Errors of the AHP kernels (:mod:`mcda.ahp`), the weights and evaluation seam and the agreement between
methods, by code (``err.ahp.<what>``); see :mod:`mcda.text.errors` for the conventions.

Chinese entries use full-width punctuation; quoted values (ids, numbers, shapes) and fragments built
by the kernels (``{pair}``, ``{item}``, ``{prefix}``, ``{detail}``) stay as found.
"""
from __future__ import annotations

__all__ = ["ENTRIES"]

ENTRIES: dict[str, tuple[str, str]] = {
    'err.ahp.labels_count': (
        '应有 {n} 个标签（{n}x{n} 矩阵每项一个），实际为 {found} 个',
        'expected {n} labels, one per item of the {n}x{n} matrix; found {found}',
    ),
    'err.ahp.not_numbers': (
        '应为由正数组成的{what}（缺失的判断用 NaN 或 None），无法读取为数值：{error}',
        'expected a {what} of positive numbers (NaN or None for a missing judgment); could not read it as numbers: {error}',
    ),
    'err.ahp.not_square': (
        '应为方阵（n x n）形式的两两比较矩阵，实际形状为 {shape}',
        'expected a square (n x n) pairwise comparison matrix; found shape {shape}',
    ),
    'err.ahp.too_small': (
        '矩阵至少应比较 2 项，实际为 {n}x{n} 矩阵（单独一项无需比较：其权重为 1）',
        'expected a matrix comparing at least 2 items; found a {n}x{n} matrix (a single item needs no comparison: its weight is 1)',
    ),
    'err.ahp.not_finite': (
        '{prefix}判断值应为有限数，{pair} 为 {value}',
        '{prefix}expected finite judgments; {pair} is {value}',
    ),
    'err.ahp.diagonal': (
        '{prefix}对角线应为 1（一项与自身比较），{item} 的单元格为 {value}',
        '{prefix}expected 1 on the diagonal (an item compared with itself); the cell of {item} holds {value}',
    ),
    'err.ahp.not_positive': (
        '{prefix}判断值应为正数（如 3 或 1/3 这样的比值；缺失为 NaN），{pair} 为 {value:g}',
        '{prefix}expected positive judgments (a ratio such as 3 or 1/3; NaN if missing); {pair} is {value:g}',
    ),
    'err.ahp.beyond_ratio': (
        '{prefix}判断值应介于 1/{max:g} 与 {max:g} 之间（重要性之比），{pair} 为 {value:g}',
        '{prefix}expected judgments between 1/{max:g} and {max:g} (a ratio of importance); {pair} is {value:g}',
    ),
    'err.ahp.half_missing': (
        '{prefix}{pair} 为 {value}，但其互反单元格为空（NaN）；缺失的判断在两个单元格中都必须为 NaN',
        '{prefix}{pair} is {value} but its reciprocal cell is empty (NaN); a missing judgment must be NaN in both cells',
    ),
    'err.ahp.incomplete': (
        '{prefix}应为完整矩阵，{pair} 缺失（NaN），另有 {others} 对也缺失',
        '{prefix}expected a complete matrix; {pair} is missing (NaN) and {others} other pair(s) are missing too',
    ),
    'err.ahp.incomplete_one': (
        '{prefix}应为完整矩阵，{pair} 缺失（NaN）',
        '{prefix}expected a complete matrix; {pair} is missing (NaN)',
    ),
    'err.ahp.not_reciprocal': (
        '{prefix}{pair} 为 {found}，但其互反单元格为 {back}（应为 {expected}）',
        '{prefix}{pair} is {found} but its reciprocal cell holds {back} (expected {expected})',
    ),
    'err.ahp.not_reciprocal_more': (
        '{prefix}{pair} 为 {found}，但其互反单元格为 {back}（应为 {expected}）；另有 {more} 对也不互反',
        '{prefix}{pair} is {found} but its reciprocal cell holds {back} (expected {expected}); {more} other pair(s) are not reciprocal either',
    ),
    'err.ahp.not_stack': (
        '应为一叠方阵，形状 (S, n, n)，实际形状为 {shape}',
        'expected a stack of square matrices, shape (S, n, n); found shape {shape}',
    ),
    'err.ahp.empty_stack': (
        '这一叠中至少应有一个矩阵，实际没有',
        'expected at least one matrix in the stack; found none',
    ),
    'err.ahp.stack_too_small': (
        '矩阵至少应比较 2 项，实际为 {n}x{n} 矩阵',
        'expected matrices comparing at least 2 items; found {n}x{n} matrices',
    ),
    'err.ahp.bad_k': (
        'k 应为正整数或 None，实际为 {k!r}',
        'expected k to be a positive integer or None; found {k!r}',
    ),
    'err.ahp.ragged': (
        '应为由数值组成的方阵（或一叠方阵），实际输入参差不齐（{error}）',
        'expected a square matrix (or a stack of them) of numbers; found ragged input ({error})',
    ),
    'err.ahp.duplicate_items': (
        '各项名称应互不相同，{items} 中有重复',
        'expected distinct item names; found duplicates in {items}',
    ),
    'err.ahp.judgment_key': (
        '判断的键应为 (item_a, item_b)，实际为 {key!r}',
        'expected a judgment key (item_a, item_b); found {key!r}',
    ),
    'err.ahp.unknown_item': (
        '判断 {a!r} 对 {b!r} 提到了未知的项 {name!r}；已知的项：{items}',
        'judgment {a!r} vs {b!r} names unknown item {name!r}; known items: {items}',
    ),
    'err.ahp.self_comparison': (
        '判断 {a!r} 对 {b!r} 将一项与自身比较',
        'judgment {a!r} vs {b!r} compares an item with itself',
    ),
    'err.ahp.judgment_not_positive': (
        '判断 {a!r} 对 {b!r} 必须为正数，实际为 {value!r}',
        'judgment {a!r} vs {b!r} must be a positive number; found {value!r}',
    ),
    'err.ahp.judged_twice': (
        '判断 {a!r} 对 {b!r} 给出了两次且取值不同：{first} 和 {second}',
        'judgment {a!r} vs {b!r} is given twice with different values: {first} and {second}',
    ),
    'err.ahp.unknown_ri_table': (
        '未知的随机一致性指标表 {table!r}，应为 {known} 之一',
        'unknown random index table {table!r}; expected one of {known}',
    ),
    'err.ahp.ri_size': (
        '随机一致性指标需要矩阵阶数 n >= 1，实际为 {n!r}',
        'expected a matrix size n >= 1 for the random index; found {n!r}',
    ),
    'err.ahp.ri_table_too_short': (
        "随机一致性指标表 {table!r} 只覆盖 n = 1..{last}，而矩阵为 n = {n}；请使用 ri_table='alonso_lamata'（其表至 15，超出部分用公式，覆盖任意 n）",
        "random index table {table!r} covers n = 1..{last} but the matrix has n = {n}; use ri_table='alonso_lamata' (its table to 15 and formula beyond cover any n)",
    ),
    'err.ahp.threshold_not_number': (
        '阈值应为数值，实际为 {threshold!r}',
        'expected a numeric threshold; found {threshold!r}',
    ),
    'err.ahp.threshold_negative': (
        '阈值应 >= 0，实际为 {threshold!r}',
        'expected a threshold >= 0; found {threshold!r}',
    ),
    'err.ahp.eigen_overflow': (
        '无法计算主特征向量：判断值跨越的数量级过多，超出浮点运算的范围',
        'could not compute the principal eigenvector: the judgments span too many orders of magnitude for floating-point arithmetic',
    ),
    'err.ahp.eigen_failed': (
        '无法计算比较矩阵的特征值（{error}）；判断值应为有限且范围适中的数',
        'could not compute the eigenvalues of the comparison matrix ({error}); expected finite judgments of moderate range',
    ),
    'err.ahp.unknown_completion': (
        '未知的补全方法 {method!r}，应为 {known} 之一',
        'unknown completion method {method!r}; expected one of {known}',
    ),
    'err.ahp.next_question_completion': (
        "next_question 不支持补全方法 {completion!r}，应为 'harker' 或 'llsm'（'lambda_max' 在每个缺失对上的梯度均为零）",
        "unknown completion {completion!r} for next_question; expected 'harker' or 'llsm' ('lambda_max' has a zero gradient on every missing pair)",
    ),
    'err.ahp.unknown_method': (
        '未知的排序向量方法 {method!r}，应为 {known} 之一',
        'unknown priority method {method!r}; expected one of {known}',
    ),
    'err.ahp.sample_not_connected': (
        '样本 {sample}：{error}',
        'sample {sample}: {error}',
    ),
    'err.ahp.not_connected': (
        '判断不连通：{detail}',
        '{detail}',
    ),
    'err.ahp.member_weights_not_numbers': (
        '应有 {k} 个数值型成员权重，实际为 {weights!r}',
        'expected {k} numeric member weights; found {weights!r}',
    ),
    'err.ahp.member_weights_count': (
        '应有 {k} 个成员权重（每位成员一个），实际形状为 {shape}',
        'expected {k} member weights, one per member; found shape {shape}',
    ),
    'err.ahp.member_weight_negative': (
        '成员权重应 >= 0，{member} 的权重为 {weight}',
        'expected member weights >= 0; {member} has weight {weight}',
    ),
    'err.ahp.member_weights_zero': (
        '成员权重之和应为正数，实际全部为 0',
        'expected member weights with a positive sum; all are 0',
    ),
    'err.ahp.no_member_matrix': (
        '至少应有一位成员的矩阵，实际没有',
        "expected at least one member's matrix; found none",
    ),
    'err.ahp.member_shapes': (
        '每位成员的矩阵形状应相同，{first} 为 {first_shape}，而 {other} 为 {other_shape}',
        "expected every member's matrix to have the same shape; {first} has {first_shape} but {other} has {other_shape}",
    ),
    'err.ahp.member_names_count': (
        '应有 {expected} 个成员名称（每个矩阵一个），实际为 {found} 个',
        'expected {expected} member names, one per matrix; found {found}',
    ),
    'err.ahp.vectors_not_numbers': (
        '应为 (K, n) 形状的{what}数组，无法读取为数值',
        'expected a (K, n) array of {what}; could not read numbers',
    ),
    'err.ahp.vectors_shape': (
        '应为 (K, n) 形状的{what}数组（每位成员一行），实际形状为 {shape}',
        'expected a (K, n) array of {what}, one row per member; found shape {shape}',
    ),
    'err.ahp.vectors_values': (
        '应为{kind}；成员 {member} 对第 {item} 项为 {value}',
        'expected {kind}; member {member} has {value} for item {item}',
    ),
    'err.ahp.vectors_sum': (
        '每位成员的排序向量之和应为 1，成员 {member} 之和为 {total:.9g}',
        "expected each member's priorities to sum to 1; member {member} sums to {total:.9g}",
    ),
    'err.ahp.unknown_aggregation_mode': (
        "未知的集结方式 {mode!r}，应为 'geometric' 或 'arithmetic'",
        "unknown aggregation mode {mode!r}; expected 'geometric' or 'arithmetic'",
    ),
    'err.ahp.consensus_members': (
        '共识度至少需要 2 位成员的排序向量，实际为 {found} 位',
        'consensus needs the priorities of at least 2 members; found {found}',
    ),
    'err.ahp.consensus_items': (
        '共识度要求每个向量至少 2 项，实际为 {found} 项',
        'consensus needs at least 2 items per vector; found {found}',
    ),
    'err.ahp.scale_max': (
        '标度最大值 M 应 > 1（Saaty 标度为 9），实际为 {found!r}',
        "expected the scale maximum M > 1 (9 for Saaty's scale); found {found!r}",
    ),
    'err.ahp.strong': (
        'strong 应 > 1（如 Saaty 标度上的 3），实际为 {found!r}',
        "expected strong > 1 (e.g. 3 on Saaty's scale); found {found!r}",
    ),
    'err.ahp.tree_not_mapping': (
        '应为映射 {{parent: {{child: local weight}}}}，实际为 {found}',
        'expected a mapping {{parent: {{child: local weight}}}}; found {found}',
    ),
    'err.ahp.root_without_children': (
        '根节点 {root!r} 在层次结构中没有子节点，它应在父节点 {parents} 之中',
        'root {root!r} has no children in the hierarchy; expected it among the parents {parents}',
    ),
    'err.ahp.node_children': (
        '节点 {node!r} 必须把每个子节点映射到其局部权重，实际为 {children!r}',
        'node {node!r} must map each child to its local weight; found {children!r}',
    ),
    'err.ahp.local_not_number': (
        '{node!r} 下 {child!r} 的局部权重必须为数值，实际为 {w!r}',
        'local weight of {child!r} under {node!r} must be a number; found {w!r}',
    ),
    'err.ahp.local_negative': (
        '{node!r} 下 {child!r} 的局部权重必须为有限数且 >= 0，实际为 {w!r}',
        'local weight of {child!r} under {node!r} must be finite and >= 0; found {w!r}',
    ),
    'err.ahp.cycle': (
        '层次结构中存在环：{path}',
        'the hierarchy has a cycle: {path}',
    ),
    'err.ahp.two_parents': (
        '节点 {child!r} 同时出现在 {other!r} 和 {node!r} 之下；应为树（每个节点只有一个父节点）',
        'node {child!r} appears under both {other!r} and {node!r}; expected a tree (each node has one parent)',
    ),
    'err.ahp.local_sum': (
        '{node!r} 下的局部权重之和必须为 1（误差 {tol:g} 以内），实际之和为 {total:.12g}',
        'local weights under {node!r} must sum to 1 (within {tol:g}); they sum to {total:.12g}',
    ),
    'err.ahp.unreachable': (
        '父节点 {parents!r} 不在根节点 {root!r} 之下；每个父节点都应能从根节点到达',
        'parent(s) {parents!r} are not under root {root!r}; expected every parent to be reachable from the root',
    ),
    'err.ahp.no_connected_member': (
        '没有任何成员的判断是连通的，因此不存在排序向量',
        "no member's judgments are connected, so no priorities exist",
    ),
    'err.ahp.node_failed': (
        '{node} 下的准则：{error}',
        'criteria under {node}: {error}',
    ),
    'err.ahp.not_a_scenario': (
        '应为 Scenario（见 mcda.load_scenario），实际为 {found}',
        'expected a Scenario (see mcda.load_scenario), found {found}',
    ),
    'err.ahp.no_vendors': (
        '方案中没有可排序的供应商',
        'the scenario has no vendors to rank',
    ),
    'err.ahp.no_members': (
        '方案中没有评审委员会成员，因此没有人为供应商打分',
        'the scenario has no committee members, so nobody has scored the vendors',
    ),
    'err.ahp.unknown_ranking_methods': (
        '未知的排序方法 {names}；已知：{known}',
        'unknown ranking method(s) {names}; known: {known}',
    ),
    'err.ahp.rankings_not_dict': (
        'rankings 必须是非空字典 {{方法名：名次}}',
        'rankings must be a non-empty dict {{method name: ranks}}',
    ),
    'err.ahp.ranks_not_numbers': (
        '{name!r} 的名次必须为数值，实际为 {found!r}',
        'ranks of {name!r} must be numeric; found {found!r}',
    ),
    'err.ahp.ranks_shape': (
        '{name!r} 的名次必须是非空的一维数组，实际形状为 {shape}',
        'ranks of {name!r} must be a non-empty 1-D array; found shape {shape}',
    ),
    'err.ahp.ranks_count': (
        '每个排序都必须对同样的 {n} 家供应商排序，{name!r} 有 {found} 家',
        'every ranking must rank the same {n} vendors; {name!r} has {found}',
    ),
    'err.ahp.ranks_values': (
        '{name!r} 的名次必须为有限数且 >= 1，实际为 {found}',
        'ranks of {name!r} must be finite and >= 1; found {found}',
    ),
    'err.ahp.reference_missing': (
        '参照方法 {reference!r} 不在排序 {names} 之中',
        'reference method {reference!r} is not among the rankings {names}',
    ),
}
