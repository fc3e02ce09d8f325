"""The version of articlekit, read by the build backend and by ``articlekit.__version__``."""

__version__ = "0.1.0.dev0"
