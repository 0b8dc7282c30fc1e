"""Running the reminder ticker inside the long-running chat servers."""
