"""Bridges between languages built at index time: word-for-word glosses and Nynorsk normalisation."""
