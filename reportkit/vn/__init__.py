"""Vietnamese language core: dates, numbers, words, names, collation, document numbers.

Everything here is pure text processing; nothing knows about Word files. All output is NFC.
"""

from reportkit.vn.amounts import AmountError, parse_amount, parse_count, parse_number
from reportkit.vn.collation import collation_key, sort_key, sort_names, sort_texts
from reportkit.vn.dates import (
    DateError,
    admin_date,
    clock_time,
    long_date,
    numeric_date,
    parse_date,
    parse_datetime,
    place_date,
    to_date,
    weekday,
)
from reportkit.vn.doc_numbers import DOC_TYPES, doc_number, doc_type_abbreviation
from reportkit.vn.names import NameParts, honorific, parse_gender, split_name
from reportkit.vn.numbers import format_money, format_number, format_percent, pad_count
from reportkit.vn.text import as_clause, capitalize_first, lower_first, nfc, normalize, normalize_name, upper
from reportkit.vn.words import amount_in_words, number_to_words

__all__ = [
    "DOC_TYPES",
    "AmountError",
    "DateError",
    "NameParts",
    "admin_date",
    "amount_in_words",
    "as_clause",
    "capitalize_first",
    "clock_time",
    "collation_key",
    "doc_number",
    "doc_type_abbreviation",
    "format_money",
    "format_number",
    "format_percent",
    "honorific",
    "long_date",
    "lower_first",
    "nfc",
    "normalize",
    "normalize_name",
    "number_to_words",
    "numeric_date",
    "pad_count",
    "parse_amount",
    "parse_count",
    "parse_date",
    "parse_datetime",
    "parse_gender",
    "parse_number",
    "place_date",
    "sort_key",
    "sort_names",
    "sort_texts",
    "split_name",
    "to_date",
    "upper",
    "weekday",
]
