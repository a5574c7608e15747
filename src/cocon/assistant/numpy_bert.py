"""A NumPy forward pass for BERT-family sentence-transformers models, used for questions.

Importing torch and sentence-transformers takes about five seconds on a small machine; a
question is one short sequence, which NumPy encodes in a few milliseconds from the same
safetensors weights. Passages are still encoded by sentence-transformers at indexing time; a
test checks that both give the same vectors. Only plain BERT models with mean pooling qualify
(`supports` says which); any other model goes through sentence-transformers.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np


def supports(folder: str | Path) -> bool:
    """True when the model folder is a BERT encoder with mean pooling this module can run."""
    folder = Path(folder)
    try:
        config = json.loads((folder / "config.json").read_text())
        modules = json.loads((folder / "modules.json").read_text())
        pooling_dir = next(m["path"] for m in modules if m["type"].endswith("Pooling"))
        pooling = json.loads((folder / pooling_dir / "config.json").read_text())
    except (OSError, ValueError, StopIteration, KeyError):
        return False
    types = [m["type"].rsplit(".", 1)[-1] for m in modules]
    return (config.get("model_type") == "bert" and config.get("hidden_act") == "gelu"
            and config.get("position_embedding_type", "absolute") == "absolute"
            and pooling.get("pooling_mode_mean_tokens") and not pooling.get("pooling_mode_cls_token")
            and not pooling.get("pooling_mode_max_tokens") and types[:2] == ["Transformer", "Pooling"]
            and set(types[2:]) <= {"Normalize"} and (folder / "model.safetensors").exists()
            and (folder / "tokenizer.json").exists())


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * weight + bias


def _gelu(x: np.ndarray) -> np.ndarray:
    from scipy.special import erf

    return 0.5 * x * (1.0 + erf(x / math.sqrt(2.0)))


class NumpyBert:
    """Encodes one text at a time exactly like the sentence-transformers model in `folder`."""

    def __init__(self, folder: str | Path) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        folder = Path(folder)
        self.config = json.loads((folder / "config.json").read_text())
        st_config = json.loads((folder / "sentence_bert_config.json").read_text()) \
            if (folder / "sentence_bert_config.json").exists() else {}
        self.max_length = int(st_config.get("max_seq_length") or 512)
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(self.max_length)
        weights = load_file(str(folder / "model.safetensors"))
        # Weights stored transposed and contiguous so every layer is a plain `x @ W`.
        self.w = {k.removeprefix("bert."): np.ascontiguousarray(v.T if k.endswith("dense.weight") or
                                                                 k.endswith(("query.weight", "key.weight", "value.weight"))
                                                                 else v, dtype=np.float32)
                  for k, v in weights.items()}
        modules = json.loads((folder / "modules.json").read_text())
        self.normalize = any(m["type"].endswith("Normalize") for m in modules)

    def encode(self, text: str) -> np.ndarray:
        """The sentence vector of `text` (unit length when the model normalises)."""
        from threadpoolctl import threadpool_limits

        # One BLAS thread: a single short sequence gains nothing from more, and on a busy
        # machine spinning threads cost far more than they bring.
        with threadpool_limits(1):
            return self._encode(text)

    def _encode(self, text: str) -> np.ndarray:
        w, c = self.w, self.config
        ids = np.asarray(self.tokenizer.encode(text).ids, dtype=np.int64)
        eps = c.get("layer_norm_eps", 1e-12)
        x = (w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][: len(ids)]
             + w["embeddings.token_type_embeddings.weight"][0])
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], eps)
        heads = c["num_attention_heads"]
        size = c["hidden_size"] // heads
        for layer in range(c["num_hidden_layers"]):
            p = f"encoder.layer.{layer}."

            def dense(name: str, value: np.ndarray) -> np.ndarray:
                return value @ w[p + name + ".weight"] + w[p + name + ".bias"]

            q = dense("attention.self.query", x).reshape(-1, heads, size).transpose(1, 0, 2)
            k = dense("attention.self.key", x).reshape(-1, heads, size).transpose(1, 0, 2)
            v = dense("attention.self.value", x).reshape(-1, heads, size).transpose(1, 0, 2)
            scores = q @ k.transpose(0, 2, 1) / math.sqrt(size)
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            scores /= scores.sum(-1, keepdims=True)
            context = (scores @ v).transpose(1, 0, 2).reshape(-1, heads * size)
            x = _layer_norm(dense("attention.output.dense", context) + x,
                            w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"], eps)
            hidden = _gelu(dense("intermediate.dense", x))
            x = _layer_norm(dense("output.dense", hidden) + x,
                            w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"], eps)
        vector = x.mean(0)
        if self.normalize:
            vector = vector / max(float(np.linalg.norm(vector)), 1e-12)
        return vector.astype(np.float32)
