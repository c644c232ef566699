"""The operating-system account running the desk, as the system knows it.

Not getpass.getuser(): that reads $LOGNAME and $USER first, and anyone can set those to
another person's login and so act as the desk user mapped to it.
"""

from __future__ import annotations

import os
import sys


def os_login() -> str | None:
    """The account's login, lower-cased (Windows logins ignore case); None when the system
    cannot say."""
    try:
        if sys.platform == "win32":
            login = os.getlogin()  # GetUserNameW: the account, not an environment variable
        else:
            import pwd

            login = pwd.getpwuid(os.geteuid()).pw_name
    except (OSError, KeyError):
        return None
    return login.strip().lower() or None
