from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.team_in_request import TeamInRequest
from ...models.team_out import TeamOut
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    id: int,
    *,
    body: TeamInRequest | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/projects/{id}/teams/".format(id=quote(str(id), safe=""),),
    }

    
    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | TeamOut | None:
    if response.status_code == 201:
        response_201 = TeamOut.from_dict(response.json())



        return response_201

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | TeamOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: int,
    *,
    client: AuthenticatedClient,
    body: TeamInRequest | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> Response[Problem | TeamOut]:
    """ Form a solver team

     Led by the acting firm, which holds the whole share at first. Each partner firm (which must have
    accepted the terms) is invited with its share and joins only when its owners or administrators
    accept (see team-invitations); its share then passes from the lead to it.

    Scope: `entries:write` (an API key needs it; a write scope includes reading the same resource).

    Args:
        id (int):
        idempotency_key (str | Unset):
        body (TeamInRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TeamOut]
     """


    kwargs = _get_kwargs(
        id=id,
body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    id: int,
    *,
    client: AuthenticatedClient,
    body: TeamInRequest | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> Problem | TeamOut | None:
    """ Form a solver team

     Led by the acting firm, which holds the whole share at first. Each partner firm (which must have
    accepted the terms) is invited with its share and joins only when its owners or administrators
    accept (see team-invitations); its share then passes from the lead to it.

    Scope: `entries:write` (an API key needs it; a write scope includes reading the same resource).

    Args:
        id (int):
        idempotency_key (str | Unset):
        body (TeamInRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TeamOut
     """


    return sync_detailed(
        id=id,
client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    id: int,
    *,
    client: AuthenticatedClient,
    body: TeamInRequest | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> Response[Problem | TeamOut]:
    """ Form a solver team

     Led by the acting firm, which holds the whole share at first. Each partner firm (which must have
    accepted the terms) is invited with its share and joins only when its owners or administrators
    accept (see team-invitations); its share then passes from the lead to it.

    Scope: `entries:write` (an API key needs it; a write scope includes reading the same resource).

    Args:
        id (int):
        idempotency_key (str | Unset):
        body (TeamInRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TeamOut]
     """


    kwargs = _get_kwargs(
        id=id,
body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    id: int,
    *,
    client: AuthenticatedClient,
    body: TeamInRequest | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> Problem | TeamOut | None:
    """ Form a solver team

     Led by the acting firm, which holds the whole share at first. Each partner firm (which must have
    accepted the terms) is invited with its share and joins only when its owners or administrators
    accept (see team-invitations); its share then passes from the lead to it.

    Scope: `entries:write` (an API key needs it; a write scope includes reading the same resource).

    Args:
        id (int):
        idempotency_key (str | Unset):
        body (TeamInRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TeamOut
     """


    return (await asyncio_detailed(
        id=id,
client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
