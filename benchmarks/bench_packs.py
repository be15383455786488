"""Data pack benchmark: build, verify, "what changed" and apply times, and sizes, for today's data
and a synthetic large dataset (today's records copied N times under new ids).

    .venv/bin/python benchmarks/bench_packs.py                  # today's data and 50,000 records
    .venv/bin/python benchmarks/bench_packs.py --records 10000  # a smaller synthetic set
    .venv/bin/python benchmarks/bench_packs.py --skip-large

Prints a Markdown table (docs/benchmarks/packs.md keeps the last run). The pack is compared
with the files it carries compressed with zstd -3 (the `zstd` tool, when installed) and xz -6.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

_ID = re.compile(r"\b(org|event|doc|init|term)/([a-z0-9][a-z0-9-]*)")


def synthetic_data(target: Path, records: int) -> int:
    """Today's data/ copied whole under new ids (whole copies keep every link valid) until
    there are at least `records` records; returns how many."""
    sources = sorted(p for p in (ROOT / "data").rglob("*.yaml"))
    copies = max(1, -(-records // len(sources)))
    written = 0
    for copy in range(copies):
        for source in sources:
            text = source.read_text("utf-8")
            text = _ID.sub(lambda m, c=copy: f"{m.group(1)}/{m.group(2)}-s{c}", text)
            out = target / source.relative_to(ROOT / "data").parent / f"s{copy}-{source.name}"
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(text, "utf-8")
            written += 1
    return written


def timed(label: str, results: dict[str, float], work):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    value = work()
    results[label] = time.perf_counter() - started
    print(f"  {label}: {results[label]:.2f} s", file=sys.stderr, flush=True)
    return value


def compressed_sizes(pack: Path, work: Path) -> dict[str, int]:
    """The pack's members as a plain tar, then compressed with zstd -3 and xz -6."""
    import io
    import zipfile

    plain = work / "members.tar"
    with zipfile.ZipFile(pack) as archive, tarfile.open(plain, "w") as tar:
        for info in archive.infolist():
            data = archive.read(info)
            entry = tarfile.TarInfo(info.filename)
            entry.size = len(data)
            tar.addfile(entry, io.BytesIO(data))
    sizes = {"files": plain.stat().st_size}
    for tool, args, suffix in (
        ("zstd", ["-3", "-q", "-f"], ".zst"),
        ("xz", ["-6", "-k", "-f"], ".xz"),
    ):
        if shutil.which(tool):
            subprocess.run([tool, *args, str(plain)], check=True)
            sizes[tool] = Path(str(plain) + suffix).stat().st_size
    return sizes


def run_one(name: str, data_dir: Path, work: Path, day: int) -> dict[str, object]:
    from sseref.core import packformat, paths
    from sseref.core.packstore import apply_pack, changes_in
    from sseref.ingest.pack_build import build_pack, keygen

    key = work / "key.pem"
    if not key.exists():
        public, _kid = keygen(key, "bench")
        config = paths.user_dirs().config
        config.mkdir(parents=True, exist_ok=True)
        (config / packformat.USER_KEYS_FILE).write_text(public.read_text("utf-8"), "utf-8")
    print(f"{name}:", file=sys.stderr)
    times: dict[str, float] = {}
    # 2028-01-01 plus a day per run: each pack is newer than the bundled data and the last one.
    os.environ["SOURCE_DATE_EPOCH"] = str(1830297600 + 86400 * day)
    pack = work / f"{name}.sserefpack"
    result = timed("build", times, lambda: build_pack(data_dir, pack, key))
    verified = timed("verify", times, lambda: packformat.verify_pack(pack))
    changes = timed("what changed", times, lambda: changes_in(verified))
    timed("apply", times, lambda: apply_pack(pack, verified=verified))
    times["verify + apply"] = times["verify"] + times["apply"]
    sizes = compressed_sizes(pack, work)
    return {
        "name": name,
        "records": sum(result.manifest.counts.values()),
        "times": times,
        "pack": pack.stat().st_size,
        "sizes": sizes,
        "changed": len(changes.added) + len(changes.removed) + len(changes.changed),
    }


def table(rows: list[dict[str, object]]) -> str:
    lines = [
        "| data | records | build s | verify s | what changed s | apply s | verify+apply s "
        "| pack MB | files MB | zstd -3 MB | xz -6 MB |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        t = row["times"]
        s = row["sizes"]
        assert isinstance(t, dict) and isinstance(s, dict)

        def mb(n: object) -> str:
            return f"{int(n) / 1e6:.1f}" if isinstance(n, int) else "–"

        lines.append(
            f"| {row['name']} | {row['records']:,} | {t['build']:.1f} | {t['verify']:.2f} | "
            f"{t['what changed']:.2f} | {t['apply']:.2f} | {t['verify + apply']:.2f} | "
            f"{mb(row['pack'])} | {mb(s.get('files'))} | {mb(s.get('zstd'))} | {mb(s.get('xz'))} |"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--records", type=int, default=50_000)
    parser.add_argument("--skip-large", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sseref-bench-packs-") as tmp:
        work = Path(tmp)
        os.environ["SSEREF_DATA_DIR"] = str(work / "user")
        today = work / "today"
        shutil.copytree(ROOT / "data", today)
        first = sorted(today.rglob("*.yaml"))[0]  # a new data version with the same records
        first.write_text(first.read_text("utf-8") + "# bench\n", "utf-8")
        rows = [run_one("today's data", today, work, 0)]
        if not args.skip_large:
            big = work / "synthetic"
            count = synthetic_data(big, args.records)
            rows.append(run_one(f"synthetic {count:,}", big, work, 1))
        print(table(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
