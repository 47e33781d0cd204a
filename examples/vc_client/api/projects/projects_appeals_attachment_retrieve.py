from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...types import File, FileTypes
from io import BytesIO
from typing import cast



def _get_kwargs(
    id: int,
    appeal_id: int,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/projects/{id}/appeals/{appeal_id}/attachment/".format(id=quote(str(id), safe=""),appeal_id=quote(str(appeal_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> File | Problem | None:
    if response.status_code == 200:
        response_200 = File(
             payload = BytesIO(response.content)
        )



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[File | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: int,
    appeal_id: int,
    *,
    client: AuthenticatedClient,

) -> Response[File | Problem]:
    """ An appeal's attachment

     Whoever sees the appeal: the panel, the sponsor and the appellant's team.

    Scope: `judging:read` (an API key needs it; a write scope includes reading the same resource).

    Args:
        id (int):
        appeal_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem]
     """


    kwargs = _get_kwargs(
        id=id,
appeal_id=appeal_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    id: int,
    appeal_id: int,
    *,
    client: AuthenticatedClient,

) -> File | Problem | None:
    """ An appeal's attachment

     Whoever sees the appeal: the panel, the sponsor and the appellant's team.

    Scope: `judging:read` (an API key needs it; a write scope includes reading the same resource).

    Args:
        id (int):
        appeal_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | Problem
     """


    return sync_detailed(
        id=id,
appeal_id=appeal_id,
client=client,

    ).parsed

async def asyncio_detailed(
    id: int,
    appeal_id: int,
    *,
    client: AuthenticatedClient,

) -> Response[File | Problem]:
    """ An appeal's attachment

     Whoever sees the appeal: the panel, the sponsor and the appellant's team.

    Scope: `judging:read` (an API key needs it; a write scope includes reading the same resource).

    Args:
        id (int):
        appeal_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem]
     """


    kwargs = _get_kwargs(
        id=id,
appeal_id=appeal_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    id: int,
    appeal_id: int,
    *,
    client: AuthenticatedClient,

) -> File | Problem | None:
    """ An appeal's attachment

     Whoever sees the appeal: the panel, the sponsor and the appellant's team.

    Scope: `judging:read` (an API key needs it; a write scope includes reading the same resource).

    Args:
        id (int):
        appeal_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | Problem
     """


    return (await asyncio_detailed(
        id=id,
appeal_id=appeal_id,
client=client,

    )).parsed
