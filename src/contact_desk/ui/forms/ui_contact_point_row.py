# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'contact_point_row.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QFrame, QGridLayout,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QToolButton, QWidget)

class Ui_ContactPointRow(object):
    def setupUi(self, ContactPointRow):
        if not ContactPointRow.objectName():
            ContactPointRow.setObjectName(u"ContactPointRow")
        ContactPointRow.resize(640, 80)
        ContactPointRow.setFrameShape(QFrame.Shape.StyledPanel)
        self.rowLayout = QGridLayout(ContactPointRow)
        self.rowLayout.setObjectName(u"rowLayout")
        self.rowLayout.setHorizontalSpacing(8)
        self.rowLayout.setVerticalSpacing(2)
        self.typeLabel = QLabel(ContactPointRow)
        self.typeLabel.setObjectName(u"typeLabel")
        self.typeLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.typeLabel.setMinimumSize(QSize(200, 0))

        self.rowLayout.addWidget(self.typeLabel, 0, 0, 1, 1)

        self.valueEdit = QLineEdit(ContactPointRow)
        self.valueEdit.setObjectName(u"valueEdit")
        self.valueEdit.setClearButtonEnabled(False)

        self.rowLayout.addWidget(self.valueEdit, 0, 1, 1, 1)

        self.statusCombo = QComboBox(ContactPointRow)
        self.statusCombo.setObjectName(u"statusCombo")

        self.rowLayout.addWidget(self.statusCombo, 0, 2, 1, 1)

        self.consentButton = QPushButton(ContactPointRow)
        self.consentButton.setObjectName(u"consentButton")

        self.rowLayout.addWidget(self.consentButton, 0, 3, 1, 1)

        self.removeButton = QToolButton(ContactPointRow)
        self.removeButton.setObjectName(u"removeButton")

        self.rowLayout.addWidget(self.removeButton, 0, 4, 1, 1)

        self.consentLabel = QLabel(ContactPointRow)
        self.consentLabel.setObjectName(u"consentLabel")
        self.consentLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.consentLabel.setWordWrap(True)

        self.rowLayout.addWidget(self.consentLabel, 1, 1, 1, 4)

        self.problemLabel = QLabel(ContactPointRow)
        self.problemLabel.setObjectName(u"problemLabel")
        self.problemLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.problemLabel.setWordWrap(True)

        self.rowLayout.addWidget(self.problemLabel, 2, 1, 1, 4)

        self.dmsNote = QLabel(ContactPointRow)
        self.dmsNote.setObjectName(u"dmsNote")
        self.dmsNote.setTextFormat(Qt.TextFormat.PlainText)
        self.dmsNote.setWordWrap(True)

        self.rowLayout.addWidget(self.dmsNote, 3, 1, 1, 4)

#if QT_CONFIG(shortcut)
        self.typeLabel.setBuddy(self.valueEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.valueEdit, self.statusCombo)
        QWidget.setTabOrder(self.statusCombo, self.consentButton)
        QWidget.setTabOrder(self.consentButton, self.removeButton)

        self.retranslateUi(ContactPointRow)

        QMetaObject.connectSlotsByName(ContactPointRow)
    # setupUi

    def retranslateUi(self, ContactPointRow):
        self.typeLabel.setText(QCoreApplication.translate("ContactPointRow", u"Type", None))
#if QT_CONFIG(accessibility)
        self.statusCombo.setAccessibleName(QCoreApplication.translate("ContactPointRow", u"Status", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.statusCombo.setToolTip(QCoreApplication.translate("ContactPointRow", u"Active, or Inactive / Invalid (bounced, disconnected)", None))
#endif // QT_CONFIG(tooltip)
        self.consentButton.setText(QCoreApplication.translate("ContactPointRow", u"Co&nsent\u2026", None))
#if QT_CONFIG(tooltip)
        self.consentButton.setToolTip(QCoreApplication.translate("ContactPointRow", u"Record what the customer said about calls, texts or email on this value", None))
#endif // QT_CONFIG(tooltip)
        self.removeButton.setText(QCoreApplication.translate("ContactPointRow", u"Remove", None))
#if QT_CONFIG(tooltip)
        self.removeButton.setToolTip(QCoreApplication.translate("ContactPointRow", u"Take back this new value before saving", None))
#endif // QT_CONFIG(tooltip)
        self.consentLabel.setText("")
        self.problemLabel.setText("")
        self.dmsNote.setText(QCoreApplication.translate("ContactPointRow", u"From the DMS: a change here is kept in Contact Desk only and is not sent to the DMS. The DMS stays the place to change it.", None))
        pass
    # retranslateUi

