from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.cluster_out import ClusterOut
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    slug: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/clusters/{slug}/".format(slug=quote(str(slug), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ClusterOut | Problem | None:
    if response.status_code == 200:
        response_200 = ClusterOut.from_dict(response.json())



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

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())



        return response_404

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ClusterOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    slug: str,
    *,
    client: AuthenticatedClient,

) -> Response[ClusterOut | Problem]:
    """ Get a cluster

     One cluster by its short name. Anyone sees approved clusters; a proposed or rejected one only its
    proposing firm's people and platform administrators.

    Scope: `clusters:read` (an API key needs it; a write scope includes reading the same resource).

    Args:
        slug (str): Short name

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClusterOut | Problem]
     """


    kwargs = _get_kwargs(
        slug=slug,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    slug: str,
    *,
    client: AuthenticatedClient,

) -> ClusterOut | Problem | None:
    """ Get a cluster

     One cluster by its short name. Anyone sees approved clusters; a proposed or rejected one only its
    proposing firm's people and platform administrators.

    Scope: `clusters:read` (an API key needs it; a write scope includes reading the same resource).

    Args:
        slug (str): Short name

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClusterOut | Problem
     """


    return sync_detailed(
        slug=slug,
client=client,

    ).parsed

async def asyncio_detailed(
    slug: str,
    *,
    client: AuthenticatedClient,

) -> Response[ClusterOut | Problem]:
    """ Get a cluster

     One cluster by its short name. Anyone sees approved clusters; a proposed or rejected one only its
    proposing firm's people and platform administrators.

    Scope: `clusters:read` (an API key needs it; a write scope includes reading the same resource).

    Args:
        slug (str): Short name

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClusterOut | Problem]
     """


    kwargs = _get_kwargs(
        slug=slug,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    slug: str,
    *,
    client: AuthenticatedClient,

) -> ClusterOut | Problem | None:
    """ Get a cluster

     One cluster by its short name. Anyone sees approved clusters; a proposed or rejected one only its
    proposing firm's people and platform administrators.

    Scope: `clusters:read` (an API key needs it; a write scope includes reading the same resource).

    Args:
        slug (str): Short name

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClusterOut | Problem
     """


    return (await asyncio_detailed(
        slug=slug,
client=client,

    )).parsed
