"""The partner page under uvicorn; the app is built and wired by ``rapportlos serve web``."""

from __future__ import annotations

import uvicorn
from starlette.applications import Starlette


def serve(app: Starlette, *, host: str, port: int, trusted_proxies: str) -> None:
    """Serve ``app`` until interrupted, trusting forwarded headers only from ``trusted_proxies``."""
    uvicorn.run(
        app,
        host=host,
        port=port,
        proxy_headers=True,
        forwarded_allow_ips=trusted_proxies,
        server_header=False,
        access_log=False,  # the access log would write every link token (they are in the path) to the logs
    )
