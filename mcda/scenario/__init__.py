"""The scenario: its file format (:mod:`~mcda.scenario.schema`), the cross-reference rules
(:mod:`~mcda.scenario.rules`), loading and saving (:mod:`~mcda.scenario.io`), the bundled
criteria template and example (:mod:`~mcda.scenario.bundled`), the linter
(:mod:`~mcda.scenario.lint`) and pure Scenario -> Scenario edits (:mod:`~mcda.scenario.edits`).

Nothing here computes weights or rankings: that is :mod:`mcda.engine`.
"""
