"""``python -m reportkit``: the command line."""

from reportkit.cli import main

main()
