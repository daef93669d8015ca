"""The period summary: compliance counts, the funnel with its statistics, and disclosure control.
Numbers and codes are computed here; sentences come from ``words``."""
