"""`python -m sitegen build|serve|new|check`: the command line of `cli.py`."""

import sys

from .cli import main

sys.exit(main())
