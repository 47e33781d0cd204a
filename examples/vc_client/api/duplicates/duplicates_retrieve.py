from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.paginated_flag_out_list import PaginatedFlagOutList
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    kind: str,
    subject_id: int,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/duplicates/{kind}/{subject_id}/".format(kind=quote(str(kind), safe=""),subject_id=quote(str(subject_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PaginatedFlagOutList | Problem | None:
    if response.status_code == 200:
        response_200 = PaginatedFlagOutList.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PaginatedFlagOutList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    kind: str,
    subject_id: int,
    *,
    client: AuthenticatedClient,

) -> Response[PaginatedFlagOutList | Problem]:
    """ Possible duplicates of a submission

     The flags of a submitted asset (kind knowledge.asset) or entry (projects.entry): matches among what
    its submitter could see, and that the caller may see now. The submitter's firm and the submission's
    moderators may call it; anyone else gets a 404.

    Scope: one of `assets:read`, `entries:read`, the one of the kind in the path (an API key needs it; a
    write scope includes reading the same resource).

    Args:
        kind (str):
        subject_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedFlagOutList | Problem]
     """


    kwargs = _get_kwargs(
        kind=kind,
subject_id=subject_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    kind: str,
    subject_id: int,
    *,
    client: AuthenticatedClient,

) -> PaginatedFlagOutList | Problem | None:
    """ Possible duplicates of a submission

     The flags of a submitted asset (kind knowledge.asset) or entry (projects.entry): matches among what
    its submitter could see, and that the caller may see now. The submitter's firm and the submission's
    moderators may call it; anyone else gets a 404.

    Scope: one of `assets:read`, `entries:read`, the one of the kind in the path (an API key needs it; a
    write scope includes reading the same resource).

    Args:
        kind (str):
        subject_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedFlagOutList | Problem
     """


    return sync_detailed(
        kind=kind,
subject_id=subject_id,
client=client,

    ).parsed

async def asyncio_detailed(
    kind: str,
    subject_id: int,
    *,
    client: AuthenticatedClient,

) -> Response[PaginatedFlagOutList | Problem]:
    """ Possible duplicates of a submission

     The flags of a submitted asset (kind knowledge.asset) or entry (projects.entry): matches among what
    its submitter could see, and that the caller may see now. The submitter's firm and the submission's
    moderators may call it; anyone else gets a 404.

    Scope: one of `assets:read`, `entries:read`, the one of the kind in the path (an API key needs it; a
    write scope includes reading the same resource).

    Args:
        kind (str):
        subject_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedFlagOutList | Problem]
     """


    kwargs = _get_kwargs(
        kind=kind,
subject_id=subject_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    kind: str,
    subject_id: int,
    *,
    client: AuthenticatedClient,

) -> PaginatedFlagOutList | Problem | None:
    """ Possible duplicates of a submission

     The flags of a submitted asset (kind knowledge.asset) or entry (projects.entry): matches among what
    its submitter could see, and that the caller may see now. The submitter's firm and the submission's
    moderators may call it; anyone else gets a 404.

    Scope: one of `assets:read`, `entries:read`, the one of the kind in the path (an API key needs it; a
    write scope includes reading the same resource).

    Args:
        kind (str):
        subject_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedFlagOutList | Problem
     """


    return (await asyncio_detailed(
        kind=kind,
subject_id=subject_id,
client=client,

    )).parsed
