from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.invitation_in_request import InvitationInRequest
from ...models.invitation_out import InvitationOut
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    firm_pk: int,
    *,
    body: InvitationInRequest,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/firms/{firm_pk}/invitations/".format(firm_pk=quote(str(firm_pk), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> InvitationOut | Problem | None:
    if response.status_code == 201:
        response_201 = InvitationOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[InvitationOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    firm_pk: int,
    *,
    client: AuthenticatedClient,
    body: InvitationInRequest,
    idempotency_key: str | Unset = UNSET,

) -> Response[InvitationOut | Problem]:
    """ Invite a person to a firm

     Sends an invitation by e-mail. Only the firm's owners and administrators may call it; only owners
    may invite owners.

    Scope: `people:write` (an API key needs it; a write scope includes reading the same resource).

    Args:
        firm_pk (int):
        idempotency_key (str | Unset):
        body (InvitationInRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InvitationOut | Problem]
     """


    kwargs = _get_kwargs(
        firm_pk=firm_pk,
body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    firm_pk: int,
    *,
    client: AuthenticatedClient,
    body: InvitationInRequest,
    idempotency_key: str | Unset = UNSET,

) -> InvitationOut | Problem | None:
    """ Invite a person to a firm

     Sends an invitation by e-mail. Only the firm's owners and administrators may call it; only owners
    may invite owners.

    Scope: `people:write` (an API key needs it; a write scope includes reading the same resource).

    Args:
        firm_pk (int):
        idempotency_key (str | Unset):
        body (InvitationInRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InvitationOut | Problem
     """


    return sync_detailed(
        firm_pk=firm_pk,
client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    firm_pk: int,
    *,
    client: AuthenticatedClient,
    body: InvitationInRequest,
    idempotency_key: str | Unset = UNSET,

) -> Response[InvitationOut | Problem]:
    """ Invite a person to a firm

     Sends an invitation by e-mail. Only the firm's owners and administrators may call it; only owners
    may invite owners.

    Scope: `people:write` (an API key needs it; a write scope includes reading the same resource).

    Args:
        firm_pk (int):
        idempotency_key (str | Unset):
        body (InvitationInRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InvitationOut | Problem]
     """


    kwargs = _get_kwargs(
        firm_pk=firm_pk,
body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    firm_pk: int,
    *,
    client: AuthenticatedClient,
    body: InvitationInRequest,
    idempotency_key: str | Unset = UNSET,

) -> InvitationOut | Problem | None:
    """ Invite a person to a firm

     Sends an invitation by e-mail. Only the firm's owners and administrators may call it; only owners
    may invite owners.

    Scope: `people:write` (an API key needs it; a write scope includes reading the same resource).

    Args:
        firm_pk (int):
        idempotency_key (str | Unset):
        body (InvitationInRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InvitationOut | Problem
     """


    return (await asyncio_detailed(
        firm_pk=firm_pk,
client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
