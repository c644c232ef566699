# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'mail_settings.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QGridLayout, QLabel, QLineEdit,
    QSizePolicy, QSpacerItem, QSpinBox, QVBoxLayout,
    QWidget)

class Ui_MailSettingsDialog(object):
    def setupUi(self, MailSettingsDialog):
        if not MailSettingsDialog.objectName():
            MailSettingsDialog.setObjectName(u"MailSettingsDialog")
        MailSettingsDialog.resize(560, 400)
        MailSettingsDialog.setModal(True)
        self.dialogLayout = QVBoxLayout(MailSettingsDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.introLabel = QLabel(MailSettingsDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.introLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.introLabel)

        self.fieldsLayout = QGridLayout()
        self.fieldsLayout.setObjectName(u"fieldsLayout")
        self.fieldsLayout.setHorizontalSpacing(12)
        self.hostLabel = QLabel(MailSettingsDialog)
        self.hostLabel.setObjectName(u"hostLabel")
        self.hostLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.fieldsLayout.addWidget(self.hostLabel, 0, 0, 1, 1)

        self.hostEdit = QLineEdit(MailSettingsDialog)
        self.hostEdit.setObjectName(u"hostEdit")

        self.fieldsLayout.addWidget(self.hostEdit, 0, 1, 1, 1)

        self.portLabel = QLabel(MailSettingsDialog)
        self.portLabel.setObjectName(u"portLabel")
        self.portLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.fieldsLayout.addWidget(self.portLabel, 1, 0, 1, 1)

        self.portSpin = QSpinBox(MailSettingsDialog)
        self.portSpin.setObjectName(u"portSpin")
        self.portSpin.setMinimum(1)
        self.portSpin.setMaximum(65535)
        self.portSpin.setValue(587)

        self.fieldsLayout.addWidget(self.portSpin, 1, 1, 1, 1)

        self.securityLabel = QLabel(MailSettingsDialog)
        self.securityLabel.setObjectName(u"securityLabel")
        self.securityLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.fieldsLayout.addWidget(self.securityLabel, 2, 0, 1, 1)

        self.securityCombo = QComboBox(MailSettingsDialog)
        self.securityCombo.setObjectName(u"securityCombo")

        self.fieldsLayout.addWidget(self.securityCombo, 2, 1, 1, 1)

        self.usernameLabel = QLabel(MailSettingsDialog)
        self.usernameLabel.setObjectName(u"usernameLabel")
        self.usernameLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.fieldsLayout.addWidget(self.usernameLabel, 3, 0, 1, 1)

        self.usernameEdit = QLineEdit(MailSettingsDialog)
        self.usernameEdit.setObjectName(u"usernameEdit")

        self.fieldsLayout.addWidget(self.usernameEdit, 3, 1, 1, 1)

        self.passwordLabel = QLabel(MailSettingsDialog)
        self.passwordLabel.setObjectName(u"passwordLabel")
        self.passwordLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.fieldsLayout.addWidget(self.passwordLabel, 4, 0, 1, 1)

        self.passwordEdit = QLineEdit(MailSettingsDialog)
        self.passwordEdit.setObjectName(u"passwordEdit")
        self.passwordEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.fieldsLayout.addWidget(self.passwordEdit, 4, 1, 1, 1)

        self.fromLabel = QLabel(MailSettingsDialog)
        self.fromLabel.setObjectName(u"fromLabel")
        self.fromLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.fieldsLayout.addWidget(self.fromLabel, 5, 0, 1, 1)

        self.fromAddressEdit = QLineEdit(MailSettingsDialog)
        self.fromAddressEdit.setObjectName(u"fromAddressEdit")

        self.fieldsLayout.addWidget(self.fromAddressEdit, 5, 1, 1, 1)

        self.dealershipLabel = QLabel(MailSettingsDialog)
        self.dealershipLabel.setObjectName(u"dealershipLabel")
        self.dealershipLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.fieldsLayout.addWidget(self.dealershipLabel, 6, 0, 1, 1)

        self.dealershipEdit = QLineEdit(MailSettingsDialog)
        self.dealershipEdit.setObjectName(u"dealershipEdit")

        self.fieldsLayout.addWidget(self.dealershipEdit, 6, 1, 1, 1)

        self.outboxLabel = QLabel(MailSettingsDialog)
        self.outboxLabel.setObjectName(u"outboxLabel")
        self.outboxLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.fieldsLayout.addWidget(self.outboxLabel, 7, 0, 1, 1)

        self.outboxEdit = QLineEdit(MailSettingsDialog)
        self.outboxEdit.setObjectName(u"outboxEdit")

        self.fieldsLayout.addWidget(self.outboxEdit, 7, 1, 1, 1)


        self.dialogLayout.addLayout(self.fieldsLayout)

        self.saveError = QLabel(MailSettingsDialog)
        self.saveError.setObjectName(u"saveError")
        self.saveError.setTextFormat(Qt.TextFormat.PlainText)
        self.saveError.setWordWrap(True)

        self.dialogLayout.addWidget(self.saveError)

        self.bottomSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialogLayout.addItem(self.bottomSpacer)

        self.buttonBox = QDialogButtonBox(MailSettingsDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.hostLabel.setBuddy(self.hostEdit)
        self.portLabel.setBuddy(self.portSpin)
        self.securityLabel.setBuddy(self.securityCombo)
        self.usernameLabel.setBuddy(self.usernameEdit)
        self.passwordLabel.setBuddy(self.passwordEdit)
        self.fromLabel.setBuddy(self.fromAddressEdit)
        self.dealershipLabel.setBuddy(self.dealershipEdit)
        self.outboxLabel.setBuddy(self.outboxEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.hostEdit, self.portSpin)
        QWidget.setTabOrder(self.portSpin, self.securityCombo)
        QWidget.setTabOrder(self.securityCombo, self.usernameEdit)
        QWidget.setTabOrder(self.usernameEdit, self.passwordEdit)
        QWidget.setTabOrder(self.passwordEdit, self.fromAddressEdit)
        QWidget.setTabOrder(self.fromAddressEdit, self.dealershipEdit)
        QWidget.setTabOrder(self.dealershipEdit, self.outboxEdit)

        self.retranslateUi(MailSettingsDialog)

        QMetaObject.connectSlotsByName(MailSettingsDialog)
    # setupUi

    def retranslateUi(self, MailSettingsDialog):
        MailSettingsDialog.setWindowTitle(QCoreApplication.translate("MailSettingsDialog", u"Mail Server Settings", None))
        self.introLabel.setText(QCoreApplication.translate("MailSettingsDialog", u"Portal invites are emailed through this server. With no server, each invite is saved as an .eml file in the outbox folder instead.", None))
        self.hostLabel.setText(QCoreApplication.translate("MailSettingsDialog", u"Mail &server", None))
#if QT_CONFIG(accessibility)
        self.hostEdit.setAccessibleName(QCoreApplication.translate("MailSettingsDialog", u"Mail server", None))
#endif // QT_CONFIG(accessibility)
        self.hostEdit.setPlaceholderText(QCoreApplication.translate("MailSettingsDialog", u"smtp.example.com (empty: save invites as files)", None))
        self.portLabel.setText(QCoreApplication.translate("MailSettingsDialog", u"&Port", None))
#if QT_CONFIG(accessibility)
        self.portSpin.setAccessibleName(QCoreApplication.translate("MailSettingsDialog", u"Port", None))
#endif // QT_CONFIG(accessibility)
        self.securityLabel.setText(QCoreApplication.translate("MailSettingsDialog", u"&Security", None))
#if QT_CONFIG(accessibility)
        self.securityCombo.setAccessibleName(QCoreApplication.translate("MailSettingsDialog", u"Security", None))
#endif // QT_CONFIG(accessibility)
        self.usernameLabel.setText(QCoreApplication.translate("MailSettingsDialog", u"&User name", None))
#if QT_CONFIG(accessibility)
        self.usernameEdit.setAccessibleName(QCoreApplication.translate("MailSettingsDialog", u"User name", None))
#endif // QT_CONFIG(accessibility)
        self.usernameEdit.setPlaceholderText(QCoreApplication.translate("MailSettingsDialog", u"often the sender's address", None))
        self.passwordLabel.setText(QCoreApplication.translate("MailSettingsDialog", u"Pass&word", None))
#if QT_CONFIG(accessibility)
        self.passwordEdit.setAccessibleName(QCoreApplication.translate("MailSettingsDialog", u"Password", None))
#endif // QT_CONFIG(accessibility)
        self.passwordEdit.setPlaceholderText(QCoreApplication.translate("MailSettingsDialog", u"kept in the system keychain", None))
        self.fromLabel.setText(QCoreApplication.translate("MailSettingsDialog", u"&From address", None))
#if QT_CONFIG(accessibility)
        self.fromAddressEdit.setAccessibleName(QCoreApplication.translate("MailSettingsDialog", u"From address", None))
#endif // QT_CONFIG(accessibility)
        self.fromAddressEdit.setPlaceholderText(QCoreApplication.translate("MailSettingsDialog", u"service@yourdealership.com", None))
        self.dealershipLabel.setText(QCoreApplication.translate("MailSettingsDialog", u"&Dealership name", None))
#if QT_CONFIG(accessibility)
        self.dealershipEdit.setAccessibleName(QCoreApplication.translate("MailSettingsDialog", u"Dealership name", None))
#endif // QT_CONFIG(accessibility)
        self.dealershipEdit.setPlaceholderText(QCoreApplication.translate("MailSettingsDialog", u"shown in the invite", None))
        self.outboxLabel.setText(QCoreApplication.translate("MailSettingsDialog", u"&Outbox folder", None))
#if QT_CONFIG(accessibility)
        self.outboxEdit.setAccessibleName(QCoreApplication.translate("MailSettingsDialog", u"Outbox folder", None))
#endif // QT_CONFIG(accessibility)
        self.outboxEdit.setPlaceholderText(QCoreApplication.translate("MailSettingsDialog", u"where invites are saved when there is no mail server", None))
        self.saveError.setText("")
    # retranslateUi

