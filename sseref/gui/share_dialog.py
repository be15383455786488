"""View → Share in this room…: the host starts and stops the read-only site for the room's phones.

`ShareController` owns the server (off until the host starts it; stopped when the program
quits); `ShareDialog` picks the network and port, shows the address, its QR code, the access
code and how many devices are connected.
"""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QFont, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sseref.core.errors import SSERefError
from sseref.core.i18n import _
from sseref.share import netinfo
from sseref.share.guard import DEFAULT_PORT, Limits

if TYPE_CHECKING:  # the server (Uvicorn) loads when the host starts sharing, not at start-up
    from sseref.share.server import ShareServer


class ShareController(QObject):
    """The window's one share server: started on request, stopped by Stop or by quitting."""

    def __init__(self, window: Any, limits: Limits | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.limits = limits
        self.server: ShareServer | None = None
        self.urls: list[str] = []
        self.code = ""
        self.dialog: ShareDialog | None = None
        self._pdf: Any = None

    @property
    def running(self) -> bool:
        return self.server is not None and self.server.running

    def start(self, host: str, port: int, code: str = "") -> list[str]:
        """Starts sharing; raises SSERefError (shown to the host) when it cannot."""
        from sseref.gui.share_pdf import MainThreadPdf
        from sseref.share.service import make_server

        self.stop()
        engine = self.window.search_engine()
        if engine is None:
            raise SSERefError(_("The search is still being prepared; try again in a moment."))
        if self._pdf is None:
            self._pdf = MainThreadPdf(self.window.db, self)
        server = make_server(
            self.window.db,
            engine,
            host=host,
            port=port,
            code=code,
            pdf_maker=self._pdf,
            limits=self.limits,
        )
        server.start()
        self.server, self.code = server, code
        self.urls = netinfo.site_urls(host, server.port)
        message = _("Sharing in this room at {address}").format(address=self.urls[0])
        self.window.show_message(message)
        return self.urls

    def stop(self) -> None:
        if self.server is not None:
            self.server.stop()
            self.server = None
            self.urls = []
            self.window.show_message(_("Sharing stopped"))

    def connected(self) -> int:
        return self.server.guard.connected_clients() if self.server is not None else 0

    def open_dialog(self) -> ShareDialog:
        if self.dialog is None:
            self.dialog = ShareDialog(self, self.window)
        self.dialog.refresh()
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        return self.dialog

    def shutdown(self) -> None:
        """At quit: the server stops and the PDF folder is removed."""
        self.stop()
        if self._pdf is not None:
            self._pdf.close()
            self._pdf = None


class ShareDialog(QDialog):
    """Network, port and access code; Start/Stop; the address, its QR code and the room count."""

    def __init__(self, controller: ShareController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setObjectName("shareDialog")
        self.interface = QComboBox()
        self.port = QSpinBox()
        self.port.setRange(1024, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.code = QLineEdit()
        self.code.setMaxLength(32)
        self.make_code = QPushButton()
        self.make_code.clicked.connect(self._new_code)
        code_row = QHBoxLayout()
        code_row.addWidget(self.code, 1)
        code_row.addWidget(self.make_code)
        self.labels = [QLabel(), QLabel(), QLabel()]
        self.form = QFormLayout()
        self.form.addRow(self.labels[0], self.interface)
        self.form.addRow(self.labels[1], self.port)
        self.form.addRow(self.labels[2], code_row)
        self.toggle = QPushButton()
        self.toggle.setDefault(True)
        self.toggle.clicked.connect(self._toggle)
        self.address = QLabel()
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        big = QFont(self.address.font())
        big.setPointSizeF(big.pointSizeF() * 1.4)
        big.setBold(True)
        self.address.setFont(big)
        self.address.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr = QLabel()
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_shown = QLabel()
        self.code_shown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_shown.setFont(big)
        self.clients = QLabel()
        self.clients.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setObjectName("shareError")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addLayout(self.form)
        layout.addWidget(self.toggle)
        layout.addWidget(self.error)
        layout.addWidget(self.address)
        layout.addWidget(self.qr)
        layout.addWidget(self.code_shown)
        layout.addWidget(self.clients)
        layout.addWidget(buttons)
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self._update_count)
        self._fill_interfaces()
        self.retranslate()

    def _fill_interfaces(self) -> None:
        self.interface.clear()
        addresses = netinfo.local_addresses()
        for address in addresses:
            if address.is_loopback:
                label = _("This computer only ({ip})").format(ip=address.ip)
            else:
                label = f"{address.interface} — {address.ip}"
            self.interface.addItem(label, address.ip)
        all_label = _("Every network of this computer ({ip})").format(ip=netinfo.ALL_INTERFACES)
        self.interface.addItem(all_label, netinfo.ALL_INTERFACES)

    def retranslate(self) -> None:
        self.setWindowTitle(_("Share in this room"))
        self.note.setText(
            _(
                "Phones on the same network read and search the reference in their browser. "
                "Read-only: nothing of your own (notes, lists, documents) is shared."
            )
        )
        texts = (_("&Network:"), _("&Port:"), _("Access &code (optional):"))
        for label, text, buddy in zip(
            self.labels, texts, (self.interface, self.port, self.code), strict=True
        ):
            label.setText(text)
            label.setBuddy(buddy)
        self.make_code.setText(_("New code"))
        self.code.setPlaceholderText(_("none: anyone on the network can read"))
        self.refresh()

    def refresh(self) -> None:
        """Shows the running state: address, QR code and access code, or the settings."""
        running = self.controller.running
        for control in (self.interface, self.port, self.code, self.make_code):
            control.setEnabled(not running)
        self.toggle.setText(_("Stop sharing") if running else _("Start sharing"))
        for widget in (self.address, self.qr, self.code_shown, self.clients):
            widget.setVisible(running)
        if running:
            url = self.controller.urls[0]
            self.address.setText(url)
            pixmap = QPixmap()
            from sseref.share.qr import qr_png

            pixmap.loadFromData(qr_png(url, scale=6), "PNG")
            self.qr.setPixmap(pixmap)
            self.qr.setAccessibleName(_("QR code of {address}").format(address=url))
            code = self.controller.code
            self.code_shown.setVisible(bool(code))
            self.code_shown.setText(_("Access code: {code}").format(code=code))
            self._update_count()
            self.timer.start()
        else:
            self.timer.stop()

    def _update_count(self) -> None:
        n = self.controller.connected()
        self.clients.setText(_("Devices connected: {n}").format(n=n))

    def _new_code(self) -> None:
        self.code.setText(f"{secrets.randbelow(1_000_000):06d}")

    def _toggle(self) -> None:
        self.error.clear()
        if self.controller.running:
            self.controller.stop()
        else:
            try:
                self.controller.start(
                    str(self.interface.currentData()), self.port.value(), self.code.text().strip()
                )
            except SSERefError as exc:
                self.error.setText(str(exc))
            except ImportError as exc:  # a bundle built without the server's modules
                self.error.setText(
                    _("Sharing is not available in this build: {error}").format(error=exc)
                )
        self.refresh()
