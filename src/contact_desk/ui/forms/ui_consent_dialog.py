# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'consent_dialog.ui'
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
    QDialogButtonBox, QGridLayout, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_ConsentDialog(object):
    def setupUi(self, ConsentDialog):
        if not ConsentDialog.objectName():
            ConsentDialog.setObjectName(u"ConsentDialog")
        ConsentDialog.resize(600, 360)
        ConsentDialog.setModal(True)
        self.dialogLayout = QVBoxLayout(ConsentDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.valueLabel = QLabel(ConsentDialog)
        self.valueLabel.setObjectName(u"valueLabel")
        self.valueLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.valueLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.valueLabel)

        self.currentGroup = QGroupBox(ConsentDialog)
        self.currentGroup.setObjectName(u"currentGroup")
        self.currentGrid = QGridLayout(self.currentGroup)
        self.currentGrid.setObjectName(u"currentGrid")
        self.currentGrid.setHorizontalSpacing(12)
        self.currentGrid.setVerticalSpacing(4)

        self.dialogLayout.addWidget(self.currentGroup)

        self.pendingLabel = QLabel(ConsentDialog)
        self.pendingLabel.setObjectName(u"pendingLabel")
        self.pendingLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.pendingLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.pendingLabel)

        self.recordGroup = QGroupBox(ConsentDialog)
        self.recordGroup.setObjectName(u"recordGroup")
        self.recordGrid = QGridLayout(self.recordGroup)
        self.recordGrid.setObjectName(u"recordGrid")
        self.recordGrid.setHorizontalSpacing(12)
        self.recordGrid.setVerticalSpacing(6)
        self.channelLabel = QLabel(self.recordGroup)
        self.channelLabel.setObjectName(u"channelLabel")
        self.channelLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.recordGrid.addWidget(self.channelLabel, 0, 0, 1, 1)

        self.channelCombo = QComboBox(self.recordGroup)
        self.channelCombo.setObjectName(u"channelCombo")

        self.recordGrid.addWidget(self.channelCombo, 0, 1, 1, 1)

        self.purposeLabel = QLabel(self.recordGroup)
        self.purposeLabel.setObjectName(u"purposeLabel")
        self.purposeLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.recordGrid.addWidget(self.purposeLabel, 1, 0, 1, 1)

        self.purposeCombo = QComboBox(self.recordGroup)
        self.purposeCombo.setObjectName(u"purposeCombo")

        self.recordGrid.addWidget(self.purposeCombo, 1, 1, 1, 1)

        self.stateLabel = QLabel(self.recordGroup)
        self.stateLabel.setObjectName(u"stateLabel")
        self.stateLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.recordGrid.addWidget(self.stateLabel, 2, 0, 1, 1)

        self.stateCombo = QComboBox(self.recordGroup)
        self.stateCombo.setObjectName(u"stateCombo")

        self.recordGrid.addWidget(self.stateCombo, 2, 1, 1, 1)

        self.howLabel = QLabel(self.recordGroup)
        self.howLabel.setObjectName(u"howLabel")
        self.howLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.recordGrid.addWidget(self.howLabel, 3, 0, 1, 1)

        self.howCombo = QComboBox(self.recordGroup)
        self.howCombo.setObjectName(u"howCombo")

        self.recordGrid.addWidget(self.howCombo, 3, 1, 1, 1)

        self.noteLabel = QLabel(self.recordGroup)
        self.noteLabel.setObjectName(u"noteLabel")
        self.noteLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.recordGrid.addWidget(self.noteLabel, 4, 0, 1, 1)

        self.noteEdit = QLineEdit(self.recordGroup)
        self.noteEdit.setObjectName(u"noteEdit")

        self.recordGrid.addWidget(self.noteEdit, 4, 1, 1, 1)

        self.fileLabel = QLabel(self.recordGroup)
        self.fileLabel.setObjectName(u"fileLabel")
        self.fileLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.recordGrid.addWidget(self.fileLabel, 5, 0, 1, 1)

        self.fileLayout = QHBoxLayout()
        self.fileLayout.setSpacing(6)
        self.fileLayout.setObjectName(u"fileLayout")
        self.fileName = QLabel(self.recordGroup)
        self.fileName.setObjectName(u"fileName")
        self.fileName.setTextFormat(Qt.TextFormat.PlainText)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.fileName.sizePolicy().hasHeightForWidth())
        self.fileName.setSizePolicy(sizePolicy)

        self.fileLayout.addWidget(self.fileName)

        self.attachButton = QPushButton(self.recordGroup)
        self.attachButton.setObjectName(u"attachButton")

        self.fileLayout.addWidget(self.attachButton)

        self.removeFileButton = QPushButton(self.recordGroup)
        self.removeFileButton.setObjectName(u"removeFileButton")

        self.fileLayout.addWidget(self.removeFileButton)


        self.recordGrid.addLayout(self.fileLayout, 5, 1, 1, 1)

        self.fileProblem = QLabel(self.recordGroup)
        self.fileProblem.setObjectName(u"fileProblem")
        self.fileProblem.setTextFormat(Qt.TextFormat.PlainText)
        self.fileProblem.setWordWrap(True)

        self.recordGrid.addWidget(self.fileProblem, 6, 1, 1, 1)


        self.dialogLayout.addWidget(self.recordGroup)

        self.recordError = QLabel(ConsentDialog)
        self.recordError.setObjectName(u"recordError")
        self.recordError.setTextFormat(Qt.TextFormat.PlainText)
        self.recordError.setWordWrap(True)

        self.dialogLayout.addWidget(self.recordError)

        self.bottomSpacer = QSpacerItem(10, 4, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialogLayout.addItem(self.bottomSpacer)

        self.buttonBox = QDialogButtonBox(ConsentDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.channelLabel.setBuddy(self.channelCombo)
        self.purposeLabel.setBuddy(self.purposeCombo)
        self.stateLabel.setBuddy(self.stateCombo)
        self.howLabel.setBuddy(self.howCombo)
        self.noteLabel.setBuddy(self.noteEdit)
        self.fileLabel.setBuddy(self.attachButton)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.channelCombo, self.purposeCombo)
        QWidget.setTabOrder(self.purposeCombo, self.stateCombo)
        QWidget.setTabOrder(self.stateCombo, self.howCombo)
        QWidget.setTabOrder(self.howCombo, self.noteEdit)
        QWidget.setTabOrder(self.noteEdit, self.attachButton)
        QWidget.setTabOrder(self.attachButton, self.removeFileButton)

        self.retranslateUi(ConsentDialog)

        QMetaObject.connectSlotsByName(ConsentDialog)
    # setupUi

    def retranslateUi(self, ConsentDialog):
        ConsentDialog.setWindowTitle(QCoreApplication.translate("ConsentDialog", u"Consent", None))
        self.valueLabel.setText("")
        self.currentGroup.setTitle(QCoreApplication.translate("ConsentDialog", u"On file now", None))
        self.pendingLabel.setText("")
        self.recordGroup.setTitle(QCoreApplication.translate("ConsentDialog", u"Record what the customer said", None))
        self.channelLabel.setText(QCoreApplication.translate("ConsentDialog", u"&Channel", None))
#if QT_CONFIG(accessibility)
        self.channelCombo.setAccessibleName(QCoreApplication.translate("ConsentDialog", u"Channel", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.channelCombo.setToolTip(QCoreApplication.translate("ConsentDialog", u"Only the channels this value can carry", None))
#endif // QT_CONFIG(tooltip)
        self.purposeLabel.setText(QCoreApplication.translate("ConsentDialog", u"&Purpose", None))
#if QT_CONFIG(accessibility)
        self.purposeCombo.setAccessibleName(QCoreApplication.translate("ConsentDialog", u"Purpose", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.purposeCombo.setToolTip(QCoreApplication.translate("ConsentDialog", u"Transactional: reminders, payment confirmations, scheduling, invoices. Marketing: offers and promotions.", None))
#endif // QT_CONFIG(tooltip)
        self.stateLabel.setText(QCoreApplication.translate("ConsentDialog", u"&State", None))
#if QT_CONFIG(accessibility)
        self.stateCombo.setAccessibleName(QCoreApplication.translate("ConsentDialog", u"State", None))
#endif // QT_CONFIG(accessibility)
        self.stateCombo.setPlaceholderText(QCoreApplication.translate("ConsentDialog", u"Choose what the customer said", None))
        self.howLabel.setText(QCoreApplication.translate("ConsentDialog", u"&How", None))
#if QT_CONFIG(accessibility)
        self.howCombo.setAccessibleName(QCoreApplication.translate("ConsentDialog", u"How the customer said it", None))
#endif // QT_CONFIG(accessibility)
        self.noteLabel.setText(QCoreApplication.translate("ConsentDialog", u"Evidence &note", None))
#if QT_CONFIG(accessibility)
        self.noteEdit.setAccessibleName(QCoreApplication.translate("ConsentDialog", u"Evidence note", None))
#endif // QT_CONFIG(accessibility)
        self.noteEdit.setPlaceholderText(QCoreApplication.translate("ConsentDialog", u"What the customer said, or where the signed form is kept", None))
        self.fileLabel.setText(QCoreApplication.translate("ConsentDialog", u"Evidence &file", None))
        self.fileName.setText(QCoreApplication.translate("ConsentDialog", u"No file attached", None))
        self.attachButton.setText(QCoreApplication.translate("ConsentDialog", u"&Attach\u2026", None))
#if QT_CONFIG(tooltip)
        self.attachButton.setToolTip(QCoreApplication.translate("ConsentDialog", u"Attach the scanned signed form or a screenshot of the web form (at most 10 MB)", None))
#endif // QT_CONFIG(tooltip)
        self.removeFileButton.setText(QCoreApplication.translate("ConsentDialog", u"Remo&ve", None))
#if QT_CONFIG(tooltip)
        self.removeFileButton.setToolTip(QCoreApplication.translate("ConsentDialog", u"Take the attached file off this statement", None))
#endif // QT_CONFIG(tooltip)
        self.fileProblem.setText("")
        self.recordError.setText("")
    # retranslateUi

