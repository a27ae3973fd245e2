"""The explainer's code. The core is six parts, each importing only the parts before it in this list:

``model`` (the dataset as typed objects, dates, names), ``build`` (staging and the build date), ``load`` (read and
check ``data/``), ``interop`` (TimelineJS in, exports out), ``site`` (pages rendered as escaped HTML strings),
``context`` (mentions, names, filters over rendered pages). None imports MkDocs: ``mkdocs_adapter.py`` and the
``hooks.py`` shim are the only MkDocs-facing code, the only code that a move to another site engine would touch.
"""
