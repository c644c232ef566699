"""The dealership's rules in plain Python: no Qt, no SQLAlchemy."""
