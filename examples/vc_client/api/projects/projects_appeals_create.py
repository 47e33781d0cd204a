from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.entry_appeal_in_request import EntryAppealInRequest
from ...models.entry_appeal_out import EntryAppealOut
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    id: int,
    *,
    body: EntryAppealInRequest,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/projects/{id}/appeals/".format(id=quote(str(id), safe=""),),
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> EntryAppealOut | Problem | None:
    if response.status_code == 201:
        response_201 = EntryAppealOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[EntryAppealOut | Problem]:
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
    body: EntryAppealInRequest,
    idempotency_key: str | Unset = UNSET,

) -> Response[EntryAppealOut | Problem]:
    """ Appeal an entry's published scores

     A person of the entry's team, acting for its firm, within the project's appeal window after the
    scores are published (409 appeal_window_closed otherwise). A file upload (the optional attachment):
    multipart.

    Scope: `judging:write` (an API key needs it; a write scope includes reading the same resource).

    Args:
        id (int):
        idempotency_key (str | Unset):
        body (EntryAppealInRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EntryAppealOut | Problem]
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
    body: EntryAppealInRequest,
    idempotency_key: str | Unset = UNSET,

) -> EntryAppealOut | Problem | None:
    """ Appeal an entry's published scores

     A person of the entry's team, acting for its firm, within the project's appeal window after the
    scores are published (409 appeal_window_closed otherwise). A file upload (the optional attachment):
    multipart.

    Scope: `judging:write` (an API key needs it; a write scope includes reading the same resource).

    Args:
        id (int):
        idempotency_key (str | Unset):
        body (EntryAppealInRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EntryAppealOut | Problem
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
    body: EntryAppealInRequest,
    idempotency_key: str | Unset = UNSET,

) -> Response[EntryAppealOut | Problem]:
    """ Appeal an entry's published scores

     A person of the entry's team, acting for its firm, within the project's appeal window after the
    scores are published (409 appeal_window_closed otherwise). A file upload (the optional attachment):
    multipart.

    Scope: `judging:write` (an API key needs it; a write scope includes reading the same resource).

    Args:
        id (int):
        idempotency_key (str | Unset):
        body (EntryAppealInRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EntryAppealOut | Problem]
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
    body: EntryAppealInRequest,
    idempotency_key: str | Unset = UNSET,

) -> EntryAppealOut | Problem | None:
    """ Appeal an entry's published scores

     A person of the entry's team, acting for its firm, within the project's appeal window after the
    scores are published (409 appeal_window_closed otherwise). A file upload (the optional attachment):
    multipart.

    Scope: `judging:write` (an API key needs it; a write scope includes reading the same resource).

    Args:
        id (int):
        idempotency_key (str | Unset):
        body (EntryAppealInRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EntryAppealOut | Problem
     """


    return (await asyncio_detailed(
        id=id,
client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
