# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'recipients_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QComboBox,
    QDialog, QDialogButtonBox, QGridLayout, QHeaderView,
    QLabel, QSizePolicy, QSpacerItem, QTableView,
    QVBoxLayout, QWidget)

class Ui_RecipientsDialog(object):
    def setupUi(self, RecipientsDialog):
        if not RecipientsDialog.objectName():
            RecipientsDialog.setObjectName(u"RecipientsDialog")
        RecipientsDialog.resize(820, 520)
        RecipientsDialog.setModal(True)
        self.dialogLayout = QVBoxLayout(RecipientsDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.introLabel = QLabel(RecipientsDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.introLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.introLabel)

        self.fieldsLayout = QGridLayout()
        self.fieldsLayout.setObjectName(u"fieldsLayout")
        self.fieldsLayout.setHorizontalSpacing(12)
        self.messageLabel = QLabel(RecipientsDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.fieldsLayout.addWidget(self.messageLabel, 0, 0, 1, 1)

        self.messageCombo = QComboBox(RecipientsDialog)
        self.messageCombo.setObjectName(u"messageCombo")

        self.fieldsLayout.addWidget(self.messageCombo, 0, 1, 1, 1)

        self.vehicleLabel = QLabel(RecipientsDialog)
        self.vehicleLabel.setObjectName(u"vehicleLabel")
        self.vehicleLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.fieldsLayout.addWidget(self.vehicleLabel, 1, 0, 1, 1)

        self.vehicleCombo = QComboBox(RecipientsDialog)
        self.vehicleCombo.setObjectName(u"vehicleCombo")

        self.fieldsLayout.addWidget(self.vehicleCombo, 1, 1, 1, 1)

        self.fieldsSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.fieldsLayout.addItem(self.fieldsSpacer, 0, 2, 1, 1)


        self.dialogLayout.addLayout(self.fieldsLayout)

        self.suppressionLabel = QLabel(RecipientsDialog)
        self.suppressionLabel.setObjectName(u"suppressionLabel")
        self.suppressionLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.suppressionLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.suppressionLabel)

        self.receivesTitle = QLabel(RecipientsDialog)
        self.receivesTitle.setObjectName(u"receivesTitle")
        self.receivesTitle.setTextFormat(Qt.TextFormat.PlainText)

        self.dialogLayout.addWidget(self.receivesTitle)

        self.receivesTable = QTableView(RecipientsDialog)
        self.receivesTable.setObjectName(u"receivesTable")
        self.receivesTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.receivesTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.receivesTable.setWordWrap(False)
        self.receivesTable.setTabKeyNavigation(False)

        self.dialogLayout.addWidget(self.receivesTable)

        self.leftOutTitle = QLabel(RecipientsDialog)
        self.leftOutTitle.setObjectName(u"leftOutTitle")
        self.leftOutTitle.setTextFormat(Qt.TextFormat.PlainText)

        self.dialogLayout.addWidget(self.leftOutTitle)

        self.leftOutTable = QTableView(RecipientsDialog)
        self.leftOutTable.setObjectName(u"leftOutTable")
        self.leftOutTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.leftOutTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.leftOutTable.setWordWrap(False)
        self.leftOutTable.setTabKeyNavigation(False)

        self.dialogLayout.addWidget(self.leftOutTable)

        self.buttonBox = QDialogButtonBox(RecipientsDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.messageLabel.setBuddy(self.messageCombo)
        self.vehicleLabel.setBuddy(self.vehicleCombo)
        self.receivesTitle.setBuddy(self.receivesTable)
        self.leftOutTitle.setBuddy(self.leftOutTable)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.messageCombo, self.vehicleCombo)
        QWidget.setTabOrder(self.vehicleCombo, self.receivesTable)
        QWidget.setTabOrder(self.receivesTable, self.leftOutTable)

        self.retranslateUi(RecipientsDialog)

        QMetaObject.connectSlotsByName(RecipientsDialog)
    # setupUi

    def retranslateUi(self, RecipientsDialog):
        RecipientsDialog.setWindowTitle(QCoreApplication.translate("RecipientsDialog", u"Who Receives\u2026", None))
        self.introLabel.setText(QCoreApplication.translate("RecipientsDialog", u"Who a message sent now would reach, on which channel and address, and who is left out and why.", None))
        self.messageLabel.setText(QCoreApplication.translate("RecipientsDialog", u"&Message", None))
#if QT_CONFIG(accessibility)
        self.messageCombo.setAccessibleName(QCoreApplication.translate("RecipientsDialog", u"Message", None))
#endif // QT_CONFIG(accessibility)
        self.vehicleLabel.setText(QCoreApplication.translate("RecipientsDialog", u"About &vehicle", None))
#if QT_CONFIG(accessibility)
        self.vehicleCombo.setAccessibleName(QCoreApplication.translate("RecipientsDialog", u"About vehicle", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.vehicleCombo.setToolTip(QCoreApplication.translate("RecipientsDialog", u"A message about one vehicle: a suppression for that vehicle applies to it", None))
#endif // QT_CONFIG(tooltip)
        self.suppressionLabel.setText("")
        self.receivesTitle.setText(QCoreApplication.translate("RecipientsDialog", u"&Receives it", None))
#if QT_CONFIG(accessibility)
        self.receivesTable.setAccessibleName(QCoreApplication.translate("RecipientsDialog", u"Receives it", None))
#endif // QT_CONFIG(accessibility)
        self.leftOutTitle.setText(QCoreApplication.translate("RecipientsDialog", u"&Left out", None))
#if QT_CONFIG(accessibility)
        self.leftOutTable.setAccessibleName(QCoreApplication.translate("RecipientsDialog", u"Left out", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

