"""`sseref document import|list|remove` and `sseref import`: the private library, scriptable."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from sseref.app.cli import main
from sseref.library.importer import file_sha256
from tests.library import samples

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX resource limits")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_list_and_remove(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    law = samples.write(tmp_path, "law.pdf", samples.pdf_bytes("Cooperative law"))
    fake = samples.write(tmp_path, "fake.pdf", b"GIF89a not a pdf")
    code, out, _err = run(capsys, "document", "import", str(law), str(fake), str(law), "--json")
    result = json.loads(out)
    assert code == 1  # one file was refused
    assert result["counts"] == {"imported": 1, "duplicate": 1, "refused": 1}
    assert [f["status"] for f in result["files"]] == ["imported", "refused", "duplicate"]
    assert "not a PDF" in result["files"][1]["message"]
    sha = file_sha256(law)
    assert result["files"][0]["id"] == f"mydoc:{sha}"
    folder = tmp_path / "folder"
    folder.mkdir()
    samples.write(folder, "a.txt", samples.ENGLISH)
    samples.write(folder, "b.md", f"# B\n\n{samples.FRENCH}")
    code, out, _err = run(capsys, "import", str(folder))
    assert code == 0 and "Imported: 2. Already in your library: 0. Refused: 0." in out
    code, out, _err = run(capsys, "document", "list", "--json")
    listed = json.loads(out)
    assert code == 0 and len(listed) == 3
    law_row = next(r for r in listed if r["sha256"] == sha)
    assert law_row["title"] == "Draft law" and law_row["authors"] == ["Ministry of Labour"]
    assert law_row["format"] == "pdf" and law_row["file_name"] == "law.pdf"
    assert {r["format"] for r in listed} == {"pdf", "txt", "md"}
    code, out, _err = run(capsys, "document", "list")
    assert code == 0 and "Draft law" in out
    code, _out, err = run(capsys, "document", "remove", "abc")
    assert code == 2 and "6 characters" in err
    code, out, _err = run(capsys, "document", "remove", sha[:10])
    assert code == 0 and "Draft law" in out
    code, out, _err = run(capsys, "document", "list", "--json")
    assert len(json.loads(out)) == 2


def test_library_spelling_and_reindex_splits_pages(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from sseref.core.userdocs import DocumentStore
    from sseref.core.userstore import UserStore
    from tests.library.hostile import pdf_pages

    report = samples.write(
        tmp_path, "report.pdf", pdf_pages(["First page.", "Second page about Quixada."], "Rep")
    )
    code, out, _err = run(capsys, "library", "import", str(report), "--json")
    assert code == 0
    sha = file_sha256(report)
    # As a library imported before passages: one passage holding the whole text.
    store = UserStore()
    docs = DocumentStore(store.db)
    docs.replace_text(sha, docs.text(sha))
    assert [p.page for p in docs.passages(sha)] == [None]
    store.close()
    code, out, _err = run(capsys, "library", "reindex", "--json")
    assert code == 0 and json.loads(out) == [{"id": f"mydoc:{sha}", "passages": 2, "problem": None}]
    store = UserStore()
    docs = DocumentStore(store.db)
    assert [h.page for h in docs.find("quixada")] == [2]
    docs.file_path(sha, "pdf").unlink()  # the kept copy lost: said, not a crash
    store.close()
    code, out, _err = run(capsys, "library", "reindex", sha[:8])
    assert code == 1 and "The original file is missing." in out
    code, out, _err = run(capsys, "library", "list", "--json")
    assert [r["title"] for r in json.loads(out)] == ["Rep"]
    code, out, _err = run(capsys, "library", "remove", sha[:8])
    assert code == 0
