from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.memberships_list_status_item import MembershipsListStatusItem
from ...models.paginated_membership_out_list import PaginatedMembershipOutList
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    cluster: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    firm: float | Unset = UNSET,
    page_size: int | Unset = UNSET,
    status: list[MembershipsListStatusItem] | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["cluster"] = cluster

    params["cursor"] = cursor

    params["firm"] = firm

    params["page_size"] = page_size

    json_status: list[str] | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = []
        for status_item_data in status:
            status_item = status_item_data.value
            json_status.append(status_item)


    params["status"] = json_status


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/memberships/",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PaginatedMembershipOutList | Problem | None:
    if response.status_code == 200:
        response_200 = PaginatedMembershipOutList.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PaginatedMembershipOutList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    cluster: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    firm: float | Unset = UNSET,
    page_size: int | Unset = UNSET,
    status: list[MembershipsListStatusItem] | Unset = UNSET,

) -> Response[PaginatedMembershipOutList | Problem]:
    """ List memberships

     Memberships the caller may see: active memberships of approved clusters for anyone; the acting
    firm's own in any status; every membership of the clusters the caller moderates; all for platform
    administrators.

    Scope: `memberships:read` (an API key needs it; a write scope includes reading the same resource).

    Args:
        cluster (str | Unset):
        cursor (str | Unset):
        firm (float | Unset):
        page_size (int | Unset):
        status (list[MembershipsListStatusItem] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedMembershipOutList | Problem]
     """


    kwargs = _get_kwargs(
        cluster=cluster,
cursor=cursor,
firm=firm,
page_size=page_size,
status=status,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    cluster: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    firm: float | Unset = UNSET,
    page_size: int | Unset = UNSET,
    status: list[MembershipsListStatusItem] | Unset = UNSET,

) -> PaginatedMembershipOutList | Problem | None:
    """ List memberships

     Memberships the caller may see: active memberships of approved clusters for anyone; the acting
    firm's own in any status; every membership of the clusters the caller moderates; all for platform
    administrators.

    Scope: `memberships:read` (an API key needs it; a write scope includes reading the same resource).

    Args:
        cluster (str | Unset):
        cursor (str | Unset):
        firm (float | Unset):
        page_size (int | Unset):
        status (list[MembershipsListStatusItem] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedMembershipOutList | Problem
     """


    return sync_detailed(
        client=client,
cluster=cluster,
cursor=cursor,
firm=firm,
page_size=page_size,
status=status,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    cluster: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    firm: float | Unset = UNSET,
    page_size: int | Unset = UNSET,
    status: list[MembershipsListStatusItem] | Unset = UNSET,

) -> Response[PaginatedMembershipOutList | Problem]:
    """ List memberships

     Memberships the caller may see: active memberships of approved clusters for anyone; the acting
    firm's own in any status; every membership of the clusters the caller moderates; all for platform
    administrators.

    Scope: `memberships:read` (an API key needs it; a write scope includes reading the same resource).

    Args:
        cluster (str | Unset):
        cursor (str | Unset):
        firm (float | Unset):
        page_size (int | Unset):
        status (list[MembershipsListStatusItem] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedMembershipOutList | Problem]
     """


    kwargs = _get_kwargs(
        cluster=cluster,
cursor=cursor,
firm=firm,
page_size=page_size,
status=status,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    cluster: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    firm: float | Unset = UNSET,
    page_size: int | Unset = UNSET,
    status: list[MembershipsListStatusItem] | Unset = UNSET,

) -> PaginatedMembershipOutList | Problem | None:
    """ List memberships

     Memberships the caller may see: active memberships of approved clusters for anyone; the acting
    firm's own in any status; every membership of the clusters the caller moderates; all for platform
    administrators.

    Scope: `memberships:read` (an API key needs it; a write scope includes reading the same resource).

    Args:
        cluster (str | Unset):
        cursor (str | Unset):
        firm (float | Unset):
        page_size (int | Unset):
        status (list[MembershipsListStatusItem] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedMembershipOutList | Problem
     """


    return (await asyncio_detailed(
        client=client,
cluster=cluster,
cursor=cursor,
firm=firm,
page_size=page_size,
status=status,

    )).parsed
