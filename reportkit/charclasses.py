"""Character classes that no document text nor file name should carry, shared by the engine
and the Vietnamese helpers (both below this module's level of knowledge: it is plain Unicode).

- :data:`FORMAT_CHARS`: the invisible format characters of Unicode category Cf (zero-width
  space and joiners, soft hyphen, bidi controls that disguise an extension, the BOM, the tag
  characters U+E0000 …); the class is written out for speed and checked against
  :mod:`unicodedata` by the tests.
- :data:`CONTROL_CHARS`: C0 and C1 controls (Cc: NUL … U+001F, DEL, U+0080 … U+009F with NEL)
  and the line and paragraph separators U+2028 / U+2029.
"""

from __future__ import annotations

import re

__all__ = ["CONTROL_CHARS", "FORMAT_CHARS"]

FORMAT_CHARS = re.compile(
    "[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]"
)
CONTROL_CHARS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
