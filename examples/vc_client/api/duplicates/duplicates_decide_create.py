from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.decide_in_request import DecideInRequest
from ...models.decision_out import DecisionOut
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    kind: str,
    subject_id: int,
    id: int,
    *,
    body: DecideInRequest,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/duplicates/{kind}/{subject_id}/{id}/decide/".format(kind=quote(str(kind), safe=""),subject_id=quote(str(subject_id), safe=""),id=quote(str(id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> DecisionOut | Problem | None:
    if response.status_code == 200:
        response_200 = DecisionOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[DecisionOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    kind: str,
    subject_id: int,
    id: int,
    *,
    client: AuthenticatedClient,
    body: DecideInRequest,
    idempotency_key: str | Unset = UNSET,

) -> Response[DecisionOut | Problem]:
    """ Decide on a possible duplicate

     new_version (a derivation link), cite, or not_duplicate. The submitter's firm may do all three; a
    moderator only not_duplicate (403 otherwise); a decided flag is a 409.

    Scope: one of `assets:write`, `entries:write`, the one of the kind in the path (an API key needs it;
    a write scope includes reading the same resource).

    Args:
        kind (str):
        subject_id (int):
        id (int):
        idempotency_key (str | Unset):
        body (DecideInRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DecisionOut | Problem]
     """


    kwargs = _get_kwargs(
        kind=kind,
subject_id=subject_id,
id=id,
body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    kind: str,
    subject_id: int,
    id: int,
    *,
    client: AuthenticatedClient,
    body: DecideInRequest,
    idempotency_key: str | Unset = UNSET,

) -> DecisionOut | Problem | None:
    """ Decide on a possible duplicate

     new_version (a derivation link), cite, or not_duplicate. The submitter's firm may do all three; a
    moderator only not_duplicate (403 otherwise); a decided flag is a 409.

    Scope: one of `assets:write`, `entries:write`, the one of the kind in the path (an API key needs it;
    a write scope includes reading the same resource).

    Args:
        kind (str):
        subject_id (int):
        id (int):
        idempotency_key (str | Unset):
        body (DecideInRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DecisionOut | Problem
     """


    return sync_detailed(
        kind=kind,
subject_id=subject_id,
id=id,
client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    kind: str,
    subject_id: int,
    id: int,
    *,
    client: AuthenticatedClient,
    body: DecideInRequest,
    idempotency_key: str | Unset = UNSET,

) -> Response[DecisionOut | Problem]:
    """ Decide on a possible duplicate

     new_version (a derivation link), cite, or not_duplicate. The submitter's firm may do all three; a
    moderator only not_duplicate (403 otherwise); a decided flag is a 409.

    Scope: one of `assets:write`, `entries:write`, the one of the kind in the path (an API key needs it;
    a write scope includes reading the same resource).

    Args:
        kind (str):
        subject_id (int):
        id (int):
        idempotency_key (str | Unset):
        body (DecideInRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DecisionOut | Problem]
     """


    kwargs = _get_kwargs(
        kind=kind,
subject_id=subject_id,
id=id,
body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    kind: str,
    subject_id: int,
    id: int,
    *,
    client: AuthenticatedClient,
    body: DecideInRequest,
    idempotency_key: str | Unset = UNSET,

) -> DecisionOut | Problem | None:
    """ Decide on a possible duplicate

     new_version (a derivation link), cite, or not_duplicate. The submitter's firm may do all three; a
    moderator only not_duplicate (403 otherwise); a decided flag is a 409.

    Scope: one of `assets:write`, `entries:write`, the one of the kind in the path (an API key needs it;
    a write scope includes reading the same resource).

    Args:
        kind (str):
        subject_id (int):
        id (int):
        idempotency_key (str | Unset):
        body (DecideInRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DecisionOut | Problem
     """


    return (await asyncio_detailed(
        kind=kind,
subject_id=subject_id,
id=id,
client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
