"""Reading exports: file types, sheet scans, csv and spreadsheet readers, headers and fields, cell
values, the join of applicant and shortlist rows into postings, and the side tables (justifications,
workforce). Nothing here knows the rules."""
