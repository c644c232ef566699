# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'program_contact_details.ui'
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
    QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_ContactDetailsDialog(object):
    def setupUi(self, ContactDetailsDialog):
        if not ContactDetailsDialog.objectName():
            ContactDetailsDialog.setObjectName(u"ContactDetailsDialog")
        ContactDetailsDialog.resize(520, 300)
        ContactDetailsDialog.setModal(True)
        self.dialogLayout = QVBoxLayout(ContactDetailsDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.reachNote = QLabel(ContactDetailsDialog)
        self.reachNote.setObjectName(u"reachNote")
        self.reachNote.setTextFormat(Qt.TextFormat.PlainText)
        self.reachNote.setWordWrap(True)

        self.dialogLayout.addWidget(self.reachNote)

        self.fieldsLayout = QFormLayout()
        self.fieldsLayout.setObjectName(u"fieldsLayout")
        self.firstNameLabel = QLabel(ContactDetailsDialog)
        self.firstNameLabel.setObjectName(u"firstNameLabel")
        self.firstNameLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.fieldsLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.firstNameLabel)

        self.firstNameEdit = QLineEdit(ContactDetailsDialog)
        self.firstNameEdit.setObjectName(u"firstNameEdit")

        self.fieldsLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.firstNameEdit)

        self.lastNameLabel = QLabel(ContactDetailsDialog)
        self.lastNameLabel.setObjectName(u"lastNameLabel")
        self.lastNameLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.fieldsLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.lastNameLabel)

        self.lastNameEdit = QLineEdit(ContactDetailsDialog)
        self.lastNameEdit.setObjectName(u"lastNameEdit")

        self.fieldsLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.lastNameEdit)

        self.emailLabel = QLabel(ContactDetailsDialog)
        self.emailLabel.setObjectName(u"emailLabel")
        self.emailLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.fieldsLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.emailLabel)

        self.emailEdit = QLineEdit(ContactDetailsDialog)
        self.emailEdit.setObjectName(u"emailEdit")

        self.fieldsLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.emailEdit)

        self.phoneLabel = QLabel(ContactDetailsDialog)
        self.phoneLabel.setObjectName(u"phoneLabel")
        self.phoneLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.fieldsLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phoneEdit = QLineEdit(ContactDetailsDialog)
        self.phoneEdit.setObjectName(u"phoneEdit")

        self.fieldsLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.phoneEdit)


        self.dialogLayout.addLayout(self.fieldsLayout)

        self.bottomSpacer = QSpacerItem(10, 4, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialogLayout.addItem(self.bottomSpacer)

        self.saveError = QLabel(ContactDetailsDialog)
        self.saveError.setObjectName(u"saveError")
        self.saveError.setTextFormat(Qt.TextFormat.PlainText)
        self.saveError.setWordWrap(True)

        self.dialogLayout.addWidget(self.saveError)

        self.buttonsLayout = QHBoxLayout()
        self.buttonsLayout.setObjectName(u"buttonsLayout")
        self.replaceInsteadButton = QPushButton(ContactDetailsDialog)
        self.replaceInsteadButton.setObjectName(u"replaceInsteadButton")

        self.buttonsLayout.addWidget(self.replaceInsteadButton)

        self.buttonBox = QDialogButtonBox(ContactDetailsDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.buttonsLayout.addWidget(self.buttonBox)


        self.dialogLayout.addLayout(self.buttonsLayout)

#if QT_CONFIG(shortcut)
        self.firstNameLabel.setBuddy(self.firstNameEdit)
        self.lastNameLabel.setBuddy(self.lastNameEdit)
        self.emailLabel.setBuddy(self.emailEdit)
        self.phoneLabel.setBuddy(self.phoneEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.firstNameEdit, self.lastNameEdit)
        QWidget.setTabOrder(self.lastNameEdit, self.emailEdit)
        QWidget.setTabOrder(self.emailEdit, self.phoneEdit)
        QWidget.setTabOrder(self.phoneEdit, self.replaceInsteadButton)
        QWidget.setTabOrder(self.replaceInsteadButton, self.buttonBox)

        self.retranslateUi(ContactDetailsDialog)

        QMetaObject.connectSlotsByName(ContactDetailsDialog)
    # setupUi

    def retranslateUi(self, ContactDetailsDialog):
        ContactDetailsDialog.setWindowTitle(QCoreApplication.translate("ContactDetailsDialog", u"Update Contact Details", None))
        self.reachNote.setText("")
        self.firstNameLabel.setText(QCoreApplication.translate("ContactDetailsDialog", u"First &name", None))
#if QT_CONFIG(accessibility)
        self.firstNameEdit.setAccessibleName(QCoreApplication.translate("ContactDetailsDialog", u"First name", None))
#endif // QT_CONFIG(accessibility)
        self.lastNameLabel.setText(QCoreApplication.translate("ContactDetailsDialog", u"&Last name", None))
#if QT_CONFIG(accessibility)
        self.lastNameEdit.setAccessibleName(QCoreApplication.translate("ContactDetailsDialog", u"Last name", None))
#endif // QT_CONFIG(accessibility)
        self.emailLabel.setText(QCoreApplication.translate("ContactDetailsDialog", u"&Email", None))
#if QT_CONFIG(accessibility)
        self.emailEdit.setAccessibleName(QCoreApplication.translate("ContactDetailsDialog", u"Email", None))
#endif // QT_CONFIG(accessibility)
        self.emailEdit.setPlaceholderText(QCoreApplication.translate("ContactDetailsDialog", u"name@example.com", None))
        self.phoneLabel.setText(QCoreApplication.translate("ContactDetailsDialog", u"&Phone", None))
#if QT_CONFIG(accessibility)
        self.phoneEdit.setAccessibleName(QCoreApplication.translate("ContactDetailsDialog", u"Phone", None))
#endif // QT_CONFIG(accessibility)
        self.phoneEdit.setPlaceholderText(QCoreApplication.translate("ContactDetailsDialog", u"(212) 555-0142", None))
        self.saveError.setText("")
        self.replaceInsteadButton.setText(QCoreApplication.translate("ContactDetailsDialog", u"&Replace contact instead\u2026", None))
    # retranslateUi

