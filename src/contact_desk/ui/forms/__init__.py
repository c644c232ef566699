"""Python modules compiled from the Designer forms in ui/ (see compile.py)."""
