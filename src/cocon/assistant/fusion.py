"""Combine the scores of several retrievers into one ranking."""

from __future__ import annotations

import numpy as np


def zscore(scores: np.ndarray) -> np.ndarray:
    """Standardise one retriever's scores over the corpus so signals become comparable."""
    std = float(scores.std())
    if std < 1e-9:
        return np.zeros_like(scores)
    return (scores - float(scores.mean())) / std


def weighted_sum(signals: list[tuple[np.ndarray, float]]) -> np.ndarray:
    """Sum of standardised scores, each multiplied by its weight."""
    total = np.zeros_like(signals[0][0], dtype=np.float32)
    for scores, weight in signals:
        if weight:
            total += weight * zscore(scores).astype(np.float32)
    return total


def reciprocal_rank(signals: list[tuple[np.ndarray, float]], k: int = 60) -> np.ndarray:
    """Reciprocal rank fusion: sum of weight / (k + rank) over retrievers."""
    total = np.zeros_like(signals[0][0], dtype=np.float32)
    for scores, weight in signals:
        if not weight:
            continue
        ranks = np.empty(len(scores), dtype=np.float32)
        ranks[np.argsort(-scores, kind="stable")] = np.arange(1, len(scores) + 1)
        total += weight / (k + ranks)
    return total
