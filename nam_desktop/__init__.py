"""NAM Desktop: offline, encrypted documentation of human-rights testimonies."""

__version__ = "0.1.0"
