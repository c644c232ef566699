# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'program_replace_contact.ui'
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
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QPushButton, QRadioButton, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_ReplaceContactDialog(object):
    def setupUi(self, ReplaceContactDialog):
        if not ReplaceContactDialog.objectName():
            ReplaceContactDialog.setObjectName(u"ReplaceContactDialog")
        ReplaceContactDialog.resize(600, 560)
        ReplaceContactDialog.setModal(True)
        self.dialogLayout = QVBoxLayout(ReplaceContactDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.scopeNote = QLabel(ReplaceContactDialog)
        self.scopeNote.setObjectName(u"scopeNote")
        self.scopeNote.setTextFormat(Qt.TextFormat.PlainText)
        self.scopeNote.setWordWrap(True)

        self.dialogLayout.addWidget(self.scopeNote)

        self.existingRadio = QRadioButton(ReplaceContactDialog)
        self.existingRadio.setObjectName(u"existingRadio")
        self.existingRadio.setChecked(True)

        self.dialogLayout.addWidget(self.existingRadio)

        self.peopleList = QListWidget(ReplaceContactDialog)
        self.peopleList.setObjectName(u"peopleList")
        self.peopleList.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

        self.dialogLayout.addWidget(self.peopleList)

        self.noPeopleLabel = QLabel(ReplaceContactDialog)
        self.noPeopleLabel.setObjectName(u"noPeopleLabel")
        self.noPeopleLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.noPeopleLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.noPeopleLabel)

        self.newRadio = QRadioButton(ReplaceContactDialog)
        self.newRadio.setObjectName(u"newRadio")

        self.dialogLayout.addWidget(self.newRadio)

        self.newPersonFields = QWidget(ReplaceContactDialog)
        self.newPersonFields.setObjectName(u"newPersonFields")
        self.newPersonLayout = QFormLayout(self.newPersonFields)
        self.newPersonLayout.setObjectName(u"newPersonLayout")
        self.newPersonLayout.setContentsMargins(0, 0, 0, 0)
        self.firstNameLabel = QLabel(self.newPersonFields)
        self.firstNameLabel.setObjectName(u"firstNameLabel")
        self.firstNameLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.newPersonLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.firstNameLabel)

        self.firstNameEdit = QLineEdit(self.newPersonFields)
        self.firstNameEdit.setObjectName(u"firstNameEdit")

        self.newPersonLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.firstNameEdit)

        self.lastNameLabel = QLabel(self.newPersonFields)
        self.lastNameLabel.setObjectName(u"lastNameLabel")
        self.lastNameLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.newPersonLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.lastNameLabel)

        self.lastNameEdit = QLineEdit(self.newPersonFields)
        self.lastNameEdit.setObjectName(u"lastNameEdit")

        self.newPersonLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.lastNameEdit)

        self.roleLabel = QLabel(self.newPersonFields)
        self.roleLabel.setObjectName(u"roleLabel")
        self.roleLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.newPersonLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.roleLabel)

        self.roleCombo = QComboBox(self.newPersonFields)
        self.roleCombo.setObjectName(u"roleCombo")

        self.newPersonLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.roleCombo)

        self.roleDescriptionLabel = QLabel(self.newPersonFields)
        self.roleDescriptionLabel.setObjectName(u"roleDescriptionLabel")
        self.roleDescriptionLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.newPersonLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.roleDescriptionLabel)

        self.roleDescriptionEdit = QLineEdit(self.newPersonFields)
        self.roleDescriptionEdit.setObjectName(u"roleDescriptionEdit")

        self.newPersonLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.roleDescriptionEdit)

        self.emailLabel = QLabel(self.newPersonFields)
        self.emailLabel.setObjectName(u"emailLabel")
        self.emailLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.newPersonLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.emailLabel)

        self.emailEdit = QLineEdit(self.newPersonFields)
        self.emailEdit.setObjectName(u"emailEdit")

        self.newPersonLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.emailEdit)

        self.phoneLabel = QLabel(self.newPersonFields)
        self.phoneLabel.setObjectName(u"phoneLabel")
        self.phoneLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.newPersonLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phoneEdit = QLineEdit(self.newPersonFields)
        self.phoneEdit.setObjectName(u"phoneEdit")

        self.newPersonLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.phoneEdit)


        self.dialogLayout.addWidget(self.newPersonFields)

        self.problemLabel = QLabel(ReplaceContactDialog)
        self.problemLabel.setObjectName(u"problemLabel")
        self.problemLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.problemLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.problemLabel)

        self.saveError = QLabel(ReplaceContactDialog)
        self.saveError.setObjectName(u"saveError")
        self.saveError.setTextFormat(Qt.TextFormat.PlainText)
        self.saveError.setWordWrap(True)

        self.dialogLayout.addWidget(self.saveError)

        self.buttonsLayout = QHBoxLayout()
        self.buttonsLayout.setObjectName(u"buttonsLayout")
        self.useExistingButton = QPushButton(ReplaceContactDialog)
        self.useExistingButton.setObjectName(u"useExistingButton")

        self.buttonsLayout.addWidget(self.useExistingButton)

        self.buttonBox = QDialogButtonBox(ReplaceContactDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.buttonsLayout.addWidget(self.buttonBox)


        self.dialogLayout.addLayout(self.buttonsLayout)

#if QT_CONFIG(shortcut)
        self.firstNameLabel.setBuddy(self.firstNameEdit)
        self.lastNameLabel.setBuddy(self.lastNameEdit)
        self.roleLabel.setBuddy(self.roleCombo)
        self.roleDescriptionLabel.setBuddy(self.roleDescriptionEdit)
        self.emailLabel.setBuddy(self.emailEdit)
        self.phoneLabel.setBuddy(self.phoneEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.existingRadio, self.peopleList)
        QWidget.setTabOrder(self.peopleList, self.newRadio)
        QWidget.setTabOrder(self.newRadio, self.firstNameEdit)
        QWidget.setTabOrder(self.firstNameEdit, self.lastNameEdit)
        QWidget.setTabOrder(self.lastNameEdit, self.roleCombo)
        QWidget.setTabOrder(self.roleCombo, self.roleDescriptionEdit)
        QWidget.setTabOrder(self.roleDescriptionEdit, self.emailEdit)
        QWidget.setTabOrder(self.emailEdit, self.phoneEdit)
        QWidget.setTabOrder(self.phoneEdit, self.useExistingButton)
        QWidget.setTabOrder(self.useExistingButton, self.buttonBox)

        self.retranslateUi(ReplaceContactDialog)

        QMetaObject.connectSlotsByName(ReplaceContactDialog)
    # setupUi

    def retranslateUi(self, ReplaceContactDialog):
        ReplaceContactDialog.setWindowTitle(QCoreApplication.translate("ReplaceContactDialog", u"Replace Contact", None))
        self.scopeNote.setText("")
        self.existingRadio.setText(QCoreApplication.translate("ReplaceContactDialog", u"Pick a &person on this customer's account", None))
#if QT_CONFIG(accessibility)
        self.peopleList.setAccessibleName(QCoreApplication.translate("ReplaceContactDialog", u"People on this customer's account", None))
#endif // QT_CONFIG(accessibility)
        self.noPeopleLabel.setText(QCoreApplication.translate("ReplaceContactDialog", u"Nobody else is on this customer's account yet: add a new person below.", None))
        self.newRadio.setText(QCoreApplication.translate("ReplaceContactDialog", u"Add a &new person", None))
        self.firstNameLabel.setText(QCoreApplication.translate("ReplaceContactDialog", u"First na&me", None))
#if QT_CONFIG(accessibility)
        self.firstNameEdit.setAccessibleName(QCoreApplication.translate("ReplaceContactDialog", u"New contact's first name", None))
#endif // QT_CONFIG(accessibility)
        self.lastNameLabel.setText(QCoreApplication.translate("ReplaceContactDialog", u"&Last name", None))
#if QT_CONFIG(accessibility)
        self.lastNameEdit.setAccessibleName(QCoreApplication.translate("ReplaceContactDialog", u"New contact's last name", None))
#endif // QT_CONFIG(accessibility)
        self.roleLabel.setText(QCoreApplication.translate("ReplaceContactDialog", u"&Role", None))
#if QT_CONFIG(accessibility)
        self.roleCombo.setAccessibleName(QCoreApplication.translate("ReplaceContactDialog", u"New contact's role", None))
#endif // QT_CONFIG(accessibility)
        self.roleDescriptionLabel.setText(QCoreApplication.translate("ReplaceContactDialog", u"Role &description", None))
#if QT_CONFIG(accessibility)
        self.roleDescriptionEdit.setAccessibleName(QCoreApplication.translate("ReplaceContactDialog", u"New contact's role description", None))
#endif // QT_CONFIG(accessibility)
        self.roleDescriptionEdit.setPlaceholderText(QCoreApplication.translate("ReplaceContactDialog", u"e.g. Fleet coordinator", None))
        self.emailLabel.setText(QCoreApplication.translate("ReplaceContactDialog", u"&Email", None))
#if QT_CONFIG(accessibility)
        self.emailEdit.setAccessibleName(QCoreApplication.translate("ReplaceContactDialog", u"New contact's email", None))
#endif // QT_CONFIG(accessibility)
        self.emailEdit.setPlaceholderText(QCoreApplication.translate("ReplaceContactDialog", u"name@example.com", None))
        self.phoneLabel.setText(QCoreApplication.translate("ReplaceContactDialog", u"&Phone", None))
#if QT_CONFIG(accessibility)
        self.phoneEdit.setAccessibleName(QCoreApplication.translate("ReplaceContactDialog", u"New contact's phone", None))
#endif // QT_CONFIG(accessibility)
        self.phoneEdit.setPlaceholderText(QCoreApplication.translate("ReplaceContactDialog", u"(212) 555-0142", None))
        self.problemLabel.setText("")
        self.saveError.setText("")
        self.useExistingButton.setText(QCoreApplication.translate("ReplaceContactDialog", u"&Use the existing contact", None))
    # retranslateUi

