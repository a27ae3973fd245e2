"""Loading and checking: ``data/`` and ``seeds/`` read strictly, validated against the schema and across files.

Offers ``load_dataset`` (every problem as ``path:line: what; how to fix``, raised together as ``DataError``),
``load_dataset_cached``, the schema (``schema``), the shape and link checks, and ``gaps`` (what valid data still
lacks). Imports only the model.
"""

from macros.load.cache import load_dataset_cached
from macros.load.dataset import load_dataset
from macros.load.problems import DataError, Problem, did_you_mean

__all__ = ["DataError", "Problem", "did_you_mean", "load_dataset", "load_dataset_cached"]
