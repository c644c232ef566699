# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'program_frame.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QAbstractScrollArea, QApplication, QFrame,
    QGridLayout, QHBoxLayout, QHeaderView, QLabel,
    QSizePolicy, QSpacerItem, QTableView, QToolButton,
    QVBoxLayout, QWidget)

class Ui_ProgramFrame(object):
    def setupUi(self, ProgramFrame):
        if not ProgramFrame.objectName():
            ProgramFrame.setObjectName(u"ProgramFrame")
        ProgramFrame.resize(720, 260)
        ProgramFrame.setFrameShape(QFrame.Shape.StyledPanel)
        self.frameLayout = QVBoxLayout(ProgramFrame)
        self.frameLayout.setSpacing(4)
        self.frameLayout.setObjectName(u"frameLayout")
        self.headingLayout = QHBoxLayout()
        self.headingLayout.setSpacing(10)
        self.headingLayout.setObjectName(u"headingLayout")
        self.numberLabel = QLabel(ProgramFrame)
        self.numberLabel.setObjectName(u"numberLabel")
        self.numberLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.numberLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.headingLayout.addWidget(self.numberLabel)

        self.stateLabel = QLabel(ProgramFrame)
        self.stateLabel.setObjectName(u"stateLabel")
        self.stateLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.headingLayout.addWidget(self.stateLabel)

        self.headingSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headingLayout.addItem(self.headingSpacer)

        self.financedLabel = QLabel(ProgramFrame)
        self.financedLabel.setObjectName(u"financedLabel")
        self.financedLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.headingLayout.addWidget(self.financedLabel)


        self.frameLayout.addLayout(self.headingLayout)

        self.descriptionLabel = QLabel(ProgramFrame)
        self.descriptionLabel.setObjectName(u"descriptionLabel")
        self.descriptionLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.descriptionLabel.setWordWrap(True)

        self.frameLayout.addWidget(self.descriptionLabel)

        self.rolesTitle = QLabel(ProgramFrame)
        self.rolesTitle.setObjectName(u"rolesTitle")
        self.rolesTitle.setTextFormat(Qt.TextFormat.PlainText)

        self.frameLayout.addWidget(self.rolesTitle)

        self.rolesLayout = QGridLayout()
        self.rolesLayout.setObjectName(u"rolesLayout")
        self.rolesLayout.setHorizontalSpacing(12)
        self.rolesLayout.setVerticalSpacing(2)
        self.customerRoleLabel = QLabel(ProgramFrame)
        self.customerRoleLabel.setObjectName(u"customerRoleLabel")
        self.customerRoleLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.rolesLayout.addWidget(self.customerRoleLabel, 0, 0, 1, 1)

        self.customerName = QLabel(ProgramFrame)
        self.customerName.setObjectName(u"customerName")
        self.customerName.setTextFormat(Qt.TextFormat.PlainText)
        self.customerName.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.rolesLayout.addWidget(self.customerName, 0, 1, 1, 1)

        self.customerRoleMenu = QToolButton(ProgramFrame)
        self.customerRoleMenu.setObjectName(u"customerRoleMenu")
        self.customerRoleMenu.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.customerRoleMenu.setAutoRaise(True)

        self.rolesLayout.addWidget(self.customerRoleMenu, 0, 2, 1, 1)

        self.contactRoleLabel = QLabel(ProgramFrame)
        self.contactRoleLabel.setObjectName(u"contactRoleLabel")
        self.contactRoleLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.rolesLayout.addWidget(self.contactRoleLabel, 1, 0, 1, 1)

        self.contactName = QLabel(ProgramFrame)
        self.contactName.setObjectName(u"contactName")
        self.contactName.setTextFormat(Qt.TextFormat.PlainText)
        self.contactName.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.rolesLayout.addWidget(self.contactName, 1, 1, 1, 1)

        self.contactRoleMenu = QToolButton(ProgramFrame)
        self.contactRoleMenu.setObjectName(u"contactRoleMenu")
        self.contactRoleMenu.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.contactRoleMenu.setAutoRaise(True)

        self.rolesLayout.addWidget(self.contactRoleMenu, 1, 2, 1, 1)

        self.rolesLayout.setColumnStretch(3, 1)

        self.frameLayout.addLayout(self.rolesLayout)

        self.invoicesTitle = QLabel(ProgramFrame)
        self.invoicesTitle.setObjectName(u"invoicesTitle")
        self.invoicesTitle.setTextFormat(Qt.TextFormat.PlainText)

        self.frameLayout.addWidget(self.invoicesTitle)

        self.invoicesTable = QTableView(ProgramFrame)
        self.invoicesTable.setObjectName(u"invoicesTable")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.invoicesTable.sizePolicy().hasHeightForWidth())
        self.invoicesTable.setSizePolicy(sizePolicy)
        self.invoicesTable.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.invoicesTable.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.invoicesTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.invoicesTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.invoicesTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.invoicesTable.setShowGrid(False)
        self.invoicesTable.setWordWrap(False)
        self.invoicesTable.horizontalHeader().setStretchLastSection(True)
        self.invoicesTable.verticalHeader().setVisible(False)

        self.frameLayout.addWidget(self.invoicesTable)

        self.noInvoicesLabel = QLabel(ProgramFrame)
        self.noInvoicesLabel.setObjectName(u"noInvoicesLabel")
        self.noInvoicesLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.frameLayout.addWidget(self.noInvoicesLabel)

        QWidget.setTabOrder(self.customerRoleMenu, self.contactRoleMenu)
        QWidget.setTabOrder(self.contactRoleMenu, self.invoicesTable)

        self.retranslateUi(ProgramFrame)

        QMetaObject.connectSlotsByName(ProgramFrame)
    # setupUi

    def retranslateUi(self, ProgramFrame):
        self.numberLabel.setText(QCoreApplication.translate("ProgramFrame", u"Program", None))
        self.stateLabel.setText(QCoreApplication.translate("ProgramFrame", u"State", None))
        self.financedLabel.setText(QCoreApplication.translate("ProgramFrame", u"Financed", None))
        self.descriptionLabel.setText("")
        self.rolesTitle.setText(QCoreApplication.translate("ProgramFrame", u"Customer and Roles", None))
        self.customerRoleLabel.setText(QCoreApplication.translate("ProgramFrame", u"Customer", None))
        self.customerName.setText("")
        self.customerRoleMenu.setText(QCoreApplication.translate("ProgramFrame", u"\u22ee", None))
#if QT_CONFIG(tooltip)
        self.customerRoleMenu.setToolTip(QCoreApplication.translate("ProgramFrame", u"What can change about the customer on this program", None))
#endif // QT_CONFIG(tooltip)
        self.contactRoleLabel.setText(QCoreApplication.translate("ProgramFrame", u"Contact", None))
        self.contactName.setText("")
        self.contactRoleMenu.setText(QCoreApplication.translate("ProgramFrame", u"\u22ee", None))
#if QT_CONFIG(tooltip)
        self.contactRoleMenu.setToolTip(QCoreApplication.translate("ProgramFrame", u"What can change about the contact on this program", None))
#endif // QT_CONFIG(tooltip)
        self.invoicesTitle.setText(QCoreApplication.translate("ProgramFrame", u"Invoices", None))
        self.noInvoicesLabel.setText(QCoreApplication.translate("ProgramFrame", u"No invoices on this program yet.", None))
        pass
    # retranslateUi

