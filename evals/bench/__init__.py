"""`make bench`: how fast feedqa ingests, answers and summarises on this machine, against the
raw speed of its models (the limit) and a plain llama-index pipeline built with the same
models (the baseline). Run as ``python -m evals.bench [--quick] [--out DIR]``."""
