"""Pages and rendering: which pages the data makes, and every fragment of them as escaped HTML strings.

Offers ``generated_pages`` (``pages``), the macros' HTML (``render``), ``html`` (escaping at the edge), the data
reference, edit links, the Markdown-inert pass and the search view. Imports the model, loading and interop.
"""

from macros.site.pages import generated_pages
from macros.site.safe_html import html

__all__ = ["generated_pages", "html"]
