"""``python -m articlekit``: the command line."""

import sys

from articlekit.cli import main

sys.exit(main())
