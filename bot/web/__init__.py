"""The partner page: one small web page per partner and run, opened by a link token (``rapportlos serve web``)."""
