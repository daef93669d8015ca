"""The column-wise path of ``summary``: the same answers as the typed path, counted on arrays.

``frame`` splits the coerced sheets into *simple* postings, held as numpy columns, and the rest,
which the typed join (``ingest.join``) and the reference checks (``checks``, via ``engine``) handle
as before. A posting is simple when nothing about it is in doubt: no row set aside that may be its,
no unreadable cell, no duplicate or conflicting rows, no written justification. For those the
reference checks reduce to counts per posting, which ``statuses`` computes with numpy group-bys;
``counts`` turns them into the summary's compliance counts and funnel tallies. The conformance test
(tests/test_conformance.py) holds ``statuses`` to the reference checks.
"""
