"""vendor-eval: multi-criteria decision support for choosing a financial-outsourcing provider."""
from mcda.errors import MCDAError, ScenarioError

__all__ = ["MCDAError", "ScenarioError"]
__version__ = "0.1.0"
