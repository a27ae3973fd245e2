"""The context layer, applied over rendered pages: mentions linked by any name (``mentions``), the names page,
the timeline filters and what is still missing. Imports the parts below it (model, load, site).
"""

