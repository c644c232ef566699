# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'program_replace_customer.ui'
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
    QDialogButtonBox, QFormLayout, QHeaderView, QLabel,
    QLineEdit, QRadioButton, QSizePolicy, QTableView,
    QVBoxLayout, QWidget)

class Ui_ReplaceCustomerDialog(object):
    def setupUi(self, ReplaceCustomerDialog):
        if not ReplaceCustomerDialog.objectName():
            ReplaceCustomerDialog.setObjectName(u"ReplaceCustomerDialog")
        ReplaceCustomerDialog.resize(680, 560)
        ReplaceCustomerDialog.setModal(True)
        self.dialogLayout = QVBoxLayout(ReplaceCustomerDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.scopeNote = QLabel(ReplaceCustomerDialog)
        self.scopeNote.setObjectName(u"scopeNote")
        self.scopeNote.setTextFormat(Qt.TextFormat.PlainText)
        self.scopeNote.setWordWrap(True)

        self.dialogLayout.addWidget(self.scopeNote)

        self.existingRadio = QRadioButton(ReplaceCustomerDialog)
        self.existingRadio.setObjectName(u"existingRadio")
        self.existingRadio.setChecked(True)

        self.dialogLayout.addWidget(self.existingRadio)

        self.searchEdit = QLineEdit(ReplaceCustomerDialog)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setClearButtonEnabled(True)

        self.dialogLayout.addWidget(self.searchEdit)

        self.resultsTable = QTableView(ReplaceCustomerDialog)
        self.resultsTable.setObjectName(u"resultsTable")
        self.resultsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.resultsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.resultsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.resultsTable.setShowGrid(False)
        self.resultsTable.setWordWrap(False)
        self.resultsTable.horizontalHeader().setStretchLastSection(True)
        self.resultsTable.verticalHeader().setVisible(False)

        self.dialogLayout.addWidget(self.resultsTable)

        self.newRadio = QRadioButton(ReplaceCustomerDialog)
        self.newRadio.setObjectName(u"newRadio")

        self.dialogLayout.addWidget(self.newRadio)

        self.newCustomerFields = QWidget(ReplaceCustomerDialog)
        self.newCustomerFields.setObjectName(u"newCustomerFields")
        self.newCustomerLayout = QFormLayout(self.newCustomerFields)
        self.newCustomerLayout.setObjectName(u"newCustomerLayout")
        self.newCustomerLayout.setContentsMargins(0, 0, 0, 0)
        self.firstNameLabel = QLabel(self.newCustomerFields)
        self.firstNameLabel.setObjectName(u"firstNameLabel")
        self.firstNameLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.newCustomerLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.firstNameLabel)

        self.firstNameEdit = QLineEdit(self.newCustomerFields)
        self.firstNameEdit.setObjectName(u"firstNameEdit")

        self.newCustomerLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.firstNameEdit)

        self.lastNameLabel = QLabel(self.newCustomerFields)
        self.lastNameLabel.setObjectName(u"lastNameLabel")
        self.lastNameLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.newCustomerLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.lastNameLabel)

        self.lastNameEdit = QLineEdit(self.newCustomerFields)
        self.lastNameEdit.setObjectName(u"lastNameEdit")

        self.newCustomerLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.lastNameEdit)

        self.companyLabel = QLabel(self.newCustomerFields)
        self.companyLabel.setObjectName(u"companyLabel")
        self.companyLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.newCustomerLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.companyLabel)

        self.companyEdit = QLineEdit(self.newCustomerFields)
        self.companyEdit.setObjectName(u"companyEdit")

        self.newCustomerLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.companyEdit)


        self.dialogLayout.addWidget(self.newCustomerFields)

        self.problemLabel = QLabel(ReplaceCustomerDialog)
        self.problemLabel.setObjectName(u"problemLabel")
        self.problemLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.problemLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.problemLabel)

        self.saveError = QLabel(ReplaceCustomerDialog)
        self.saveError.setObjectName(u"saveError")
        self.saveError.setTextFormat(Qt.TextFormat.PlainText)
        self.saveError.setWordWrap(True)

        self.dialogLayout.addWidget(self.saveError)

        self.buttonBox = QDialogButtonBox(ReplaceCustomerDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.firstNameLabel.setBuddy(self.firstNameEdit)
        self.lastNameLabel.setBuddy(self.lastNameEdit)
        self.companyLabel.setBuddy(self.companyEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.existingRadio, self.searchEdit)
        QWidget.setTabOrder(self.searchEdit, self.resultsTable)
        QWidget.setTabOrder(self.resultsTable, self.newRadio)
        QWidget.setTabOrder(self.newRadio, self.firstNameEdit)
        QWidget.setTabOrder(self.firstNameEdit, self.lastNameEdit)
        QWidget.setTabOrder(self.lastNameEdit, self.companyEdit)
        QWidget.setTabOrder(self.companyEdit, self.buttonBox)

        self.retranslateUi(ReplaceCustomerDialog)

        QMetaObject.connectSlotsByName(ReplaceCustomerDialog)
    # setupUi

    def retranslateUi(self, ReplaceCustomerDialog):
        ReplaceCustomerDialog.setWindowTitle(QCoreApplication.translate("ReplaceCustomerDialog", u"Replace Customer", None))
        self.scopeNote.setText("")
        self.existingRadio.setText(QCoreApplication.translate("ReplaceCustomerDialog", u"Pick an &existing customer", None))
#if QT_CONFIG(accessibility)
        self.searchEdit.setAccessibleName(QCoreApplication.translate("ReplaceCustomerDialog", u"Find a customer", None))
#endif // QT_CONFIG(accessibility)
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("ReplaceCustomerDialog", u"Find: name, company, number, email, VIN or phone", None))
#if QT_CONFIG(accessibility)
        self.resultsTable.setAccessibleName(QCoreApplication.translate("ReplaceCustomerDialog", u"Customers found", None))
#endif // QT_CONFIG(accessibility)
        self.newRadio.setText(QCoreApplication.translate("ReplaceCustomerDialog", u"Create a &new customer", None))
        self.firstNameLabel.setText(QCoreApplication.translate("ReplaceCustomerDialog", u"First na&me", None))
#if QT_CONFIG(accessibility)
        self.firstNameEdit.setAccessibleName(QCoreApplication.translate("ReplaceCustomerDialog", u"New customer's first name", None))
#endif // QT_CONFIG(accessibility)
        self.lastNameLabel.setText(QCoreApplication.translate("ReplaceCustomerDialog", u"&Last name", None))
#if QT_CONFIG(accessibility)
        self.lastNameEdit.setAccessibleName(QCoreApplication.translate("ReplaceCustomerDialog", u"New customer's last name", None))
#endif // QT_CONFIG(accessibility)
        self.companyLabel.setText(QCoreApplication.translate("ReplaceCustomerDialog", u"C&ompany", None))
#if QT_CONFIG(accessibility)
        self.companyEdit.setAccessibleName(QCoreApplication.translate("ReplaceCustomerDialog", u"New customer's company", None))
#endif // QT_CONFIG(accessibility)
        self.problemLabel.setText("")
        self.saveError.setText("")
    # retranslateUi

