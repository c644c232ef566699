# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'vehicle_dialog.ui'
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
    QGridLayout, QLabel, QLineEdit, QSizePolicy,
    QSpacerItem, QSpinBox, QVBoxLayout, QWidget)

class Ui_VehicleDialog(object):
    def setupUi(self, VehicleDialog):
        if not VehicleDialog.objectName():
            VehicleDialog.setObjectName(u"VehicleDialog")
        VehicleDialog.resize(420, 240)
        VehicleDialog.setModal(True)
        self.dialogLayout = QVBoxLayout(VehicleDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.fieldsLayout = QGridLayout()
        self.fieldsLayout.setObjectName(u"fieldsLayout")
        self.fieldsLayout.setHorizontalSpacing(12)
        self.vinEditLabel = QLabel(VehicleDialog)
        self.vinEditLabel.setObjectName(u"vinEditLabel")
        self.vinEditLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.fieldsLayout.addWidget(self.vinEditLabel, 0, 0, 1, 1)

        self.vinEdit = QLineEdit(VehicleDialog)
        self.vinEdit.setObjectName(u"vinEdit")

        self.fieldsLayout.addWidget(self.vinEdit, 0, 1, 1, 1)

        self.yearSpinLabel = QLabel(VehicleDialog)
        self.yearSpinLabel.setObjectName(u"yearSpinLabel")
        self.yearSpinLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.fieldsLayout.addWidget(self.yearSpinLabel, 1, 0, 1, 1)

        self.yearSpin = QSpinBox(VehicleDialog)
        self.yearSpin.setObjectName(u"yearSpin")
        self.yearSpin.setMinimum(0)
        self.yearSpin.setMaximum(2100)

        self.fieldsLayout.addWidget(self.yearSpin, 1, 1, 1, 1)

        self.makeEditLabel = QLabel(VehicleDialog)
        self.makeEditLabel.setObjectName(u"makeEditLabel")
        self.makeEditLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.fieldsLayout.addWidget(self.makeEditLabel, 2, 0, 1, 1)

        self.makeEdit = QLineEdit(VehicleDialog)
        self.makeEdit.setObjectName(u"makeEdit")

        self.fieldsLayout.addWidget(self.makeEdit, 2, 1, 1, 1)

        self.modelEditLabel = QLabel(VehicleDialog)
        self.modelEditLabel.setObjectName(u"modelEditLabel")
        self.modelEditLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.fieldsLayout.addWidget(self.modelEditLabel, 3, 0, 1, 1)

        self.modelEdit = QLineEdit(VehicleDialog)
        self.modelEdit.setObjectName(u"modelEdit")

        self.fieldsLayout.addWidget(self.modelEdit, 3, 1, 1, 1)


        self.dialogLayout.addLayout(self.fieldsLayout)

        self.problemLabel = QLabel(VehicleDialog)
        self.problemLabel.setObjectName(u"problemLabel")
        self.problemLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.problemLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.problemLabel)

        self.bottomSpacer = QSpacerItem(10, 4, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialogLayout.addItem(self.bottomSpacer)

        self.buttonBox = QDialogButtonBox(VehicleDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.vinEditLabel.setBuddy(self.vinEdit)
        self.yearSpinLabel.setBuddy(self.yearSpin)
        self.makeEditLabel.setBuddy(self.makeEdit)
        self.modelEditLabel.setBuddy(self.modelEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.vinEdit, self.yearSpin)
        QWidget.setTabOrder(self.yearSpin, self.makeEdit)
        QWidget.setTabOrder(self.makeEdit, self.modelEdit)

        self.retranslateUi(VehicleDialog)

        QMetaObject.connectSlotsByName(VehicleDialog)
    # setupUi

    def retranslateUi(self, VehicleDialog):
        VehicleDialog.setWindowTitle(QCoreApplication.translate("VehicleDialog", u"Vehicle", None))
        self.vinEditLabel.setText(QCoreApplication.translate("VehicleDialog", u"&VIN", None))
#if QT_CONFIG(accessibility)
        self.vinEdit.setAccessibleName(QCoreApplication.translate("VehicleDialog", u"VIN", None))
#endif // QT_CONFIG(accessibility)
        self.vinEdit.setPlaceholderText(QCoreApplication.translate("VehicleDialog", u"17 characters, e.g. 1HGCM82633A004352", None))
        self.yearSpinLabel.setText(QCoreApplication.translate("VehicleDialog", u"&Year", None))
#if QT_CONFIG(accessibility)
        self.yearSpin.setAccessibleName(QCoreApplication.translate("VehicleDialog", u"Year", None))
#endif // QT_CONFIG(accessibility)
        self.yearSpin.setSpecialValueText(QCoreApplication.translate("VehicleDialog", u"unknown", None))
        self.makeEditLabel.setText(QCoreApplication.translate("VehicleDialog", u"&Make", None))
#if QT_CONFIG(accessibility)
        self.makeEdit.setAccessibleName(QCoreApplication.translate("VehicleDialog", u"Make", None))
#endif // QT_CONFIG(accessibility)
        self.modelEditLabel.setText(QCoreApplication.translate("VehicleDialog", u"M&odel", None))
#if QT_CONFIG(accessibility)
        self.modelEdit.setAccessibleName(QCoreApplication.translate("VehicleDialog", u"Model", None))
#endif // QT_CONFIG(accessibility)
        self.problemLabel.setText("")
    # retranslateUi

