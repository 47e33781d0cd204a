from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.track_record_out import TrackRecordOut
from typing import cast



def _get_kwargs(
    firm_pk: int,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/firms/{firm_pk}/track-record/".format(firm_pk=quote(str(firm_pk), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | TrackRecordOut | None:
    if response.status_code == 200:
        response_200 = TrackRecordOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | TrackRecordOut]:
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

) -> Response[Problem | TrackRecordOut]:
    """ A firm's track record

     Assets shared, their reuse by other firms (own use and closed rings do not inflate it), challenges
    entered and won, judging done, with the reasons behind the score. Any signed-in caller.

    Scope: `firms:read` (an API key needs it; a write scope includes reading the same resource).

    Args:
        firm_pk (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TrackRecordOut]
     """


    kwargs = _get_kwargs(
        firm_pk=firm_pk,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    firm_pk: int,
    *,
    client: AuthenticatedClient,

) -> Problem | TrackRecordOut | None:
    """ A firm's track record

     Assets shared, their reuse by other firms (own use and closed rings do not inflate it), challenges
    entered and won, judging done, with the reasons behind the score. Any signed-in caller.

    Scope: `firms:read` (an API key needs it; a write scope includes reading the same resource).

    Args:
        firm_pk (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TrackRecordOut
     """


    return sync_detailed(
        firm_pk=firm_pk,
client=client,

    ).parsed

async def asyncio_detailed(
    firm_pk: int,
    *,
    client: AuthenticatedClient,

) -> Response[Problem | TrackRecordOut]:
    """ A firm's track record

     Assets shared, their reuse by other firms (own use and closed rings do not inflate it), challenges
    entered and won, judging done, with the reasons behind the score. Any signed-in caller.

    Scope: `firms:read` (an API key needs it; a write scope includes reading the same resource).

    Args:
        firm_pk (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TrackRecordOut]
     """


    kwargs = _get_kwargs(
        firm_pk=firm_pk,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    firm_pk: int,
    *,
    client: AuthenticatedClient,

) -> Problem | TrackRecordOut | None:
    """ A firm's track record

     Assets shared, their reuse by other firms (own use and closed rings do not inflate it), challenges
    entered and won, judging done, with the reasons behind the score. Any signed-in caller.

    Scope: `firms:read` (an API key needs it; a write scope includes reading the same resource).

    Args:
        firm_pk (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TrackRecordOut
     """


    return (await asyncio_detailed(
        firm_pk=firm_pk,
client=client,

    )).parsed
