"""Each of the README's Python snippets runs as written, on its own, in a fresh namespace."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parent.parent / "README.md"
PAGES = [README, *sorted((README.parent / "docs").glob("*.md"))]

BLOCKS = [
    (f"{page.relative_to(README.parent)} block {number}", block)
    for page in PAGES
    for number, block in enumerate(
        re.findall(r"```python\n(.*?)```", page.read_text(encoding="utf-8"), re.DOTALL), 1
    )
]


def test_readme_has_snippets() -> None:
    assert len(BLOCKS) >= 9
    assert sum(name.startswith("README.md") for name, _ in BLOCKS) >= 2


def test_readme_is_a_quick_start() -> None:
    text = README.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 250
    for page in re.findall(r"\]\((docs/[\w.]+\.md)", text):
        assert (README.parent / page).is_file(), page
    assert {p.name for p in PAGES[1:]} <= set(re.findall(r"docs/([\w.]+\.md)", text))


@pytest.mark.parametrize("index", range(len(BLOCKS)), ids=[name for name, _ in BLOCKS])
def test_readme_snippet_runs_on_its_own(index: int) -> None:
    name, block = BLOCKS[index]
    exec(compile(block, name, "exec"), {"__name__": "readme"})


def test_quick_start_is_two_commands() -> None:
    text = README.read_text(encoding="utf-8")
    section = text.split("## Quick start", 1)[1].split("##", 1)[0]
    commands = re.findall(r"```sh\n(.*?)```", section, re.DOTALL)[0].strip().splitlines()
    assert len(commands) == 2
    assert commands[0].endswith("reportkit demo out")
    ci = (README.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci
