"""Text analysis for retrieval: tokens, stop words, stems, Norwegian compounds, typo repair."""
