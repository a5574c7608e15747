"""Proposals, their votes (scrutins) and how the votes are counted."""
