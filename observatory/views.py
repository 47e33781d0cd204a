"""The open observatory: public pages over the current open tables (no login), downloads, and a firm's opt-out."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from observatory import charts, exports, selectors, services
from observatory.compute import EARLIER
from observatory.models import OpenStatistics
from observatory.tables import DIVISION_NAMES, TABLES, TABLES_BY_NAME, province_names, section_names
from observatory.tiles import tiles
from platform_.errors import DomainError
from platform_.identity.models import localized
from platform_.identity.regions import Province

MAX_COMPARE = 10


def _names(pairs: dict[str, tuple[str, str]]) -> dict[str, str]:
    return {code: localized(zh, en) for code, (zh, en) in pairs.items()}


def _current(request: HttpRequest) -> OpenStatistics | None:
    return services.open_statistics_current_or_queue()


def _render(request: HttpRequest, template: str, context: dict[str, Any]) -> HttpResponse:
    stats = context.get("stats")
    if stats is None:
        return render(request, "observatory/pending.html", {}, status=503)
    context.setdefault("tables", TABLES)
    return render(request, template, context)


def _table_rows(name: str, data: dict[str, Any]) -> dict[str, Any]:
    table = TABLES_BY_NAME[name]
    return {"name": name, "title": table.title, "fields": table.fields, "rows": list(table.rows(data))}


def index(request: HttpRequest) -> HttpResponse:
    """National dashboard: the map, growth, flows between provinces, sections, and the share crossing provinces."""
    stats = _current(request)
    if stats is None:
        return _render(request, "observatory/index.html", {})
    data = stats.data
    provinces = _names(province_names())
    measure = "use_events" if request.GET.get("measure") == "use_events" else "firms"
    values = {code: figures[measure] for code, figures in data["provinces"].items()}
    sections = _names(section_names())
    section_codes = list(data["sections"])
    months = data["months"]
    flows = [(a, b, v) for a, b, v in data["flows"] if v]
    context = {
        "stats": stats,
        "national": data["national"],
        "measure": measure,
        "tiles": tiles(values, provinces, lambda code: reverse("observatory:province", args=[code])),
        "charts": [
            charts.growth(months, data["firm_growth"]["national"], data["use_growth"]["national"]),
            charts.bars(
                "sections",
                _("Firms and knowledge use by section"),
                [sections.get(s, s) for s in section_codes],
                [
                    (_("firms"), [data["sections"][s]["firms"] for s in section_codes]),
                    (_("use events"), [data["sections"][s]["use_events"] for s in section_codes]),
                ],
                table="firms_by_province_section",
            ),
            charts.flows(flows, provinces),
            charts.cross_share(data["cross_share"], months),
        ],
        "province_table": _table_rows("provinces", data),
        "sections": [(s, sections.get(s, s), data["sections"][s]) for s in section_codes],
        "belts": [
            (b["id"], localized(b["name_zh"], b["name_en"]), b["members"])
            for b in sorted(data.get("belts", {}).values(), key=lambda b: -(b["members"] or 0))
        ],
    }
    return _render(request, "observatory/index.html", context)


def province(request: HttpRequest, code: str) -> HttpResponse:
    if code not in Province.values:
        raise Http404(_("No such province."))
    stats = _current(request)
    if stats is None:
        return _render(request, "observatory/province.html", {})
    data = stats.data
    provinces = _names(province_names())
    sections = _names(section_names())
    by_section = data["firms"].get(code, {})
    uses = data["use_events"].get(code, {})
    codes = sorted(set(by_section) | set(uses))
    months = data["months"]
    growth_firms = data["firm_growth"]["provinces"].get(code, {})
    growth_uses = data["use_growth"]["provinces"].get(code, {})
    inflows = sorted(((a, v) for a, b, v in data["flows"] if b == code), key=lambda item: -(item[1] or 0))
    outflows = sorted(((b, v) for a, b, v in data["flows"] if a == code), key=lambda item: -(item[1] or 0))
    context = {
        "stats": stats,
        "code": code,
        "name": provinces.get(code, code),
        "figures": data["provinces"].get(code, {"firms": 0, "use_events": 0}),
        "inflow_share": data["inflow_share_other"].get(code),
        "earlier_firms": growth_firms.get(EARLIER),
        "charts": [
            charts.bars(
                "province-sections",
                _("Firms and knowledge use by section"),
                [sections.get(s, s) for s in codes],
                [
                    (_("firms"), [by_section.get(s, 0) for s in codes]),
                    (_("use events"), [uses.get(s, 0) for s in codes]),
                ],
                table="firms_by_province_section",
            ),
            charts.growth(months, growth_firms, growth_uses),
        ],
        "section_rows": [
            (
                s,
                sections.get(s, s),
                by_section.get(s, 0),
                data["lq_firms"].get(code, {}).get(s),
                uses.get(s, 0),
                data["lq_use_events"].get(code, {}).get(s),
            )
            for s in codes
        ],
        "inflows": [(provinces.get(a, a), v) for a, v in inflows],
        "outflows": [(provinces.get(b, b), v) for b, v in outflows],
    }
    return _render(request, "observatory/province.html", context)


def section(request: HttpRequest, code: str) -> HttpResponse:
    names = _names(section_names())
    if code not in names:
        raise Http404(_("No such section."))
    stats = _current(request)
    if stats is None:
        return _render(request, "observatory/section.html", {})
    data = stats.data
    provinces = _names(province_names())
    values = {p: by_section.get(code, 0) for p, by_section in data["firms"].items()}
    divisions = _names(DIVISION_NAMES)
    from platform_.identity.data.sectors import SECTORS

    context = {
        "stats": stats,
        "code": code,
        "name": names[code],
        "figures": data["sections"].get(code, {"firms": 0, "use_events": 0}),
        "tiles": tiles(values, provinces, lambda p: reverse("observatory:province", args=[p])),
        "province_rows": sorted(
            (
                (
                    provinces.get(p, p),
                    p,
                    by_section.get(code, 0),
                    data["lq_firms"].get(p, {}).get(code),
                    data["use_events"].get(p, {}).get(code, 0),
                    data["lq_use_events"].get(p, {}).get(code),
                )
                for p, by_section in data["firms"].items()
                if code in by_section
            ),
            key=lambda row: row[1],
        ),
        "division_rows": [
            (d, divisions.get(d, d), data["divisions"].get(d, 0)) for d, s, _zh, _en in SECTORS if s == code
        ],
    }
    return _render(request, "observatory/section.html", context)


def clusters(request: HttpRequest) -> HttpResponse:
    stats = _current(request)
    if stats is None:
        return _render(request, "observatory/clusters.html", {})
    data = stats.data
    provinces = _names(province_names())

    def name_of(cluster: dict[str, Any]) -> str:
        return localized(cluster["name_zh"], cluster["name_en"]) or cluster.get("slug", "")

    ranked = sorted(data["clusters"], key=lambda c: -(c["csi"] or 0))
    costly = sorted(data.get("cluster_costs", []), key=lambda c: -c["uses"])  # top ten by uses in the chart
    # The belts each cluster reaches into (published only where at least k of its members come from the belt).
    belts_of: dict[int, list[tuple[int, str]]] = {}
    for belt in data.get("belts", {}).values():
        for reach in belt["clusters"]:
            belts_of.setdefault(reach["id"], []).append((belt["id"], name_of(belt)))
    full_run = max((c.get("spillover_as_of") or "" for c in data["clusters"]), default="")
    context = {
        "stats": stats,
        "spillover_as_of": full_run[:16].replace("T", " "),
        "rows": [
            (
                name_of(c),
                provinces.get(c["home_province"], ""),
                c["member_firms"],
                c["csi"],
                c.get("endorsed_by", []),
                belts_of.get(c["id"], []),
            )
            for c in ranked
        ],
        "charts": [
            *([charts.cluster_series(ranked[:MAX_COMPARE], name_of)] if ranked else []),
            *([charts.cluster_costs(costly[:MAX_COMPARE], name_of)] if costly else []),
        ],
    }
    return _render(request, "observatory/clusters.html", context)


def compare(request: HttpRequest) -> HttpResponse:
    """Up to ten provinces side by side."""
    stats = _current(request)
    if stats is None:
        return _render(request, "observatory/compare.html", {})
    data = stats.data
    provinces = _names(province_names())
    chosen = [code for code in dict.fromkeys(request.GET.getlist("p")) if code]
    error = ""
    unknown = [code for code in chosen if code not in Province.values]
    if unknown:
        error = _("Unknown province code: %(codes)s.") % {"codes": ", ".join(unknown[:5])}
        chosen = [code for code in chosen if code in Province.values]
    if len(chosen) > MAX_COMPARE:
        error = _("Compare at most %(n)d provinces at a time.") % {"n": MAX_COMPARE}
        chosen = chosen[:MAX_COMPARE]
    if not chosen:
        ranked = sorted(data["provinces"].items(), key=lambda item: -(item[1]["firms"] or 0))
        chosen = [code for code, _figures in ranked[:5]]
    labels = [provinces.get(code, code) for code in chosen]
    rows = [
        (
            code,
            provinces.get(code, code),
            data["provinces"].get(code, {}).get("firms", 0),
            data["provinces"].get(code, {}).get("use_events", 0),
            data["inflow_share_other"].get(code),
        )
        for code in chosen
    ]
    context = {
        "stats": stats,
        "error": error,
        "chosen": chosen,
        "choices": [(code, provinces.get(code, code)) for code in Province.values],
        "rows": rows,
        "max_compare": MAX_COMPARE,
        "charts": [
            charts.bars(
                "compare",
                _("Provinces compared"),
                labels,
                [(_("firms"), [row[2] for row in rows]), (_("use events"), [row[3] for row in rows])],
                table="provinces",
            )
        ],
    }
    response = _render(request, "observatory/compare.html", context)
    if error:
        response.status_code = 400
    return response


def data(request: HttpRequest) -> HttpResponse:
    stats = _current(request)
    return _render(request, "observatory/data.html", {"stats": stats})


def _stats_or_404(request: HttpRequest) -> OpenStatistics:
    stats = _current(request)
    if stats is None:
        raise Http404(_("The open statistics are being computed; try again in a minute."))
    return stats


def _download_headers(response: HttpResponse, filename: str) -> HttpResponse:
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Access-Control-Allow-Origin"] = "*"
    return response


def table_csv(request: HttpRequest, name: str) -> HttpResponse:
    table = TABLES_BY_NAME.get(name)
    if table is None:
        raise Http404(_("No such table."))
    stats = _stats_or_404(request)
    response = HttpResponse(exports.table_csv(table, stats), content_type="text/csv; charset=utf-8")
    return _download_headers(response, f"{name}.csv")


def workbook(request: HttpRequest) -> HttpResponse:
    stats = _stats_or_404(request)
    response = HttpResponse(
        exports.workbook_xlsx(stats), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    return _download_headers(response, "open-statistics.xlsx")


def datapackage(request: HttpRequest) -> HttpResponse:
    stats = _stats_or_404(request)
    base = request.build_absolute_uri(reverse("observatory:data"))
    descriptor = exports.datapackage(stats, base_url=base)
    response = JsonResponse(descriptor, json_dumps_params={"ensure_ascii": False, "indent": 2})
    return _download_headers(response, "datapackage.json")


@login_required
@require_http_methods(["GET", "POST"])
def opt_out(request: HttpRequest) -> HttpResponse:
    """The acting firm's choice to stay out of the open statistics (owners and administrators)."""
    firm = getattr(request, "firm", None)
    if firm is None:
        messages.error(request, _("Register or choose a firm first."))
        return redirect("home")
    if request.method == "POST":
        wanted = request.POST.get("opted_out") == "1"
        try:
            services.open_statistics_opt_out_set(firm=firm, by=request.user, opted_out=wanted)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("Your firm is left out of the open statistics from now on.")
                if wanted
                else _("Your firm counts in the open statistics again from the next refresh."),
            )
        return redirect("observatory:opt-out")
    context = {"firm": firm, "opted_out": selectors.firm_opted_out(firm=firm), "k": services.open_statistics_k()}
    return render(request, "observatory/opt_out.html", context)
