"""``python -m mcda.cli``: the ``mcda`` command."""
import sys

from mcda.cli import main

sys.exit(main())
