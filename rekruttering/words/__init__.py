"""Everything that turns codes into sentences: the message catalogue in bokmål and English, number
and date formats, and the wording of findings for each audience."""
