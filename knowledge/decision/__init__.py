"""Deciding whether the guidance covers a question: signals, and the fitted model that weighs them."""
