"""Every error of the package, by code (:class:`mcda.errors.MCDAError`): ``err.<area>.<what>``.

Chinese entries use full-width punctuation; quoted values (ids, file names, numbers) stay as found.
"""
from __future__ import annotations

__all__ = ["ENTRIES", "JSON_REASONS"]

#: The JSON decoder's messages (``json.JSONDecodeError.msg``) -> (key suffix, zh, en); any other message
#: uses ``err.json.other``. Each gives ``err.json.<suffix>`` and ``err.json.<suffix>.truncated``.
_JSON = {
    "Expecting value": ("expecting_value", "此处应为一个值", "Expecting value"),
    "Expecting ',' delimiter": ("expecting_comma", "此处应为逗号 ','", "Expecting ',' delimiter"),
    "Expecting ':' delimiter": ("expecting_colon", "此处应为冒号 ':'", "Expecting ':' delimiter"),
    "Expecting property name enclosed in double quotes": (
        "expecting_name", "此处应为用双引号括起的键名", "Expecting property name enclosed in double quotes"),
    "Unterminated string starting at": ("unterminated", "字符串没有结束", "Unterminated string starting at"),
    "Invalid control character at": ("control", "字符串中有无效的控制字符", "Invalid control character at"),
    "Invalid \\escape": ("escape", "无效的转义序列", "Invalid \\escape"),
    "Invalid \\uXXXX escape": ("u_escape", "无效的 \\uXXXX 转义序列", "Invalid \\uXXXX escape"),
    "Extra data": ("extra_data", "JSON 结束后还有多余内容", "Extra data"),
    "Illegal trailing comma before end of object": (
        "trailing_comma_object", "对象结尾前有多余的逗号", "Illegal trailing comma before end of object"),
    "Illegal trailing comma before end of array": (
        "trailing_comma_array", "数组结尾前有多余的逗号", "Illegal trailing comma before end of array"),
}
JSON_REASONS: dict[str, str] = {msg: suffix for msg, (suffix, _, _) in _JSON.items()}
_TRUNCATED = ("（文件似乎被截断：JSON 尚未完整就结束了）", " (the file looks truncated: it ends before the JSON is complete)")


def _json_entries() -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    reasons = [(suffix, zh, en) for suffix, zh, en in _JSON.values()] + [("other", "格式错误", "{msg}")]
    for suffix, zh, en in reasons:
        zh_text, en_text = f"JSON 无效：第 {{line}} 行第 {{col}} 列，{zh}", f"not valid JSON at line {{line}}, column {{col}}: {en}"
        out[f"err.json.{suffix}"] = (zh_text, en_text)
        out[f"err.json.{suffix}.truncated"] = (zh_text + _TRUNCATED[0], en_text + _TRUNCATED[1])
    return out

ENTRIES: dict[str, tuple[str, str]] = {
    # ---------------------------------------------------------------- general
    "cli.error": ("错误", "error"),
    "cli.interrupted": ("已中断", "interrupted"),
    "err.lang": ("语言必须是 'zh' 或 'en'，实际为 {found}", "lang must be 'zh' or 'en'; found {found}"),
    "err.scenario_problems": ("方案有问题", "the scenario has problems"),
    "err.problems_found": ("发现 {n} 个问题：", "{n} problems found:"),
    "err.problems_found_one": ("发现 1 个问题：", "1 problem found:"),
    "err.more_problems": ("  …… 另有 {n} 个问题", "  ... and {n} more"),
    # ---------------------------------------------------------------- file format (pydantic), by error type
    "err.pyd.missing": ("必填项缺失", "required, but missing"),
    "err.pyd.extra_forbidden": ("未知的键（不属于文件格式，请检查拼写）", "unknown key (not part of the format; check its spelling)"),
    "err.pyd.finite_number": ("应为有限数值，实际为 {found}", "expected a finite number, found {found}"),
    "err.pyd.literal_error": ("应为 {expected}，实际为 {found}", "expected {expected}, found {found}"),
    "err.pyd.string_pattern_mismatch": ("{found} 不是有效的编号（以字母开头，可含字母、数字、_ . -，最多 64 个字符）",
                                        "{found} is not a valid id (a letter, then letters, digits, _ . -; at most 64)"),
    "err.pyd.int_type": ("应为整数，实际为 {found}", "input should be a valid integer, found {found}"),
    "err.pyd.int_parsing": ("应为整数，实际为 {found}", "input should be a valid integer, unable to parse string as an integer, found {found}"),
    "err.pyd.int_from_float": ("应为整数（不能有小数部分），实际为 {found}", "input should be a valid integer, got a number with a fractional part, found {found}"),
    "err.pyd.float_type": ("应为数值，实际为 {found}", "input should be a valid number, found {found}"),
    "err.pyd.float_parsing": ("应为数值，实际为 {found}", "input should be a valid number, unable to parse string as a number, found {found}"),
    "err.pyd.number_type": ("应为数值，实际为 {found}", "input should be a valid number, found {found}"),
    "err.pyd.string_type": ("应为文本，实际为 {found}", "input should be a valid string, found {found}"),
    "err.pyd.bool_type": ("应为 true 或 false，实际为 {found}", "input should be a valid boolean, found {found}"),
    "err.pyd.bool_parsing": ("应为 true 或 false，实际为 {found}", "input should be a valid boolean, unable to interpret input, found {found}"),
    "err.pyd.dict_type": ("应为 JSON 对象，实际为 {found}", "input should be a valid dictionary, found {found}"),
    "err.pyd.list_type": ("应为 JSON 数组，实际为 {found}", "input should be a valid list, found {found}"),
    "err.pyd.model_type": ("应为 JSON 对象，实际为 {found}", "input should be a valid dictionary or instance of {class_name}, found {found}"),
    "err.pyd.model_attributes_type": ("应为 JSON 对象，实际为 {found}", "input should be a valid dictionary or object to extract fields from, found {found}"),
    "err.pyd.greater_than": ("应大于 {gt}，实际为 {found}", "input should be greater than {gt}, found {found}"),
    "err.pyd.greater_than_equal": ("应大于或等于 {ge}，实际为 {found}", "input should be greater than or equal to {ge}, found {found}"),
    "err.pyd.less_than": ("应小于 {lt}，实际为 {found}", "input should be less than {lt}, found {found}"),
    "err.pyd.less_than_equal": ("应小于或等于 {le}，实际为 {found}", "input should be less than or equal to {le}, found {found}"),
    "err.pyd.string_too_short": ("文本至少应有 {min_length} 个字符，实际为 {found}", "string should have at least {min_length} characters, found {found}"),
    "err.pyd.string_too_long": ("文本最多 {max_length} 个字符，实际为 {found}", "string should have at most {max_length} characters, found {found}"),
    "err.pyd.too_short": ("至少应有 {min_length} 项，实际为 {actual_length} 项", "should have at least {min_length} items, found {actual_length}"),
    "err.pyd.too_long": ("最多 {max_length} 项，实际为 {actual_length} 项", "should have at most {max_length} items, found {actual_length}"),
    "err.pyd.union_tag_invalid": ("类型标记 {tag} 无效，应为 {expected_tags}", "input tag {tag} found using {discriminator} does not match any of the expected tags: {expected_tags}, found {found}"),
    "err.pyd.union_tag_not_found": ("缺少类型标记 {discriminator}", "unable to extract tag using discriminator {discriminator}, found {found}"),
    "err.pyd.enum": ("应为 {expected}，实际为 {found}", "input should be {expected}, found {found}"),
    # ---------------------------------------------------------------- cross-references (mcda.scenario.rules)
    "err.tree.duplicate_id": ("重复的指标编号 {id!r}（另见 {other}）", "duplicate criterion id {id!r} (also at {other})"),
    "err.tree.too_deep": ("指标树超过 {max} 层", "the criteria tree is deeper than {max} levels"),
    "err.tree.empty_dimension": ("维度 {id!r} 为空：请添加子指标，或为其设置方向和量表以直接评分",
                                 "dimension {id!r} is empty: add sub-criteria, or give it a direction and a scale to score it directly"),
    "err.tree.no_direction": ("末级指标 {id!r} 需要方向（benefit 或 cost）", "leaf criterion {id!r} needs a direction (benefit or cost)"),
    "err.tree.no_scale": ("末级指标 {id!r} 需要量表", "leaf criterion {id!r} needs a scale"),
    "err.tree.unknown_scale": ("未知的量表 {scale!r}（已知：{known}）", "unknown scale {scale!r} (known: {known})"),
    "err.tree.unknown_scale_none": ("未知的量表 {scale!r}（尚未定义任何量表）", "unknown scale {scale!r} (known: none defined)"),
    "err.tree.no_criteria": ("目标之下没有任何指标", "the goal has no criteria below it"),
    "err.dup_id": ("重复的编号 {id!r}（另见 {other}）", "duplicate id {id!r} (also {other})"),
    "err.unknown_member": ("未知的成员编号 {id!r}（成员：{known}）", "unknown member id {id!r} (members: {known})"),
    "err.unknown_member_none": ("未知的成员编号 {id!r}（没有任何成员）", "unknown member id {id!r} (members: none)"),
    "err.unknown_vendor": ("未知的服务商编号 {id!r}（服务商：{known}）", "unknown vendor id {id!r} (vendors: {known})"),
    "err.unknown_vendor_none": ("未知的服务商编号 {id!r}（没有任何服务商）", "unknown vendor id {id!r} (vendors: none)"),
    "err.unknown_criterion": ("未知的指标编号 {id!r}", "unknown criterion id {id!r}"),
    "err.judg.leaf": ("{id!r} 是末级指标：判断比较的是父节点的子项", "{id!r} is a leaf criterion: judgments compare the children of a parent node"),
    "err.judg.not_child": ("{id!r} 不是 {parent!r} 的子项（子项：{children}）", "{id!r} is not a child of {parent!r} (children: {children})"),
    "err.judg.twice": ("{a!r} / {b!r} 这一对被判断了两次（另见 {other}）；请只保留一个判断",
                       "the pair {a!r} / {b!r} is judged twice (also {other}); keep one judgment"),
    "err.judg.both": ("节点 {id!r} 同时有两两比较判断和直接权重；请只保留一种", "node {id!r} has both pairwise judgments and direct weights; keep one"),
    "err.direct.not_child": ("{id!r} 不是 {parent!r} 的子项", "{id!r} is not a child of {parent!r}"),
    "err.direct.negative": ("权重必须为零或正数，实际为 {w}", "a weight must be zero or positive, found {w}"),
    "err.direct.missing": ("直接权重必须覆盖 {parent!r} 的每个子项；缺少：{missing}",
                           "direct weights must cover every child of {parent!r}; missing: {missing}"),
    "err.direct.all_zero": ("直接权重全部为零", "direct weights are all zero"),
    "err.scores.unknown_member": ("未知的成员编号 {id!r}", "unknown member id {id!r}"),
    "err.scores.not_leaf": ("{id!r} 不是末级指标：评分只能给末级指标", "{id!r} is not a leaf criterion: scores go on leaves"),
    "err.scores.outside": ("{value} 超出 {id!r} 的量表 {lo}..{hi}", "{value} is outside the scale {lo}..{hi} of {id!r}"),
    # ---------------------------------------------------------------- field rules (mcda.scenario.schema)
    "err.text.surrogate": ("文本第 {pos} 个字符无效（孤立的 UTF-16 代理字符）",
                           "the text has an invalid character at position {pos} (a lone UTF-16 surrogate)"),
    "err.text.control": ("文本第 {pos} 个字符是控制字符（代码 {code_}）", "the text has a control character (code {code_}) at position {pos}"),
    "err.text.no_language": ("请至少用一种语言（zh 或 en）填写文本", "give the text in at least one language (zh or en)"),
    "err.scale.min_max": ("min（{min}）必须小于 max（{max}）", "min ({min}) must be below max ({max})"),
    "err.scale.labels": ("标签键 {bad} 不是 {min} 到 {max} 之间的等级", "label keys {bad} are not levels between {min} and {max}"),
    "err.judg.fraction": ("应为数值或 1/3 这样的分数，实际为 {found}", "expected a number or a fraction such as 1/3, found {found}"),
    "err.judg.self": ("{id!r} 与自身进行了比较", "{id!r} is compared with itself"),
    "err.judg.nan": ("{v} 不是数值", "{v} is not a number"),
    "err.judg.saaty": ("{v} 超出 1/9..9（Saaty 标度）", "{v} is outside 1/9..9 (Saaty's scale)"),
    "err.pyd.other": ("值无效，实际为 {found}", "{msg}, found {found}"),
    "err.pyd.other_value": ("值无效", "{msg}"),
    # ---------------------------------------------------------------- reading JSON (mcda.scenario.io)
    "err.json.too_large_file": ("文件大小为 {size} 字节（{mib} MiB）；超过 {max} MiB（{max_bytes} 字节）的文件不予读取",
                                "the file is {size} bytes ({mib} MiB); files over {max} MiB ({max_bytes} bytes) are refused"),
    "err.json.too_large_text": ("文本长度为 {size} 个字符（{mib} MiB）；超过 {max} MiB（{max_bytes}）的文本不予读取",
                                "the text is {size} characters ({mib} MiB); over {max} MiB ({max_bytes}) is refused"),
    "err.json.not_utf8": ("文件不是 UTF-8 文本（偏移 {pos} 处的字节无法读取）", "the file is not UTF-8 text (byte {pos} cannot be read)"),
    "err.json.empty": ("文件为空", "the file is empty"),
    "err.json.duplicate_key": ("键 {key!r} 在同一个对象中出现了两次；JSON 只保留其中一个，文件含义不明确",
                               "the key {key!r} appears twice in the same object; JSON keeps only one, so the file is ambiguous"),
    "err.json.too_deep": ("JSON 嵌套超过 {max} 层", "the JSON is nested more than {max} levels deep"),
    "err.json.too_deep_at": ("JSON 嵌套过深：第 {line} 行第 {col} 列处超过 {max} 层，不予读取",
                             "the JSON is nested too deeply: more than {max} levels at line {line}, column {col}; refused"),
    "err.json.long_number": ("第 {line} 行第 {col} 列的数字无法读取：它有 {n} 个字符（最多 {max} 个）",
                             "a number in the file cannot be read: it has {n} characters (at most {max}) at line {line}, column {col}"),
    "err.json.bad_number": ("文件中的一个数字无法读取（{reason}）", "a number in the file cannot be read ({reason})"),
    "err.doc.not_object": ("顶层应为 JSON 对象，实际为 {found}", "expected a JSON object at the top level, found {found}"),
    "err.doc.version": ("应为 {v}，实际为 {found}：本版本读取格式版本 {v}",
                        "expected {v}, found {found}: this release reads format version {v}"),
    "err.doc.version_missing": ("应为 {v}，但缺失：本版本读取格式版本 {v}", "expected {v}, found missing: this release reads format version {v}"),
    "err.doc.kind": ("应为 \"model\" 或 \"scenario\"，实际为 {found}", "expected \"model\" or \"scenario\", found {found}"),
    "err.doc.kind_missing": ("应为 \"model\" 或 \"scenario\"，但缺失", "expected \"model\" or \"scenario\", found missing"),
    "err.doc.not_scenario": ("应为方案（scenario），实际为 {kind}；请以它为基础新建方案",
                             "expected a scenario, found a {kind}; start a scenario from it instead"),
    "err.type.document": ("应为 Scenario 或 Model，实际为 {found}", "expected a Scenario or Model, found {found}"),
    # ---------------------------------------------------------------- files
    "err.file.missing": ("{path}：文件不存在", "{path}: no such file"),
    "err.file.unreadable": ("{path}：无法读取（{reason}）", "{path}: cannot be read ({reason})"),
    "err.file.not_file": ("{path}：不是文件", "{path}: not a file"),
    "err.file.too_large": ("{path}：超过 {max} MiB，不予读取", "{path}: over {max} MiB; refused"),
    "err.write.no_folder": ("{path}：无法写入：文件夹 {folder} 不存在", "{path}: cannot write: the folder {folder} does not exist"),
    "err.write.folder": ("{path}：无法写入：这是一个文件夹；请给出文件名", "{path}: cannot write: it is a folder; give a file name"),
    "err.write.special": ("{path}：无法写入：不是普通文件（设备或管道）", "{path}: cannot write: it is not a regular file (a device or pipe)"),
    "err.write.read_only": ("{path}：无法写入：文件为只读", "{path}: cannot write: the file is read-only"),
    "err.write.in_folder": ("{path}：无法在 {folder} 中写入（{reason}）", "{path}: cannot write in {folder} ({reason})"),
    "err.write.failed": ("{path}：无法写入（{reason}）；原文件保持不变", "{path}: cannot write ({reason}); the previous file is unchanged"),
    # ---------------------------------------------------------------- edits, types
    "err.edit.no_criterion": ("没有指标 {id!r}", "there is no criterion {id!r}"),
    "err.edit.goal": ("目标不能删除", "the goal cannot be removed"),
    "err.edit.all_zero": ("请至少给一个指标设置大于 0 % 的权重", "give at least one criterion a weight above 0 %"),
    "err.type.scenario": ("应为 Scenario，实际为 {found}", "expected a Scenario, found {found}"),
    "err.type.json_data": ("应为 JSON 文本或字节，实际为 {found}", "expected JSON text or bytes, found {found}"),
    "err.type.two_scenarios": ("应为两个方案；实际为 {a} 和 {b}", "expected two scenarios; found {a} and {b}"),
    "err.type.file_data": ("应为文件的字节或文本，实际为 {found}", "expected the file's bytes or text, found {found}"),
    # ---------------------------------------------------------------- score templates (mcda.export.templates)
    "err.template.format": ("模板格式必须是 'csv' 或 'xlsx'；实际为 {found}", "template format must be 'csv' or 'xlsx'; found {found}"),
    "err.csv.binary": ("不是可读的 CSV 文件（含有二进制数据）；请将模板另存为 CSV（UTF-8）或 .xlsx",
                       "not a readable CSV file (it contains binary data); save the template as CSV (UTF-8) or .xlsx"),
    "err.csv.too_large": ("CSV 文件过大（第 {row} 行超出限制：最多 {rows} 行、{columns} 列、{cells} 个单元格），不是评分模板",
                          ("the CSV file is too large (over {rows} rows or {columns} columns or {cells} cells, at row {row}) "
                           "for a score template")),
    "err.csv.unreadable": ("不是可读的 CSV 文件（{reason}）；请将模板另存为 CSV（UTF-8）或 .xlsx",
                           "not a readable CSV file ({reason}); save the template as CSV (UTF-8) or .xlsx"),
    "err.xlsx.unreadable": ("不是可读的 .xlsx 工作簿（{kind}：{reason}）", "not a readable .xlsx workbook ({kind}: {reason})"),
    "err.xlsx.too_large": ("工作表 {sheet!r} 过大（超过 {rows} 行、{columns} 列或 {cells} 个单元格），不是评分模板",
                           ("the sheet {sheet!r} is too large (over {rows} rows or {columns} columns or {cells} cells) "
                            "for a score template")),
    "err.xlsx.members": (".xlsx 文件包含 {n} 个部件（最多 {max} 个），不予读取", "the .xlsx file holds {n} parts (at most {max}); refused"),
    "err.xlsx.too_big": (".xlsx 文件解压后为 {size} 字节（最多 {mib} MiB，即 {max} 字节；最大的部件 {part} 为 {part_size} 字节），不予读取",
                         ("the .xlsx file decompresses to {size} bytes (at most {mib} MiB, {max} bytes; the largest part, "
                          "{part}, is {part_size} bytes); refused")),
    "err.xlsx.merged": ("工作表 {sheet!r} 有 {n} 处合并单元格（{ranges}）：合并单元格会把评分变成缺失值；请取消合并后再导入",
                        ("the sheet {sheet!r} has {n} merged range(s) ({ranges}): merged cells turn scores into missing "
                         "ones; unmerge them and import again")),
    "err.xlsx.formula": ("公式 {formula!r} 没有保存的结果；请直接输入数值，或在 Excel 中打开并保存文件以保存结果",
                         ("the formula {formula!r} has no saved result; type the value, or open and save the file in Excel "
                          "so the result is stored")),
    "err.import.not_number": ("{found} 不是数值", "{found} is not a number"),
    "err.import.not_finite": ("{found} 不是有限数值", "{found} is not a finite number"),
    "err.import.outside": ("{value} 超出量表 {lo}..{hi}", "{value} is outside the scale {lo}..{hi}"),
    "err.import.no_header": ("没有含 'vendor' 列的表头行（模板的第一行）", "no header row with a 'vendor' column (the template's first row)"),
    "err.import.second_vendor": ("第二个 'vendor' 列（第一个在 {first} 列）", "a second 'vendor' column (the first is column {first})"),
    "err.import.second_column": ("指标 {id!r} 有第二列（另见 {other} 列）", "criterion {id!r} has a second column (also column {other})"),
    "err.import.not_leaf": ("{id!r} 不是末级指标：评分只能填在末级指标上", "{id!r} is not a leaf criterion: scores go on leaf criteria"),
    "err.import.no_column": ("缺少指标 {ids} 的列；请保留所有列，缺失的评分留空即可",
                             "no column for criterion(s) {ids}; keep every column and leave cells empty for missing scores"),
    "err.import.truncated_row": ("该行在 {width} 个单元格后结束，缺少 {ids} 的列：行被截断；请保留每个单元格，缺失的评分留空即可",
                                 ("the row ends after {width} cells, before the column(s) of {ids}: a truncated row; keep "
                                  "every cell and leave it empty for a missing score")),
    "err.import.no_vendor": ("'vendor' 列中没有服务商编号", "no vendor id in the 'vendor' column"),
    "err.import.vendor_twice": ("服务商 {id!r} 出现了两次（另见第 {other} 行）", "vendor {id!r} appears twice (also row {other})"),
    "err.import.no_row": ("缺少服务商 {ids} 的行；请保留每个服务商的行", "no row for vendor(s) {ids}; keep every vendor's row"),
    # ---------------------------------------------------------------- sensitivity results (mcda.export.report)
    "err.sens.number": ("{at}：应为有限数值或 None，实际为 {found}", "{at}: expected a finite number or None, found {found}"),
    "err.sens.list": ("{at}：应为列表，实际为 {found}", "{at}: expected a list, found {found}"),
    "err.sens.text": ("{at}：应为文本，实际为 {found}", "{at}: expected a text, found {found}"),
    "err.sens.not_dict": ("{at} 必须是字典（JSON 对象），实际为 {found}", "{at} must be a dict, found {found}"),
    "err.sens.unknown_keys": ("{at}：未知的键 {keys}（已知：{known}）", "{at}: unknown key(s) {keys} (known: {known})"),
    "err.sens.row": ("{at}：应为含 {ident!r} 的字典，实际为 {found}", "{at}: expected a dict with {ident!r}, found {found}"),
    "err.sens.row_keys": ("{at}：未知的键 {keys}", "{at}: unknown key(s) {keys}"),
    "err.sens.acc": ("{at}：应为含 'vendors' 和 'matrix' 的字典", "{at}: expected a dict with 'vendors' and 'matrix'"),
    "err.sens.acc_shape": ("{at}：应为每个服务商一行（{n} 行）且长度相同；实际为 {rows} 行，长度为 {lengths}",
                           "{at}: expected one row per vendor ({n}) of equal length; found {rows} rows of lengths {lengths}"),
    "err.sens.samples": ("{at}：应为非负整数，实际为 {found}", "{at}: expected a whole number of at least 0, found {found}"),
    "err.sens.unknown_vendor": ("{at}：方案中没有服务商 {id!r}（服务商：{known}）",
                                "{at}: the scenario has no vendor {id!r} (vendors: {known})"),
    "err.sens.unknown_node": ("{at}：方案中没有指标 {id!r}", "{at}: the scenario has no criterion {id!r}"),
    "err.sens.repeated_vendor": ("{at}：同一服务商出现了不止一次", "{at}: a vendor appears more than once"),
    # ---------------------------------------------------------------- command line: output files
    "err.out.suffix_mismatch": ("输出文件 {output} 的扩展名是 .{suffix}，但格式是 {format}；请使用 .{format} 文件名",
                                "the output {output} ends in .{suffix} but the format is {format}; use a .{format} file name"),
    "err.out.suffix_unknown": ("输出文件 {output} 的扩展名是 .{suffix}；应为 {choices} 之一（或给出 --format）",
                               "the output {output} ends in .{suffix}; expected one of {choices} (or give --format)"),
    "err.out.no_format": ("请给出 --format（{choices}），或以其中之一结尾的输出文件名",
                          "give --format ({choices}) or an output file ending in one of them"),
    "err.out.is_input": ("输出文件 {output} 就是输入文件 {input}：写入会覆盖输入；请另选输出文件",
                         ("the output {output} is the input file {input}: writing it would replace the input; "
                          "choose another output file")),
    "err.out.binary": ("{what}是二进制文件：请给出 -o FILE", "{what} is a binary file: give -o FILE"),
    "err.out.xlsx_binary": ("xlsx 是二进制格式：请给出 -o FILE", "xlsx is a binary format: give -o FILE"),
    "err.out.both": ("-o OUT 和 --in-place 只能二选一", "give either -o OUT or --in-place, not both"),
    "cli.wrote": ("已将{what}写入 {path}", "wrote {what} to {path}"),
    "cli.imported": ("已从 {file} 导入 {member} 的评分；已写入 {path}", "imported {member}'s scores from {file}; wrote {path}"),
    "cli.what.template": ("{member} 的 {fmt} 评分模板", "the {fmt} score template of {member}"),
    "cli.what.scenario": ("方案", "the scenario"),
    "cli.what.html": ("HTML 报告", "the HTML report"),
    "cli.what.xlsx": ("Excel 工作簿", "the Excel workbook"),
    # ---------------------------------------------------------------- command line: validate and lint
    "cli.validate.valid_model": ("{file}：有效的 model：{dimensions} 个维度，{criteria} 个指标",
                                 "{file}: valid model: {dimensions} dimensions, {criteria} criteria"),
    "cli.validate.valid_scenario": ("{file}：有效的 scenario：{dimensions} 个维度，{criteria} 个指标，{members} 位成员，{vendors} 个服务商",
                                    ("{file}: valid scenario: {dimensions} dimensions, {criteria} criteria, {members} members, "
                                     "{vendors} vendors")),
    "cli.validate.invalid": ("{file}：无效，{n} 个问题：", "{file}: INVALID, {n} problem(s):"),
    "cli.validate.file": ("（文件）", "(file)"),
    "cli.validate.error": ("  错误   {path}：{message}", "  error   {path}: {message}"),
    "cli.validate.warning": ("  警告   {path}：{message}", "  warning {path}: {message}"),
    "cli.validate.no_warnings": ("  没有警告", "  no warnings"),
}
ENTRIES.update(_json_entries())
