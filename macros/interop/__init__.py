"""Data in and out: TimelineJS sheets imported, the dataset exported (JSON, CSV, TimelineJS, GeoJSON),
schema.org JSON-LD for pages, and GitHub annotations for the check's problems. Imports the model and loading.
"""

from macros.interop.export import Download

__all__ = ["Download"]
