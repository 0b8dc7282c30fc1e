"""Turning retrieved passages into answers: extractive by default, generative when a model is configured."""
