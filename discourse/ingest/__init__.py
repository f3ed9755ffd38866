"""Ingest: saved pages and comment exports → ``Article`` records.

``discover`` expands paths, ``load_file`` reads one file (a page or an export),
``parse_page`` parses page text, ``article_to_dict`` gives the ``parse`` JSON shape.
"""

from discourse.ingest.discover import discover, load_file
from discourse.ingest.pages import parse_page
from discourse.ingest.records import load_records
from discourse.ingest.serialise import article_to_dict

__all__ = ["article_to_dict", "discover", "load_file", "load_records", "parse_page"]
