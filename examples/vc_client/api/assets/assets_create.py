from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.asset_create_in_request import AssetCreateInRequest
from ...models.asset_out import AssetOut
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    body: AssetCreateInRequest | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/assets/",
    }

    
    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AssetOut | Problem | None:
    if response.status_code == 201:
        response_201 = AssetOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[AssetOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: AssetCreateInRequest | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> Response[AssetOut | Problem]:
    """ Create an asset (draft)

     A draft owned by the acting firm. Any person of the firm may call it. Other firms named in `owners`
    (with their shares) are asked to co-own it: each appears in `pending_owners` until its owner or
    administrator accepts (then in `owners`) or declines. Submit it afterwards to publish or queue it
    for review.

    Scope: `assets:write` (an API key needs it; a write scope includes reading the same resource).

    Args:
        idempotency_key (str | Unset):
        body (AssetCreateInRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssetOut | Problem]
     """


    kwargs = _get_kwargs(
        body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    body: AssetCreateInRequest | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> AssetOut | Problem | None:
    """ Create an asset (draft)

     A draft owned by the acting firm. Any person of the firm may call it. Other firms named in `owners`
    (with their shares) are asked to co-own it: each appears in `pending_owners` until its owner or
    administrator accepts (then in `owners`) or declines. Submit it afterwards to publish or queue it
    for review.

    Scope: `assets:write` (an API key needs it; a write scope includes reading the same resource).

    Args:
        idempotency_key (str | Unset):
        body (AssetCreateInRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AssetOut | Problem
     """


    return sync_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: AssetCreateInRequest | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> Response[AssetOut | Problem]:
    """ Create an asset (draft)

     A draft owned by the acting firm. Any person of the firm may call it. Other firms named in `owners`
    (with their shares) are asked to co-own it: each appears in `pending_owners` until its owner or
    administrator accepts (then in `owners`) or declines. Submit it afterwards to publish or queue it
    for review.

    Scope: `assets:write` (an API key needs it; a write scope includes reading the same resource).

    Args:
        idempotency_key (str | Unset):
        body (AssetCreateInRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssetOut | Problem]
     """


    kwargs = _get_kwargs(
        body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    body: AssetCreateInRequest | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> AssetOut | Problem | None:
    """ Create an asset (draft)

     A draft owned by the acting firm. Any person of the firm may call it. Other firms named in `owners`
    (with their shares) are asked to co-own it: each appears in `pending_owners` until its owner or
    administrator accepts (then in `owners`) or declines. Submit it afterwards to publish or queue it
    for review.

    Scope: `assets:write` (an API key needs it; a write scope includes reading the same resource).

    Args:
        idempotency_key (str | Unset):
        body (AssetCreateInRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AssetOut | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
