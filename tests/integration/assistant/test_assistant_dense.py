"""The NumPy query encoder gives the same vectors as sentence-transformers."""

import numpy as np

from cocon.assistant.dense import SentenceEncoder
from cocon.assistant.numpy_bert import NumpyBert, supports


def test_numpy_forward_pass_matches_sentence_transformers(small_assistant):
    encoder = SentenceEncoder()
    folder = encoder._location()
    assert supports(folder)
    fast = NumpyBert(folder)
    texts = ["Qu'est-ce qu'une SCIC ?", "Comment une mairie peut-elle aider les entreprises sociales ? " * 20]
    reference = encoder.encode_passages(texts)
    for text, expected in zip(texts, reference):
        assert float(np.dot(fast.encode(text), expected)) > 0.9999


def test_a_model_folder_that_is_not_bert_is_not_supported(tmp_path):
    assert not supports(tmp_path)
