from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.membership_out import MembershipOut
from ...models.memberships_transition_transition import MembershipsTransitionTransition
from ...models.problem import Problem
from ...models.transition_in_request import TransitionInRequest
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    id: int,
    transition: MembershipsTransitionTransition,
    *,
    body: TransitionInRequest | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/memberships/{id}/{transition}/".format(id=quote(str(id), safe=""),transition=quote(str(transition), safe=""),),
    }

    
    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> MembershipOut | Problem | None:
    if response.status_code == 200:
        response_200 = MembershipOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[MembershipOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: int,
    transition: MembershipsTransitionTransition,
    *,
    client: AuthenticatedClient,
    body: TransitionInRequest | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> Response[MembershipOut | Problem]:
    """ Move a membership on

     accept, decline, withdraw and leave: the firm's owners and administrators. approve, reject and
    remove: the cluster's moderators and platform administrators. A transition from the wrong status is
    a 409; an unknown action a 400.

    Scope: `memberships:write` (an API key needs it; a write scope includes reading the same resource).

    Args:
        id (int):
        transition (MembershipsTransitionTransition):
        idempotency_key (str | Unset):
        body (TransitionInRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MembershipOut | Problem]
     """


    kwargs = _get_kwargs(
        id=id,
transition=transition,
body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    id: int,
    transition: MembershipsTransitionTransition,
    *,
    client: AuthenticatedClient,
    body: TransitionInRequest | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> MembershipOut | Problem | None:
    """ Move a membership on

     accept, decline, withdraw and leave: the firm's owners and administrators. approve, reject and
    remove: the cluster's moderators and platform administrators. A transition from the wrong status is
    a 409; an unknown action a 400.

    Scope: `memberships:write` (an API key needs it; a write scope includes reading the same resource).

    Args:
        id (int):
        transition (MembershipsTransitionTransition):
        idempotency_key (str | Unset):
        body (TransitionInRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MembershipOut | Problem
     """


    return sync_detailed(
        id=id,
transition=transition,
client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    id: int,
    transition: MembershipsTransitionTransition,
    *,
    client: AuthenticatedClient,
    body: TransitionInRequest | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> Response[MembershipOut | Problem]:
    """ Move a membership on

     accept, decline, withdraw and leave: the firm's owners and administrators. approve, reject and
    remove: the cluster's moderators and platform administrators. A transition from the wrong status is
    a 409; an unknown action a 400.

    Scope: `memberships:write` (an API key needs it; a write scope includes reading the same resource).

    Args:
        id (int):
        transition (MembershipsTransitionTransition):
        idempotency_key (str | Unset):
        body (TransitionInRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MembershipOut | Problem]
     """


    kwargs = _get_kwargs(
        id=id,
transition=transition,
body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    id: int,
    transition: MembershipsTransitionTransition,
    *,
    client: AuthenticatedClient,
    body: TransitionInRequest | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> MembershipOut | Problem | None:
    """ Move a membership on

     accept, decline, withdraw and leave: the firm's owners and administrators. approve, reject and
    remove: the cluster's moderators and platform administrators. A transition from the wrong status is
    a 409; an unknown action a 400.

    Scope: `memberships:write` (an API key needs it; a write scope includes reading the same resource).

    Args:
        id (int):
        transition (MembershipsTransitionTransition):
        idempotency_key (str | Unset):
        body (TransitionInRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MembershipOut | Problem
     """


    return (await asyncio_detailed(
        id=id,
transition=transition,
client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
