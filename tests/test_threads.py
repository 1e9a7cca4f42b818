"""numpy's BLAS runs on one thread once hearsay loads a numpy model (hearsay.threads)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

PROBE = """
import threadpoolctl
from hearsay.threads import limit_blas_threads
print(limit_blas_threads())
print(sorted({p["num_threads"] for p in threadpoolctl.threadpool_info() if p["user_api"] == "blas"}))
"""


def probe(value: str | None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "HEARSAY_BLAS_THREADS"}
    if value is not None:
        env["HEARSAY_BLAS_THREADS"] = value
    return subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env)


def test_threads_blas_limited_to_one_by_default() -> None:
    result = probe(None)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[:2] == ["1", "[1]"]


def test_threads_setting_chooses_the_number() -> None:
    assert probe("2").stdout.split("\n")[0] == "2"
    assert probe("0").stdout.split("\n")[0] == "None"


@pytest.mark.parametrize("value", ["many", "1.5"])
def test_threads_bad_setting_is_a_config_error(value: str) -> None:
    result = probe(value)
    assert result.returncode != 0
    assert "HEARSAY_BLAS_THREADS must be a whole number" in result.stderr


def test_threads_russian_models_limit_blas() -> None:
    code = (
        "import threadpoolctl\nfrom hearsay.lang.ru.models import load_models\nload_models()\n"
        "print({p['num_threads'] for p in threadpoolctl.threadpool_info() if p['user_api'] == 'blas'})"
    )
    env = {k: v for k, v in os.environ.items() if k != "HEARSAY_BLAS_THREADS"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "{1}"
