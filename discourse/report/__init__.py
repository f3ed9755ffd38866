"""The report: PNG figures, a PDF and tables from the corpus comparison.

``build_report`` runs the whole job; ``figures`` holds the pure ``plot_x`` functions,
``pages`` and ``layout`` the PDF's pages, ``tables`` the comparison CSVs and ``manifest``
the record of inputs and versions. matplotlib is imported only inside the functions that draw.
"""

from discourse.report.build import ReportSummary, build_report, sample_paths

__all__ = ["ReportSummary", "build_report", "sample_paths"]
