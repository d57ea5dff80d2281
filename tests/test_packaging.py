"""The container image and the systemd unit: linted here, built where a Docker engine runs.

CI machines have the Docker client but no engine, so `docker build` is tried only when
`docker info` answers; hadolint (a test dependency) and `systemd-analyze verify` (where systemd
is installed) check the files everywhere else.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
DOCKERFILE = (ROOT / "Dockerfile").read_text()
UNIT = ROOT / "packaging" / "metalert.service"


def test_the_dockerfile_passes_hadolint() -> None:
    hadolint = shutil.which("hadolint") or str(Path(sys.executable).with_name("hadolint"))
    if not Path(hadolint).exists():
        pytest.skip("hadolint is not installed (pip install '.[test]')")
    result = subprocess.run(
        [hadolint, "--no-color", "--failure-threshold", "info", str(ROOT / "Dockerfile")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_image_runs_the_daemon_as_a_user_with_its_database_on_a_volume() -> None:
    stages = re.findall(r"^FROM (\S+)", DOCKERFILE, re.MULTILINE)
    assert len(stages) == 2 and all(stage.startswith("python:3.11-slim") for stage in stages)
    (user,) = re.findall(r"^USER (\S+)", DOCKERFILE, re.MULTILINE)
    assert user.split(":")[0] not in ("0", "root")
    assert 'VOLUME ["/var/lib/metalert"]' in DOCKERFILE
    assert re.search(r'CMD \["metalert", "status", "--config", "/etc/metalert/config.yaml"\]',
                     DOCKERFILE)  # fmt: skip
    assert 'CMD ["run", "--config", "/etc/metalert/config.yaml"]' in DOCKERFILE
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert {".venv", ".git", "tests", "*.db"} <= set(ignored)


def test_compose_keeps_the_database_on_a_volume_and_the_token_in_the_environment() -> None:
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text())
    service = compose["services"]["metalert"]
    assert service["restart"] == "unless-stopped"
    assert "metalert-data:/var/lib/metalert" in service["volumes"]
    assert service["environment"]["TELEGRAM_BOT_TOKEN"].startswith("${TELEGRAM_BOT_TOKEN")
    assert all(port.startswith("127.0.0.1:") for port in service["ports"])
    assert "metalert-data" in compose["volumes"]


def test_the_systemd_unit_verifies_and_is_sandboxed(tmp_path: Path) -> None:
    text = UNIT.read_text()
    for line in (
        "Restart=on-failure",
        "User=metalert",
        "StateDirectory=metalert",
        "ProtectSystem=strict",
        "NoNewPrivileges=yes",
        "PrivateTmp=yes",
        "EnvironmentFile=/etc/metalert/metalert.env",
    ):
        assert line in text.splitlines(), line
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is not installed here")
    # verify wants ExecStart to exist: point it at this checkout's metalert.
    unit = tmp_path / "metalert.service"
    metalert = Path(sys.executable).with_name("metalert")
    unit.write_text(text.replace("/opt/metalert/bin/metalert", str(metalert)))
    result = subprocess.run(
        [analyze, "verify", str(unit)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0 and result.stderr == "", result.stderr


def _docker_engine() -> bool:
    docker = shutil.which("docker")
    if docker is None:
        return False
    return subprocess.run([docker, "info"], capture_output=True, timeout=30).returncode == 0


@pytest.mark.skipif(not _docker_engine(), reason="no Docker engine on this machine")
def test_the_image_builds_and_answers_help() -> None:
    subprocess.run(["docker", "build", "-t", "metalert:test", str(ROOT)], check=True, timeout=900)
    result = subprocess.run(
        ["docker", "run", "--rm", "metalert:test", "--help"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0 and "metalert" in result.stdout
