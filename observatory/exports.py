"""Open data downloads: each open table as CSV, all of them as one XLSX workbook, and a Frictionless
Data Package (datapackage.json) that describes the CSV files with table schemas and a licence."""

from __future__ import annotations

import csv
import io
from typing import Any

from django.utils.translation import gettext as _

from observatory.models import OpenStatistics
from observatory.tables import TABLES, Table

LICENCE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}


def _cell(value: Any) -> Any:
    return "" if value is None else value


def table_csv(table: Table, stats: OpenStatistics) -> str:
    """The table as CSV (UTF-8, a header row of field names; an empty cell is a hidden figure)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([field.name for field in table.fields])
    for row in table.rows(stats.data):
        writer.writerow([_cell(value) for value in row])
    return buffer.getvalue()


def workbook_xlsx(stats: OpenStatistics) -> bytes:
    """Every table as a sheet of one workbook, after a sheet that explains the data."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    about = book.create_sheet(_("About"))
    about.append([_("Open statistics of virtual industry clusters")])
    about.append([_("Computed"), stats.computed_at.isoformat()])
    about.append([_("Smallest number of firms a figure describes"), stats.k])
    about.append([_("An empty cell is a figure hidden to protect individual firms.")])
    about.append([_("Licence"), LICENCE["title"]])
    for table in TABLES:
        sheet = book.create_sheet(table.name[:31])
        sheet.append([field.name for field in table.fields])
        for row in table.rows(stats.data):
            sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def datapackage(stats: OpenStatistics, *, base_url: str) -> dict[str, Any]:
    """A Frictionless Data Package descriptor whose resources are the CSV downloads."""
    return {
        "profile": "tabular-data-package",
        "name": "virtual-clusters-open-statistics",
        "title": _("Open statistics of virtual industry clusters"),
        "description": _(
            "Aggregates of firms, knowledge use and knowledge flows by province and sector. No figure "
            "describes fewer than %(k)s firms; hidden figures are empty."
        )
        % {"k": stats.k},
        "version": stats.computed_at.strftime("%Y%m%d.%H%M%S"),
        "created": stats.computed_at.isoformat(),
        "licenses": [LICENCE],
        "resources": [
            {
                "profile": "tabular-data-resource",
                "name": table.name.replace("_", "-"),
                "path": f"{base_url}{table.name}.csv",
                "title": str(table.title),
                "description": str(table.description),
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {
                    "fields": [
                        {"name": field.name, "type": field.type, "title": str(field.title)} for field in table.fields
                    ],
                    "missingValues": [""],
                },
            }
            for table in TABLES
        ],
    }
