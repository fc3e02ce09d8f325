"""Sphinx configuration for the articlekit documentation."""

import articlekit

project = "articlekit"
author = "The articlekit developers"
copyright = "2026, The articlekit developers"
# The version documented is the one installed: `pip install -e .` before building.
release = articlekit.__version__
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.intersphinx",
]

source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
root_doc = "index"
exclude_patterns = ["_build"]

# The docstrings write `Article` (single backquotes) for a cross-reference; "any" resolves
# it wherever it is documented, and nitpicky mode below fails the build if it cannot.
default_role = "any"

# MyST: ```{directive} fences as in the attrs and cattrs docs; ::: fences for admonitions.
myst_enable_extensions = ["colon_fence"]
myst_heading_anchors = 3

# Google docstrings (STYLE.md); the models document their fields in "Attributes:" sections.
napoleon_google_docstring = True
napoleon_numpy_docstring = False
# Errors first, then classes, functions and data, each alphabetical (the order of __all__).
autodoc_member_order = "groupwise"

# intersphinx should link to Python (https://docs.python.org/3/), attrs
# (https://www.attrs.org/en/stable/), cattrs (https://catt.rs/en/stable/) and lxml, but the build
# machine has no network apart from package registries: their objects.inv inventories cannot be
# fetched, so the mapping stays empty and the types it would resolve are in nitpick_ignore.
intersphinx_mapping: dict[str, tuple[str, str | None]] = {}

nitpicky = True
# Types from outside articlekit, named in signatures and field types. Built-ins such as str and
# the names in typing (typing.IO, typing.Any) need no entry: Sphinx resolves them itself.
nitpick_ignore = [
    ("py:class", "collections.abc.Iterable"),
    ("py:class", "collections.abc.Iterator"),
    ("py:class", "os.PathLike"),
    ("py:class", "collections.abc.Sequence"),
    ("py:class", "datetime.datetime"),
    ("py:class", "datetime.tzinfo"),
    ("py:class", "hypothesis.strategies.SearchStrategy"),
    ("py:class", "lxml.etree._Element"),
]

html_theme = "furo"
html_title = f"articlekit {release}"
# _static/article-1.json is the published JSON Schema of articlekit JSON: the "$id" of
# articlekit.json.schema() points at it.
html_static_path = ["_static"]
