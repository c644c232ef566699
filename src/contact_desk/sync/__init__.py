"""DMS sync, ADF leads and vCards: files in and out of the desk, all through the services."""
