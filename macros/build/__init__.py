"""Builds: the staging folder that replaces ``site/`` only after a good build, the build's one date
(``SOURCE_DATE_EPOCH``), the repository edit links point to, the theme's compiled templates and its navigation and
header kept for the build, and the garbage collector's full passes put off until it ends. Imports nothing of the
explainer.
"""
