# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'merge_dialog.ui'
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
    QDialog, QDialogButtonBox, QFormLayout, QFrame,
    QGridLayout, QHBoxLayout, QLabel, QListWidget,
    QListWidgetItem, QScrollArea, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_MergeDialog(object):
    def setupUi(self, MergeDialog):
        if not MergeDialog.objectName():
            MergeDialog.setObjectName(u"MergeDialog")
        MergeDialog.resize(860, 680)
        MergeDialog.setModal(True)
        self.dialogLayout = QVBoxLayout(MergeDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.introLabel = QLabel(MergeDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.introLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.introLabel)

        self.fieldsScroll = QScrollArea(MergeDialog)
        self.fieldsScroll.setObjectName(u"fieldsScroll")
        self.fieldsScroll.setWidgetResizable(True)
        self.fieldsScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.fieldsBox = QWidget()
        self.fieldsBox.setObjectName(u"fieldsBox")
        self.fieldsGrid = QGridLayout(self.fieldsBox)
        self.fieldsGrid.setObjectName(u"fieldsGrid")
        self.fieldsGrid.setHorizontalSpacing(16)
        self.fieldsGrid.setVerticalSpacing(6)
        self.fieldHeader = QLabel(self.fieldsBox)
        self.fieldHeader.setObjectName(u"fieldHeader")
        self.fieldHeader.setTextFormat(Qt.TextFormat.PlainText)

        self.fieldsGrid.addWidget(self.fieldHeader, 0, 0, 1, 1)

        self.keepHeader = QLabel(self.fieldsBox)
        self.keepHeader.setObjectName(u"keepHeader")
        self.keepHeader.setTextFormat(Qt.TextFormat.PlainText)
        self.keepHeader.setWordWrap(True)

        self.fieldsGrid.addWidget(self.keepHeader, 0, 1, 1, 1)

        self.otherHeader = QLabel(self.fieldsBox)
        self.otherHeader.setObjectName(u"otherHeader")
        self.otherHeader.setTextFormat(Qt.TextFormat.PlainText)
        self.otherHeader.setWordWrap(True)

        self.fieldsGrid.addWidget(self.otherHeader, 0, 2, 1, 1)

        self.fieldsScroll.setWidget(self.fieldsBox)

        self.dialogLayout.addWidget(self.fieldsScroll)

        self.primaryLayout = QFormLayout()
        self.primaryLayout.setObjectName(u"primaryLayout")
        self.primaryPhoneComboLabel = QLabel(MergeDialog)
        self.primaryPhoneComboLabel.setObjectName(u"primaryPhoneComboLabel")
        self.primaryPhoneComboLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.primaryLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.primaryPhoneComboLabel)

        self.primaryPhoneCombo = QComboBox(MergeDialog)
        self.primaryPhoneCombo.setObjectName(u"primaryPhoneCombo")

        self.primaryLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.primaryPhoneCombo)

        self.primaryEmailComboLabel = QLabel(MergeDialog)
        self.primaryEmailComboLabel.setObjectName(u"primaryEmailComboLabel")
        self.primaryEmailComboLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.primaryLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.primaryEmailComboLabel)

        self.primaryEmailCombo = QComboBox(MergeDialog)
        self.primaryEmailCombo.setObjectName(u"primaryEmailCombo")

        self.primaryLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.primaryEmailCombo)


        self.dialogLayout.addLayout(self.primaryLayout)

        self.listsLayout = QHBoxLayout()
        self.listsLayout.setObjectName(u"listsLayout")
        self.movingLayout = QVBoxLayout()
        self.movingLayout.setObjectName(u"movingLayout")
        self.movingListLabel = QLabel(MergeDialog)
        self.movingListLabel.setObjectName(u"movingListLabel")
        self.movingListLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.movingLayout.addWidget(self.movingListLabel)

        self.movingList = QListWidget(MergeDialog)
        self.movingList.setObjectName(u"movingList")
        self.movingList.setMaximumSize(QSize(16777215, 150))
        self.movingList.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)

        self.movingLayout.addWidget(self.movingList)


        self.listsLayout.addLayout(self.movingLayout)

        self.keptOnceLayout = QVBoxLayout()
        self.keptOnceLayout.setObjectName(u"keptOnceLayout")
        self.keptOnceListLabel = QLabel(MergeDialog)
        self.keptOnceListLabel.setObjectName(u"keptOnceListLabel")
        self.keptOnceListLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.keptOnceLayout.addWidget(self.keptOnceListLabel)

        self.keptOnceList = QListWidget(MergeDialog)
        self.keptOnceList.setObjectName(u"keptOnceList")
        self.keptOnceList.setMaximumSize(QSize(16777215, 150))
        self.keptOnceList.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)

        self.keptOnceLayout.addWidget(self.keptOnceList)


        self.listsLayout.addLayout(self.keptOnceLayout)


        self.dialogLayout.addLayout(self.listsLayout)

        self.problemLabel = QLabel(MergeDialog)
        self.problemLabel.setObjectName(u"problemLabel")
        self.problemLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.problemLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.problemLabel)

        self.buttonBox = QDialogButtonBox(MergeDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialogLayout.addWidget(self.buttonBox)

        self.dialogLayout.setStretch(1, 1)
#if QT_CONFIG(shortcut)
        self.primaryPhoneComboLabel.setBuddy(self.primaryPhoneCombo)
        self.primaryEmailComboLabel.setBuddy(self.primaryEmailCombo)
        self.movingListLabel.setBuddy(self.movingList)
        self.keptOnceListLabel.setBuddy(self.keptOnceList)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.fieldsScroll, self.primaryPhoneCombo)
        QWidget.setTabOrder(self.primaryPhoneCombo, self.primaryEmailCombo)
        QWidget.setTabOrder(self.primaryEmailCombo, self.movingList)
        QWidget.setTabOrder(self.movingList, self.keptOnceList)

        self.retranslateUi(MergeDialog)

        QMetaObject.connectSlotsByName(MergeDialog)
    # setupUi

    def retranslateUi(self, MergeDialog):
        MergeDialog.setWindowTitle(QCoreApplication.translate("MergeDialog", u"Merge customers", None))
        self.introLabel.setText(QCoreApplication.translate("MergeDialog", u"Everything of the customer on the right moves to the customer on the left, who stays; equal phones and emails are kept once. Pick the value that stays for each field: the DMS value is chosen where one of them comes from the DMS.", None))
        self.fieldHeader.setText(QCoreApplication.translate("MergeDialog", u"Field", None))
        self.keepHeader.setText(QCoreApplication.translate("MergeDialog", u"Stays", None))
        self.otherHeader.setText(QCoreApplication.translate("MergeDialog", u"Merged in", None))
        self.primaryPhoneComboLabel.setText(QCoreApplication.translate("MergeDialog", u"Primary &phone", None))
#if QT_CONFIG(accessibility)
        self.primaryPhoneCombo.setAccessibleName(QCoreApplication.translate("MergeDialog", u"Primary phone after the merge", None))
#endif // QT_CONFIG(accessibility)
        self.primaryEmailComboLabel.setText(QCoreApplication.translate("MergeDialog", u"Primary &email", None))
#if QT_CONFIG(accessibility)
        self.primaryEmailCombo.setAccessibleName(QCoreApplication.translate("MergeDialog", u"Primary email after the merge", None))
#endif // QT_CONFIG(accessibility)
        self.movingListLabel.setText(QCoreApplication.translate("MergeDialog", u"Moves to the customer who &stays", None))
#if QT_CONFIG(accessibility)
        self.movingList.setAccessibleName(QCoreApplication.translate("MergeDialog", u"What moves to the customer who stays", None))
#endif // QT_CONFIG(accessibility)
        self.keptOnceListLabel.setText(QCoreApplication.translate("MergeDialog", u"On &both, kept once", None))
#if QT_CONFIG(accessibility)
        self.keptOnceList.setAccessibleName(QCoreApplication.translate("MergeDialog", u"Values both customers have, kept once", None))
#endif // QT_CONFIG(accessibility)
        self.problemLabel.setText("")
    # retranslateUi

