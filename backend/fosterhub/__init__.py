"""Foster Hub: recruit and keep foster carers."""

__version__ = "0.1.0"
