"""Writes the Teams app icons (color.png 192x192, outline.png 32x32) with zlib only: a white check mark.

Run ``python teams/make_icons.py`` to regenerate them; the PNGs are committed.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

Pixel = tuple[int, int, int, int]
_BLUE: Pixel = (0, 85, 164, 255)
_WHITE: Pixel = (255, 255, 255, 255)
_CLEAR: Pixel = (0, 0, 0, 0)


def _near_check(x: float, y: float, width: float) -> bool:
    """True within ``width`` of the check mark's two strokes (unit square coordinates)."""
    strokes = (((0.22, 0.52), (0.42, 0.72)), ((0.42, 0.72), (0.80, 0.30)))
    for (ax, ay), (bx, by) in strokes:
        dx, dy = bx - ax, by - ay
        t = max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
        if (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= width * width:
            return True
    return False


def _pixels(size: int, *, background: Pixel, width: float) -> list[list[Pixel]]:
    rows = []
    for row in range(size):
        y = (row + 0.5) / size
        rows.append(
            [_WHITE if _near_check((col + 0.5) / size, y, width) else background for col in range(size)]
        )
    return rows


def _png(rows: list[list[Pixel]]) -> bytes:
    height, width = len(rows), len(rows[0])
    raw = b"".join(b"\x00" + bytes(channel for pixel in row for channel in pixel) for row in rows)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def main() -> None:
    """Write both icons next to this script."""
    here = Path(__file__).parent
    (here / "color.png").write_bytes(_png(_pixels(192, background=_BLUE, width=0.07)))
    (here / "outline.png").write_bytes(_png(_pixels(32, background=_CLEAR, width=0.09)))


if __name__ == "__main__":
    main()
