# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'edit_contact_info.ui'
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
    QFrame, QHBoxLayout, QLabel, QPushButton,
    QScrollArea, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_EditContactInfoDialog(object):
    def setupUi(self, EditContactInfoDialog):
        if not EditContactInfoDialog.objectName():
            EditContactInfoDialog.setObjectName(u"EditContactInfoDialog")
        EditContactInfoDialog.resize(720, 560)
        EditContactInfoDialog.setModal(True)
        self.dialogLayout = QVBoxLayout(EditContactInfoDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.introLabel = QLabel(EditContactInfoDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.introLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.introLabel)

        self.rowsArea = QScrollArea(EditContactInfoDialog)
        self.rowsArea.setObjectName(u"rowsArea")
        self.rowsArea.setWidgetResizable(True)
        self.rowsArea.setFrameShape(QFrame.Shape.NoFrame)
        self.rowsWidget = QWidget()
        self.rowsWidget.setObjectName(u"rowsWidget")
        self.rowsLayout = QVBoxLayout(self.rowsWidget)
        self.rowsLayout.setObjectName(u"rowsLayout")
        self.phonesTitle = QLabel(self.rowsWidget)
        self.phonesTitle.setObjectName(u"phonesTitle")
        self.phonesTitle.setTextFormat(Qt.TextFormat.PlainText)

        self.rowsLayout.addWidget(self.phonesTitle)

        self.phoneRows = QVBoxLayout()
        self.phoneRows.setSpacing(6)
        self.phoneRows.setObjectName(u"phoneRows")

        self.rowsLayout.addLayout(self.phoneRows)

        self.addPhoneLayout = QHBoxLayout()
        self.addPhoneLayout.setObjectName(u"addPhoneLayout")
        self.addPhoneButton = QPushButton(self.rowsWidget)
        self.addPhoneButton.setObjectName(u"addPhoneButton")

        self.addPhoneLayout.addWidget(self.addPhoneButton)

        self.addPhoneSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.addPhoneLayout.addItem(self.addPhoneSpacer)


        self.rowsLayout.addLayout(self.addPhoneLayout)

        self.emailsTitle = QLabel(self.rowsWidget)
        self.emailsTitle.setObjectName(u"emailsTitle")
        self.emailsTitle.setTextFormat(Qt.TextFormat.PlainText)

        self.rowsLayout.addWidget(self.emailsTitle)

        self.emailRows = QVBoxLayout()
        self.emailRows.setSpacing(6)
        self.emailRows.setObjectName(u"emailRows")

        self.rowsLayout.addLayout(self.emailRows)

        self.addEmailLayout = QHBoxLayout()
        self.addEmailLayout.setObjectName(u"addEmailLayout")
        self.addEmailButton = QPushButton(self.rowsWidget)
        self.addEmailButton.setObjectName(u"addEmailButton")

        self.addEmailLayout.addWidget(self.addEmailButton)

        self.addEmailSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.addEmailLayout.addItem(self.addEmailSpacer)


        self.rowsLayout.addLayout(self.addEmailLayout)

        self.rowsSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.rowsLayout.addItem(self.rowsSpacer)

        self.rowsArea.setWidget(self.rowsWidget)

        self.dialogLayout.addWidget(self.rowsArea)

        self.saveError = QLabel(EditContactInfoDialog)
        self.saveError.setObjectName(u"saveError")
        self.saveError.setTextFormat(Qt.TextFormat.PlainText)
        self.saveError.setWordWrap(True)

        self.dialogLayout.addWidget(self.saveError)

        self.buttonBox = QDialogButtonBox(EditContactInfoDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialogLayout.addWidget(self.buttonBox)


        self.retranslateUi(EditContactInfoDialog)

        QMetaObject.connectSlotsByName(EditContactInfoDialog)
    # setupUi

    def retranslateUi(self, EditContactInfoDialog):
        EditContactInfoDialog.setWindowTitle(QCoreApplication.translate("EditContactInfoDialog", u"Edit Contact Info", None))
        self.introLabel.setText(QCoreApplication.translate("EditContactInfoDialog", u"Correct a value, add a phone or email, or mark one Inactive or Invalid.", None))
        self.phonesTitle.setText(QCoreApplication.translate("EditContactInfoDialog", u"Phones", None))
        self.addPhoneButton.setText(QCoreApplication.translate("EditContactInfoDialog", u"Add &phone", None))
#if QT_CONFIG(tooltip)
        self.addPhoneButton.setToolTip(QCoreApplication.translate("EditContactInfoDialog", u"Add a phone number the dealership was given", None))
#endif // QT_CONFIG(tooltip)
        self.emailsTitle.setText(QCoreApplication.translate("EditContactInfoDialog", u"Emails", None))
        self.addEmailButton.setText(QCoreApplication.translate("EditContactInfoDialog", u"Add e&mail", None))
#if QT_CONFIG(tooltip)
        self.addEmailButton.setToolTip(QCoreApplication.translate("EditContactInfoDialog", u"Add an email address the dealership was given", None))
#endif // QT_CONFIG(tooltip)
        self.saveError.setText("")
    # retranslateUi

