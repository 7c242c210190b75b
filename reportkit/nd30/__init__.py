"""Nghị định 30/2020/NĐ-CP on administrative documents, as data: :mod:`reportkit.nd30.spec`."""
