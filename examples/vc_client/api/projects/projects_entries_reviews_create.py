from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.review_in_request import ReviewInRequest
from ...models.review_out import ReviewOut
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    id: int,
    entry_id: int,
    *,
    body: ReviewInRequest,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/projects/{id}/entries/{entry_id}/reviews/".format(id=quote(str(id), safe=""),entry_id=quote(str(entry_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | ReviewOut | None:
    if response.status_code == 200:
        response_200 = ReviewOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | ReviewOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: int,
    entry_id: int,
    *,
    client: AuthenticatedClient,
    body: ReviewInRequest,
    idempotency_key: str | Unset = UNSET,

) -> Response[Problem | ReviewOut]:
    """ Review an entry

     A judge without a conflict (and, once the sponsor assigns, only on their entries): scores on the
    rubric, a private note and a note to the solver.

    Scope: `judging:write` (an API key needs it; a write scope includes reading the same resource).

    Args:
        id (int):
        entry_id (int):
        idempotency_key (str | Unset):
        body (ReviewInRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReviewOut]
     """


    kwargs = _get_kwargs(
        id=id,
entry_id=entry_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    id: int,
    entry_id: int,
    *,
    client: AuthenticatedClient,
    body: ReviewInRequest,
    idempotency_key: str | Unset = UNSET,

) -> Problem | ReviewOut | None:
    """ Review an entry

     A judge without a conflict (and, once the sponsor assigns, only on their entries): scores on the
    rubric, a private note and a note to the solver.

    Scope: `judging:write` (an API key needs it; a write scope includes reading the same resource).

    Args:
        id (int):
        entry_id (int):
        idempotency_key (str | Unset):
        body (ReviewInRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReviewOut
     """


    return sync_detailed(
        id=id,
entry_id=entry_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    id: int,
    entry_id: int,
    *,
    client: AuthenticatedClient,
    body: ReviewInRequest,
    idempotency_key: str | Unset = UNSET,

) -> Response[Problem | ReviewOut]:
    """ Review an entry

     A judge without a conflict (and, once the sponsor assigns, only on their entries): scores on the
    rubric, a private note and a note to the solver.

    Scope: `judging:write` (an API key needs it; a write scope includes reading the same resource).

    Args:
        id (int):
        entry_id (int):
        idempotency_key (str | Unset):
        body (ReviewInRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReviewOut]
     """


    kwargs = _get_kwargs(
        id=id,
entry_id=entry_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    id: int,
    entry_id: int,
    *,
    client: AuthenticatedClient,
    body: ReviewInRequest,
    idempotency_key: str | Unset = UNSET,

) -> Problem | ReviewOut | None:
    """ Review an entry

     A judge without a conflict (and, once the sponsor assigns, only on their entries): scores on the
    rubric, a private note and a note to the solver.

    Scope: `judging:write` (an API key needs it; a write scope includes reading the same resource).

    Args:
        id (int):
        entry_id (int):
        idempotency_key (str | Unset):
        body (ReviewInRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReviewOut
     """


    return (await asyncio_detailed(
        id=id,
entry_id=entry_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
