"""`sseref pack …` end to end: an editor signs a pack; a laptop verifies, applies, goes back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sseref.app.cli import main
from tests.packhelpers import edited_data


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_editor_to_laptop(pack_env, capsys, tmp_path: Path) -> None:
    key = tmp_path / "editor.pem"
    code, out, _ = run(capsys, "pack", "keygen", str(key), "--comment", "Our federation")
    assert code == 0 and "Public key" in out
    data = edited_data(tmp_path / "data", seat="Dakar, Senegal")
    pack = tmp_path / "update.sserefpack"
    code, out, _ = run(
        capsys,
        "pack",
        "build",
        "-o",
        str(pack),
        "--key",
        str(key),
        "--source",
        str(data),
        "--as-of",
        "2027-06-01",
        "--json",
    )
    assert code == 0, out
    built = json.loads(out)
    assert built["as_of"] == "2027-06-01T00:00:00Z" and built["counts"]["organization"] == 2

    code, _, err = run(capsys, "pack", "verify", str(pack))
    assert code == 1 and "unknown key" in err  # the laptop does not trust this editor yet
    from sseref.core import packformat

    with packformat.user_keys_file().open("a", encoding="utf-8") as handle:
        handle.write(key.with_name("editor.pem.pub").read_text())
    code, out, _ = run(capsys, "pack", "verify", str(pack), "--json")
    assert code == 0
    assert json.loads(out)["compared_to_data_in_use"] == "newer"

    code, out, _ = run(capsys, "pack", "diff", "current", str(pack))
    assert code == 0 and "Seat: Geneva, Switzerland → Dakar, Senegal" in out
    code, out, _ = run(capsys, "pack", "diff", "bundled", str(pack), "--json")
    changed = json.loads(out)["changed"]
    assert changed[0]["fields"][0] == {
        "field": "headquarters",
        "lang": "",
        "old": "Geneva, Switzerland",
        "new": "Dakar, Senegal",
    }

    code, out, _ = run(capsys, "pack", "apply", str(pack))
    assert code == 0 and "now in use" in out and "1 changed" in out
    code, out, _ = run(capsys, "show", "org/alpha", "--json")
    assert json.loads(out)["fields"]["headquarters"] == "Dakar, Senegal"
    code, out, _ = run(capsys, "pack", "versions", "--json")
    listed = json.loads(out)
    assert [v["active"] for v in listed] == [True, False]

    code, out, _ = run(capsys, "pack", "rollback")
    assert code == 0 and "bundled data" in out
    code, out, _ = run(capsys, "show", "org/alpha", "--json")
    assert json.loads(out)["fields"]["headquarters"] == "Geneva, Switzerland"
    code, out, _ = run(capsys, "pack", "use", listed[0]["name"])
    assert code == 0
    code, out, _ = run(capsys, "pack", "versions")
    assert out.splitlines()[0].startswith("* ")
    code, _, err = run(capsys, "pack", "apply", str(pack_env.v1))
    assert code == 1 and "older than the data in use" in err
    code, out, _ = run(capsys, "pack", "apply", str(pack_env.v1), "--allow-older", "--quiet")
    assert code == 0 and "changed" not in out


def test_build_refuses_invalid_data_and_bad_dates(pack_env, capsys, tmp_path: Path) -> None:
    key = tmp_path / "k.pem"
    run(capsys, "pack", "keygen", str(key))
    data = edited_data(tmp_path / "data")
    (data / "organizations" / "broken.yaml").write_text("id: org/broken\n", "utf-8")
    code, _, err = run(
        capsys,
        "pack",
        "build",
        "-o",
        str(tmp_path / "x.sserefpack"),
        "--key",
        str(key),
        "--source",
        str(data),
    )
    assert code == 1 and "broken.yaml" in err
    assert not (tmp_path / "x.sserefpack").exists()
    code, _, err = run(
        capsys,
        "pack",
        "build",
        "-o",
        str(tmp_path / "x.sserefpack"),
        "--key",
        str(key),
        "--as-of",
        "June",
    )
    assert code == 1 and "Not a date" in err
    code, _, err = run(capsys, "pack", "keygen", str(key))
    assert code == 1 and "exists" in err
    code, _, err = run(capsys, "pack", "rollback")
    assert code == 1 and "no earlier data version" in err
