#!/usr/bin/env python3
"""nnpress command line from a checkout: `python build.py build|serve|new|check`.

The code is the installed package (`make setup` installs this checkout into .venv,
editable); see `pysrc/sitegen/cli.py` for the verbs and their options.
"""

import sys

from sitegen.cli import main

if __name__ == "__main__":
    sys.exit(main())
