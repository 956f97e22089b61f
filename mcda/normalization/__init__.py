"""Column normalisations of a decision matrix: kernels and their one registry (see :mod:`.core`)."""
from mcda.normalization.core import *  # noqa: F401,F403
from mcda.normalization.core import __all__  # noqa: F401
