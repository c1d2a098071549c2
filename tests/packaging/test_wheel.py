"""The wheel, installed as a user would, under the oldest Python ``requires-python`` claims.

- ``pip install <wheel>``: the wrappers and the generated clients import, connexion (and
  every other module of the ``mock`` extra) is absent, the pytest plugin loads and skips a
  fixture's test saying what to install, ``mock-server`` says the same in one line.
- ``pip install '<wheel>[mock]'``: every module imports, and ``mock-server --port 0``
  serves ``/_mock/health``.

Fast enough for every ``make test``: the wheel is built once per run without build
isolation; the scratch venvs get no pip of their own (the outer pip installs into them,
``pip --python``) and nothing is byte-compiled at install; the dependencies come from a
wheelhouse under ``.cache/`` that pip fills once per set of requirements (from its own
cache, so without a download after the first time), installed with no index at all.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
#: Every top-level package the wheel holds, each with its py.typed.
PACKAGES = [
    "wrappers",
    "mock_server",
    "preservica_monitor_client",
    "monitor_server_client",
    "aepublish_client",
    "mock_admin_client",
]
#: What only the mock extra brings: none of it may be in a base install.
MOCK_ONLY = ["connexion", "starlette", "uvicorn", "jsonschema", "yaml", "orjson", "respx"]
CACHE = ROOT / ".cache" / "packaging"
PIP = [sys.executable, "-m", "pip"]


def oldest_python() -> tuple[str, str]:
    """(version, interpreter) of the oldest Python ``requires-python`` allows."""
    claim = PYPROJECT["project"]["requires-python"]
    found = re.fullmatch(r">=\s*(\d+\.\d+)", claim)
    assert found, f"requires-python {claim!r}: this test reads a plain lower bound"
    version = found.group(1)
    for name in (f"python{version}", f"python{version.replace('.', '')}"):
        interpreter = shutil.which(name)
        if interpreter is None:
            continue
        # A pyenv shim exists for versions that are not installed: ask the interpreter.
        answer = subprocess.run(
            [interpreter, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
            capture_output=True,
            text=True,
        )
        if answer.returncode == 0 and answer.stdout.strip() == version:
            return version, interpreter
    pytest.skip(f"no Python {version} on this machine (the oldest requires-python allows)")


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """One xdist worker at a time (the others wait, then find the work done)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def run(argv: list[str], **kwargs) -> subprocess.CompletedProcess:
    answer = subprocess.run(argv, capture_output=True, text=True, timeout=300, **kwargs)
    assert answer.returncode == 0, f"{' '.join(argv)}:\n{answer.stdout}\n{answer.stderr}"
    return answer


@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's wheel, built once per test run from a copy of the working tree."""
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):  # each worker's is under the run's own
        shared = shared.parent
    with locked(shared / "wheel.lock"):
        dist = shared / "dist"
        built = sorted(dist.glob("*.whl"))
        if built:
            return built[0]
        source = shared / "source"
        _copy_tree(source)
        run(
            [*PIP, "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", str(dist), "."],
            cwd=source,
        )
        [built_wheel] = dist.glob("*.whl")
        return built_wheel


def _copy_tree(target: Path) -> None:
    """The files a build reads (not the venvs, caches or .git): building from a copy keeps
    the build's egg-info and build/ out of the working tree."""
    skip = {".venv", ".venv-compat", ".venv-peer", ".cache", ".git", "build", "dist"}

    def keep(member: tarfile.TarInfo) -> tarfile.TarInfo | None:
        parts = Path(member.name).parts
        if any(p in skip or p == "__pycache__" or p.endswith(".egg-info") for p in parts):
            return None
        return member

    archive = target.with_suffix(".tar")
    with tarfile.open(archive, "w") as tar:
        tar.add(ROOT, arcname=".", filter=keep)
    with tarfile.open(archive) as tar:
        tar.extractall(target, filter="tar")
    archive.unlink()


def requirements_of(wheel: Path, extra: str | None) -> list[str]:
    with zipfile.ZipFile(wheel) as archive:
        metadata = archive.read(
            f"{wheel.name.split('-')[0]}-{wheel.name.split('-')[1]}.dist-info/METADATA"
        ).decode()
    wanted = []
    for line in metadata.splitlines():
        if not line.startswith("Requires-Dist: "):
            continue
        requirement, _, marker = line.removeprefix("Requires-Dist: ").partition(";")
        if not marker or (extra and f'extra == "{extra}"' in marker):
            wanted.append(requirement.strip())
    return wanted


def venv(python: str, where: Path, wheel: Path, extra: str | None) -> Path:
    """A fresh venv at ``where`` holding ``wheel`` (with ``extra``) and pytest, nothing
    else; its Python."""
    run([python, "-m", "venv", "--without-pip", str(where)])
    target = where / "bin" / "python"
    interpreter_version = run([str(target), "-c", "import sys; print(sys.version)"]).stdout
    wanted = [*requirements_of(wheel, extra), "pytest"]
    house = wheelhouse(str(target), interpreter_version, wanted)
    spec = f"{wheel}[{extra}]" if extra else str(wheel)
    install = [*PIP, "--python", str(target), "install", "--quiet", "--no-compile"]
    run([*install, "--no-index", "--find-links", str(house), spec, "pytest"])
    return target


def wheelhouse(python: str, version: str, wanted: list[str]) -> Path:
    """Wheels of ``wanted`` for ``python``: downloaded once (pip's own cache makes that a
    copy after the first time), then reused by every run with the same requirements."""
    key = hashlib.sha256("\n".join([version, *sorted(wanted)]).encode()).hexdigest()[:16]
    house = CACHE / "wheelhouse"
    stamp = house / f".complete-{key}"
    with locked(CACHE / "wheelhouse.lock"):
        if not stamp.exists():
            run([*PIP, "--python", python, "download", "--quiet", "-d", str(house), *wanted])
            stamp.touch()
    return house


def in_venv(python: Path, code: str, **kwargs) -> subprocess.CompletedProcess:
    # Not from the repository root, whose packages would shadow the installed ones.
    return subprocess.run(
        [str(python), "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=python.parents[2],
        **kwargs,
    )


IMPORT_EVERYTHING = """
import importlib, importlib.util, json, pkgutil, sys
packages = json.loads(sys.argv[1]) if len(sys.argv) > 1 else {packages!r}
imported, typed = [], {{}}
for name in packages:
    package = importlib.import_module(name)
    where = package.__path__[0]
    typed[name] = __import__("os").path.isfile(where + "/py.typed")
    for module in pkgutil.walk_packages(package.__path__, name + "."):
        if module.name.endswith("__main__") or any(
            module.name == s or module.name.startswith(s + ".") for s in {skip!r}
        ):
            continue
        importlib.import_module(module.name)
        imported.append(module.name)
absent = [m for m in {mock_only!r} if importlib.util.find_spec(m) is None]
print(json.dumps({{"imported": imported, "typed": typed, "absent": absent,
                  "loaded": sorted(m for m in sys.modules if m.split(".")[0] in {mock_only!r}),
                  "version": list(sys.version_info[:2]), "files": {{n: sys.modules[n].__file__
                  for n in packages}}}}))
"""


def import_everything(python: Path, packages: list[str], skip: set[str]) -> dict:
    code = IMPORT_EVERYTHING.format(packages=packages, skip=sorted(skip), mock_only=MOCK_ONLY)
    answer = in_venv(python, code)
    assert answer.returncode == 0, answer.stderr
    return json.loads(answer.stdout)


def test_the_base_install_has_the_clients_and_no_server(tmp_path, wheel):
    version, python = oldest_python()
    target = venv(python, tmp_path / "base", wheel, None)
    # The server's modules need the extra; the plugin, the admin client helper and the
    # in-process transports must not.
    server_only = {
        f"mock_server.{name}"
        for name in (
            "app",
            "cli",
            "_connexion",
            "traffic",
            "admin",
            "core",
            "preservica",
            "monitor_server",
            "aepublish",
        )
    }
    found = import_everything(target, PACKAGES, server_only)
    assert found["version"] == [int(p) for p in version.split(".")]
    assert found["absent"] == MOCK_ONLY and found["loaded"] == []
    assert all(found["typed"].values()), found["typed"]
    site = str(target.parents[1])
    assert all(path.startswith(site) for path in found["files"].values()), found["files"]
    for module in (
        "wrappers.preservica",
        "monitor_server_client.api.sessions.count_sessions",
        "mock_admin_client.models.seed_document",
        "mock_server.pytest_plugin",
        "mock_server.admin_client",
        "mock_server.inprocess",
    ):
        assert module in found["imported"], module

    # The CLI is installed with the package, and says what is missing.
    cli = subprocess.run(
        [str(target.parent / "mock-server")], capture_output=True, text=True, timeout=60
    )
    assert cli.returncode == 1
    [line] = cli.stderr.strip().splitlines()
    needs = "mock-server: the mock server needs the `mock` extra: pip install 'api-mocks[mock]'"
    missing = re.fullmatch(re.escape(needs) + r" \((\w+) is missing\)", line)
    assert missing is not None, line
    assert missing.group(1) in MOCK_ONLY

    # The plugin is registered, loads under -W error, and a fixture that runs the mock
    # skips its test with the reason.
    project = tmp_path / "downstream"
    project.mkdir()
    (project / "test_it.py").write_text(
        "def test_live(mock_server_url):\n    raise AssertionError('never runs')\n\n"
        "def test_in_process(mock_transport):\n    raise AssertionError('never runs')\n\n"
        "def test_plain():\n    import wrappers.monitor_server\n"
    )
    answer = subprocess.run(
        [str(target), "-m", "pytest", "-W", "error", "-rs", "-p", "no:cacheprovider"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=project,
    )
    assert answer.returncode == 0, answer.stdout + answer.stderr
    assert "1 passed, 2 skipped" in answer.stdout, answer.stdout
    assert answer.stdout.count("pip install 'api-mocks[mock]'") == 2, answer.stdout


def test_the_mock_extra_serves(tmp_path, wheel):
    version, python = oldest_python()
    target = venv(python, tmp_path / "mock", wheel, "mock")
    found = import_everything(target, PACKAGES, set())
    assert found["absent"] == [] and found["version"] == [int(p) for p in version.split(".")]
    assert {"mock_server.app", "mock_server.cli", "mock_server.pytest_plugin"} <= set(
        found["imported"]
    )
    server = subprocess.Popen(
        [str(target.parent / "mock-server"), "--port", "0", "--empty", "--log-level", "warning"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        cwd=tmp_path,
    )
    try:
        banner = server.stdout.readline()
        listening = re.search(r"listening on (http://127\.0\.0\.1:(\d+))", banner)
        assert listening and int(listening.group(2)) > 0, banner + server.stdout.read()
        # The banner comes once the socket listens: the first request is answered (it
        # waits in the backlog while uvicorn starts), no polling needed.
        health = httpx.get(f"{listening.group(1)}/_mock/health", timeout=30)
        assert health.json() == {"status": "ok"}
    finally:
        server.terminate()
        server.wait(timeout=10)
        server.stdout.close()
