from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.firms_list_province import FirmsListProvince
from ...models.paginated_firm_out_list import PaginatedFirmOutList
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    capability: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    need: str | Unset = UNSET,
    page_size: int | Unset = UNSET,
    province: FirmsListProvince | Unset = UNSET,
    search: str | Unset = UNSET,
    sector: str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["capability"] = capability

    params["cursor"] = cursor

    params["need"] = need

    params["page_size"] = page_size

    json_province: str | Unset = UNSET
    if not isinstance(province, Unset):
        json_province = province.value

    params["province"] = json_province

    params["search"] = search

    params["sector"] = sector


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/firms/",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PaginatedFirmOutList | Problem | None:
    if response.status_code == 200:
        response_200 = PaginatedFirmOutList.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PaginatedFirmOutList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    capability: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    need: str | Unset = UNSET,
    page_size: int | Unset = UNSET,
    province: FirmsListProvince | Unset = UNSET,
    search: str | Unset = UNSET,
    sector: str | Unset = UNSET,

) -> Response[PaginatedFirmOutList | Problem]:
    """ List firms

     Active firms, newest first, filtered by province, sector, capability, need or words. Anyone may call
    it; an unknown sector or capability code is a 400.

    Scope: `firms:read` (an API key needs it; a write scope includes reading the same resource).

    Args:
        capability (str | Unset):
        cursor (str | Unset):
        need (str | Unset):
        page_size (int | Unset):
        province (FirmsListProvince | Unset):
        search (str | Unset):
        sector (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedFirmOutList | Problem]
     """


    kwargs = _get_kwargs(
        capability=capability,
cursor=cursor,
need=need,
page_size=page_size,
province=province,
search=search,
sector=sector,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    capability: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    need: str | Unset = UNSET,
    page_size: int | Unset = UNSET,
    province: FirmsListProvince | Unset = UNSET,
    search: str | Unset = UNSET,
    sector: str | Unset = UNSET,

) -> PaginatedFirmOutList | Problem | None:
    """ List firms

     Active firms, newest first, filtered by province, sector, capability, need or words. Anyone may call
    it; an unknown sector or capability code is a 400.

    Scope: `firms:read` (an API key needs it; a write scope includes reading the same resource).

    Args:
        capability (str | Unset):
        cursor (str | Unset):
        need (str | Unset):
        page_size (int | Unset):
        province (FirmsListProvince | Unset):
        search (str | Unset):
        sector (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedFirmOutList | Problem
     """


    return sync_detailed(
        client=client,
capability=capability,
cursor=cursor,
need=need,
page_size=page_size,
province=province,
search=search,
sector=sector,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    capability: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    need: str | Unset = UNSET,
    page_size: int | Unset = UNSET,
    province: FirmsListProvince | Unset = UNSET,
    search: str | Unset = UNSET,
    sector: str | Unset = UNSET,

) -> Response[PaginatedFirmOutList | Problem]:
    """ List firms

     Active firms, newest first, filtered by province, sector, capability, need or words. Anyone may call
    it; an unknown sector or capability code is a 400.

    Scope: `firms:read` (an API key needs it; a write scope includes reading the same resource).

    Args:
        capability (str | Unset):
        cursor (str | Unset):
        need (str | Unset):
        page_size (int | Unset):
        province (FirmsListProvince | Unset):
        search (str | Unset):
        sector (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedFirmOutList | Problem]
     """


    kwargs = _get_kwargs(
        capability=capability,
cursor=cursor,
need=need,
page_size=page_size,
province=province,
search=search,
sector=sector,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    capability: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    need: str | Unset = UNSET,
    page_size: int | Unset = UNSET,
    province: FirmsListProvince | Unset = UNSET,
    search: str | Unset = UNSET,
    sector: str | Unset = UNSET,

) -> PaginatedFirmOutList | Problem | None:
    """ List firms

     Active firms, newest first, filtered by province, sector, capability, need or words. Anyone may call
    it; an unknown sector or capability code is a 400.

    Scope: `firms:read` (an API key needs it; a write scope includes reading the same resource).

    Args:
        capability (str | Unset):
        cursor (str | Unset):
        need (str | Unset):
        page_size (int | Unset):
        province (FirmsListProvince | Unset):
        search (str | Unset):
        sector (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedFirmOutList | Problem
     """


    return (await asyncio_detailed(
        client=client,
capability=capability,
cursor=cursor,
need=need,
page_size=page_size,
province=province,
search=search,
sector=sector,

    )).parsed
