"""Template context: the site's filing numbers for the footer (ICP and public-security filings)."""

from __future__ import annotations

import re
from typing import Any

from django.conf import settings
from django.http import HttpRequest

ICP_LOOKUP_URL = "https://beian.miit.gov.cn/"
PSB_LOOKUP_URL = "https://beian.mps.gov.cn/#/query/webSearch?code="


def filings(request: HttpRequest) -> dict[str, Any]:
    icp = getattr(settings, "ICP_FILING_NUMBER", "")
    psb = getattr(settings, "PSB_FILING_NUMBER", "")
    psb_code = "".join(re.findall(r"\d+", psb))
    return {
        "filing_icp": icp,
        "filing_icp_url": ICP_LOOKUP_URL if icp else "",
        "filing_psb": psb,
        "filing_psb_url": f"{PSB_LOOKUP_URL}{psb_code}" if psb else "",
        "filing_psb_badge": getattr(settings, "PSB_FILING_BADGE", ""),
    }
