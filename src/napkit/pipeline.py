"""The straight line every command walks: load → validate → model → analyse.

`run` never raises for problems in the plan: they come back as findings. Only a tree that is
not a plan at all (no plan/plan.yaml, an unknown git revision) raises TreeError."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .analyse import Analysis, analyse
from .findings import Findings
from .load.repository import load_tree
from .load.trees import FolderTree, Tree
from .model import PlanModel
from .model.build import build_model
from .validate.input_rules import check_inputs
from .validate.dependencies import find_unusable, settle
from .validate.consultation_rules import check_consultation, git_ref_checker
from .validate.progress_rules import check_progress
from .validate.quality import with_quality
from .validate.rules import check_model, coverage_findings
from .validate.locale_rules import check_locales, plan_catalogs
from . import locale
from .validate.schema import check_document


@dataclass
class Result:
    findings: Findings
    model: PlanModel | None
    analysis: Analysis | None
    # every file that parsed, as loaded (also those that failed their schema): `nap diff` compares
    # them where the model has no object for a change
    documents: list = field(default_factory=list)

    def ok(self) -> bool:
        return not self.findings.errors


def run(tree: Tree, *, strict: bool = False) -> Result:
    loaded = load_tree(tree)
    findings = Findings(list(loaded.findings))
    bad_paths: dict[str, list[tuple]] = defaultdict(list)
    for doc in loaded.documents:
        doc_findings, error_paths = check_document(doc)
        findings.extend(doc_findings)
        if error_paths:
            bad_paths[doc.file] = error_paths
    findings.extend(check_inputs(loaded.documents))  # non-finite numbers, control characters, id case
    built = build_model(loaded.documents, bad_paths)
    findings.extend(built.findings)
    # the plan's own interface catalogs (plan/locale/<lang>.po), layered over napkit's for the renderers
    catalogs, catalog_findings = plan_catalogs(tree)
    locale.use_plan_catalogs(catalogs)
    findings.extend(catalog_findings)
    if built.model is not None:
        findings.extend(check_locales(built.model.languages, catalogs))
    analysis = None
    if built.model is not None:
        analysis = analyse(built.model)
        unusable = find_unusable(loaded, bad_paths, built.model, built.skipped_measures,
                                 built.unjudged_recommendations)
        findings.extend(settle([*check_model(built.model, built.shadow_ids),
                                *check_progress(built.model, built.shadow_ids),
                                *check_consultation(built.model, ref_exists=_ref_checker(tree, built.model),
                                                    shadow_ids=built.shadow_ids),
                                *coverage_findings(built.model, analysis.coverage, unusable.unjudged_coverage)],
                               unusable, built.model))
        # plan-quality rules (validate/quality/): NAP7xx, switchable in plan.yaml `quality`
        findings.items = with_quality(findings.items, built.model, analysis.coverage, built.shadow_ids, unusable)
    return Result(findings.promoted(strict), built.model, analysis, loaded.documents)


def _ref_checker(tree: Tree, model: PlanModel):
    """How to test the versions' git refs; git is asked only when some version names one."""
    return git_ref_checker(_repo_of(tree)) if any(v.ref for v in model.plan.versions) else None


def _repo_of(tree: Tree) -> Path | None:
    """Where the tree's git repository is, for the version refs (None: not known)."""
    if isinstance(tree, FolderTree):
        return tree.root
    repo = getattr(tree, "repo", None)  # a GitTree: the repository it reads from
    return repo if isinstance(repo, Path) else None


def run_folder(root: Path, *, strict: bool = False) -> Result:
    return run(FolderTree(root), strict=strict)
