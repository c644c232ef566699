# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'contact_apps.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QGridLayout, QLabel, QLineEdit, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_ContactAppsDialog(object):
    def setupUi(self, ContactAppsDialog):
        if not ContactAppsDialog.objectName():
            ContactAppsDialog.setObjectName(u"ContactAppsDialog")
        ContactAppsDialog.resize(620, 300)
        ContactAppsDialog.setModal(True)
        self.dialogLayout = QVBoxLayout(ContactAppsDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.introLabel = QLabel(ContactAppsDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.introLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.introLabel)

        self.fieldsLayout = QGridLayout()
        self.fieldsLayout.setObjectName(u"fieldsLayout")
        self.fieldsLayout.setHorizontalSpacing(12)
        self.callLabel = QLabel(ContactAppsDialog)
        self.callLabel.setObjectName(u"callLabel")
        self.callLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.fieldsLayout.addWidget(self.callLabel, 0, 0, 1, 1)

        self.callEdit = QLineEdit(ContactAppsDialog)
        self.callEdit.setObjectName(u"callEdit")

        self.fieldsLayout.addWidget(self.callEdit, 0, 1, 1, 1)

        self.textLabel = QLabel(ContactAppsDialog)
        self.textLabel.setObjectName(u"textLabel")
        self.textLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.fieldsLayout.addWidget(self.textLabel, 1, 0, 1, 1)

        self.textEdit = QLineEdit(ContactAppsDialog)
        self.textEdit.setObjectName(u"textEdit")

        self.fieldsLayout.addWidget(self.textEdit, 1, 1, 1, 1)

        self.emailLabel = QLabel(ContactAppsDialog)
        self.emailLabel.setObjectName(u"emailLabel")
        self.emailLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.fieldsLayout.addWidget(self.emailLabel, 2, 0, 1, 1)

        self.emailEdit = QLineEdit(ContactAppsDialog)
        self.emailEdit.setObjectName(u"emailEdit")

        self.fieldsLayout.addWidget(self.emailEdit, 2, 1, 1, 1)


        self.dialogLayout.addLayout(self.fieldsLayout)

        self.placeholdersLabel = QLabel(ContactAppsDialog)
        self.placeholdersLabel.setObjectName(u"placeholdersLabel")
        self.placeholdersLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.placeholdersLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.placeholdersLabel)

        self.saveError = QLabel(ContactAppsDialog)
        self.saveError.setObjectName(u"saveError")
        self.saveError.setTextFormat(Qt.TextFormat.PlainText)
        self.saveError.setWordWrap(True)

        self.dialogLayout.addWidget(self.saveError)

        self.bottomSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialogLayout.addItem(self.bottomSpacer)

        self.buttonBox = QDialogButtonBox(ContactAppsDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.callLabel.setBuddy(self.callEdit)
        self.textLabel.setBuddy(self.textEdit)
        self.emailLabel.setBuddy(self.emailEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.callEdit, self.textEdit)
        QWidget.setTabOrder(self.textEdit, self.emailEdit)

        self.retranslateUi(ContactAppsDialog)

        QMetaObject.connectSlotsByName(ContactAppsDialog)
    # setupUi

    def retranslateUi(self, ContactAppsDialog):
        ContactAppsDialog.setWindowTitle(QCoreApplication.translate("ContactAppsDialog", u"Calling and Texting Apps", None))
        self.introLabel.setText(QCoreApplication.translate("ContactAppsDialog", u"Call, Text and Email open these links, with the customer's number or address in place of the placeholder. Leave one empty to use the computer's own tel:, sms: or mailto: app. Every desk uses them.", None))
        self.callLabel.setText(QCoreApplication.translate("ContactAppsDialog", u"&Calling app link", None))
#if QT_CONFIG(accessibility)
        self.callEdit.setAccessibleName(QCoreApplication.translate("ContactAppsDialog", u"Calling app link", None))
#endif // QT_CONFIG(accessibility)
        self.callEdit.setPlaceholderText(QCoreApplication.translate("ContactAppsDialog", u"https://dialer.example.com/call?to={e164} (empty: tel:)", None))
        self.textLabel.setText(QCoreApplication.translate("ContactAppsDialog", u"&Texting app link", None))
#if QT_CONFIG(accessibility)
        self.textEdit.setAccessibleName(QCoreApplication.translate("ContactAppsDialog", u"Texting app link", None))
#endif // QT_CONFIG(accessibility)
        self.textEdit.setPlaceholderText(QCoreApplication.translate("ContactAppsDialog", u"https://texting.example.com/new?to={e164} (empty: sms:)", None))
        self.emailLabel.setText(QCoreApplication.translate("ContactAppsDialog", u"&Email app link", None))
#if QT_CONFIG(accessibility)
        self.emailEdit.setAccessibleName(QCoreApplication.translate("ContactAppsDialog", u"Email app link", None))
#endif // QT_CONFIG(accessibility)
        self.emailEdit.setPlaceholderText(QCoreApplication.translate("ContactAppsDialog", u"https://mail.example.com/compose?to={email} (empty: mailto:)", None))
        self.placeholdersLabel.setText(QCoreApplication.translate("ContactAppsDialog", u"Placeholders: {e164} is the number as +13125550142, {digits} as 3125550142, {email} the email address.", None))
        self.saveError.setText("")
    # retranslateUi

