"""The Vietnamese helpers as Jinja filters, the default filters of :class:`reportkit.Template`.

=================  =====================================================  ==========================
filter             example                                                result
=================  =====================================================  ==========================
``admin_date``     ``{{ d|admin_date }}`` (``d``: a date, ``5/1/2021``, ISO)    ``ngày 05 tháng 01 năm 2021``
``place_date``     ``{{ d|place_date("Hải Phòng") }}``                    ``Hải Phòng, ngày 22 tháng 6 năm 2021``
``numeric_date``   ``{{ d|numeric_date }}``                               ``15/6/2021``
``long_date``      ``{{ d|long_date }}``                                  ``Thứ Ba, ngày 22 tháng 6 năm 2021``
``weekday``        ``{{ d|weekday }}``                                    ``Thứ Ba``
``clock``          ``{{ t|clock }}``                                      ``08 giờ 00``
``words``          ``{{ n|words }}``                                      ``một triệu năm trăm nghìn``
``amount_words``   ``{{ n|amount_words }}``                               ``Một triệu năm trăm nghìn đồng``
``number``         ``{{ n|number }}``                                     ``1.500.000``
``money``          ``{{ n|money }}``                                      ``1.500.000 đồng``
``pad``            ``{{ n|pad }}``                                        ``04``
``upper``          ``{{ s|upper }}``                                      ``SỞ CÔNG THƯƠNG`` (NFC)
``capitalize_first`` ``{{ s|capitalize_first }}``                    ``04 tập thể`` → ``04 tập thể`` / ``đã`` → ``Đã``
``clause``         ``{{ s|clause }}``                                     ``Đã có thành tích.`` → ``đã có thành tích``
``name``           ``{{ s|name }}``                                       ``Nguyễn Văn Thành``
``given_name``     ``{{ s|given_name }}``                                 ``Thành``
``honorific``      ``{{ gender|honorific }}``                             ``Ông`` / ``Bà``
``sort_names``     ``{% for n in names|sort_names %}``                    by given name, Vietnamese order
``doc_number``     ``{{ 12|doc_number("Quyết định", "SCT") }}``           ``12/QĐ-SCT``
=================  =====================================================  ==========================

The number filters (``words``, ``amount_words``, ``number``, ``money``, ``pad``) take the same
inputs — ``int``, ``Decimal``, a whole ``float``, numeric text such as ``"1.500.000"`` — read by
:func:`reportkit.vn.parse_number`, and refuse the same way (``AmountError``: ambiguous,
malformed, negative money, fractions of a đồng, NaN); ``None`` renders as empty text, like any
``None`` in a template.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportkit import vn
from reportkit.vn.dates import DateLike

__all__ = ["VN_FILTERS"]


def _place_date(value: DateLike, place: str) -> str:
    return vn.place_date(place, value)


def _given_name(full_name: str) -> str:
    return vn.split_name(full_name).given


def _number_filter(function: Callable[..., str]) -> Callable[..., str]:
    """*function* as a filter: ``None`` is empty text, anything else goes through the parser."""

    def number_filter(value: object, *args: Any, **kwargs: Any) -> str:
        return "" if value is None else function(value, *args, **kwargs)

    number_filter.__name__ = function.__name__
    number_filter.__doc__ = function.__doc__
    return number_filter


VN_FILTERS: dict[str, Callable[..., Any]] = {
    "admin_date": vn.admin_date,
    "place_date": _place_date,
    "numeric_date": vn.numeric_date,
    "long_date": vn.long_date,
    "weekday": vn.weekday,
    "clock": vn.clock_time,
    "words": _number_filter(vn.number_to_words),
    "amount_words": _number_filter(vn.amount_in_words),
    "number": _number_filter(vn.format_number),
    "money": _number_filter(vn.format_money),
    "pad": _number_filter(vn.pad_count),
    "upper": vn.upper,
    "name": vn.normalize_name,
    "capitalize_first": vn.capitalize_first,
    "clause": vn.as_clause,
    "given_name": _given_name,
    "honorific": vn.honorific,
    "sort_names": vn.sort_names,
    "doc_number": vn.doc_number,
}
