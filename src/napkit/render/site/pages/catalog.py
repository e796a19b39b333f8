"""A report's recommendations as one table that a reader can filter by pillar, theme, response and
coverage — in the page, with a small script file of the site and nothing fetched. Without script the
form stays hidden and the whole table shows. Each row links to the recommendation's own page."""

from __future__ import annotations

from ..context import Ctx, anchor_of
from ..escape import Safe, esc
from .common import coverage_badge, response_badge

FILTERS = ("pillar", "theme", "response", "coverage")
FILTER_FILE = "assets/napkit/catalog-filter.js"  # in each language's tree, beside the stylesheet

# Hides the rows that do not match the chosen values and says how many are shown.
FILTER_SCRIPT = (
    "(function(){var f=document.getElementById('nap-filter');if(!f)return;f.hidden=false;"
    "var rows=document.querySelectorAll('#nap-catalog tbody tr');var n=document.getElementById('nap-filter-count');"
    "var keys=['pillar','theme','response','coverage'];"
    "function apply(){var shown=0;rows.forEach(function(r){var ok=keys.every(function(k){"
    "var v=f.elements[k].value;return !v||r.getAttribute('data-'+k)===v;});r.hidden=!ok;if(ok)shown++;});"
    "n.textContent=n.getAttribute('data-template').replace('{shown}',shown).replace('{total}',rows.length);}"
    "f.addEventListener('change',apply);f.addEventListener('reset',function(){setTimeout(apply,0);});apply();})();"
)


def _values(ctx: Ctx, rec, coverage: str) -> dict[str, tuple[str, str]]:
    """(value, label) of each filter for one recommendation."""
    return {
        "pillar": (rec.pillar, ctx.term("pillar", rec.pillar)),
        "theme": (rec.theme or "", ctx.theme(rec.theme) if rec.theme else ctx._("No theme")),
        "response": (rec.response.status, ctx.term("response", rec.response.status)),
        "coverage": (coverage, ctx.term("coverage", coverage)),
    }


def filterable_table(ctx: Ctx, recs) -> Safe:
    """The form, the table and the script. Each row keeps the id the recommendation's section had
    on this page before it got a page of its own, so links to /<source>/#<id> still land on it."""
    cov = ctx.analysis.coverage
    options: dict[str, dict[str, str]] = {k: {} for k in FILTERS}
    body = []
    for rec in recs:
        rc = cov.by_recommendation[rec.id]
        values = _values(ctx, rec, rc.status)
        for k, (v, lab) in values.items():
            options[k].setdefault(v, lab)
        attrs = Safe(" ").join(Safe('data-{}="{}"').format(Safe(k), v) for k, (v, _l) in values.items())
        answers = esc(", ").join(ctx.measure_link(a.measure) for a in rc.answers) or esc("–")
        cells = [
            Safe('<th scope="row">{}<span class="nap-small">{}</span></th>').format(
                ctx.recommendation_link(rec.id), ctx.text(rec.summary)),
            Safe("<td>{}</td>").format(rec.reference or "–"),
            Safe("<td>{}</td>").format(values["pillar"][1]),
            Safe("<td>{}</td>").format(values["theme"][1] if rec.theme else "–"),
            Safe("<td>{}</td>").format(response_badge(ctx, rec.response.status)),
            Safe("<td>{}</td>").format(coverage_badge(ctx, rc.status)),
            Safe("<td>{}</td>").format(answers),
        ]
        body.append(Safe('<tr id="{}" {}>').format(anchor_of(rec.id), attrs) + Safe("").join(cells) + Safe("</tr>"))
    head = [ctx._("Recommendation"), ctx._("Reference"), ctx._("Pillar"), ctx._("Theme"), ctx._("Government response"),
            ctx._("Coverage"), ctx._("Answered by")]
    selects = []
    for k in FILTERS:
        opts = Safe('<option value="">{}</option>').format(ctx._("All"))
        for v, lab in sorted(options[k].items(), key=lambda kv: (kv[1].lower(), kv[0])):
            opts += Safe('<option value="{}">{}</option>').format(v, lab)
        label = {"pillar": ctx._("Pillar"), "theme": ctx._("Theme"), "response": ctx._("Government response"),
                 "coverage": ctx._("Coverage")}[k]
        selects.append(Safe('<div class="nap-filter__field"><label for="nap-filter-{0}">{1}</label>'
                            '<select id="nap-filter-{0}" name="{0}">{2}</select></div>').format(Safe(k), label, opts))
    form = Safe('<form id="nap-filter" class="nap-filter" hidden aria-label="{}">{}'
                '<div class="nap-filter__field"><button type="reset" class="md-button">{}</button></div>'
                '<p id="nap-filter-count" class="nap-filter__count" aria-live="polite" data-template="{}"></p>'
                '</form>').format(ctx._("Filter the recommendations"), Safe("").join(selects), ctx._("Show all"),
                                  ctx._("Showing {shown} of {total} recommendations."))
    table = (Safe('<div class="nap-table nap-table--scroll" role="region" tabindex="0" aria-label="{}">'
                  '<table class="nap nap-catalog" id="nap-catalog"><caption>{}</caption><thead><tr>').format(
        ctx._("Recommendations"), ctx._("Recommendations"))
        + Safe("").join(Safe('<th scope="col">{}</th>').format(h) for h in head)
        + Safe("</tr></thead><tbody>") + Safe("").join(body) + Safe("</tbody></table></div>"))
    # the script is a file of the site (compose.py writes FILTER_SCRIPT there): no inline script
    src = ctx.href(ctx.routes.prefix + FILTER_FILE)
    return form + table + Safe('<script src="{}"></script>').format(src)
