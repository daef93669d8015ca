"""rekruttering: checks Norwegian public employers' interview rules per job posting.

The package reads applicant and shortlist exports from a recruitment system, applies an
employer's rule pack (``rules/*.toml``) to every posting and reports, per posting and rule,
whether the rule is met, breached, justified, needs review or does not apply.
"""

__version__ = "0.1.0"
