"""The script ``mcda app`` hands to ``streamlit run``.

Alone in its folder: Streamlit puts the folder first on sys.path.
"""
from mcda.ui.router import run

run()
