"""Sensitivity results as plain data for the HTML report and the Excel workbook."""
from __future__ import annotations

from mcda.engine.evaluation import Evaluation
from mcda.engine.node_paths import critical_sentences, stability_table, tornado_table
from mcda.engine.node_smaa import run_smaa

__all__ = ["sensitivity_report"]


# --------------------------------------------------------------------------- report
def sensitivity_report(evaluation: Evaluation, method: str = "topsis", samples: int = 2000, seed=0,
                       lang: str = "en") -> dict:
    """Plain data for the HTML report and the Excel export, in the format of
    :func:`mcda.export.report.check_sensitivity`: stability per dimension, SMAA-2 rank
    acceptability (the scenario's weight model), tornado, and the critical criteria as notes."""
    sc = evaluation.scenario
    vnames = {v.id: v.name.get(lang) for v in sc.vendors}
    names = {n.id: n.name.get(lang) for n, _, _ in sc.criteria.walk()}
    smaa = run_smaa(evaluation, method, samples=samples, seed=seed, model=sc.settings.sensitivity.model)
    model = {"zh": {"uniform": "单纯形上均匀抽样", "judgments": "围绕委员会判断(成员分歧)",
                    "lognormal": "判断对数正态扰动"},
             "en": {"uniform": "uniform on the simplex",
                    "judgments": "around the committee's judgments (members' spread)",
                    "lognormal": "log-normal noise on the judgments"}}["zh" if lang == "zh" else "en"][smaa.model]
    note = (f"SMAA-2:{smaa.samples} 组权重样本,{model}。" if lang == "zh"
            else f"SMAA-2: {smaa.samples} weight samples, {model}.")
    return {
        "method": method,
        "stability": [{"node": s.node, "name": names[s.node], "current": s.current, "low": s.winner_low,
                       "high": s.winner_high, "winner_low": s.taker_below, "winner_high": s.taker_above,
                       "sentence": s.sentence(lang, vnames)} for s in stability_table(evaluation, method)],
        "acceptability": {"vendors": list(smaa.vendors), "matrix": smaa.acceptability.tolist(),
                          "samples": smaa.samples},
        "tornado": [{"criterion": r.node, "name": names[r.node], "low_weight": r.low_value, "high_weight": r.high_value,
                     "low": r.margin_low, "high": r.margin_high, "base": r.margin_base}
                    for r in tornado_table(evaluation, method)],
        "notes": [note, *critical_sentences(evaluation, method, lang)],
    }
