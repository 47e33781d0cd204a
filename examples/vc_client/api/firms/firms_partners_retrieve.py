from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.suggestion_out import SuggestionOut
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    firm_pk: int,
    *,
    limit: int | Unset = 20,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["limit"] = limit


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/firms/{firm_pk}/partners/".format(firm_pk=quote(str(firm_pk), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | list[SuggestionOut] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in (_response_200):
            response_200_item = SuggestionOut.from_dict(response_200_item_data)



            response_200.append(response_200_item)

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | list[SuggestionOut]]:
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
    limit: int | Unset = 20,

) -> Response[Problem | list[SuggestionOut]]:
    """ Suggested partners

     Firms whose capabilities cover this firm's needs, best first, each with its reasons (rare needs
    weigh more; mutual fit adds). Only people of this firm may call it.

    Scope: `firms:read` (an API key needs it; a write scope includes reading the same resource).

    Args:
        firm_pk (int):
        limit (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[SuggestionOut]]
     """


    kwargs = _get_kwargs(
        firm_pk=firm_pk,
limit=limit,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    firm_pk: int,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,

) -> Problem | list[SuggestionOut] | None:
    """ Suggested partners

     Firms whose capabilities cover this firm's needs, best first, each with its reasons (rare needs
    weigh more; mutual fit adds). Only people of this firm may call it.

    Scope: `firms:read` (an API key needs it; a write scope includes reading the same resource).

    Args:
        firm_pk (int):
        limit (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[SuggestionOut]
     """


    return sync_detailed(
        firm_pk=firm_pk,
client=client,
limit=limit,

    ).parsed

async def asyncio_detailed(
    firm_pk: int,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,

) -> Response[Problem | list[SuggestionOut]]:
    """ Suggested partners

     Firms whose capabilities cover this firm's needs, best first, each with its reasons (rare needs
    weigh more; mutual fit adds). Only people of this firm may call it.

    Scope: `firms:read` (an API key needs it; a write scope includes reading the same resource).

    Args:
        firm_pk (int):
        limit (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[SuggestionOut]]
     """


    kwargs = _get_kwargs(
        firm_pk=firm_pk,
limit=limit,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    firm_pk: int,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,

) -> Problem | list[SuggestionOut] | None:
    """ Suggested partners

     Firms whose capabilities cover this firm's needs, best first, each with its reasons (rare needs
    weigh more; mutual fit adds). Only people of this firm may call it.

    Scope: `firms:read` (an API key needs it; a write scope includes reading the same resource).

    Args:
        firm_pk (int):
        limit (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[SuggestionOut]
     """


    return (await asyncio_detailed(
        firm_pk=firm_pk,
client=client,
limit=limit,

    )).parsed
