import sys

from onrecord.cli import main

# Guarded: the analysis pool's worker processes import this module again (as
# ``__mp_main__``) when onrecord runs as ``python -m onrecord``.
if __name__ == "__main__":
    sys.exit(main())
