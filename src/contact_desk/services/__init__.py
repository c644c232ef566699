"""Use cases the GUI, the CLI and the sync call: one transaction each, rules applied once."""
