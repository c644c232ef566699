"""Contact Desk: every way to reach a dealership customer, and which one we use."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("contact-desk")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"
