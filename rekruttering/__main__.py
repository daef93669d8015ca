"""Allows ``python -m rekruttering``."""

from rekruttering.cli import main

if __name__ == "__main__":
    main()
