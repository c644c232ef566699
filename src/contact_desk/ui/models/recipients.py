"""Who receives a message, and who is left out: one row a person on a channel."""

from __future__ import annotations

from contact_desk.domain.recipients import Recipient
from contact_desk.ui.models.columns import Column, RowsModel, local_time

NOTHING = "—"


def _who(recipient: Recipient) -> str:
    return f"{recipient.who} ({recipient.role})"


_CHANNEL: Column[Recipient] = Column("Channel", lambda r: r.channel.label)
_WHO: Column[Recipient] = Column("Who", _who, tooltip=_who)
_ADDRESS: Column[Recipient] = Column("Address", lambda r: r.shown or NOTHING,
                                     tooltip=lambda r: r.shown)
INCLUDED_COLUMNS = (_CHANNEL, _WHO, _ADDRESS,
                    Column("Why", lambda r: r.reason, tooltip=lambda r: r.reason))
# The reason last: it is the longest, and the last column takes what room is left.
LEFT_OUT_COLUMNS = (_CHANNEL, _WHO, _ADDRESS,
                    Column("Not before", lambda r: local_time(r.not_before) if r.not_before
                           else NOTHING, tooltip=lambda r: "On this desk's clock"
                           if r.not_before else None),
                    Column("Why not", lambda r: r.reason, tooltip=lambda r: r.reason))


class RecipientsModel(RowsModel[Recipient]):
    """The people of one list: those who receive it, or those left out."""

    def __init__(self, left_out: bool, parent: object = None) -> None:
        super().__init__(parent)
        self.columns = LEFT_OUT_COLUMNS if left_out else INCLUDED_COLUMNS

    def show_recipients(self, recipients: tuple[Recipient, ...]) -> None:
        self.beginResetModel()
        self.rows = list(recipients)
        self.endResetModel()
