"""Every shell command of README runs, as shown, in a fresh copy of the repository.

The copy holds the repository's files (what ``git ls-files`` lists, untracked files
not ignored included), with the evaluation workspace ``shared/`` beside it as in CI;
the README's ``bash`` blocks run in order, each as one ``bash -eo pipefail`` script,
with this environment's ``python`` and ``conflict-kg`` first on ``PATH``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

#: Blocks this test does not run, by their first command, and why.
NOT_RUN = {
    "python -m pip install": "the install command: .ci/run runs it on a clean checkout",
    "ruff check .": "the development checks: tests/test_lint.py runs ruff and mypy, and this suite is the tests",
    "sudo bash scripts/virtuoso.sh": "needs root; tests/graph/test_remote.py installs and starts its own Virtuoso",
    "python benchmarks/": "benchmarks run for minutes; their figures are in README",
    "conflict-kg serve": "serves until stopped; tests/graph/test_serve.py serves a store and runs the curl lines",
    "curl -s http://127.0.0.1:7878": "needs the server above; tests/graph/test_serve.py runs each line against one",
}


def _blocks() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```bash\n(.*?)```", readme, re.S)


def _first_command(block: str) -> str:
    return next(line for line in block.splitlines() if line.strip() and not line.lstrip().startswith("#"))


def _runnable() -> list[str]:
    runnable = [b for b in _blocks() if not any(_first_command(b).startswith(prefix) for prefix in NOT_RUN)]
    # a block running the test suite would run this test again, without end
    return [b for b in runnable if not re.search(r"^\s*python -m pytest\b", b, re.M)]


def _repository_files() -> list[str]:
    """The files a clone would hold: git's list, or the tree minus environments and caches."""
    if (ROOT / ".git").exists():
        listed = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=ROOT,
            capture_output=True,
            check=True,
        ).stdout.decode()
        return list(filter(None, listed.split("\0")))
    skip = {".venv", ".git", "__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache", "build"}
    return [
        str(p.relative_to(ROOT))
        for p in ROOT.rglob("*")
        if p.is_file() and not skip & set(p.relative_to(ROOT).parts) and ".egg-info" not in str(p)
    ]


def _fresh_copy(dest: Path) -> Path:
    repo = dest / "conflict-kg"
    for name in _repository_files():
        source = ROOT / name
        if source.is_symlink():  # examples/queries links to the package's queries
            (repo / name).parent.mkdir(parents=True, exist_ok=True)
            (repo / name).symlink_to(os.readlink(source))
        elif source.is_file():
            (repo / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, repo / name)
    (dest / "shared").symlink_to(SHARED, target_is_directory=True)
    return repo


def test_every_block_is_run_or_has_a_reason():
    """The NOT_RUN reasons cover only what README shows, so a stale entry is noticed."""
    firsts = [_first_command(b) for b in _blocks()]
    for prefix in NOT_RUN:
        assert any(first.startswith(prefix) for first in firsts), f"README has no block starting with {prefix!r}"
    assert len(_runnable()) >= 4
    assert not any("pytest" in block for block in _runnable()), "a README block that runs the suite would recurse"


@pytest.mark.slow
@pytest.mark.skipif(not SHARED.is_dir(), reason="needs the evaluation workspace ../shared beside the checkout")
def test_readme_commands_run_in_a_fresh_copy(tmp_path):
    """Each block exits 0 without a traceback; the outputs it names appear."""
    repo = _fresh_copy(tmp_path)
    bindir = str(Path(sys.executable).parent)
    env = {k: v for k, v in os.environ.items() if not k.startswith("CONFLICT_KG_")}
    env["PATH"] = bindir + os.pathsep + env.get("PATH", "")
    for block in _runnable():
        done = subprocess.run(
            ["bash", "-eo", "pipefail", "-c", block], cwd=repo, env=env, capture_output=True, text=True
        )
        assert done.returncode == 0, f"README block failed:\n{block}\n--- stderr:\n{done.stderr[-3000:]}"
        assert "Traceback" not in done.stderr, done.stderr
    for made in ("fallujah.ttl", "conflict-kg-store", "events.csv", "kg.ttl"):
        assert (repo / made).exists(), made
