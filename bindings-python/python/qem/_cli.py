"""The ``qem`` console command: the same Rust program as ``cargo install --path cli``."""

from __future__ import annotations

import sys

__all__ = ["main"]


def main() -> None:
    """Runs ``qem`` with this process's arguments and exits with its code."""
    from ._native import run_cli

    sys.exit(run_cli(["qem", *sys.argv[1:]]))
