"""Models: validation with clear locations, normalisation, computed figures, YAML round trips."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from reportkit.models import (
    Agency,
    Award,
    Collective,
    Conference,
    Decision,
    Honoree,
    HonoreeList,
    Person,
    Signer,
)

AGENCY = {
    "name": "Sở Công Thương",
    "parent": "UBND thành phố Hải Phòng",
    "abbreviation": "sct",
    "place": "Hải Phòng",
}
SIGNER = {"prefix": "KT.", "authority": "Giám đốc", "position": "Phó Giám đốc", "full_name": "lê văn an"}
AWARD = {
    "kind": "Giấy khen",
    "authority": "Giám đốc Sở Công Thương",
    "base_salary": 1_490_000,
    "individual_factor": "0.3",
}


def seed_list() -> HonoreeList:
    collectives = [{"collective": {"name": f"Phòng {i}", "parent_unit": "Sở Công Thương"}} for i in range(4)]
    people = [{"person": {"full_name": f"Nguyễn Văn {c}", "gender": "Nam"}} for c in "ABCDEFGHIKL"]
    return HonoreeList.from_dict({"award": AWARD, "honorees": collectives + people})


def test_agency_and_signer() -> None:
    agency = Agency.from_dict(AGENCY)
    assert agency.abbreviation == "SCT"
    assert agency.name_upper == "SỞ CÔNG THƯƠNG"
    signer = Signer.from_dict(SIGNER)
    assert signer.authority_line == "KT. GIÁM ĐỐC"
    assert signer.position_line == "PHÓ GIÁM ĐỐC"
    assert signer.full_name == "Lê Văn An"
    assert signer.lines == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]
    assert Signer(authority="Giám đốc", full_name="A B").lines == ["GIÁM ĐỐC"]


def test_signer_prefix_is_checked() -> None:
    with pytest.raises(ValidationError, match="prefix"):
        Signer.from_dict({**SIGNER, "prefix": "XX."})


def test_person_normalises() -> None:
    person = Person(
        full_name=unicodedata.normalize("NFD", "  trần   văn hùng "),
        gender="nam",
        position="Trưởng phòng",
        unit="Phòng Quản lý Công nghiệp",
    )
    assert person.full_name == "Trần Văn Hùng"
    assert unicodedata.is_normalized("NFC", person.full_name)
    assert person.gender == "male"
    assert person.addressed == "Ông Trần Văn Hùng"
    assert person.given_name == "Hùng"
    assert person.position_and_unit == "Trưởng phòng, Phòng Quản lý Công nghiệp"
    assert Person(full_name="Phạm Thị Lan", gender="Nữ").honorific == "Bà"


def test_award_money_from_base_salary() -> None:
    award = Award.from_dict(AWARD)
    # 0,3 × 1.490.000 = 447.000 and 894.000, rounded up to 10.000 đồng (Nghị định 91/2017 Điều 68)
    assert (award.amount_individual, award.amount_collective) == (450_000, 900_000)
    exact = Award.from_dict({**AWARD, "round_up_to": 1})
    assert (exact.amount_individual, exact.amount_collective) == (447_000, 894_000)
    assert Award.from_dict({**AWARD, "round_up_to": None}).amount_individual == 450_000
    rounded = Award.from_dict(
        {**AWARD, "base_salary": 1_800_000, "round_up_to": 10_000, "individual_factor": "0.15"}
    )
    assert rounded.amount_individual == 270_000
    odd = Award.from_dict(
        {**AWARD, "base_salary": 1_490_000, "individual_factor": "0.15", "round_up_to": 10_000}
    )
    assert odd.amount_individual == 230_000  # 223.500 rounded up
    assert Award(authority="X", amount_individual=5).amount_collective is None


def test_honoree_list_counts_and_totals() -> None:
    hl = seed_list()
    assert hl.count_text == "04 tập thể và 11 cá nhân"
    assert hl.collective_total == 3_600_000
    assert hl.individual_total == 4_950_000
    assert hl.total_amount == 8_550_000
    assert [g.heading for g in hl.groups] == ["I. TẬP THỂ (04)", "II. CÁ NHÂN (11)"]
    flipped = hl.model_copy(update={"group_order": "individuals_first"})
    assert [g.heading for g in flipped.groups] == ["I. CÁ NHÂN (11)", "II. TẬP THỂ (04)"]


def test_honoree_list_sorting_by_given_name() -> None:
    hl = HonoreeList.from_dict(
        {
            "sort": True,
            "honorees": [
                {"person": {"full_name": "Lê Văn Ơn"}},
                {"person": {"full_name": "Trần An"}},
                {"person": {"full_name": "Đỗ Văn Đức"}},
                {"collective": {"name": "Văn phòng Sở"}},
                {"collective": {"name": "Phòng Quản lý Thương mại"}},
            ],
        }
    )
    assert [h.name for h in hl.individuals] == ["Trần An", "Đỗ Văn Đức", "Lê Văn Ơn"]
    assert [h.name for h in hl.collectives] == ["Phòng Quản lý Thương mại", "Văn phòng Sở"]


def test_honoree_amount_override() -> None:
    hl = HonoreeList.from_dict(
        {"award": AWARD, "honorees": [{"person": {"full_name": "A B"}, "amount": 1_000_000}]}
    )
    assert hl.total_amount == 1_000_000


def test_errors_name_the_record_and_field() -> None:
    with pytest.raises(ValidationError) as info:
        HonoreeList.from_dict(
            {
                "honorees": [
                    {"collective": {"name": "Phòng A"}},
                    {"person": {"full_name": "  ", "gender": "X"}},
                    {"person": {"full_name": "A"}, "collective": {"name": "B"}},
                ]
            }
        )
    text = str(info.value)
    assert "honorees.1.person.full_name" in text
    assert "honorees.1.person.gender" in text and "'X'" in text
    assert "honorees.2" in text and "either a person or a collective" in text


def test_extra_fields_are_rejected() -> None:
    with pytest.raises(ValidationError, match="nmae"):
        Collective.from_dict({"nmae": "x"})


def decision() -> Decision:
    return Decision.from_dict(
        {
            "number": 12,
            "date": "2021-06-15",
            "agency": AGENCY,
            "summary": "Về việc tặng Giấy khen",
            "authority": "Giám đốc Sở Công Thương",
            "legal_bases": ["Luật Thi đua, khen thưởng.", "Căn cứ Nghị định 91/2017/NĐ-CP"],
            "signer": SIGNER,
            "recipients": ["Như Điều 3;", "Lãnh đạo Sở"],
            "archive": ["TĐKT"],
            "honorees": seed_list().to_dict(),
        }
    )


def test_decision_properties() -> None:
    d = decision()
    assert d.symbol == "12/QĐ-SCT"
    assert d.number_line == "Số: 12/QĐ-SCT"
    assert d.place_date == "Hải Phòng, ngày 15 tháng 6 năm 2021"
    assert d.legal_basis_lines == ["Căn cứ Luật Thi đua, khen thưởng;", "Căn cứ Nghị định 91/2017/NĐ-CP;"]
    assert d.reason_text == ""
    assert d.fund_text == "Quỹ thi đua, khen thưởng của Sở Công Thương"
    assert d.recipient_lines == ["- Như Điều 3;", "- Lãnh đạo Sở;", "- Lưu: VT, TĐKT."]
    assert d.reference == "Quyết định số 12/QĐ-SCT ngày 15 tháng 6 năm 2021"
    small = d.model_copy(update={"number": 5})
    assert small.symbol == "05/QĐ-SCT"


def test_conference_loads() -> None:
    conf = Conference.from_dict(
        {
            "title": "Hội nghị Biểu dương điển hình tiên tiến",
            "organiser": AGENCY,
            "starts_at": "2021-06-22T08:00:00",
            "venue": "Hội trường Sở Công Thương",
            "guests": [
                {"full_name": "Nguyễn Văn Thành", "gender": "Nam", "position": "Phó Chủ tịch UBND thành phố"}
            ],
            "awards_received": [{"name": "Cờ thi đua", "grantor": "Bộ Công Thương"}],
        }
    )
    assert conf.date == dt.date(2021, 6, 22)
    assert conf.guests[0].addressed == "Ông Nguyễn Văn Thành"
    assert conf.awards_received[0].text == "Cờ thi đua của Bộ Công Thương"


@pytest.mark.parametrize("model", ["decision", "list"])
def test_yaml_and_json_round_trip(model: str, tmp_path: Path) -> None:
    obj = decision() if model == "decision" else seed_list()
    cls = type(obj)
    assert cls.from_yaml(obj.to_yaml()) == obj
    assert cls.from_json(obj.to_json()) == obj
    path = tmp_path / "x.yaml"
    path.write_text(obj.to_yaml(), encoding="utf-8")
    assert cls.from_yaml(path) == obj
    assert "Sở Công Thương" in obj.to_yaml() or "Giám đốc" in obj.to_yaml()


def test_yaml_must_be_a_mapping() -> None:
    with pytest.raises(ValueError, match="mapping"):
        Agency.from_yaml("- a\n- b\n")


names = st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàáạảãầấậẩẫ ", min_size=1, max_size=30).filter(
    str.strip
)


@given(
    st.lists(
        st.one_of(
            st.builds(
                lambda n, g: {"person": {"full_name": n, "gender": g}},
                names,
                st.sampled_from(["Nam", "Nữ", None]),
            ),
            st.builds(lambda n: {"collective": {"name": n}}, names),
        ),
        max_size=12,
    ),
    st.sampled_from(["collectives_first", "individuals_first"]),
    st.booleans(),
)
def test_honoree_list_round_trips_and_counts(items: list[dict], order: str, sort: bool) -> None:
    hl = HonoreeList.from_dict({"award": AWARD, "honorees": items, "group_order": order, "sort": sort})
    assert HonoreeList.from_yaml(hl.to_yaml()) == hl
    assert len(hl.ordered) == len(items)
    assert hl.total_amount == 900_000 * hl.collective_count + 450_000 * hl.individual_count
    for h in hl.honorees:
        assert unicodedata.is_normalized("NFC", h.name) and "  " not in h.name


def test_honoree_requires_one_kind() -> None:
    with pytest.raises(ValidationError):
        Honoree.from_dict({"achievement": "x"})


def test_award_amounts_are_computed_not_stored() -> None:
    award = Award(authority="Giám đốc Sở", base_salary="1.490.000", individual_factor="0.3")
    assert (award.amount_individual, award.amount_collective) == (450_000, 900_000)
    award.base_salary = 1_800_000
    assert (award.amount_individual, award.amount_collective) == (540_000, 1_080_000)
    text = award.to_yaml()
    assert "amount" not in text and "base_salary: 1800000" in text
    again = Award.from_yaml(text.replace("1800000", "2340000"))
    assert again.amount_individual == 710_000  # 702.000 rounded up
    fixed = Award.from_yaml("authority: X\namount_individual: 500.000 đồng\n")
    assert fixed.amount_individual == 500_000 and "amount_individual: 500000" in fixed.to_yaml()
    assert fixed.model_dump(mode="json")["amounts"] == {"individual": 500_000, "collective": None}


def test_award_without_money() -> None:
    award = Award(authority="Giám đốc Sở")
    assert award.amount_individual is None and award.amount_collective is None and not award.has_money


@pytest.mark.parametrize("bad", ["1.5", "540000,5", -1, "4.47.000", "NaN"])
def test_award_amounts_are_exact_or_refused(bad: object) -> None:
    with pytest.raises(ValidationError, match="amount_individual"):
        Award(authority="X", amount_individual=bad)
    with pytest.raises(ValidationError, match="amount"):
        Honoree.model_validate({"person": {"full_name": "An"}, "amount": bad})


def test_computed_values_are_in_the_json_dump() -> None:
    hl = HonoreeList.model_validate(
        {"award": AWARD, "honorees": [{"collective": {"name": "Phòng A"}}, {"person": {"full_name": "B C"}}]}
    )
    data = hl.model_dump(mode="json")
    assert data["count_text"] == "01 tập thể và 01 cá nhân" and data["total_amount"] == 900_000 + 450_000
    assert HonoreeList.from_dict(hl.to_dict()) == hl
