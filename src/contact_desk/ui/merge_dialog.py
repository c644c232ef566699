"""Merge With…: find the customer to merge into the one on screen, see the two side by side
field by field with each default picked, and merge; Edit > Undo unmerges.

The rules are the service's: the defaults, what moves and the refusals (itself, merged
away, changed by another desk, no permission) come from it and are shown as it words them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QRadioButton,
    QWidget,
)

from contact_desk.domain.enums import ContactKind
from contact_desk.domain.merge import MergeChoices, MergeField, Side
from contact_desk.services.merge import MergeCustomer, MergeDone, MergePreview
from contact_desk.ui.desk import Desk
from contact_desk.ui.forms.ui_merge_dialog import Ui_MergeDialog
from contact_desk.ui.forms.ui_pick_customer import Ui_PickCustomerDialog
from contact_desk.ui.messages import explain
from contact_desk.ui.models.search_results import SearchResultsModel
from contact_desk.ui.plain_text import plain, tooltip_text
from contact_desk.ui.text_colors import problem_style
from contact_desk.ui.undo import CustomerUndo, SavedStep

SEARCH_PAUSE_MS = 150
TOP = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft
NOTHING = "(none)"
SaveMerge = Callable[[MergeChoices], MergeDone]


def choice_name(merge_field: MergeField, side: Side) -> str:
    """The objectName of the radio button choosing ``side``'s value of ``merge_field``."""
    return f"merge_{merge_field.name.lower()}_{side.name.lower()}"


def who(customer: MergeCustomer) -> str:
    source = ", from the DMS" if customer.from_dms else ""
    return f"{customer.name} ({customer.number}{source})"


class PickCustomerDialog(QDialog):
    """Search as you type and pick the customer to merge in; OK asks the service for the
    merge's preview, and a refusal (the same customer, one merged away) is said here."""

    def __init__(self, desk: Desk, keep_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = Ui_PickCustomerDialog()
        self.form.setupUi(self)
        self.setObjectName("pickCustomerDialog")
        self.desk, self.keep_id = desk, keep_id
        self.preview: MergePreview | None = None
        form = self.form
        form.problemLabel.setStyleSheet(problem_style())
        form.problemLabel.hide()
        self.results = SearchResultsModel(desk.search, self, hits=desk.customer_hits)
        form.resultsTable.setModel(self.results)
        form.resultsTable.verticalHeader().hide()
        form.resultsTable.horizontalHeader().setStretchLastSection(True)
        form.resultsTable.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Interactive)
        form.resultsTable.activated.connect(lambda _: self.pick())
        form.resultsTable.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self._pause = QTimer(self, singleShot=True, interval=SEARCH_PAUSE_MS)
        self._pause.timeout.connect(lambda: self.results.set_query(form.searchEdit.text()))
        form.searchEdit.textChanged.connect(lambda _: self._pause.start())
        form.searchEdit.returnPressed.connect(self._first)
        self.results.pageLoaded.connect(lambda *_: self._enable())
        self.ok_button.clicked.connect(self.pick)
        form.buttonBox.rejected.connect(self.reject)
        self._enable()
        form.searchEdit.setFocus()

    @property
    def ok_button(self) -> QAbstractButton:
        return self.form.buttonBox.button(QDialogButtonBox.StandardButton.Ok)

    def _row(self) -> int | None:
        rows = self.form.resultsTable.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _enable(self) -> None:
        self.ok_button.setEnabled(self._row() is not None)

    def _first(self) -> None:
        """Enter in the search box: the first customer found, when the answer is in."""
        if self._pause.isActive() or self.results.query != self.form.searchEdit.text():
            self._pause.stop()
            self.results.set_query(self.form.searchEdit.text())
            return
        if self.results.rowCount():
            self.form.resultsTable.selectRow(0)
            self.form.resultsTable.setFocus()

    def pick(self) -> None:
        row = self._row()
        if row is None:
            return
        other = self.results.hit(row).id
        try:
            self.preview = self.desk.merge_preview(self.keep_id, other)
        except Exception as error:
            self.form.problemLabel.setText(explain(error))
            self.form.problemLabel.show()
            return
        self.accept()


def _points_listing(customer: MergeCustomer, kind: ContactKind) -> str:
    lines = []
    for point in customer.of(kind):
        notes = ["primary"] if point.is_primary else []
        if point.why_not_primary is not None:
            notes.append(point.status.label.lower())
        lines.append(f"{point.display} ({', '.join(notes)})" if notes else point.display)
    return "\n".join(lines) or NOTHING


class MergeDialog(QDialog):
    """The two customers side by side: a choice for each single field where they differ
    (the default picked), the primary phone and email, and what moves; Merge saves."""

    def __init__(self, preview: MergePreview, save: SaveMerge,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = Ui_MergeDialog()
        self.form.setupUi(self)
        self.setObjectName("mergeDialog")
        self.preview, self._save = preview, save
        self.done_merge: MergeDone | None = None
        self.choices: MergeChoices | None = None
        self.groups: dict[MergeField, QButtonGroup] = {}
        form = self.form
        self.setWindowTitle(f"Merge {preview.other.name} into {preview.keep.name}")
        form.keepHeader.setText(f"Stays: {who(preview.keep)}")
        form.otherHeader.setText(f"Merged in: {who(preview.other)}")
        for header in (form.fieldHeader, form.keepHeader, form.otherHeader):
            font = header.font()
            font.setBold(True)
            header.setFont(font)
        self._fill_fields()
        self.combos = {ContactKind.PHONE: form.primaryPhoneCombo,
                       ContactKind.EMAIL: form.primaryEmailCombo}
        for kind, combo in self.combos.items():
            self._fill_primary(kind, combo)
        self._fill_list(form.movingList, preview.moving, "Nothing else to move")
        self._fill_list(form.keptOnceList, preview.kept_once, "No value is on both")
        form.problemLabel.setStyleSheet(problem_style())
        self.merge_button.setText("&Merge")
        self.merge_button.setObjectName("mergeButton")
        self.merge_button.setDefault(True)  # Enter merges, from any choice
        self.merge_button.clicked.connect(self.merge)
        form.buttonBox.rejected.connect(self.reject)
        self._show_problem(preview.why_not)
        self.merge_button.setEnabled(preview.why_not is None)
        self.merge_button.setToolTip(tooltip_text(preview.why_not or
                                                  "Merge the two customers into one"))
        self._order_tabs()

    @property
    def merge_button(self) -> QAbstractButton:
        return self.form.buttonBox.button(QDialogButtonBox.StandardButton.Save)

    def _fill_fields(self) -> None:
        grid, preview = self.form.fieldsGrid, self.preview
        row = 1
        for merge_field in MergeField:
            mine, theirs = (preview.keep.values[merge_field],
                            preview.other.values[merge_field])
            if not (mine or theirs):
                continue
            label = plain(QLabel(merge_field.label, objectName=f"merge_{merge_field.name.lower()}"
                                                                f"_label"))
            grid.addWidget(label, row, 0)
            if not preview.differs(merge_field):
                same = plain(QLabel(f"{mine} (the same on both)", wordWrap=True))
                grid.addWidget(same, row, 1, 1, 2)
                row += 1
                continue
            group = QButtonGroup(self)
            for column, side, text in ((1, Side.KEEP, mine), (2, Side.OTHER, theirs)):
                button = QRadioButton(text or NOTHING, objectName=choice_name(merge_field,
                                                                              side))
                button.setAccessibleName(f"{merge_field.label}: {text or 'none'}, "
                                         f"{side.label.lower()}")
                button.setChecked(preview.sides[merge_field] is side)
                group.addButton(button)
                grid.addWidget(button, row, column)
            label.setBuddy(group.buttons()[0])
            self.groups[merge_field] = group
            row += 1
        for title, name, listing in (
                ("Phones", "phones", lambda c: _points_listing(c, ContactKind.PHONE)),
                ("Emails", "emails", lambda c: _points_listing(c, ContactKind.EMAIL)),
                ("Also has", "records", lambda c: "\n".join(c.records) or NOTHING)):
            grid.addWidget(plain(QLabel(title)), row, 0, TOP)
            for column, customer, side in ((1, preview.keep, Side.KEEP),
                                           (2, preview.other, Side.OTHER)):
                shown = plain(QLabel(listing(customer),
                                     objectName=f"merge_{name}_{side.name.lower()}"))
                shown.setAccessibleName(f"{title} of {customer.name}, {side.label.lower()}")
                grid.addWidget(shown, row, column, TOP)
            row += 1
        grid.setRowStretch(row, 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)

    def _fill_primary(self, kind: ContactKind, combo: QComboBox) -> None:
        seen: set[str] = set()
        for customer in (self.preview.keep, self.preview.other):
            for point in customer.of(kind):
                if point.why_not_primary is not None or point.display in seen:
                    continue
                seen.add(point.display)
                combo.addItem(f"{point.display} · {point.type.label}", point.id)
        if not combo.count():
            combo.addItem(f"No active {kind.label.lower()}: none is primary", None)
            combo.setEnabled(False)
            return
        default = self.preview.primary.get(kind)
        index = combo.findData(default)
        combo.setCurrentIndex(max(index, 0))

    @staticmethod
    def _fill_list(widget, lines: tuple[str, ...], empty: str) -> None:  # noqa: ANN001
        widget.addItems(list(lines) or [empty])

    def _order_tabs(self) -> None:
        chain: list[QWidget] = [next(b for b in g.buttons() if b.isChecked())
                                for g in self.groups.values()]
        form = self.form
        chain += [form.primaryPhoneCombo, form.primaryEmailCombo, form.movingList,
                  form.keptOnceList, *form.buttonBox.buttons()]
        for before, after in zip(chain, chain[1:]):
            self.setTabOrder(before, after)
        chain[0].setFocus()

    def chosen(self) -> MergeChoices:
        """What the clerk picked: a side for each field with a choice, and the primaries."""
        sides = {}
        for merge_field, group in self.groups.items():
            checked = group.checkedButton()
            sides[merge_field] = (Side.KEEP if checked is group.buttons()[0] else Side.OTHER)
        primary = {kind: combo.currentData() for kind, combo in self.combos.items()
                   if combo.currentData() is not None}
        return MergeChoices(fields=sides, primary=primary)

    def _show_problem(self, text: str | None) -> None:
        self.form.problemLabel.setText(text or "")
        self.form.problemLabel.setVisible(bool(text))

    def merge(self) -> None:
        choices = self.chosen()
        try:
            self.done_merge = self._save(choices)
        except Exception as error:
            self._show_problem(explain(error))
            return
        self.choices = choices
        self.accept()


class MergeStep(SavedStep):
    """A merge on the survivor's undo stack: undo is Unmerge, redo merges again with the
    same choices (both customers are back as they were, ids and all)."""

    changed_elsewhere = "one of the two customers changed after the merge"

    def __init__(self, desk: Desk, done: MergeDone, choices: MergeChoices, name: str) -> None:
        super().__init__(done.survivor_id, f"Merge with {name} ({done.merged_number})")
        self._desk, self._choices = desk, choices
        self._keep, self._other = done.survivor_id, done.merged_id
        self._merge_id: int = done.merge_id
        self._versions = (done.survivor_version, done.merged_version)

    def save_undo(self) -> None:
        back = self._desk.unmerge(self._merge_id)
        self._versions = (back.survivor_version, back.merged_version)

    def save_redo(self) -> None:
        done = self._desk.merge_customers(self._keep, self._other, self._choices,
                                          *self._versions)
        self._merge_id = done.merge_id


def merge_with(parent: QWidget, desk: Desk, undo: CustomerUndo, keep_id: int,
               merged: Callable[[MergeDone], None]) -> MergeDone | None:
    """The whole of Merge With…: pick, look, merge; ``merged`` is told of a merge saved."""
    picker = PickCustomerDialog(desk, keep_id, parent)
    if not picker.exec() or picker.preview is None:
        return None
    preview = picker.preview
    dialog = MergeDialog(preview, lambda choices: desk.merge_customers(
        preview.keep.id, preview.other.id, choices, preview.keep.version,
        preview.other.version), parent)
    if not dialog.exec() or dialog.done_merge is None or dialog.choices is None:
        return None
    undo.push(MergeStep(desk, dialog.done_merge, dialog.choices, preview.other.name))
    merged(dialog.done_merge)
    return dialog.done_merge
