from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.idea_award_out import IdeaAwardOut
from ...models.ideas_award_in_request import IdeasAwardInRequest
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    id: int,
    *,
    body: IdeasAwardInRequest,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/projects/{id}/ideas/award/".format(id=quote(str(id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | list[IdeaAwardOut] | None:
    if response.status_code == 201:
        response_201 = []
        _response_201 = response.json()
        for response_201_item_data in (_response_201):
            response_201_item = IdeaAwardOut.from_dict(response_201_item_data)



            response_201.append(response_201_item)

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | list[IdeaAwardOut]]:
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
    body: IdeasAwardInRequest,
    idempotency_key: str | Unset = UNSET,

) -> Response[Problem | list[IdeaAwardOut]]:
    """ Award an ideation to its winning ideas

     Sponsor's owners and administrators, once the ideation has closed (closed or judging), once. Each
    winning idea (a standing idea of the project) becomes a knowledge asset; every firm credited on it,
    including the authors of merged ideas, shares the credit.

    Scope: `entries:write` (an API key needs it; a write scope includes reading the same resource).

    Args:
        id (int):
        idempotency_key (str | Unset):
        body (IdeasAwardInRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[IdeaAwardOut]]
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
    body: IdeasAwardInRequest,
    idempotency_key: str | Unset = UNSET,

) -> Problem | list[IdeaAwardOut] | None:
    """ Award an ideation to its winning ideas

     Sponsor's owners and administrators, once the ideation has closed (closed or judging), once. Each
    winning idea (a standing idea of the project) becomes a knowledge asset; every firm credited on it,
    including the authors of merged ideas, shares the credit.

    Scope: `entries:write` (an API key needs it; a write scope includes reading the same resource).

    Args:
        id (int):
        idempotency_key (str | Unset):
        body (IdeasAwardInRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[IdeaAwardOut]
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
    body: IdeasAwardInRequest,
    idempotency_key: str | Unset = UNSET,

) -> Response[Problem | list[IdeaAwardOut]]:
    """ Award an ideation to its winning ideas

     Sponsor's owners and administrators, once the ideation has closed (closed or judging), once. Each
    winning idea (a standing idea of the project) becomes a knowledge asset; every firm credited on it,
    including the authors of merged ideas, shares the credit.

    Scope: `entries:write` (an API key needs it; a write scope includes reading the same resource).

    Args:
        id (int):
        idempotency_key (str | Unset):
        body (IdeasAwardInRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[IdeaAwardOut]]
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
    body: IdeasAwardInRequest,
    idempotency_key: str | Unset = UNSET,

) -> Problem | list[IdeaAwardOut] | None:
    """ Award an ideation to its winning ideas

     Sponsor's owners and administrators, once the ideation has closed (closed or judging), once. Each
    winning idea (a standing idea of the project) becomes a knowledge asset; every firm credited on it,
    including the authors of merged ideas, shares the credit.

    Scope: `entries:write` (an API key needs it; a write scope includes reading the same resource).

    Args:
        id (int):
        idempotency_key (str | Unset):
        body (IdeasAwardInRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[IdeaAwardOut]
     """


    return (await asyncio_detailed(
        id=id,
client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
