"""qem.testing as a user's test suite uses it: the fixtures of the pytest plugin the wheel
installs, and the `qem` console command in a fresh virtual environment."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path
from typing import Any

import pytest

import qem
from qem.testing import MockServer


def test_a_users_test_with_the_fixtures(qem_client: qem.Client, qem_mock: MockServer) -> None:
    # What a user's nightly job would do, against the offline Enterprise Manager.
    qem_client.run_task("Local Server", "SalesDBBackup", option="RESUME_PROCESSING")
    details = qem_client.wait_for_task_state("Local Server", "SalesDBBackup", ["RUNNING"], timeout=30)
    assert details.state == qem.AemTaskState.RUNNING
    ops = [r["operation"] for r in qem_mock.requests()]
    assert ops.count("run_task") == 1


def test_each_test_starts_from_the_default_world(qem_client: qem.Client) -> None:
    details = qem_client.get_task_details("Local Server", "SalesDBBackup")
    assert details.state == qem.AemTaskState.STOPPED, "the previous test's run was reset"


def test_a_state_and_the_other_services(qem_mock: MockServer) -> None:
    with MockServer(state={"veeam": {"finished_ms": 0}}) as own:
        import qem.veeam

        with qem.veeam.Client(
            own.service_url("veeam"), username="EM\\admin", password="admin-pass", ca_file=own.ca_file
        ) as em:
            assert em.get_repositories().Refs[0].Name == "Default Backup Repository"
    assert qem_mock.url != own.url


def test_attaching_to_a_mock_running_elsewhere(qem_mock: MockServer) -> None:
    # As a test suite would reach `qem mock` run in another container: its URL and certificate.
    attached = MockServer.attach(qem_mock.url, qem_mock.ca_file)
    attached.reset()
    with attached.client() as client:
        assert client.get_task_details("Local Server", "SalesDBBackup").name == "SalesDBBackup"
    assert [r["operation"] for r in attached.requests()].count("get_task_details") == 1
    assert attached.service_url("veeam") == qem_mock.service_url("veeam")
    attached.stop()
    # The mock it did not start is still there.
    assert qem_mock.control("GET", "requests")


@pytest.mark.skipif(not os.environ.get("QEM_WHEELS"), reason="the wheel's folder is not given (QEM_WHEELS)")
def test_the_console_command_in_a_fresh_venv(tmp_path: Path, qem_mock: Any) -> None:
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    py = env_dir / "bin" / "python"
    wheels = sorted(Path(os.environ["QEM_WHEELS"]).glob("*.whl"))
    subprocess.run([str(py), "-m", "pip", "install", "-q", "--no-index", str(wheels[-1])], check=True)
    qem_cmd = env_dir / "bin" / "qem"
    version = subprocess.run([str(qem_cmd), "--version"], capture_output=True, text=True, check=True)
    assert version.stdout.startswith("qem ")
    env = dict(
        os.environ, QEM_URL=qem_mock.url, QEM_USER="QEM\\admin", QEM_PASSWORD="admin-pass", QEM_CA_FILE=qem_mock.ca_file
    )
    env.pop("QEM_CONTEXT", None)
    env["QEM_CONFIG"] = str(tmp_path / "config.json")
    listed = subprocess.run([str(qem_cmd), "servers", "ls", "-q"], capture_output=True, text=True, env=env)
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout == "Local Server\n"
    bad = subprocess.run([str(qem_cmd), "frobnicate"], capture_output=True, text=True, env=env)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1
    # python -m qem is the same program.
    same = subprocess.run([str(py), "-m", "qem", "ops", "-q"], capture_output=True, text=True, env=env)
    assert "get_task_details" in same.stdout.split()
    assert sys.executable != str(py)
