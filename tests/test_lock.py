"""The lock files in requirements/ agree with pyproject.toml (run `./dev lock` when they don't)."""

from __future__ import annotations

import importlib.util
import re
import tomllib
from pathlib import Path
from types import ModuleType

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
REQUIREMENTS = ROOT / "requirements"
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", re.MULTILINE)


def _lock_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("lock", ROOT / "scripts" / "lock.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _pins(text: str) -> dict[str, str]:
    return {canonicalize_name(name): version for name, version in PIN.findall(text)}


def _group_requirements(group: str) -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = [Requirement(r) for r in project["dependencies"]]
    extras = project.get("optional-dependencies", {})
    for extra in _lock_script().GROUPS[group][0]:
        wanted += [Requirement(r) for r in extras[extra]]
    return wanted


@pytest.mark.parametrize("group", ["runtime", "test", "build"])
def test_lock_was_made_from_this_pyproject(group: str) -> None:
    """Any change to dependencies, extras or the build backend must be followed by ./dev lock."""
    text = (REQUIREMENTS / f"{group}.txt").read_text(encoding="utf-8")
    lock = _lock_script()
    recorded = next(
        (
            line[len(lock.HASH_PREFIX) :]
            for line in text.splitlines()
            if line.startswith(lock.HASH_PREFIX)
        ),
        None,
    )
    assert recorded == lock.pyproject_digest(), (
        f"requirements/{group}.txt was not made from this pyproject.toml: run ./dev lock"
    )


@pytest.mark.parametrize("group", ["runtime", "test", "build"])
def test_every_declared_dependency_is_pinned_inside_its_range(group: str) -> None:
    pins = _pins((REQUIREMENTS / f"{group}.txt").read_text(encoding="utf-8"))
    for requirement in _group_requirements(group):
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{requirement.name} is not in requirements/{group}.txt"
        assert requirement.specifier.contains(pins[name], prereleases=True), (
            f"requirements/{group}.txt pins {name}=={pins[name]}, outside {requirement}"
        )


def test_every_pin_has_a_hash_and_groups_share_versions() -> None:
    """pip --require-hashes needs a hash per pin; a package locked twice has one version."""
    everything: dict[str, str] = {}
    for group in ("runtime", "test", "build"):
        text = (REQUIREMENTS / f"{group}.txt").read_text(encoding="utf-8")
        for block in re.split(r"\n(?=[A-Za-z0-9])", text):
            if PIN.match(block):
                assert "--hash=sha256:" in block, f"{group}: no hash for {block.split()[0]}"
        for name, version in _pins(text).items():
            assert everything.setdefault(name, version) == version, f"{name} differs in {group}"


def test_the_digest_sees_a_changed_range(tmp_path: Path) -> None:
    lock = _lock_script()
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    changed = tmp_path / "pyproject.toml"
    changed.write_text(pyproject.replace('"Babel>=2.14,<3"', '"Babel>=2.14,<2.15"'), "utf-8")
    assert changed.read_text(encoding="utf-8") != pyproject
    assert lock.pyproject_digest(changed) != lock.pyproject_digest()
