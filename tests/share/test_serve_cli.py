"""`sseref serve` in a child process: it prints the address, serves pages and real PDFs (its Qt
loop renders them), and Ctrl+C stops it cleanly."""

from __future__ import annotations

import http.client
import io
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

pytestmark = pytest.mark.enable_socket


def test_serve_shares_until_interrupted(loopback_only: None, fixture_db_path: Path) -> None:
    command = [sys.executable, "-m", "sseref", "--database", str(fixture_db_path)]
    command += ["serve", "--port", "0", "--code", "room-7"]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        lines = []
        for line in child.stdout:
            lines.append(line)
            if "Ctrl+C" in line:
                break
        text = "".join(lines)
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", text)
        assert match, text
        assert "room-7" in text
        port = int(match.group(1))
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        conn.request(
            "POST",
            "/code",
            body="code=room-7&next=/r/org/alpha",
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
        response = conn.getresponse()
        response.read()
        assert response.status == 303
        cookie = response.getheader("set-cookie", "").split(";")[0]
        conn.request("GET", "/pdf/org/alpha?lang=fr", headers={"Cookie": cookie})
        response = conn.getresponse()
        pdf = response.read()
        assert response.status == 200, pdf[:200]
        assert pdf.startswith(b"%PDF")
        page = " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())
        assert "Alliance coopérative Alpha" in page  # the French fact sheet
        conn.close()
    finally:
        child.send_signal(signal.SIGINT)
        out, err = child.communicate(timeout=30)
    assert child.returncode == 0, err
    assert "Sharing stopped" in out
    assert "GET /pdf/org/alpha?lang=fr -> 200" in err  # the request log
