"""Every error of the package, by code (:class:`mcda.errors.MCDAError`): ``err.<area>.<what>``.

Chinese entries use full-width punctuation; quoted values (ids, file names, numbers) stay as found.
"""
from __future__ import annotations

__all__ = ["ENTRIES"]

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
}
