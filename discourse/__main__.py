"""``python -m discourse`` runs the command-line interface."""

from discourse.cli import main

main()
