"""Partner links: a signed-in-nothing page for partner schools outside the workspace, and their e-mail contacts."""
