"""``python -m contact_desk`` is the ``contact-desk`` command."""

import sys

from contact_desk.cli import main

sys.exit(main())
