"""Demo data: the Liverpool City Region's six councils, their staff and a few carers."""
