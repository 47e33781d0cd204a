from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.assets_list_kind import AssetsListKind
from ...models.assets_list_licence import AssetsListLicence
from ...models.problem import Problem
from ...models.search_out import SearchOut
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    *,
    category: str | Unset = UNSET,
    cluster: int | Unset = UNSET,
    date_from: datetime.date | Unset = UNSET,
    date_to: datetime.date | Unset = UNSET,
    kind: AssetsListKind | Unset = UNSET,
    licence: AssetsListLicence | Unset = UNSET,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
    q: str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["category"] = category

    params["cluster"] = cluster

    json_date_from: str | Unset = UNSET
    if not isinstance(date_from, Unset):
        json_date_from = date_from.isoformat()
    params["date_from"] = json_date_from

    json_date_to: str | Unset = UNSET
    if not isinstance(date_to, Unset):
        json_date_to = date_to.isoformat()
    params["date_to"] = json_date_to

    json_kind: str | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = kind.value

    params["kind"] = json_kind

    json_licence: str | Unset = UNSET
    if not isinstance(licence, Unset):
        json_licence = licence.value

    params["licence"] = json_licence

    params["limit"] = limit

    params["offset"] = offset

    params["q"] = q


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/assets/",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | SearchOut | None:
    if response.status_code == 200:
        response_200 = SearchOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | SearchOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    category: str | Unset = UNSET,
    cluster: int | Unset = UNSET,
    date_from: datetime.date | Unset = UNSET,
    date_to: datetime.date | Unset = UNSET,
    kind: AssetsListKind | Unset = UNSET,
    licence: AssetsListLicence | Unset = UNSET,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
    q: str | Unset = UNSET,

) -> Response[Problem | SearchOut]:
    """ Search and list assets

     Assets the caller may see, best match first when `q` is given, with highlighted snippets and facet
    counts computed over the same visible set. Anonymous callers see public assets only.

    Scope: `assets:read` (an API key needs it; a write scope includes reading the same resource).

    Args:
        category (str | Unset):
        cluster (int | Unset):
        date_from (datetime.date | Unset):
        date_to (datetime.date | Unset):
        kind (AssetsListKind | Unset):
        licence (AssetsListLicence | Unset):
        limit (int | Unset):  Default: 20.
        offset (int | Unset):  Default: 0.
        q (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SearchOut]
     """


    kwargs = _get_kwargs(
        category=category,
cluster=cluster,
date_from=date_from,
date_to=date_to,
kind=kind,
licence=licence,
limit=limit,
offset=offset,
q=q,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    category: str | Unset = UNSET,
    cluster: int | Unset = UNSET,
    date_from: datetime.date | Unset = UNSET,
    date_to: datetime.date | Unset = UNSET,
    kind: AssetsListKind | Unset = UNSET,
    licence: AssetsListLicence | Unset = UNSET,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
    q: str | Unset = UNSET,

) -> Problem | SearchOut | None:
    """ Search and list assets

     Assets the caller may see, best match first when `q` is given, with highlighted snippets and facet
    counts computed over the same visible set. Anonymous callers see public assets only.

    Scope: `assets:read` (an API key needs it; a write scope includes reading the same resource).

    Args:
        category (str | Unset):
        cluster (int | Unset):
        date_from (datetime.date | Unset):
        date_to (datetime.date | Unset):
        kind (AssetsListKind | Unset):
        licence (AssetsListLicence | Unset):
        limit (int | Unset):  Default: 20.
        offset (int | Unset):  Default: 0.
        q (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SearchOut
     """


    return sync_detailed(
        client=client,
category=category,
cluster=cluster,
date_from=date_from,
date_to=date_to,
kind=kind,
licence=licence,
limit=limit,
offset=offset,
q=q,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    category: str | Unset = UNSET,
    cluster: int | Unset = UNSET,
    date_from: datetime.date | Unset = UNSET,
    date_to: datetime.date | Unset = UNSET,
    kind: AssetsListKind | Unset = UNSET,
    licence: AssetsListLicence | Unset = UNSET,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
    q: str | Unset = UNSET,

) -> Response[Problem | SearchOut]:
    """ Search and list assets

     Assets the caller may see, best match first when `q` is given, with highlighted snippets and facet
    counts computed over the same visible set. Anonymous callers see public assets only.

    Scope: `assets:read` (an API key needs it; a write scope includes reading the same resource).

    Args:
        category (str | Unset):
        cluster (int | Unset):
        date_from (datetime.date | Unset):
        date_to (datetime.date | Unset):
        kind (AssetsListKind | Unset):
        licence (AssetsListLicence | Unset):
        limit (int | Unset):  Default: 20.
        offset (int | Unset):  Default: 0.
        q (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SearchOut]
     """


    kwargs = _get_kwargs(
        category=category,
cluster=cluster,
date_from=date_from,
date_to=date_to,
kind=kind,
licence=licence,
limit=limit,
offset=offset,
q=q,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    category: str | Unset = UNSET,
    cluster: int | Unset = UNSET,
    date_from: datetime.date | Unset = UNSET,
    date_to: datetime.date | Unset = UNSET,
    kind: AssetsListKind | Unset = UNSET,
    licence: AssetsListLicence | Unset = UNSET,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
    q: str | Unset = UNSET,

) -> Problem | SearchOut | None:
    """ Search and list assets

     Assets the caller may see, best match first when `q` is given, with highlighted snippets and facet
    counts computed over the same visible set. Anonymous callers see public assets only.

    Scope: `assets:read` (an API key needs it; a write scope includes reading the same resource).

    Args:
        category (str | Unset):
        cluster (int | Unset):
        date_from (datetime.date | Unset):
        date_to (datetime.date | Unset):
        kind (AssetsListKind | Unset):
        licence (AssetsListLicence | Unset):
        limit (int | Unset):  Default: 20.
        offset (int | Unset):  Default: 0.
        q (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SearchOut
     """


    return (await asyncio_detailed(
        client=client,
category=category,
cluster=cluster,
date_from=date_from,
date_to=date_to,
kind=kind,
licence=licence,
limit=limit,
offset=offset,
q=q,

    )).parsed
