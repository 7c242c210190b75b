"""The template contract: what a template reads, nested; its JSON Schema; a context checked
field by field before rendering."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reportkit import Template
from reportkit.resources import builtin_template
from tests.docx_helpers import build
from tests.test_cli import run

TEMPLATE = build(
    [
        "Số {{ decision.number }}, {{ decision.date|admin_date }}",
        "{%p for h in decision.honorees %}",
        "{{ loop.index }}. {{ h.person.full_name|upper }} — {{ h['unit'] }}",
        "{%p endfor %}",
        "{% set a = agency %}{{ a.name }}{% for k, v in totals.items() %}{{ k }}{% endfor %}",
    ]
)


def test_variables_are_a_set_of_names_with_a_tree() -> None:
    names = Template(TEMPLATE).variables()
    assert names == {"decision", "agency", "totals"}
    assert names.paths == [
        "agency.name",
        "decision.date",
        "decision.honorees[].person.full_name",
        "decision.honorees[].unit",
        "decision.number",
        "totals",
    ]


def test_schema_describes_the_context() -> None:
    schema = Template(TEMPLATE).schema()
    decision = schema["properties"]["decision"]
    assert decision["required"] == ["date", "honorees", "number"]
    honorees = decision["properties"]["honorees"]
    assert honorees["type"] == "array"
    assert honorees["items"]["properties"]["person"]["properties"] == {"full_name": {}}


def test_validate_reports_every_problem_with_its_path() -> None:
    template = Template(TEMPLATE)
    good = {
        "decision": {
            "number": 12,
            "date": "2021-06-15",
            "honorees": [{"person": {"full_name": "A"}, "unit": "VP"}],
        },
        "agency": {"name": "Sở"},
        "totals": {},
    }
    assert template.validate(good) == []
    bad = {
        "decision": {"number": 12, "honorees": [{"person": {"full_name": "A"}}, {"unit": "VP"}]},
        "agency": {"name": "Sở"},
        "totals": {},
    }
    assert template.validate(bad) == [
        "decision.date: missing",
        "decision.honorees[0].unit: missing",
        "decision.honorees[1].person: missing",
    ]
    assert template.validate(
        {"decision": {"number": 1, "date": 1, "honorees": "An"}, "agency": {}, "totals": 1}
    ) == [
        "agency.name: missing",
        "decision.honorees: expected a list, got str",
    ]


@pytest.mark.parametrize("name", ["quyet_dinh_khen_thuong.docx", "giay_khen.docx", "thu_khen.docx"])
def test_builtin_templates_read_nested_fields(name: str) -> None:
    paths = Template(builtin_template(name)).variables().paths
    assert paths and all(not p.startswith(("_rk", "loop")) for p in paths)
    assert any("." in p for p in paths)


def test_cli_tree_and_json(tmp_path: Path) -> None:
    path = tmp_path / "mau.docx"
    path.write_bytes(TEMPLATE)
    tree = run("variables", str(path), "--tree")
    assert tree.returncode == 0 and "decision.honorees[].person.full_name" in tree.stdout.splitlines()
    schema = json.loads(run("variables", str(path), "--json").stdout)
    assert schema["properties"]["decision"]["type"] == "object"
    assert run("variables", str(path)).stdout.split() == ["agency", "decision", "totals"]
