"""Contact Desk: every way to reach a dealership customer, and which one we use."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # The version is read from the installed package's metadata only when asked for:
    # importlib.metadata takes a noticeable part of the window's start-up.
    if name != "__version__":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("contact-desk")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0.0.0"
