"""What the site and documents will read besides the plan data, checked at `nap check`:
the hand-written pages and assets under site/, and the plan's mkdocs.yml.

Every path under site/ goes through safe_paths' rule (no link out of the repository, no FIFO or
device). The plan's mkdocs.yml may set only what the README documents (see ALLOWED); anything
else — `hooks:` (Python run at build), `theme.custom_dir` (unsandboxed Jinja templates), a YAML
tag that runs code or reads the environment (`!!python/…`, `!ENV`) — is a finding with its
line:col, so it is refused before anything is built.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import replace

import yaml

from ..findings import Finding, Pos, make
from .safe_paths import Repo, UnsafePath
from .yaml_doc import parse

SITE_DIR = "site"
CONFIG = "mkdocs.yml"
CONFIG_LIMIT = 1024 * 1024
SETTING = "NAP017"

# The README / mkdocs_builder's list: what the plan's mkdocs.yml may set.
ALLOWED = {"theme", "extra_css", "extra_javascript", "markdown_extensions", "plugins", "extra", "copyright",
           "site_url"}
ALLOWED_THEME = {"name", "font", "palette", "features", "icon", "logo", "favicon"}
# napkit sets or drops these itself: setting them has no effect, so it is a mistake worth saying
SET_BY_NAPKIT = {"site_name", "site_description", "nav", "docs_dir", "site_dir", "use_directory_urls", "strict",
                 "repo_url", "repo_name", "edit_uri", "edit_uri_template", "remote_branch", "remote_name"}
# Markdown extensions by name. A name is imported and called with the settings as arguments
# (`subprocess:Popen: {args: [...]}` would run a program), so only these are allowed: Python-
# Markdown's own and PyMdown's, without those that read files on their own (pymdownx.snippets
# includes any file, pymdownx.b64 embeds any image).
_MARKDOWN_OWN = {"abbr", "admonition", "attr_list", "codehilite", "def_list", "extra", "fenced_code", "footnotes",
                 "legacy_attrs", "legacy_em", "md_in_html", "meta", "nl2br", "sane_lists", "smarty", "tables", "toc",
                 "wikilinks"}
_PYMDOWN = {"arithmatex", "betterem", "caret", "critic", "details", "emoji", "escapeall", "extra", "fancylists",
            "highlight", "inlinehilite", "keys", "magiclink", "mark", "pathconverter", "progressbar", "quotes",
            "saneheaders", "smartsymbols", "striphtml", "superfences", "tabbed", "tasklist", "tilde"}
ALLOWED_EXTENSIONS = (_MARKDOWN_OWN | {f"markdown.extensions.{n}" for n in _MARKDOWN_OWN}
                      | {f"pymdownx.{n}" for n in _PYMDOWN})
_BLOCKS = re.compile(r"pymdownx\.blocks\.(admonition|details|html|tab|definition|caption)\Z")


def extension_allowed(name: str) -> bool:
    return name in ALLOWED_EXTENSIONS or _BLOCKS.match(name) is not None
# plugins that reach outside the project or the machine: read other folders (projects), put the
# environment in a zip (info), fetch from the network (privacy, social), run external programs
# (optimize), switch other plugins on by condition (group), run code from pages (macros)
REFUSED_PLUGINS = {"projects", "info", "privacy", "social", "optimize", "group",
                   "macros"}  # mkdocs-macros: Jinja in every page, and Python modules it imports
_STANDARD_TAG = "tag:yaml.org,2002:"
_STANDARD = {_STANDARD_TAG + t for t in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp")}


def site_input_findings(repo: Repo) -> list[Finding]:
    findings: list[Finding] = []
    files, problems = repo.walk(SITE_DIR)
    findings += [make(p.code, Pos(p.path, 1, 1), p.message) for p in problems]
    findings += [f for rel in files if rel.endswith(".md") for f in front_matter_findings(repo, rel)]
    if repo.exists(CONFIG):
        findings += config_findings(repo)
    return findings


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.S)  # as the site reads it
PAGE_LIMIT = 10 * 1024 * 1024


def _read(repo: Repo, rel: str, limit: int, what: str) -> str | list[Finding]:
    """The file's text, or the one finding that says why it cannot be read."""
    try:
        return repo.read_text(rel, limit)
    except UnsafePath as exc:
        return [make(exc.problem.code, Pos(rel, 1, 1), exc.problem.message)]
    except UnicodeDecodeError:
        return [make("NAP002", Pos(rel, 1, 1), f"{what} is not valid UTF-8")]


def front_matter_findings(repo: Repo, rel: str) -> list[Finding]:
    """A hand-written page's front matter goes through the plan loader's limits (nesting,
    aliases, control characters), so a bad one is a finding here, not a failed build."""
    text = _read(repo, rel, PAGE_LIMIT, "the page")
    if isinstance(text, list):
        return text
    m = _FRONT_MATTER.match(text)
    if not m or not (m.group(1) or "").strip():
        return []
    result = parse(rel, "page", m.group(1).encode("utf-8"))
    if not isinstance(result, Finding):
        return []
    line = result.pos.line + 1 if result.pos.line else 1  # below the opening '---'
    return [replace(result, pos=Pos(rel, line, result.pos.col or 1))]


def _pos(node: yaml.Node) -> Pos:
    return Pos(CONFIG, node.start_mark.line + 1, node.start_mark.column + 1)


def config_findings(repo: Repo) -> list[Finding]:
    text = _read(repo, CONFIG, CONFIG_LIMIT, "mkdocs.yml")
    if isinstance(text, list):
        return text
    try:
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        pos = Pos(CONFIG, mark.line + 1, mark.column + 1) if mark else Pos(CONFIG, 1, 1)
        return [make("NAP003", pos, (exc.problem or "malformed YAML").strip())]
    except yaml.YAMLError as exc:
        return [make("NAP003", Pos(CONFIG, 1, 1), str(exc).splitlines()[0] if str(exc) else "malformed YAML")]
    except RecursionError:
        return [make("NAP005", Pos(CONFIG, 1, 1), "mkdocs.yml nests too deeply")]
    if root is None:
        return []
    findings = _tag_findings(root)
    if not isinstance(root, yaml.MappingNode):
        return findings + [make(SETTING, _pos(root), "mkdocs.yml must be a mapping of settings")]
    for key, value in root.value:
        name = key.value if isinstance(key, yaml.ScalarNode) else None
        if name == "theme" and isinstance(value, yaml.MappingNode):
            for tkey, tvalue in value.value:
                tname = tkey.value if isinstance(tkey, yaml.ScalarNode) else None
                if tname not in ALLOWED_THEME:
                    findings.append(make(SETTING, _pos(tkey), f"mkdocs.yml may not set theme.{tname}; "
                                         f"theme may set only {', '.join(sorted(ALLOWED_THEME))}"))
                elif tname == "name" and tvalue.value != "material":
                    findings.append(make(SETTING, _pos(tvalue), "the site is built with the 'material' theme only"))
                elif tname in ("logo", "favicon"):
                    findings += _named_file(repo, tvalue)
        elif name in ("extra_css", "extra_javascript") and isinstance(value, yaml.SequenceNode):
            for item in value.value:
                if isinstance(item, yaml.MappingNode):
                    item = next((v for k, v in item.value if getattr(k, "value", None) == "path"), item)
                findings += _named_file(repo, item)
        elif name == "markdown_extensions" and isinstance(value, yaml.SequenceNode):
            for item in value.value:
                ext = item.value[0][0] if isinstance(item, yaml.MappingNode) and item.value else item
                if isinstance(ext, yaml.ScalarNode) and not extension_allowed(ext.value):
                    findings.append(make(SETTING, _pos(ext), f"markdown extension '{ext.value}' is not one napkit "
                                         "allows (Python-Markdown's and PyMdown's own, except pymdownx.snippets and "
                                         "pymdownx.b64, which read files)"))
        elif name == "plugins" and isinstance(value, yaml.SequenceNode):
            for item in value.value:
                plugin = item.value[0][0] if isinstance(item, yaml.MappingNode) and item.value else item
                bare = plugin.value.removeprefix("material/") if isinstance(plugin, yaml.ScalarNode) else ""
                if bare in REFUSED_PLUGINS:
                    findings.append(make(SETTING, _pos(plugin), f"plugin '{plugin.value}' reaches outside the "
                                         "site's sources (files, network or programs); napkit does not allow it"))
        elif name in SET_BY_NAPKIT:
            findings.append(make(SETTING, _pos(key), f"mkdocs.yml may not set '{name}': napkit sets it itself"))
        elif name not in ALLOWED:
            findings.append(make(SETTING, _pos(key), f"mkdocs.yml may not set '{name}'" + (
                " (hooks run Python code at build)" if name == "hooks" else "")
                + f"; it may set only {', '.join(sorted(ALLOWED))}"))
    return findings


def _tag_findings(root: yaml.Node) -> list[Finding]:
    """Explicit tags other than YAML's own: `!ENV` puts environment variables (CI tokens) on
    the site, `!!python/…` runs code when MkDocs' loader reads the file."""
    out: list[Finding] = []
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if node.tag not in _STANDARD:
            out.append(make(SETTING, _pos(node), f"mkdocs.yml may not use the YAML tag {node.tag.replace(_STANDARD_TAG, '!!')}"
                            " (it runs code or reads the environment at build)"))
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                stack += [k, v]
        elif isinstance(node, yaml.SequenceNode):
            stack += node.value
    return sorted(out, key=lambda f: (f.pos.line, f.pos.col))


def site_file(name: str) -> str | None:
    """site/<name> for a file mkdocs.yml names, or None when the name leaves site/ or is a URL."""
    if "://" in name or name.startswith("//"):
        return None
    norm = posixpath.normpath(name)
    if name.startswith("/") or norm == ".." or norm.startswith("../") or "\\" in name or "\0" in name:
        raise ValueError(name)
    return f"{SITE_DIR}/{norm}"


def _named_file(repo: Repo, node: yaml.Node) -> list[Finding]:
    if not isinstance(node, yaml.ScalarNode) or not node.value or node.value == "assets/napkit/napkit.css":
        return []
    try:
        rel = site_file(node.value)
    except ValueError:
        return [make(SETTING, _pos(node), f"'{node.value}' is not a file under site/")]
    if rel is None:
        return []
    problem = repo.check_file(rel)
    if problem is None:
        return []
    if problem.message == "the file does not exist":
        return [make(SETTING, _pos(node), f"mkdocs.yml names '{node.value}', but {rel} does not exist")]
    return [make(problem.code, _pos(node), f"mkdocs.yml names '{node.value}': {rel} {problem.message}")]
