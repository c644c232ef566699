# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'program_customer_details.ui'
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
    QFormLayout, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_CustomerDetailsDialog(object):
    def setupUi(self, CustomerDetailsDialog):
        if not CustomerDetailsDialog.objectName():
            CustomerDetailsDialog.setObjectName(u"CustomerDetailsDialog")
        CustomerDetailsDialog.resize(560, 480)
        CustomerDetailsDialog.setModal(True)
        self.dialogLayout = QVBoxLayout(CustomerDetailsDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.reachNote = QLabel(CustomerDetailsDialog)
        self.reachNote.setObjectName(u"reachNote")
        self.reachNote.setTextFormat(Qt.TextFormat.PlainText)
        self.reachNote.setWordWrap(True)

        self.dialogLayout.addWidget(self.reachNote)

        self.fieldsLayout = QFormLayout()
        self.fieldsLayout.setObjectName(u"fieldsLayout")
        self.firstNameLabel = QLabel(CustomerDetailsDialog)
        self.firstNameLabel.setObjectName(u"firstNameLabel")
        self.firstNameLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.fieldsLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.firstNameLabel)

        self.firstNameEdit = QLineEdit(CustomerDetailsDialog)
        self.firstNameEdit.setObjectName(u"firstNameEdit")

        self.fieldsLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.firstNameEdit)

        self.lastNameLabel = QLabel(CustomerDetailsDialog)
        self.lastNameLabel.setObjectName(u"lastNameLabel")
        self.lastNameLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.fieldsLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.lastNameLabel)

        self.lastNameEdit = QLineEdit(CustomerDetailsDialog)
        self.lastNameEdit.setObjectName(u"lastNameEdit")

        self.fieldsLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.lastNameEdit)

        self.companyLabel = QLabel(CustomerDetailsDialog)
        self.companyLabel.setObjectName(u"companyLabel")
        self.companyLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.fieldsLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.companyLabel)

        self.companyEdit = QLineEdit(CustomerDetailsDialog)
        self.companyEdit.setObjectName(u"companyEdit")

        self.fieldsLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.companyEdit)

        self.addressLabel = QLabel(CustomerDetailsDialog)
        self.addressLabel.setObjectName(u"addressLabel")
        self.addressLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.fieldsLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.addressLabel)

        self.addressLine1Edit = QLineEdit(CustomerDetailsDialog)
        self.addressLine1Edit.setObjectName(u"addressLine1Edit")

        self.fieldsLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.addressLine1Edit)

        self.cityLabel = QLabel(CustomerDetailsDialog)
        self.cityLabel.setObjectName(u"cityLabel")
        self.cityLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.fieldsLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.cityLabel)

        self.cityEdit = QLineEdit(CustomerDetailsDialog)
        self.cityEdit.setObjectName(u"cityEdit")

        self.fieldsLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.cityEdit)

        self.stateLabel = QLabel(CustomerDetailsDialog)
        self.stateLabel.setObjectName(u"stateLabel")
        self.stateLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.fieldsLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.stateLabel)

        self.stateEdit = QLineEdit(CustomerDetailsDialog)
        self.stateEdit.setObjectName(u"stateEdit")

        self.fieldsLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.stateEdit)

        self.postalCodeLabel = QLabel(CustomerDetailsDialog)
        self.postalCodeLabel.setObjectName(u"postalCodeLabel")
        self.postalCodeLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.fieldsLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.postalCodeLabel)

        self.postalCodeEdit = QLineEdit(CustomerDetailsDialog)
        self.postalCodeEdit.setObjectName(u"postalCodeEdit")

        self.fieldsLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.postalCodeEdit)


        self.dialogLayout.addLayout(self.fieldsLayout)

        self.verificationGroup = QGroupBox(CustomerDetailsDialog)
        self.verificationGroup.setObjectName(u"verificationGroup")
        self.verificationLayout = QVBoxLayout(self.verificationGroup)
        self.verificationLayout.setObjectName(u"verificationLayout")
        self.verificationNote = QLabel(self.verificationGroup)
        self.verificationNote.setObjectName(u"verificationNote")
        self.verificationNote.setTextFormat(Qt.TextFormat.PlainText)
        self.verificationNote.setWordWrap(True)

        self.verificationLayout.addWidget(self.verificationNote)

        self.documentLayout = QHBoxLayout()
        self.documentLayout.setObjectName(u"documentLayout")
        self.documentName = QLineEdit(self.verificationGroup)
        self.documentName.setObjectName(u"documentName")
        self.documentName.setReadOnly(True)

        self.documentLayout.addWidget(self.documentName)

        self.chooseDocumentButton = QPushButton(self.verificationGroup)
        self.chooseDocumentButton.setObjectName(u"chooseDocumentButton")

        self.documentLayout.addWidget(self.chooseDocumentButton)

        self.removeDocumentButton = QPushButton(self.verificationGroup)
        self.removeDocumentButton.setObjectName(u"removeDocumentButton")

        self.documentLayout.addWidget(self.removeDocumentButton)


        self.verificationLayout.addLayout(self.documentLayout)

        self.documentProblem = QLabel(self.verificationGroup)
        self.documentProblem.setObjectName(u"documentProblem")
        self.documentProblem.setTextFormat(Qt.TextFormat.PlainText)
        self.documentProblem.setWordWrap(True)

        self.verificationLayout.addWidget(self.documentProblem)


        self.dialogLayout.addWidget(self.verificationGroup)

        self.phonesLayout = QHBoxLayout()
        self.phonesLayout.setObjectName(u"phonesLayout")
        self.editPhonesButton = QPushButton(CustomerDetailsDialog)
        self.editPhonesButton.setObjectName(u"editPhonesButton")

        self.phonesLayout.addWidget(self.editPhonesButton)

        self.phonesSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.phonesLayout.addItem(self.phonesSpacer)


        self.dialogLayout.addLayout(self.phonesLayout)

        self.bottomSpacer = QSpacerItem(10, 4, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialogLayout.addItem(self.bottomSpacer)

        self.saveReason = QLabel(CustomerDetailsDialog)
        self.saveReason.setObjectName(u"saveReason")
        self.saveReason.setTextFormat(Qt.TextFormat.PlainText)
        self.saveReason.setWordWrap(True)

        self.dialogLayout.addWidget(self.saveReason)

        self.saveError = QLabel(CustomerDetailsDialog)
        self.saveError.setObjectName(u"saveError")
        self.saveError.setTextFormat(Qt.TextFormat.PlainText)
        self.saveError.setWordWrap(True)

        self.dialogLayout.addWidget(self.saveError)

        self.buttonBox = QDialogButtonBox(CustomerDetailsDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.firstNameLabel.setBuddy(self.firstNameEdit)
        self.lastNameLabel.setBuddy(self.lastNameEdit)
        self.companyLabel.setBuddy(self.companyEdit)
        self.addressLabel.setBuddy(self.addressLine1Edit)
        self.cityLabel.setBuddy(self.cityEdit)
        self.stateLabel.setBuddy(self.stateEdit)
        self.postalCodeLabel.setBuddy(self.postalCodeEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.firstNameEdit, self.lastNameEdit)
        QWidget.setTabOrder(self.lastNameEdit, self.companyEdit)
        QWidget.setTabOrder(self.companyEdit, self.addressLine1Edit)
        QWidget.setTabOrder(self.addressLine1Edit, self.cityEdit)
        QWidget.setTabOrder(self.cityEdit, self.stateEdit)
        QWidget.setTabOrder(self.stateEdit, self.postalCodeEdit)
        QWidget.setTabOrder(self.postalCodeEdit, self.chooseDocumentButton)
        QWidget.setTabOrder(self.chooseDocumentButton, self.removeDocumentButton)
        QWidget.setTabOrder(self.removeDocumentButton, self.documentName)
        QWidget.setTabOrder(self.documentName, self.editPhonesButton)
        QWidget.setTabOrder(self.editPhonesButton, self.buttonBox)

        self.retranslateUi(CustomerDetailsDialog)

        QMetaObject.connectSlotsByName(CustomerDetailsDialog)
    # setupUi

    def retranslateUi(self, CustomerDetailsDialog):
        CustomerDetailsDialog.setWindowTitle(QCoreApplication.translate("CustomerDetailsDialog", u"Update Customer Details", None))
        self.reachNote.setText("")
        self.firstNameLabel.setText(QCoreApplication.translate("CustomerDetailsDialog", u"First &name", None))
#if QT_CONFIG(accessibility)
        self.firstNameEdit.setAccessibleName(QCoreApplication.translate("CustomerDetailsDialog", u"First name", None))
#endif // QT_CONFIG(accessibility)
        self.lastNameLabel.setText(QCoreApplication.translate("CustomerDetailsDialog", u"&Last name", None))
#if QT_CONFIG(accessibility)
        self.lastNameEdit.setAccessibleName(QCoreApplication.translate("CustomerDetailsDialog", u"Last name", None))
#endif // QT_CONFIG(accessibility)
        self.companyLabel.setText(QCoreApplication.translate("CustomerDetailsDialog", u"C&ompany", None))
#if QT_CONFIG(accessibility)
        self.companyEdit.setAccessibleName(QCoreApplication.translate("CustomerDetailsDialog", u"Company", None))
#endif // QT_CONFIG(accessibility)
        self.addressLabel.setText(QCoreApplication.translate("CustomerDetailsDialog", u"&Address", None))
#if QT_CONFIG(accessibility)
        self.addressLine1Edit.setAccessibleName(QCoreApplication.translate("CustomerDetailsDialog", u"Street address", None))
#endif // QT_CONFIG(accessibility)
        self.cityLabel.setText(QCoreApplication.translate("CustomerDetailsDialog", u"C&ity", None))
#if QT_CONFIG(accessibility)
        self.cityEdit.setAccessibleName(QCoreApplication.translate("CustomerDetailsDialog", u"City", None))
#endif // QT_CONFIG(accessibility)
        self.stateLabel.setText(QCoreApplication.translate("CustomerDetailsDialog", u"&State", None))
#if QT_CONFIG(accessibility)
        self.stateEdit.setAccessibleName(QCoreApplication.translate("CustomerDetailsDialog", u"State", None))
#endif // QT_CONFIG(accessibility)
        self.postalCodeLabel.setText(QCoreApplication.translate("CustomerDetailsDialog", u"&Postal code", None))
#if QT_CONFIG(accessibility)
        self.postalCodeEdit.setAccessibleName(QCoreApplication.translate("CustomerDetailsDialog", u"Postal code", None))
#endif // QT_CONFIG(accessibility)
        self.verificationGroup.setTitle(QCoreApplication.translate("CustomerDetailsDialog", u"Verification document (PDF or image)", None))
        self.verificationNote.setText("")
#if QT_CONFIG(accessibility)
        self.documentName.setAccessibleName(QCoreApplication.translate("CustomerDetailsDialog", u"Verification document", None))
#endif // QT_CONFIG(accessibility)
        self.documentName.setPlaceholderText(QCoreApplication.translate("CustomerDetailsDialog", u"No document attached", None))
        self.chooseDocumentButton.setText(QCoreApplication.translate("CustomerDetailsDialog", u"C&hoose File\u2026", None))
#if QT_CONFIG(tooltip)
        self.chooseDocumentButton.setToolTip(QCoreApplication.translate("CustomerDetailsDialog", u"Attach a PDF, or a photo or scan of the document", None))
#endif // QT_CONFIG(tooltip)
        self.removeDocumentButton.setText(QCoreApplication.translate("CustomerDetailsDialog", u"Remo&ve", None))
#if QT_CONFIG(tooltip)
        self.removeDocumentButton.setToolTip(QCoreApplication.translate("CustomerDetailsDialog", u"Take the attached document off this change", None))
#endif // QT_CONFIG(tooltip)
        self.documentProblem.setText("")
        self.editPhonesButton.setText(QCoreApplication.translate("CustomerDetailsDialog", u"Edit phones and &emails\u2026", None))
        self.saveReason.setText("")
        self.saveError.setText("")
    # retranslateUi

