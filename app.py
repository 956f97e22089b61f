"""vendor-eval Streamlit app (``streamlit run app.py``): runs the packaged router, :mod:`mcda.ui.router`."""
from mcda.ui.router import run

run()
