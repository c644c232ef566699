# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'customer_page.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QFormLayout, QFrame,
    QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QSizePolicy, QSpacerItem, QTableView, QToolButton,
    QVBoxLayout, QWidget)

class Ui_CustomerPage(object):
    def setupUi(self, CustomerPage):
        if not CustomerPage.objectName():
            CustomerPage.setObjectName(u"CustomerPage")
        CustomerPage.resize(820, 640)
        self.pageLayout = QVBoxLayout(CustomerPage)
        self.pageLayout.setSpacing(10)
        self.pageLayout.setObjectName(u"pageLayout")
        self.customerHeader = QFrame(CustomerPage)
        self.customerHeader.setObjectName(u"customerHeader")
        self.customerHeader.setFrameShape(QFrame.Shape.StyledPanel)
        self.headerLayout = QHBoxLayout(self.customerHeader)
        self.headerLayout.setSpacing(24)
        self.headerLayout.setObjectName(u"headerLayout")
        self.whoLayout = QVBoxLayout()
        self.whoLayout.setSpacing(2)
        self.whoLayout.setObjectName(u"whoLayout")
        self.customerName = QLabel(self.customerHeader)
        self.customerName.setObjectName(u"customerName")
        self.customerName.setTextFormat(Qt.TextFormat.PlainText)
        self.customerName.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.whoLayout.addWidget(self.customerName)

        self.customerVehicle = QLabel(self.customerHeader)
        self.customerVehicle.setObjectName(u"customerVehicle")
        self.customerVehicle.setTextFormat(Qt.TextFormat.PlainText)

        self.whoLayout.addWidget(self.customerVehicle)

        self.customerNumber = QLabel(self.customerHeader)
        self.customerNumber.setObjectName(u"customerNumber")
        self.customerNumber.setTextFormat(Qt.TextFormat.PlainText)
        self.customerNumber.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.whoLayout.addWidget(self.customerNumber)


        self.headerLayout.addLayout(self.whoLayout)

        self.headerSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.headerSpacer)

        self.accountLayout = QFormLayout()
        self.accountLayout.setObjectName(u"accountLayout")
        self.accountLayout.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.accountLayout.setHorizontalSpacing(12)
        self.accountLayout.setVerticalSpacing(2)
        self.regularAmountLabel = QLabel(self.customerHeader)
        self.regularAmountLabel.setObjectName(u"regularAmountLabel")
        self.regularAmountLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.accountLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.regularAmountLabel)

        self.regularAmount = QLabel(self.customerHeader)
        self.regularAmount.setObjectName(u"regularAmount")
        self.regularAmount.setTextFormat(Qt.TextFormat.PlainText)

        self.accountLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.regularAmount)

        self.currentDueDateLabel = QLabel(self.customerHeader)
        self.currentDueDateLabel.setObjectName(u"currentDueDateLabel")
        self.currentDueDateLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.accountLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.currentDueDateLabel)

        self.currentDueDate = QLabel(self.customerHeader)
        self.currentDueDate.setObjectName(u"currentDueDate")
        self.currentDueDate.setTextFormat(Qt.TextFormat.PlainText)

        self.accountLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.currentDueDate)

        self.paymentFrequencyLabel = QLabel(self.customerHeader)
        self.paymentFrequencyLabel.setObjectName(u"paymentFrequencyLabel")
        self.paymentFrequencyLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.accountLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.paymentFrequencyLabel)

        self.paymentFrequency = QLabel(self.customerHeader)
        self.paymentFrequency.setObjectName(u"paymentFrequency")
        self.paymentFrequency.setTextFormat(Qt.TextFormat.PlainText)

        self.accountLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.paymentFrequency)

        self.currentAmountDueLabel = QLabel(self.customerHeader)
        self.currentAmountDueLabel.setObjectName(u"currentAmountDueLabel")
        self.currentAmountDueLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.accountLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.currentAmountDueLabel)

        self.currentAmountDue = QLabel(self.customerHeader)
        self.currentAmountDue.setObjectName(u"currentAmountDue")
        self.currentAmountDue.setTextFormat(Qt.TextFormat.PlainText)

        self.accountLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.currentAmountDue)


        self.headerLayout.addLayout(self.accountLayout)

        self.contactCardReopen = QToolButton(self.customerHeader)
        self.contactCardReopen.setObjectName(u"contactCardReopen")
        self.contactCardReopen.setIconSize(QSize(28, 28))
        self.contactCardReopen.setAutoRaise(True)

        self.headerLayout.addWidget(self.contactCardReopen)


        self.pageLayout.addWidget(self.customerHeader)

        self.contactWarning = QLabel(CustomerPage)
        self.contactWarning.setObjectName(u"contactWarning")
        self.contactWarning.setTextFormat(Qt.TextFormat.PlainText)
        self.contactWarning.setWordWrap(True)

        self.pageLayout.addWidget(self.contactWarning)

        self.contactInfoTitleLayout = QHBoxLayout()
        self.contactInfoTitleLayout.setObjectName(u"contactInfoTitleLayout")
        self.contactInfoTitle = QLabel(CustomerPage)
        self.contactInfoTitle.setObjectName(u"contactInfoTitle")
        self.contactInfoTitle.setTextFormat(Qt.TextFormat.PlainText)

        self.contactInfoTitleLayout.addWidget(self.contactInfoTitle)

        self.contactInfoSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.contactInfoTitleLayout.addItem(self.contactInfoSpacer)

        self.editContactInfoButton = QPushButton(CustomerPage)
        self.editContactInfoButton.setObjectName(u"editContactInfoButton")

        self.contactInfoTitleLayout.addWidget(self.editContactInfoButton)


        self.pageLayout.addLayout(self.contactInfoTitleLayout)

        self.phonesTitle = QLabel(CustomerPage)
        self.phonesTitle.setObjectName(u"phonesTitle")
        self.phonesTitle.setTextFormat(Qt.TextFormat.PlainText)

        self.pageLayout.addWidget(self.phonesTitle)

        self.phoneTable = QTableView(CustomerPage)
        self.phoneTable.setObjectName(u"phoneTable")
        self.phoneTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.phoneTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.phoneTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.phoneTable.setShowGrid(False)
        self.phoneTable.setWordWrap(False)
        self.phoneTable.horizontalHeader().setStretchLastSection(True)
        self.phoneTable.verticalHeader().setVisible(False)

        self.pageLayout.addWidget(self.phoneTable)

        self.emailsTitle = QLabel(CustomerPage)
        self.emailsTitle.setObjectName(u"emailsTitle")
        self.emailsTitle.setTextFormat(Qt.TextFormat.PlainText)

        self.pageLayout.addWidget(self.emailsTitle)

        self.emailTable = QTableView(CustomerPage)
        self.emailTable.setObjectName(u"emailTable")
        self.emailTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.emailTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.emailTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.emailTable.setShowGrid(False)
        self.emailTable.setWordWrap(False)
        self.emailTable.horizontalHeader().setStretchLastSection(True)
        self.emailTable.verticalHeader().setVisible(False)

        self.pageLayout.addWidget(self.emailTable)

        self.contactsTitleLayout = QHBoxLayout()
        self.contactsTitleLayout.setObjectName(u"contactsTitleLayout")
        self.contactsTitle = QLabel(CustomerPage)
        self.contactsTitle.setObjectName(u"contactsTitle")
        self.contactsTitle.setTextFormat(Qt.TextFormat.PlainText)

        self.contactsTitleLayout.addWidget(self.contactsTitle)

        self.contactsSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.contactsTitleLayout.addItem(self.contactsSpacer)

        self.addContactButton = QPushButton(CustomerPage)
        self.addContactButton.setObjectName(u"addContactButton")

        self.contactsTitleLayout.addWidget(self.addContactButton)


        self.pageLayout.addLayout(self.contactsTitleLayout)

        self.additionalContactsTable = QTableView(CustomerPage)
        self.additionalContactsTable.setObjectName(u"additionalContactsTable")
        self.additionalContactsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.additionalContactsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.additionalContactsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.additionalContactsTable.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.additionalContactsTable.setShowGrid(False)
        self.additionalContactsTable.setWordWrap(False)
        self.additionalContactsTable.horizontalHeader().setStretchLastSection(True)
        self.additionalContactsTable.verticalHeader().setVisible(False)

        self.pageLayout.addWidget(self.additionalContactsTable)

        self.programsTitle = QLabel(CustomerPage)
        self.programsTitle.setObjectName(u"programsTitle")
        self.programsTitle.setTextFormat(Qt.TextFormat.PlainText)

        self.pageLayout.addWidget(self.programsTitle)

        self.programsSection = QWidget(CustomerPage)
        self.programsSection.setObjectName(u"programsSection")
        self.programsLayout = QVBoxLayout(self.programsSection)
        self.programsLayout.setObjectName(u"programsLayout")
        self.programsLayout.setContentsMargins(0, 0, 0, 0)

        self.pageLayout.addWidget(self.programsSection)

#if QT_CONFIG(shortcut)
        self.phonesTitle.setBuddy(self.phoneTable)
        self.emailsTitle.setBuddy(self.emailTable)
        self.contactsTitle.setBuddy(self.additionalContactsTable)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.editContactInfoButton, self.phoneTable)
        QWidget.setTabOrder(self.phoneTable, self.emailTable)
        QWidget.setTabOrder(self.emailTable, self.addContactButton)
        QWidget.setTabOrder(self.addContactButton, self.additionalContactsTable)

        self.retranslateUi(CustomerPage)

        QMetaObject.connectSlotsByName(CustomerPage)
    # setupUi

    def retranslateUi(self, CustomerPage):
        CustomerPage.setWindowTitle(QCoreApplication.translate("CustomerPage", u"Customer", None))
        self.customerName.setText(QCoreApplication.translate("CustomerPage", u"Customer name", None))
        self.customerVehicle.setText(QCoreApplication.translate("CustomerPage", u"Vehicle", None))
        self.customerNumber.setText(QCoreApplication.translate("CustomerPage", u"Customer number", None))
        self.regularAmountLabel.setText(QCoreApplication.translate("CustomerPage", u"Regular Scheduled Amount", None))
        self.regularAmount.setText(QCoreApplication.translate("CustomerPage", u"\u2014", None))
        self.currentDueDateLabel.setText(QCoreApplication.translate("CustomerPage", u"Current Due Date", None))
        self.currentDueDate.setText(QCoreApplication.translate("CustomerPage", u"\u2014", None))
        self.paymentFrequencyLabel.setText(QCoreApplication.translate("CustomerPage", u"Payment Frequency", None))
        self.paymentFrequency.setText(QCoreApplication.translate("CustomerPage", u"\u2014", None))
        self.currentAmountDueLabel.setText(QCoreApplication.translate("CustomerPage", u"Current Amount Due", None))
        self.currentAmountDue.setText(QCoreApplication.translate("CustomerPage", u"\u2014", None))
#if QT_CONFIG(tooltip)
        self.contactCardReopen.setToolTip(QCoreApplication.translate("CustomerPage", u"Show the contact card (Ctrl+K)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.contactCardReopen.setAccessibleName(QCoreApplication.translate("CustomerPage", u"Show the contact card", None))
#endif // QT_CONFIG(accessibility)
        self.contactWarning.setText("")
#if QT_CONFIG(accessibility)
        self.contactWarning.setAccessibleName(QCoreApplication.translate("CustomerPage", u"Contact warning", None))
#endif // QT_CONFIG(accessibility)
        self.contactInfoTitle.setText(QCoreApplication.translate("CustomerPage", u"Contact Info", None))
        self.editContactInfoButton.setText(QCoreApplication.translate("CustomerPage", u"&Edit Contact Info\u2026", None))
#if QT_CONFIG(tooltip)
        self.editContactInfoButton.setToolTip(QCoreApplication.translate("CustomerPage", u"Correct, add or deactivate phones and emails (Ctrl+E)", None))
#endif // QT_CONFIG(tooltip)
        self.phonesTitle.setText(QCoreApplication.translate("CustomerPage", u"Phones", None))
#if QT_CONFIG(accessibility)
        self.phoneTable.setAccessibleName(QCoreApplication.translate("CustomerPage", u"Phones", None))
#endif // QT_CONFIG(accessibility)
        self.emailsTitle.setText(QCoreApplication.translate("CustomerPage", u"Emails", None))
#if QT_CONFIG(accessibility)
        self.emailTable.setAccessibleName(QCoreApplication.translate("CustomerPage", u"Emails", None))
#endif // QT_CONFIG(accessibility)
        self.contactsTitle.setText(QCoreApplication.translate("CustomerPage", u"Contacts", None))
        self.addContactButton.setText(QCoreApplication.translate("CustomerPage", u"&Add Contact\u2026", None))
#if QT_CONFIG(tooltip)
        self.addContactButton.setToolTip(QCoreApplication.translate("CustomerPage", u"Add a person on this account: spouse, assistant, bookkeeper\u2026", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.additionalContactsTable.setAccessibleName(QCoreApplication.translate("CustomerPage", u"Contacts", None))
#endif // QT_CONFIG(accessibility)
        self.programsTitle.setText(QCoreApplication.translate("CustomerPage", u"Programs", None))
#if QT_CONFIG(accessibility)
        self.programsSection.setAccessibleName(QCoreApplication.translate("CustomerPage", u"Programs", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

