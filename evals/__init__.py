"""Offline evaluation of feedqa: datasets, grader, metrics, runner, reports and the CI gate."""
