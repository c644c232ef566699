"""Runs that bring data into the desk in bulk (a DMS sync, a lead, vCard or text reply
import, demo data): one at a time per database."""

from __future__ import annotations

from enum import Enum


class IncomingKind(Enum):
    """What a run brings in; the label is how a clerk names it."""

    DMS_SYNC = "DMS sync"
    ADF_IMPORT = "ADF lead import"
    VCARD_IMPORT = "vCard import"
    REPLY_IMPORT = "text reply import"
    DUPLICATE_SCAN = "duplicate scan"
    DEMO_DATA = "demo data fill"

    @property
    def label(self) -> str:
        return self.value
