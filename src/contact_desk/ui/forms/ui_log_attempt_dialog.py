# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'log_attempt_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QGridLayout, QLabel, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_LogAttemptDialog(object):
    def setupUi(self, LogAttemptDialog):
        if not LogAttemptDialog.objectName():
            LogAttemptDialog.setObjectName(u"LogAttemptDialog")
        LogAttemptDialog.resize(420, 180)
        LogAttemptDialog.setModal(True)
        self.dialogLayout = QVBoxLayout(LogAttemptDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.introLabel = QLabel(LogAttemptDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.introLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.introLabel)

        self.fieldsLayout = QGridLayout()
        self.fieldsLayout.setObjectName(u"fieldsLayout")
        self.fieldsLayout.setHorizontalSpacing(12)
        self.channelComboLabel = QLabel(LogAttemptDialog)
        self.channelComboLabel.setObjectName(u"channelComboLabel")
        self.channelComboLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.fieldsLayout.addWidget(self.channelComboLabel, 0, 0, 1, 1)

        self.channelCombo = QComboBox(LogAttemptDialog)
        self.channelCombo.setObjectName(u"channelCombo")

        self.fieldsLayout.addWidget(self.channelCombo, 0, 1, 1, 1)

        self.outcomeComboLabel = QLabel(LogAttemptDialog)
        self.outcomeComboLabel.setObjectName(u"outcomeComboLabel")
        self.outcomeComboLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.fieldsLayout.addWidget(self.outcomeComboLabel, 1, 0, 1, 1)

        self.outcomeCombo = QComboBox(LogAttemptDialog)
        self.outcomeCombo.setObjectName(u"outcomeCombo")

        self.fieldsLayout.addWidget(self.outcomeCombo, 1, 1, 1, 1)


        self.dialogLayout.addLayout(self.fieldsLayout)

        self.problemLabel = QLabel(LogAttemptDialog)
        self.problemLabel.setObjectName(u"problemLabel")
        self.problemLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.problemLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.problemLabel)

        self.bottomSpacer = QSpacerItem(10, 4, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialogLayout.addItem(self.bottomSpacer)

        self.buttonBox = QDialogButtonBox(LogAttemptDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.channelComboLabel.setBuddy(self.channelCombo)
        self.outcomeComboLabel.setBuddy(self.outcomeCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.channelCombo, self.outcomeCombo)

        self.retranslateUi(LogAttemptDialog)

        QMetaObject.connectSlotsByName(LogAttemptDialog)
    # setupUi

    def retranslateUi(self, LogAttemptDialog):
        LogAttemptDialog.setWindowTitle(QCoreApplication.translate("LogAttemptDialog", u"Log contact attempt", None))
        self.introLabel.setText(QCoreApplication.translate("LogAttemptDialog", u"How did you try to reach the customer, and did it work?", None))
        self.channelComboLabel.setText(QCoreApplication.translate("LogAttemptDialog", u"&Channel", None))
#if QT_CONFIG(accessibility)
        self.channelCombo.setAccessibleName(QCoreApplication.translate("LogAttemptDialog", u"Channel", None))
#endif // QT_CONFIG(accessibility)
        self.outcomeComboLabel.setText(QCoreApplication.translate("LogAttemptDialog", u"&Outcome", None))
#if QT_CONFIG(accessibility)
        self.outcomeCombo.setAccessibleName(QCoreApplication.translate("LogAttemptDialog", u"Outcome", None))
#endif // QT_CONFIG(accessibility)
        self.problemLabel.setText("")
    # retranslateUi

