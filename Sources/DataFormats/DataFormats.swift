// JSON and CSV parsers that remember where every value is.
