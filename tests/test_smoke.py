"""`contact-desk --smoke` walks a clerk's path on a throwaway database, with no screen needed."""

from __future__ import annotations

import os
import subprocess
import sys

from contact_desk import smoke
from contact_desk.cli import main


def test_the_smoke_test_passes_without_a_screen(tmp_path):
    # No QT_QPA_PLATFORM: the smoke test must choose offscreen itself, as on a CI runner.
    env = {key: value for key, value in os.environ.items() if key != "QT_QPA_PLATFORM"}
    env.update(CONTACT_DESK_LOG_DIR=str(tmp_path / "logs"), DISPLAY="", WAYLAND_DISPLAY="")
    result = subprocess.run([sys.executable, "-m", "contact_desk", "--smoke"], env=env,
                            capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    steps = [line.split(":")[1].strip() for line in result.stdout.splitlines()]
    assert steps[:-1] == ["database", "demo data", "sync workers", "quiet hours", "window",
                          "search", "customer", "quit"]
    assert steps[-1].startswith("passed in")
    assert "offscreen platform" in result.stdout
    assert list(tmp_path.iterdir()) == [tmp_path / "logs"]  # the database went with its folder


def test_a_failed_step_exits_non_zero_and_names_the_step(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("CONTACT_DESK_LOG_DIR", str(tmp_path))

    def no_demo(self):
        raise smoke.SmokeFailed("the demo data named no customer to look for")

    monkeypatch.setattr(smoke._Smoke, "fill_demo_data", no_demo)
    assert main(["--smoke"]) == 1
    said = capsys.readouterr()
    assert "smoke: database: sqlite:///" in said.out
    assert "FAILED at demo data: the demo data named no customer to look for" in said.err
    assert str(tmp_path / "contact-desk.log") in said.err
