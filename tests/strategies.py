"""hypothesis strategies for reportkit's models and for template contexts."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from reportkit.models import Agency, Award, Collective, Decision, Honoree, HonoreeList, Person, Signer

VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
LETTERS = VIETNAMESE + VIETNAMESE.upper()

words = st.text(alphabet=LETTERS, min_size=1, max_size=9)
phrases = st.lists(words, min_size=1, max_size=8).map(" ".join)
names = st.lists(words, min_size=1, max_size=5).map(" ".join)

#: Strings a web form may send: any code point, lone surrogates and XML-forbidden controls
#: included, plus the sequences that break naive XML or template code.
SPECIAL = [
    "{{ 7*7 }}", "{% if %}", "{#", "}}", "<w:t>", "</w:t>", "&amp;", "&", "<", ">", "]]>", "<![CDATA[",
    "\x00", "\x01", "\x0b", "\x1f", "\ud800", "\udfff", "\ufffe", "\uffff", "\u202e", "\u200f", "\u200b",
    "\U0001f600", "\r\n", "\r", "\n", "\t", "e\u0302\u0303", "\u00a0", '"', "'",
]  # fmt: skip
hostile_text = st.lists(
    st.one_of(
        # \a and \f are docxtpl's paragraph and page breaks, in any string (tested on their own)
        st.text(alphabet=st.characters(exclude_categories=[], exclude_characters="\a\f"), max_size=12),
        st.sampled_from(SPECIAL),
    ),
    max_size=12,
).map("".join)

agencies = st.builds(
    Agency,
    name=phrases,
    parent=st.none() | phrases,
    abbreviation=st.text(alphabet="ABCDĐEGHKLMNPQSTUVX", min_size=1, max_size=6),
    place=phrases,
)
signers = st.one_of(
    st.builds(
        Signer,
        prefix=st.sampled_from([None, "Q.", "TL.", "TUQ."]),
        authority=phrases,
        position=st.none() | phrases,
        full_name=names,
    ),
    st.builds(Signer, prefix=st.just("KT."), authority=phrases, position=phrases, full_name=names),
    st.builds(
        Signer,
        prefix=st.just("TM."),
        authority=st.just("Ủy ban nhân dân"),
        deputy=st.none() | st.just("Chủ tịch"),
        position=st.none() | st.just("Phó Chủ tịch"),
        full_name=names,
    ),
)


@st.composite
def _decision_authorities(draw: st.DrawFn) -> tuple[Signer, str]:
    """A signer and the authority it signs for (a body for TM., the signer's own title else)."""
    signer = draw(signers)
    return signer, f"{signer.authority} {draw(phrases)}"


signed = _decision_authorities()
people = st.builds(
    Person,
    full_name=names,
    gender=st.sampled_from([None, "Nam", "Nữ", "nam", "NỮ"]),
    position=st.none() | phrases,
    unit=st.none() | phrases,
)
collectives = st.builds(Collective, name=phrases, parent_unit=st.none() | phrases)
honorees = st.one_of(
    st.builds(Honoree, person=people, achievement=st.none() | phrases, register_number=st.none() | words),
    st.builds(
        Honoree,
        collective=collectives,
        achievement=st.none() | phrases,
        amount=st.none() | st.integers(0, 10**9),
    ),
)
awards = st.builds(
    Award,
    kind=st.sampled_from(["Giấy khen", "Bằng khen"]),
    authority=phrases,
    base_salary=st.integers(1_000_000, 3_000_000),
    individual_factor=st.sampled_from(["0.3", "0.15", "1", "0.5"]),
    round_up_to=st.sampled_from([None, 10_000]),
)
honoree_lists = st.builds(
    HonoreeList,
    title=phrases,
    award=awards,
    honorees=st.lists(honorees, min_size=1, max_size=8),
    group_order=st.sampled_from(["collectives_first", "individuals_first"]),
    sort=st.booleans(),
)
decisions = signed.flatmap(
    lambda pair: st.builds(
        Decision,
        signer=st.just(pair[0]),
        authority=st.just(pair[1]),
        number=st.integers(1, 999),
        date=st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31)),
        agency=agencies,
        summary=phrases,
        legal_bases=st.lists(phrases, max_size=4),
        proposal=st.none() | phrases,
        executors=st.none() | phrases,
        recipients=st.lists(phrases, max_size=4),
        archive=st.lists(words, min_size=0, max_size=2),
        honorees=honoree_lists,
    )
)

contexts = st.fixed_dictionaries(
    {
        "a": hostile_text,
        "items": st.lists(hostile_text, max_size=4),
        "n": st.integers() | st.floats(allow_nan=False),
    }
)
