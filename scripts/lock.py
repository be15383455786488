"""Refreshes the lock files in requirements/ from pyproject.toml (run by `./dev lock`).

Each dependency group gets a file of exact versions with hashes for every platform (uv's
universal resolution): `runtime.txt` (what the program needs), `test.txt` (runtime, test tools
and the build backend for the editable install), `build.txt` (runtime, PyInstaller and the build
backend). All three are resolved against one resolution of every group together, so a package
in two files has the same version in both: the bundle is built from what the tests ran on.
Each file starts with the SHA-256 of the pyproject tables it was made from; a test fails when
they disagree.

    .venv/bin/python scripts/lock.py            # newest versions the ranges allow
    .venv/bin/python scripts/lock.py --keep     # keep locked versions, add what is new
    .venv/bin/python scripts/lock.py --upgrade-package babel
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REQUIREMENTS = ROOT / "requirements"
# group → the extras it adds to the runtime, and whether it carries the build backend.
GROUPS: dict[str, tuple[tuple[str, ...], bool]] = {
    "runtime": ((), False),
    "test": (("test",), True),
    "build": (("build",), True),
}
HASH_PREFIX = "# pyproject-sha256: "


def pyproject_digest(pyproject: Path = ROOT / "pyproject.toml") -> str:
    """SHA-256 of what a lock depends on: dependencies, extras, the build backend's needs."""
    data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    relevant = {
        "dependencies": data["project"].get("dependencies", []),
        "optional-dependencies": data["project"].get("optional-dependencies", {}),
        "build-system": data["build-system"].get("requires", []),
        "requires-python": data["project"].get("requires-python"),
    }
    return hashlib.sha256(json.dumps(relevant, sort_keys=True).encode()).hexdigest()


def _uv() -> str:
    found = shutil.which("uv", path=str(Path(sys.executable).parent)) or shutil.which("uv")
    if not found:
        sys.exit("uv is not installed: run ./dev setup (it comes with the test extra).")
    return found


def _compile(
    uv: str,
    out: Path,
    extras: tuple[str, ...],
    backend: Path | None,
    constraint: Path | None,
    extra_args: list[str],
) -> None:
    command = [
        uv,
        "pip",
        "compile",
        "--quiet",
        "--universal",
        "--generate-hashes",
        "--python-version",
        "3.11",
        "--no-header",
        "--emit-index-url",
        "--index-url",
        "https://pypi.org/simple",
        "--output-file",
        str(out),
        str(ROOT / "pyproject.toml"),
    ]
    for extra in extras:
        command += ["--extra", extra]
    if backend is not None:
        command.append(str(backend))
    if constraint is not None:
        command += ["--constraint", str(constraint)]
    # uv must not pick up the machine's pip configuration (local wheel folders).
    env = {**os.environ, "UV_NO_CONFIG": "1", "PIP_CONFIG_FILE": os.devnull}
    subprocess.run(command + extra_args, check=True, cwd=ROOT, env=env)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--keep",
        action="store_true",
        help="keep the versions already locked where the ranges allow",
    )
    parser.add_argument("--upgrade-package", action="append", default=[], metavar="NAME")
    args = parser.parse_args()
    uv = _uv()
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    REQUIREMENTS.mkdir(exist_ok=True)
    digest = pyproject_digest()
    with tempfile.TemporaryDirectory() as tmp:
        backend = Path(tmp) / "build-backend.in"
        # hatchling asks for `editables` when it builds the editable install (force-include).
        needs = [*data["build-system"]["requires"], "editables>=0.5"]
        backend.write_text("\n".join(needs) + "\n", encoding="utf-8")
        everything = Path(tmp) / "all.txt"
        previous = REQUIREMENTS / "all.txt"
        extra_args = [arg for name in args.upgrade_package for arg in ("--upgrade-package", name)]
        if args.keep or args.upgrade_package:
            if previous.exists():
                shutil.copy(previous, everything)
        else:
            extra_args.append("--upgrade")
        all_extras = tuple(data["project"].get("optional-dependencies", {}))
        _compile(uv, everything, all_extras, backend, None, extra_args)
        outputs = {"all": everything.read_text(encoding="utf-8")}
        for group, (extras, with_backend) in GROUPS.items():
            out = Path(tmp) / f"{group}.txt"
            _compile(uv, out, extras, backend if with_backend else None, everything, [])
            outputs[group] = out.read_text(encoding="utf-8")
    for group, text in outputs.items():
        header = (
            f"# Locked {group} dependencies of SSE Ref: made by scripts/lock.py "
            "(./dev lock); do not edit.\n" + HASH_PREFIX + digest + "\n"
        )
        (REQUIREMENTS / f"{group}.txt").write_text(header + text, encoding="utf-8")
        print(
            f"requirements/{group}.txt: "
            f"{sum(1 for line in text.splitlines() if '==' in line)} packages"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
