# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'contact_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QGridLayout, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_ContactDialog(object):
    def setupUi(self, ContactDialog):
        if not ContactDialog.objectName():
            ContactDialog.setObjectName(u"ContactDialog")
        ContactDialog.resize(560, 440)
        ContactDialog.setModal(True)
        self.dialogLayout = QVBoxLayout(ContactDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.fieldsLayout = QGridLayout()
        self.fieldsLayout.setObjectName(u"fieldsLayout")
        self.fieldsLayout.setHorizontalSpacing(12)
        self.fieldsLayout.setVerticalSpacing(4)
        self.firstNameLabel = QLabel(ContactDialog)
        self.firstNameLabel.setObjectName(u"firstNameLabel")
        self.firstNameLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.fieldsLayout.addWidget(self.firstNameLabel, 0, 0, 1, 1)

        self.firstNameEdit = QLineEdit(ContactDialog)
        self.firstNameEdit.setObjectName(u"firstNameEdit")

        self.fieldsLayout.addWidget(self.firstNameEdit, 0, 1, 1, 1)

        self.firstNameProblem = QLabel(ContactDialog)
        self.firstNameProblem.setObjectName(u"firstNameProblem")
        self.firstNameProblem.setTextFormat(Qt.TextFormat.PlainText)
        self.firstNameProblem.setWordWrap(True)

        self.fieldsLayout.addWidget(self.firstNameProblem, 1, 1, 1, 1)

        self.lastNameLabel = QLabel(ContactDialog)
        self.lastNameLabel.setObjectName(u"lastNameLabel")
        self.lastNameLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.fieldsLayout.addWidget(self.lastNameLabel, 2, 0, 1, 1)

        self.lastNameEdit = QLineEdit(ContactDialog)
        self.lastNameEdit.setObjectName(u"lastNameEdit")

        self.fieldsLayout.addWidget(self.lastNameEdit, 2, 1, 1, 1)

        self.lastNameProblem = QLabel(ContactDialog)
        self.lastNameProblem.setObjectName(u"lastNameProblem")
        self.lastNameProblem.setTextFormat(Qt.TextFormat.PlainText)
        self.lastNameProblem.setWordWrap(True)

        self.fieldsLayout.addWidget(self.lastNameProblem, 3, 1, 1, 1)

        self.emailLabel = QLabel(ContactDialog)
        self.emailLabel.setObjectName(u"emailLabel")
        self.emailLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.fieldsLayout.addWidget(self.emailLabel, 4, 0, 1, 1)

        self.emailEdit = QLineEdit(ContactDialog)
        self.emailEdit.setObjectName(u"emailEdit")

        self.fieldsLayout.addWidget(self.emailEdit, 4, 1, 1, 1)

        self.emailProblem = QLabel(ContactDialog)
        self.emailProblem.setObjectName(u"emailProblem")
        self.emailProblem.setTextFormat(Qt.TextFormat.PlainText)
        self.emailProblem.setWordWrap(True)

        self.fieldsLayout.addWidget(self.emailProblem, 5, 1, 1, 1)

        self.phoneLabel = QLabel(ContactDialog)
        self.phoneLabel.setObjectName(u"phoneLabel")
        self.phoneLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.fieldsLayout.addWidget(self.phoneLabel, 6, 0, 1, 1)

        self.phoneEdit = QLineEdit(ContactDialog)
        self.phoneEdit.setObjectName(u"phoneEdit")

        self.fieldsLayout.addWidget(self.phoneEdit, 6, 1, 1, 1)

        self.phoneProblem = QLabel(ContactDialog)
        self.phoneProblem.setObjectName(u"phoneProblem")
        self.phoneProblem.setTextFormat(Qt.TextFormat.PlainText)
        self.phoneProblem.setWordWrap(True)

        self.fieldsLayout.addWidget(self.phoneProblem, 7, 1, 1, 1)

        self.roleLabel = QLabel(ContactDialog)
        self.roleLabel.setObjectName(u"roleLabel")
        self.roleLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.fieldsLayout.addWidget(self.roleLabel, 8, 0, 1, 1)

        self.roleCombo = QComboBox(ContactDialog)
        self.roleCombo.setObjectName(u"roleCombo")

        self.fieldsLayout.addWidget(self.roleCombo, 8, 1, 1, 1)

        self.roleDescriptionLabel = QLabel(ContactDialog)
        self.roleDescriptionLabel.setObjectName(u"roleDescriptionLabel")
        self.roleDescriptionLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.fieldsLayout.addWidget(self.roleDescriptionLabel, 9, 0, 1, 1)

        self.roleDescriptionEdit = QLineEdit(ContactDialog)
        self.roleDescriptionEdit.setObjectName(u"roleDescriptionEdit")

        self.fieldsLayout.addWidget(self.roleDescriptionEdit, 9, 1, 1, 1)

        self.roleDescriptionProblem = QLabel(ContactDialog)
        self.roleDescriptionProblem.setObjectName(u"roleDescriptionProblem")
        self.roleDescriptionProblem.setTextFormat(Qt.TextFormat.PlainText)
        self.roleDescriptionProblem.setWordWrap(True)

        self.fieldsLayout.addWidget(self.roleDescriptionProblem, 10, 1, 1, 1)


        self.dialogLayout.addLayout(self.fieldsLayout)

        self.primaryContactCheck = QCheckBox(ContactDialog)
        self.primaryContactCheck.setObjectName(u"primaryContactCheck")

        self.dialogLayout.addWidget(self.primaryContactCheck)

        self.portalAccessCheck = QCheckBox(ContactDialog)
        self.portalAccessCheck.setObjectName(u"portalAccessCheck")

        self.dialogLayout.addWidget(self.portalAccessCheck)

        self.portalAccessReason = QLabel(ContactDialog)
        self.portalAccessReason.setObjectName(u"portalAccessReason")
        self.portalAccessReason.setTextFormat(Qt.TextFormat.PlainText)
        self.portalAccessReason.setIndent(24)
        self.portalAccessReason.setWordWrap(True)

        self.dialogLayout.addWidget(self.portalAccessReason)

        self.preferencesGroup = QGroupBox(ContactDialog)
        self.preferencesGroup.setObjectName(u"preferencesGroup")
        self.preferencesLayout = QGridLayout(self.preferencesGroup)
        self.preferencesLayout.setObjectName(u"preferencesLayout")
        self.prefScheduling = QCheckBox(self.preferencesGroup)
        self.prefScheduling.setObjectName(u"prefScheduling")

        self.preferencesLayout.addWidget(self.prefScheduling, 0, 0, 1, 1)

        self.prefCarUpdates = QCheckBox(self.preferencesGroup)
        self.prefCarUpdates.setObjectName(u"prefCarUpdates")

        self.preferencesLayout.addWidget(self.prefCarUpdates, 0, 1, 1, 1)

        self.prefContracts = QCheckBox(self.preferencesGroup)
        self.prefContracts.setObjectName(u"prefContracts")

        self.preferencesLayout.addWidget(self.prefContracts, 0, 2, 1, 1)

        self.prefInvoices = QCheckBox(self.preferencesGroup)
        self.prefInvoices.setObjectName(u"prefInvoices")

        self.preferencesLayout.addWidget(self.prefInvoices, 1, 0, 1, 1)

        self.prefEstimates = QCheckBox(self.preferencesGroup)
        self.prefEstimates.setObjectName(u"prefEstimates")

        self.preferencesLayout.addWidget(self.prefEstimates, 1, 1, 1, 1)

        self.prefMarketing = QCheckBox(self.preferencesGroup)
        self.prefMarketing.setObjectName(u"prefMarketing")

        self.preferencesLayout.addWidget(self.prefMarketing, 1, 2, 1, 1)


        self.dialogLayout.addWidget(self.preferencesGroup)

        self.bottomSpacer = QSpacerItem(10, 4, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialogLayout.addItem(self.bottomSpacer)

        self.saveError = QLabel(ContactDialog)
        self.saveError.setObjectName(u"saveError")
        self.saveError.setTextFormat(Qt.TextFormat.PlainText)
        self.saveError.setWordWrap(True)

        self.dialogLayout.addWidget(self.saveError)

        self.buttonsLayout = QHBoxLayout()
        self.buttonsLayout.setObjectName(u"buttonsLayout")
        self.useExistingButton = QPushButton(ContactDialog)
        self.useExistingButton.setObjectName(u"useExistingButton")

        self.buttonsLayout.addWidget(self.useExistingButton)

        self.buttonBox = QDialogButtonBox(ContactDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.buttonsLayout.addWidget(self.buttonBox)


        self.dialogLayout.addLayout(self.buttonsLayout)

#if QT_CONFIG(shortcut)
        self.firstNameLabel.setBuddy(self.firstNameEdit)
        self.lastNameLabel.setBuddy(self.lastNameEdit)
        self.emailLabel.setBuddy(self.emailEdit)
        self.phoneLabel.setBuddy(self.phoneEdit)
        self.roleLabel.setBuddy(self.roleCombo)
        self.roleDescriptionLabel.setBuddy(self.roleDescriptionEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.firstNameEdit, self.lastNameEdit)
        QWidget.setTabOrder(self.lastNameEdit, self.emailEdit)
        QWidget.setTabOrder(self.emailEdit, self.phoneEdit)
        QWidget.setTabOrder(self.phoneEdit, self.roleCombo)
        QWidget.setTabOrder(self.roleCombo, self.roleDescriptionEdit)
        QWidget.setTabOrder(self.roleDescriptionEdit, self.primaryContactCheck)
        QWidget.setTabOrder(self.primaryContactCheck, self.portalAccessCheck)
        QWidget.setTabOrder(self.portalAccessCheck, self.prefScheduling)
        QWidget.setTabOrder(self.prefScheduling, self.prefCarUpdates)
        QWidget.setTabOrder(self.prefCarUpdates, self.prefContracts)
        QWidget.setTabOrder(self.prefContracts, self.prefInvoices)
        QWidget.setTabOrder(self.prefInvoices, self.prefEstimates)
        QWidget.setTabOrder(self.prefEstimates, self.prefMarketing)

        self.retranslateUi(ContactDialog)

        QMetaObject.connectSlotsByName(ContactDialog)
    # setupUi

    def retranslateUi(self, ContactDialog):
        ContactDialog.setWindowTitle(QCoreApplication.translate("ContactDialog", u"Add Contact", None))
        self.firstNameLabel.setText(QCoreApplication.translate("ContactDialog", u"First &Name *", None))
#if QT_CONFIG(accessibility)
        self.firstNameEdit.setAccessibleName(QCoreApplication.translate("ContactDialog", u"First name", None))
#endif // QT_CONFIG(accessibility)
        self.firstNameProblem.setText("")
        self.lastNameLabel.setText(QCoreApplication.translate("ContactDialog", u"&Last Name *", None))
#if QT_CONFIG(accessibility)
        self.lastNameEdit.setAccessibleName(QCoreApplication.translate("ContactDialog", u"Last name", None))
#endif // QT_CONFIG(accessibility)
        self.lastNameProblem.setText("")
        self.emailLabel.setText(QCoreApplication.translate("ContactDialog", u"&Email", None))
#if QT_CONFIG(accessibility)
        self.emailEdit.setAccessibleName(QCoreApplication.translate("ContactDialog", u"Email", None))
#endif // QT_CONFIG(accessibility)
        self.emailEdit.setPlaceholderText(QCoreApplication.translate("ContactDialog", u"name@example.com", None))
        self.emailProblem.setText("")
        self.phoneLabel.setText(QCoreApplication.translate("ContactDialog", u"&Phone", None))
#if QT_CONFIG(accessibility)
        self.phoneEdit.setAccessibleName(QCoreApplication.translate("ContactDialog", u"Phone", None))
#endif // QT_CONFIG(accessibility)
        self.phoneEdit.setPlaceholderText(QCoreApplication.translate("ContactDialog", u"(212) 555-0142", None))
        self.phoneProblem.setText("")
        self.roleLabel.setText(QCoreApplication.translate("ContactDialog", u"&Role", None))
#if QT_CONFIG(accessibility)
        self.roleCombo.setAccessibleName(QCoreApplication.translate("ContactDialog", u"Role", None))
#endif // QT_CONFIG(accessibility)
        self.roleDescriptionLabel.setText(QCoreApplication.translate("ContactDialog", u"Role &description", None))
#if QT_CONFIG(accessibility)
        self.roleDescriptionEdit.setAccessibleName(QCoreApplication.translate("ContactDialog", u"Role description", None))
#endif // QT_CONFIG(accessibility)
        self.roleDescriptionEdit.setPlaceholderText(QCoreApplication.translate("ContactDialog", u"e.g. Fleet coordinator", None))
        self.roleDescriptionProblem.setText("")
        self.primaryContactCheck.setText(QCoreApplication.translate("ContactDialog", u"Primary &contact (main point of contact for this customer)", None))
        self.portalAccessCheck.setText(QCoreApplication.translate("ContactDialog", u"Can &access customer portal (login with their email)", None))
        self.portalAccessReason.setText("")
        self.preferencesGroup.setTitle(QCoreApplication.translate("ContactDialog", u"Communication preferences: what this person receives", None))
        self.prefScheduling.setText(QCoreApplication.translate("ContactDialog", u"Scheduling", None))
        self.prefCarUpdates.setText(QCoreApplication.translate("ContactDialog", u"Car Updates", None))
        self.prefContracts.setText(QCoreApplication.translate("ContactDialog", u"Contracts", None))
        self.prefInvoices.setText(QCoreApplication.translate("ContactDialog", u"Invoices", None))
        self.prefEstimates.setText(QCoreApplication.translate("ContactDialog", u"Estimates", None))
        self.prefMarketing.setText(QCoreApplication.translate("ContactDialog", u"Marketing", None))
        self.saveError.setText("")
        self.useExistingButton.setText(QCoreApplication.translate("ContactDialog", u"&Use the existing contact", None))
    # retranslateUi

