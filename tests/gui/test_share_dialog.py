"""View → Share in this room…: off by default, started and stopped from the dialog, stopped on
close; the site's PDFs are painted on the window's thread."""

from __future__ import annotations

import http.client
import io
import socket
import threading
from typing import Any

import pytest
from pypdf import PdfReader
from pytest_socket import socket_allow_hosts


def test_the_dialog_opens_with_sharing_off_and_no_socket(window: Any, qtbot: Any) -> None:
    """Sockets are blocked here (pytest-socket): opening the dialog must not need one."""
    actions = window.actions_
    assert actions.share in window.actions_.menus["view"].actions()
    assert window.share is None  # nothing of the sharing code has run yet
    actions.share.trigger()
    dialog = window.share.dialog
    qtbot.waitExposed(dialog)
    assert not window.share.running
    assert dialog.toggle.text() == "Start sharing"
    assert dialog.interface.count() >= 2  # this computer only, and every network
    assert dialog.interface.findData("127.0.0.1") >= 0
    assert not dialog.address.isVisible() and not dialog.qr.isVisible()
    dialog.make_code.click()
    assert len(dialog.code.text()) == 6 and dialog.code.text().isdigit()
    dialog.close()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _in_thread(qtbot: Any, job: Any) -> Any:
    """Runs a blocking HTTP call off the main thread while Qt's loop keeps running."""
    result: dict[str, Any] = {}

    def run() -> None:
        try:
            result["value"] = job()
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            result["error"] = exc

    thread = threading.Thread(target=run)
    thread.start()
    qtbot.waitUntil(lambda: not thread.is_alive(), timeout=60_000)
    assert "error" not in result, result.get("error")
    return result["value"]


def _get(port: int, path: str, cookie: str = "") -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.request("GET", path, headers={"Cookie": cookie} if cookie else {})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


@pytest.mark.enable_socket
def test_start_read_download_stop_from_the_dialog(window: Any, qtbot: Any) -> None:
    socket_allow_hosts(["127.0.0.1"], allow_unix_socket=True)
    window.actions_.share.trigger()
    dialog = window.share.dialog
    dialog.interface.setCurrentIndex(dialog.interface.findData("127.0.0.1"))
    port = _free_port()
    dialog.port.setValue(port)
    dialog.toggle.click()
    assert dialog.error.text() == ""
    assert window.share.running
    assert dialog.toggle.text() == "Stop sharing"
    assert dialog.address.text() == f"http://127.0.0.1:{port}/"
    assert not dialog.qr.pixmap().isNull() and dialog.qr.pixmap().width() > 100
    assert not dialog.interface.isEnabled()

    status, body = _in_thread(qtbot, lambda: _get(port, "/r/org/alpha"))
    assert status == 200 and b"Alpha Cooperative Alliance" in body
    status, pdf = _in_thread(qtbot, lambda: _get(port, "/pdf/org/alpha?lang=es"))
    assert status == 200 and pdf.startswith(b"%PDF")
    text = " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())
    assert "Alianza Cooperativa Alfa" in text
    assert window.share._pdf.rendered == 1
    dialog._update_count()
    assert dialog.clients.text() == "Devices connected: 1"

    dialog.toggle.click()  # Stop: one click
    assert not window.share.running
    assert dialog.toggle.text() == "Start sharing"
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=2).close()


@pytest.mark.enable_socket
def test_a_code_is_shown_and_closing_the_window_stops_sharing(window: Any, qtbot: Any) -> None:
    socket_allow_hosts(["127.0.0.1"], allow_unix_socket=True)
    controller = window.share_controller()
    urls = controller.start("127.0.0.1", 0, "4711")
    port = controller.server.port
    dialog = controller.open_dialog()
    assert dialog.code_shown.text() == "Access code: 4711"
    assert urls == [f"http://127.0.0.1:{port}/"]
    status, _body = _in_thread(qtbot, lambda: _get(port, "/"))
    assert status == 303  # the code comes first
    window.close()
    assert not controller.running
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=2).close()


def test_a_busy_port_is_shown_in_the_dialog(window: Any, qtbot: Any, monkeypatch: Any) -> None:
    from sseref.share import server as server_module
    from sseref.share.server import ShareError

    def refuse(host: str, port: int) -> Any:
        raise ShareError(f"Cannot share on {host} port {port}: Address already in use")

    monkeypatch.setattr(server_module, "bind", refuse)
    window.actions_.share.trigger()
    dialog = window.share.dialog
    dialog.toggle.click()
    assert "Address already in use" in dialog.error.text()
    assert not window.share.running


def test_without_a_search_engine_the_host_is_told(make_window: Any, qtbot: Any) -> None:
    window = make_window()  # no search runner yet: the index is still being prepared
    window.actions_.share.trigger()
    window.share.dialog.toggle.click()
    assert "still being prepared" in window.share.dialog.error.text()


def test_a_build_without_the_server_says_so(window: Any, qtbot: Any, monkeypatch: Any) -> None:
    from sseref.share import service

    def missing(*_args: Any, **_kwargs: Any) -> Any:
        raise ImportError("No module named 'ssl'")

    monkeypatch.setattr(service, "make_server", missing)
    window.actions_.share.trigger()
    window.share.dialog.toggle.click()
    assert "not available in this build" in window.share.dialog.error.text()
    assert not window.share.running
