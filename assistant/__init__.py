"""feedqa: grounded Q&A and one-line TL;DRs over a research-paper feed."""

__version__ = "0.1.0"
