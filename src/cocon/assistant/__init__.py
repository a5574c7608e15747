"""The assistant: answers French questions from the source guides, with citations, or abstains.

Retrieval, not generation. Importing this package loads no model; `Assistant.load_or_build`
does.
"""

from .answer import Answer, AnswerSentence, Source
from .service import Assistant, Settings, validate_question

__all__ = ["Answer", "AnswerSentence", "Assistant", "Settings", "Source", "validate_question"]
