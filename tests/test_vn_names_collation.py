"""Names, NFC hygiene and Vietnamese collation (checked against ICU itself)."""

from __future__ import annotations

import random
import unicodedata

import icu  # pyicu-wheels: the test oracle
import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportkit.vn import (
    collation_key,
    honorific,
    normalize,
    normalize_name,
    parse_gender,
    sort_key,
    sort_names,
    split_name,
    upper,
)

LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
ALPHABET = LETTERS + LETTERS.upper() + " -"
ICU = icu.Collator.createInstance(icu.Locale("vi"))


def _cmp(a: object, b: object) -> int:
    return (a > b) - (a < b)  # type: ignore[operator]


def test_normalize() -> None:
    assert normalize("  Sở   Công\tThương \n") == "Sở Công Thương"
    nfd = unicodedata.normalize("NFD", "Nguyễn")
    assert nfd != "Nguyễn"
    assert normalize(nfd) == "Nguyễn"


def test_normalize_name() -> None:
    assert normalize_name("nguyễn  văn thành") == "Nguyễn Văn Thành"
    assert normalize_name("  TRẦN   văn HÙNG ") == "Trần Văn Hùng"
    assert normalize_name("đặng thị ngọc ánh") == "Đặng Thị Ngọc Ánh"
    assert normalize_name(unicodedata.normalize("NFD", "lê ơn")) == "Lê Ơn"


def test_upper() -> None:
    assert upper("sở công thương hải phòng") == "SỞ CÔNG THƯƠNG HẢI PHÒNG"
    assert upper(unicodedata.normalize("NFD", "đức")) == "ĐỨC"


def test_split_name() -> None:
    parts = split_name("Nguyễn Văn Thành")
    assert (parts.family, parts.middle, parts.given) == ("Nguyễn", "Văn", "Thành")
    assert split_name("Vũ Thị Thu Trang").middle == "Thị Thu"
    assert split_name("Lan") == ("", "", "Lan")
    assert split_name("Lê Ơn") == ("Lê", "", "Ơn")
    with pytest.raises(ValueError):
        split_name("   ")


def test_gender_and_honorific() -> None:
    assert parse_gender("Nam") == "male"
    assert parse_gender("nam") == "male"
    assert parse_gender("NỮ") == "female"
    assert parse_gender(unicodedata.normalize("NFD", "Nữ")) == "female"
    assert honorific("Nam") == "Ông"
    assert honorific("female") == "Bà"
    with pytest.raises(ValueError, match="'X'"):
        parse_gender("X")


def test_spec_example_order() -> None:
    expected = ["An", "Ánh", "Ân", "Ấn", "Bình", "Dung", "Dũng", "Hà", "Hạ", "Ôn", "Ơn"]
    shuffled = expected[:]
    random.Random(1).shuffle(shuffled)
    assert sorted(shuffled, key=collation_key) == expected


def test_plain_sorted_is_wrong_and_ours_is_right() -> None:
    names = ["Đỗ Văn Đức", "Nguyễn Văn Ơn", "Lê Thị Yến", "Trần Văn Dũng"]
    assert sorted(names)[-1] == "Đỗ Văn Đức"  # code-point order puts Đ after Y
    assert sorted(["Ơn", "Yến"]) == ["Yến", "Ơn"]
    assert sort_names(names) == ["Trần Văn Dũng", "Đỗ Văn Đức", "Nguyễn Văn Ơn", "Lê Thị Yến"]


def test_tone_order() -> None:
    assert sorted(["ạ", "á", "ã", "ả", "à", "a"], key=collation_key) == ["a", "à", "ả", "ã", "á", "ạ"]


def test_sort_by_given_then_family_then_middle() -> None:
    names = ["Trần Văn An", "Lê An", "Lê Thị An", "Nguyễn Bình", "Bùi An"]
    assert sort_names(names) == ["Bùi An", "Lê An", "Lê Thị An", "Trần Văn An", "Nguyễn Bình"]


def test_sort_accepts_nfd() -> None:
    nfd = [unicodedata.normalize("NFD", n) for n in ["Phạm Ơn", "Lê Ôn", "Hà Ân"]]
    assert [unicodedata.normalize("NFC", n) for n in sort_names(nfd)] == ["Hà Ân", "Lê Ôn", "Phạm Ơn"]
    assert sort_key(nfd[0]) == sort_key("Phạm Ơn")


def test_agrees_with_icu_on_random_pairs() -> None:
    rng = random.Random(20210622)
    for _ in range(50_000):
        a = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 6)))
        b = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 6)))
        assert _cmp(collation_key(a), collation_key(b)) == ICU.compare(a, b), (a, b)


@given(st.text(alphabet=ALPHABET, max_size=8), st.text(alphabet=ALPHABET, max_size=8))
def test_agrees_with_icu_property(a: str, b: str) -> None:
    assert _cmp(collation_key(a), collation_key(b)) == ICU.compare(a, b)


@given(st.lists(st.text(alphabet=LETTERS, min_size=1, max_size=6), min_size=1, max_size=8))
def test_sort_names_orders_given_names_like_icu(given_names: list[str]) -> None:
    names = [f"Nguyễn Văn {normalize_name(g)}" for g in given_names]
    ours = [n.rsplit(" ", 1)[1] for n in sort_names(names)]
    assert ours == sorted((normalize_name(g) for g in given_names), key=ICU.getSortKey)


def test_first_letter_helpers() -> None:
    from reportkit.vn import as_clause, capitalize_first, lower_first

    assert capitalize_first("đã có thành tích") == "Đã có thành tích"
    assert lower_first("Đã có") == "đã có"
    assert (
        as_clause("  Đã có thành tích xuất sắc trong phong trào thi đua. ")
        == "đã có thành tích xuất sắc trong phong trào thi đua"
    )
    assert capitalize_first("") == lower_first("") == as_clause("") == ""
