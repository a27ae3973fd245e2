"""Builds: the staging folder that replaces ``site/`` only after a good build, and the build's one date
(``SOURCE_DATE_EPOCH``). Imports nothing of the explainer.
"""

