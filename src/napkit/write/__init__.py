"""Commands that write plan files: fmt (the only writer of existing YAML), new, init."""
