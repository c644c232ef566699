"""``python -m contact_desk`` is the ``contact-desk`` command, and the packaged app's start."""

import sys

if __name__ == "__main__":  # not in a sync's worker process, which imports this module too
    if getattr(sys, "frozen", False):  # a packaged app's workers start through this file
        import multiprocessing

        multiprocessing.freeze_support()
    from contact_desk.cli import main

    sys.exit(main())
