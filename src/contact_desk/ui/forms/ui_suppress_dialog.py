# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'suppress_dialog.ui'
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
    QDateEdit, QDialog, QDialogButtonBox, QGridLayout,
    QHBoxLayout, QLabel, QLineEdit, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_SuppressDialog(object):
    def setupUi(self, SuppressDialog):
        if not SuppressDialog.objectName():
            SuppressDialog.setObjectName(u"SuppressDialog")
        SuppressDialog.resize(480, 210)
        SuppressDialog.setModal(True)
        self.dialogLayout = QVBoxLayout(SuppressDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.introLabel = QLabel(SuppressDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.introLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.introLabel)

        self.fieldsLayout = QGridLayout()
        self.fieldsLayout.setObjectName(u"fieldsLayout")
        self.fieldsLayout.setHorizontalSpacing(12)
        self.messageComboLabel = QLabel(SuppressDialog)
        self.messageComboLabel.setObjectName(u"messageComboLabel")
        self.messageComboLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.fieldsLayout.addWidget(self.messageComboLabel, 0, 0, 1, 1)

        self.messageCombo = QComboBox(SuppressDialog)
        self.messageCombo.setObjectName(u"messageCombo")

        self.fieldsLayout.addWidget(self.messageCombo, 0, 1, 1, 1)

        self.reasonEditLabel = QLabel(SuppressDialog)
        self.reasonEditLabel.setObjectName(u"reasonEditLabel")
        self.reasonEditLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.fieldsLayout.addWidget(self.reasonEditLabel, 1, 0, 1, 1)

        self.reasonEdit = QLineEdit(SuppressDialog)
        self.reasonEdit.setObjectName(u"reasonEdit")

        self.fieldsLayout.addWidget(self.reasonEdit, 1, 1, 1, 1)

        self.vehicleComboLabel = QLabel(SuppressDialog)
        self.vehicleComboLabel.setObjectName(u"vehicleComboLabel")
        self.vehicleComboLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.fieldsLayout.addWidget(self.vehicleComboLabel, 2, 0, 1, 1)

        self.vehicleCombo = QComboBox(SuppressDialog)
        self.vehicleCombo.setObjectName(u"vehicleCombo")

        self.fieldsLayout.addWidget(self.vehicleCombo, 2, 1, 1, 1)

        self.endDateEditLabel = QLabel(SuppressDialog)
        self.endDateEditLabel.setObjectName(u"endDateEditLabel")
        self.endDateEditLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.fieldsLayout.addWidget(self.endDateEditLabel, 3, 0, 1, 1)

        self.endsLayout = QHBoxLayout()
        self.endsLayout.setSpacing(12)
        self.endsLayout.setObjectName(u"endsLayout")
        self.noEndCheck = QCheckBox(SuppressDialog)
        self.noEndCheck.setObjectName(u"noEndCheck")

        self.endsLayout.addWidget(self.noEndCheck)

        self.endDateEdit = QDateEdit(SuppressDialog)
        self.endDateEdit.setObjectName(u"endDateEdit")
        self.endDateEdit.setCalendarPopup(True)

        self.endsLayout.addWidget(self.endDateEdit)

        self.endsSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.endsLayout.addItem(self.endsSpacer)


        self.fieldsLayout.addLayout(self.endsLayout, 3, 1, 1, 1)


        self.dialogLayout.addLayout(self.fieldsLayout)

        self.problemLabel = QLabel(SuppressDialog)
        self.problemLabel.setObjectName(u"problemLabel")
        self.problemLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.problemLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.problemLabel)

        self.bottomSpacer = QSpacerItem(10, 4, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialogLayout.addItem(self.bottomSpacer)

        self.buttonBox = QDialogButtonBox(SuppressDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.messageComboLabel.setBuddy(self.messageCombo)
        self.reasonEditLabel.setBuddy(self.reasonEdit)
        self.vehicleComboLabel.setBuddy(self.vehicleCombo)
        self.endDateEditLabel.setBuddy(self.endDateEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.messageCombo, self.reasonEdit)
        QWidget.setTabOrder(self.reasonEdit, self.vehicleCombo)
        QWidget.setTabOrder(self.vehicleCombo, self.noEndCheck)
        QWidget.setTabOrder(self.noEndCheck, self.endDateEdit)

        self.retranslateUi(SuppressDialog)

        QMetaObject.connectSlotsByName(SuppressDialog)
    # setupUi

    def retranslateUi(self, SuppressDialog):
        SuppressDialog.setWindowTitle(QCoreApplication.translate("SuppressDialog", u"Suppress a message", None))
        self.introLabel.setText(QCoreApplication.translate("SuppressDialog", u"Messages of this type go to nobody on the account (about the vehicle, if you choose one) until the end date, or until the suppression is lifted.", None))
        self.messageComboLabel.setText(QCoreApplication.translate("SuppressDialog", u"&Message", None))
#if QT_CONFIG(accessibility)
        self.messageCombo.setAccessibleName(QCoreApplication.translate("SuppressDialog", u"Message type", None))
#endif // QT_CONFIG(accessibility)
        self.reasonEditLabel.setText(QCoreApplication.translate("SuppressDialog", u"&Reason", None))
#if QT_CONFIG(accessibility)
        self.reasonEdit.setAccessibleName(QCoreApplication.translate("SuppressDialog", u"Reason", None))
#endif // QT_CONFIG(accessibility)
        self.reasonEdit.setPlaceholderText(QCoreApplication.translate("SuppressDialog", u"The customer asked, the car was sold\u2026", None))
        self.vehicleComboLabel.setText(QCoreApplication.translate("SuppressDialog", u"&Vehicle", None))
#if QT_CONFIG(accessibility)
        self.vehicleCombo.setAccessibleName(QCoreApplication.translate("SuppressDialog", u"Only about this vehicle", None))
#endif // QT_CONFIG(accessibility)
        self.endDateEditLabel.setText(QCoreApplication.translate("SuppressDialog", u"&Ends on", None))
        self.noEndCheck.setText(QCoreApplication.translate("SuppressDialog", u"&No end date", None))
#if QT_CONFIG(accessibility)
        self.noEndCheck.setAccessibleName(QCoreApplication.translate("SuppressDialog", u"No end date: until it is lifted", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.noEndCheck.setToolTip(QCoreApplication.translate("SuppressDialog", u"In force until someone lifts it", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.endDateEdit.setAccessibleName(QCoreApplication.translate("SuppressDialog", u"End date", None))
#endif // QT_CONFIG(accessibility)
        self.endDateEdit.setDisplayFormat(QCoreApplication.translate("SuppressDialog", u"yyyy-MM-dd", None))
        self.problemLabel.setText("")
    # retranslateUi

