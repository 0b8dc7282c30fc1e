"""Side-by-side benchmark of the answer engine against two baselines (run ``python bench/run.py``)."""
