"""Drop-in layers for other libraries' APIs, mapped onto reportkit's engine.

:mod:`reportkit.compat.docxtpl` — the API of docxtpl 0.20: change ``from docxtpl import …`` to
``from reportkit.compat.docxtpl import …``.
"""
