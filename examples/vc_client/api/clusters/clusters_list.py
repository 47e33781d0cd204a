from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.clusters_list_policy import ClustersListPolicy
from ...models.clusters_list_province import ClustersListProvince
from ...models.paginated_cluster_out_list import PaginatedClusterOutList
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    capability: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    page_size: int | Unset = UNSET,
    policy: ClustersListPolicy | Unset = UNSET,
    province: ClustersListProvince | Unset = UNSET,
    search: str | Unset = '',
    sector: str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["capability"] = capability

    params["cursor"] = cursor

    params["page_size"] = page_size

    json_policy: str | Unset = UNSET
    if not isinstance(policy, Unset):
        json_policy = policy.value

    params["policy"] = json_policy

    json_province: str | Unset = UNSET
    if not isinstance(province, Unset):
        json_province = province.value

    params["province"] = json_province

    params["search"] = search

    params["sector"] = sector


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/clusters/",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PaginatedClusterOutList | Problem | None:
    if response.status_code == 200:
        response_200 = PaginatedClusterOutList.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PaginatedClusterOutList | Problem]:
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
    page_size: int | Unset = UNSET,
    policy: ClustersListPolicy | Unset = UNSET,
    province: ClustersListProvince | Unset = UNSET,
    search: str | Unset = '',
    sector: str | Unset = UNSET,

) -> Response[PaginatedClusterOutList | Problem]:
    """ List clusters (the directory)

     Approved clusters, most members first, filtered like the directory. Anyone may call it; an unknown
    sector or capability code is a 400.

    Scope: `clusters:read` (an API key needs it; a write scope includes reading the same resource).

    Args:
        capability (str | Unset):
        cursor (str | Unset):
        page_size (int | Unset):
        policy (ClustersListPolicy | Unset):
        province (ClustersListProvince | Unset):
        search (str | Unset):  Default: ''.
        sector (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedClusterOutList | Problem]
     """


    kwargs = _get_kwargs(
        capability=capability,
cursor=cursor,
page_size=page_size,
policy=policy,
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
    page_size: int | Unset = UNSET,
    policy: ClustersListPolicy | Unset = UNSET,
    province: ClustersListProvince | Unset = UNSET,
    search: str | Unset = '',
    sector: str | Unset = UNSET,

) -> PaginatedClusterOutList | Problem | None:
    """ List clusters (the directory)

     Approved clusters, most members first, filtered like the directory. Anyone may call it; an unknown
    sector or capability code is a 400.

    Scope: `clusters:read` (an API key needs it; a write scope includes reading the same resource).

    Args:
        capability (str | Unset):
        cursor (str | Unset):
        page_size (int | Unset):
        policy (ClustersListPolicy | Unset):
        province (ClustersListProvince | Unset):
        search (str | Unset):  Default: ''.
        sector (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedClusterOutList | Problem
     """


    return sync_detailed(
        client=client,
capability=capability,
cursor=cursor,
page_size=page_size,
policy=policy,
province=province,
search=search,
sector=sector,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    capability: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    page_size: int | Unset = UNSET,
    policy: ClustersListPolicy | Unset = UNSET,
    province: ClustersListProvince | Unset = UNSET,
    search: str | Unset = '',
    sector: str | Unset = UNSET,

) -> Response[PaginatedClusterOutList | Problem]:
    """ List clusters (the directory)

     Approved clusters, most members first, filtered like the directory. Anyone may call it; an unknown
    sector or capability code is a 400.

    Scope: `clusters:read` (an API key needs it; a write scope includes reading the same resource).

    Args:
        capability (str | Unset):
        cursor (str | Unset):
        page_size (int | Unset):
        policy (ClustersListPolicy | Unset):
        province (ClustersListProvince | Unset):
        search (str | Unset):  Default: ''.
        sector (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedClusterOutList | Problem]
     """


    kwargs = _get_kwargs(
        capability=capability,
cursor=cursor,
page_size=page_size,
policy=policy,
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
    page_size: int | Unset = UNSET,
    policy: ClustersListPolicy | Unset = UNSET,
    province: ClustersListProvince | Unset = UNSET,
    search: str | Unset = '',
    sector: str | Unset = UNSET,

) -> PaginatedClusterOutList | Problem | None:
    """ List clusters (the directory)

     Approved clusters, most members first, filtered like the directory. Anyone may call it; an unknown
    sector or capability code is a 400.

    Scope: `clusters:read` (an API key needs it; a write scope includes reading the same resource).

    Args:
        capability (str | Unset):
        cursor (str | Unset):
        page_size (int | Unset):
        policy (ClustersListPolicy | Unset):
        province (ClustersListProvince | Unset):
        search (str | Unset):  Default: ''.
        sector (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedClusterOutList | Problem
     """


    return (await asyncio_detailed(
        client=client,
capability=capability,
cursor=cursor,
page_size=page_size,
policy=policy,
province=province,
search=search,
sector=sector,

    )).parsed
