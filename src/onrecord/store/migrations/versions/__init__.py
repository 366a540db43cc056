"""One module per migration, named ``NNNN_what_it_does.py``."""
