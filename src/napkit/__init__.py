"""napkit — keep a National Action Plan as data in git, check it, and publish it.

The pipeline, one package per stage:
    load/      read YAML files (with line:col of every key) from a folder or a git revision
    validate/  JSON Schema per file, then cross-file rules over the model
    model/     typed, immutable plan objects
    analyse/   coverage, budget roll-ups, timeline
    render/    site, documents; report/ prints findings; export/ writes JSON
"""

__version__ = "0.1.0"
