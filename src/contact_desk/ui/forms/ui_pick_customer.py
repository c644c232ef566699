# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'pick_customer.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
    QDialogButtonBox, QHeaderView, QLabel, QLineEdit,
    QSizePolicy, QTableView, QVBoxLayout, QWidget)

class Ui_PickCustomerDialog(object):
    def setupUi(self, PickCustomerDialog):
        if not PickCustomerDialog.objectName():
            PickCustomerDialog.setObjectName(u"PickCustomerDialog")
        PickCustomerDialog.resize(560, 420)
        PickCustomerDialog.setModal(True)
        self.dialogLayout = QVBoxLayout(PickCustomerDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.introLabel = QLabel(PickCustomerDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.introLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.introLabel)

        self.searchEdit = QLineEdit(PickCustomerDialog)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setClearButtonEnabled(True)

        self.dialogLayout.addWidget(self.searchEdit)

        self.resultsTable = QTableView(PickCustomerDialog)
        self.resultsTable.setObjectName(u"resultsTable")
        self.resultsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.resultsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.resultsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.resultsTable.setShowGrid(False)
        self.resultsTable.setWordWrap(False)

        self.dialogLayout.addWidget(self.resultsTable)

        self.problemLabel = QLabel(PickCustomerDialog)
        self.problemLabel.setObjectName(u"problemLabel")
        self.problemLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.problemLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.problemLabel)

        self.buttonBox = QDialogButtonBox(PickCustomerDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

        QWidget.setTabOrder(self.searchEdit, self.resultsTable)

        self.retranslateUi(PickCustomerDialog)

        QMetaObject.connectSlotsByName(PickCustomerDialog)
    # setupUi

    def retranslateUi(self, PickCustomerDialog):
        PickCustomerDialog.setWindowTitle(QCoreApplication.translate("PickCustomerDialog", u"Merge with\u2026", None))
        self.introLabel.setText(QCoreApplication.translate("PickCustomerDialog", u"Find the customer to merge into the one on screen.", None))
#if QT_CONFIG(accessibility)
        self.searchEdit.setAccessibleName(QCoreApplication.translate("PickCustomerDialog", u"Find the customer to merge in", None))
#endif // QT_CONFIG(accessibility)
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("PickCustomerDialog", u"Name, company, number, email, VIN or phone", None))
#if QT_CONFIG(accessibility)
        self.resultsTable.setAccessibleName(QCoreApplication.translate("PickCustomerDialog", u"Customers found", None))
#endif // QT_CONFIG(accessibility)
        self.problemLabel.setText("")
    # retranslateUi

