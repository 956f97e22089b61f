"""vendor-eval: multi-criteria decision support for choosing a financial-outsourcing provider.

>>> import mcda
>>> scenario = mcda.load_scenario(mcda.bundled.EXAMPLE, lint=False)
>>> result = mcda.evaluate(scenario, agreement=False)
>>> sorted(result.methods) == sorted(scenario.settings.ranking_methods)
True
"""
from mcda.engine import Evaluation, evaluate
from mcda.errors import MCDAError, ScenarioError
from mcda.scenario import bundled
from mcda.scenario.io import load_model, load_scenario, save_scenario
from mcda.scenario.schema import Model, Scenario

__all__ = ["MCDAError", "ScenarioError", "load_scenario", "load_model", "save_scenario", "evaluate",
           "Evaluation", "Scenario", "Model", "bundled"]
__version__ = "0.1.0"
