"""Writers: the CSV and JSON Lines tables of ``discourse analyse``.

``csvsafe`` makes text cells safe to open in a spreadsheet; ``record`` encodes an article's
full record (the line of ``analysis.jsonl``); ``tables`` writes the tables row by row into
temporary files and moves them into place only when the whole run has succeeded.
"""
