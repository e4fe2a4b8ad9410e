"""Retrieval and grounded answering."""
