"""The explainer's core: load, check and render the data in ``data/``. Nothing here imports MkDocs.

The MkDocs side lives in ``macros/adapter`` (the macros entry point and the hooks), the only code that a
move to another site engine would touch.
"""
