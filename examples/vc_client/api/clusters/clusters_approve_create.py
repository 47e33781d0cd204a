from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.cluster_out import ClusterOut
from ...models.decision_in_request import DecisionInRequest
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    slug: str,
    *,
    body: DecisionInRequest | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/clusters/{slug}/approve/".format(slug=quote(str(slug), safe=""),),
    }

    
    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())



        return response_409

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())



        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())



        return response_422

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
    body: DecisionInRequest | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> Response[ClusterOut | Problem]:
    """ Approve a proposed cluster

     Only platform administrators may call it. The proposing firm becomes the first member and its
    proposer the first moderator. A cluster already decided is a 409.

    Scope: `clusters:write` (an API key needs it; a write scope includes reading the same resource).

    Args:
        slug (str): Short name
        idempotency_key (str | Unset):
        body (DecisionInRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClusterOut | Problem]
     """


    kwargs = _get_kwargs(
        slug=slug,
body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    slug: str,
    *,
    client: AuthenticatedClient,
    body: DecisionInRequest | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> ClusterOut | Problem | None:
    """ Approve a proposed cluster

     Only platform administrators may call it. The proposing firm becomes the first member and its
    proposer the first moderator. A cluster already decided is a 409.

    Scope: `clusters:write` (an API key needs it; a write scope includes reading the same resource).

    Args:
        slug (str): Short name
        idempotency_key (str | Unset):
        body (DecisionInRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClusterOut | Problem
     """


    return sync_detailed(
        slug=slug,
client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    slug: str,
    *,
    client: AuthenticatedClient,
    body: DecisionInRequest | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> Response[ClusterOut | Problem]:
    """ Approve a proposed cluster

     Only platform administrators may call it. The proposing firm becomes the first member and its
    proposer the first moderator. A cluster already decided is a 409.

    Scope: `clusters:write` (an API key needs it; a write scope includes reading the same resource).

    Args:
        slug (str): Short name
        idempotency_key (str | Unset):
        body (DecisionInRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClusterOut | Problem]
     """


    kwargs = _get_kwargs(
        slug=slug,
body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    slug: str,
    *,
    client: AuthenticatedClient,
    body: DecisionInRequest | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> ClusterOut | Problem | None:
    """ Approve a proposed cluster

     Only platform administrators may call it. The proposing firm becomes the first member and its
    proposer the first moderator. A cluster already decided is a 409.

    Scope: `clusters:write` (an API key needs it; a write scope includes reading the same resource).

    Args:
        slug (str): Short name
        idempotency_key (str | Unset):
        body (DecisionInRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClusterOut | Problem
     """


    return (await asyncio_detailed(
        slug=slug,
client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
