"""Chunking, embeddings and the Chroma-backed store."""
