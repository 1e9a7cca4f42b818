"""``python -m hearsay``: the same command line as ``hearsay``."""

from hearsay.cli import main

main()
