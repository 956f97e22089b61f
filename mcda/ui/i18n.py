"""Interface labels in Chinese and English. Criterion and vendor names come from the scenario."""
from __future__ import annotations

__all__ = ["LABELS", "label"]

LABELS: dict[str, tuple[str, str]] = {
    "app_title": ("财务外包服务商评估", "Financial-outsourcing vendor evaluation"),
    "language": ("语言 / Language", "Language / 语言"),
    "page_scenario": ("方案", "Scenario"),
    "page_criteria": ("评价指标", "Criteria"),
    "page_judgments": ("两两比较", "Judgments"),
    "page_scores": ("评分", "Scores"),
    "page_results": ("排序结果", "Results"),
    "page_sensitivity": ("敏感性分析", "Sensitivity"),
    "page_report": ("报告", "Report"),
    "current_scenario": ("当前方案", "Current scenario"),
    "validation": ("校验结果", "Validation"),
    "valid": ("方案有效", "The scenario is valid"),
    "warnings": ("提示", "Warnings"),
    "no_warnings": ("没有提示", "No warnings"),
    "criteria_tree": ("指标体系", "Criteria hierarchy"),
    "dimensions": ("维度", "Dimensions"),
    "criteria": ("指标", "Criteria"),
    "members": ("评审成员", "Committee members"),
    "vendors": ("服务商", "Vendors"),
    "open_example": ("打开示例方案", "Open the example scenario"),
    "upload": ("上传方案文件 (JSON)", "Upload a scenario file (JSON)"),
    "upload_failed": ("文件无法打开", "The file could not be opened"),
    "opened": ("已打开", "Opened"),
    "name": ("名称", "Name"),
    "id": ("编号", "ID"),
    "direction": ("方向", "Direction"),
    "scale": ("量表", "Scale"),
    "source": ("来源", "Source"),
    "benefit": ("效益型(越高越好)", "benefit (higher is better)"),
    "cost": ("成本型(越低越好)", "cost (lower is better)"),
    "role": ("角色", "Role"),
    "weight": ("投票权重", "Voting weight"),
}


def label(key: str, lang: str) -> str:
    """The label for ``key`` in ``lang`` ("zh" or "en"); the key itself if unknown."""
    zh, en = LABELS.get(key, (key, key))
    return zh if lang == "zh" else en
