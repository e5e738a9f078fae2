"""The real tools the tests check tyo's output with, installed where they are missing.

A supervisor's world has real counterparts — a PDF renderer, a barcode scanner, the
official e-invoice rules — and the tests use them. A tool that is missing is installed
here (Debian's packages through ``apt-get``, npm packages into a folder git ignores), and
if it still can't be had the test fails: in CI a missing tool is a failure, never a skip.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
SHARED = ROOT.parent / "shared"
EINVOICE = SHARED / "einvoice"
NPM_PREFIX = ROOT / ".tools" / "npm"


def einvoice_artefact(relative: str) -> Path:
    """A file of the official e-invoice artefacts in ``../shared/einvoice/`` (never copied)."""
    path = EINVOICE / relative
    if not path.exists():
        pytest.fail(f"{path} is missing: the e-invoice artefacts live in ../shared/einvoice/")
    return path


@functools.cache
def _apt_updated() -> None:
    subprocess.run(["apt-get", "update", "-qq"], capture_output=True, check=False)


def apt_tool(binary: str, package: str) -> str:
    """The path of ``binary``, installing Debian's ``package`` first where it is missing."""
    found = shutil.which(binary)
    if found is None and shutil.which("apt-get") is not None:
        _apt_updated()
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", "--no-install-recommends", package],
            capture_output=True,
            check=False,
            env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
        )
        found = shutil.which(binary)
    if found is None:
        pytest.fail(f"{binary} is needed: apt-get install {package}")
    return found


def npm_module(package: str, version: str) -> Path:
    """The ``node_modules`` folder holding ``package@version``, installed on first use."""
    modules = NPM_PREFIX / "node_modules"
    if not (modules / package / "package.json").exists():
        npm = shutil.which("npm")
        if npm is None:
            pytest.fail(f"npm is needed for {package}: apt-get install npm")
        result = subprocess.run(
            [npm, "install", "--no-audit", "--no-fund", "--prefix", str(NPM_PREFIX),
             f"{package}@{version}"],
            capture_output=True,
            text=True,
            check=False,
        )  # fmt: skip
        if result.returncode != 0 or not (modules / package / "package.json").exists():
            pytest.fail(f"npm install {package}@{version} failed:\n{result.stderr}")
    return modules
