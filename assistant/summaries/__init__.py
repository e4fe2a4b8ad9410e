"""One-line TL;DRs checked against each abstract, and the daily digest built from them."""
