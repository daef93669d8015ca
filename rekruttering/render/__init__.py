"""Report formats. Each module turns the same report model into one format."""
