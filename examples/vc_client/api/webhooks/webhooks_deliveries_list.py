from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.paginated_webhook_delivery_output_list import PaginatedWebhookDeliveryOutputList
from ...models.problem import Problem
from ...models.webhooks_deliveries_list_status import WebhooksDeliveriesListStatus
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    cursor: str | Unset = UNSET,
    dead_lettered: bool | Unset = UNSET,
    endpoint: int | Unset = UNSET,
    event: str | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page_size: int | Unset = UNSET,
    status: WebhooksDeliveriesListStatus | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["cursor"] = cursor

    params["dead_lettered"] = dead_lettered

    params["endpoint"] = endpoint

    params["event"] = event

    params["ordering"] = ordering

    params["page_size"] = page_size

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/webhooks/deliveries/",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PaginatedWebhookDeliveryOutputList | Problem | None:
    if response.status_code == 200:
        response_200 = PaginatedWebhookDeliveryOutputList.from_dict(response.json())



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

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PaginatedWebhookDeliveryOutputList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    cursor: str | Unset = UNSET,
    dead_lettered: bool | Unset = UNSET,
    endpoint: int | Unset = UNSET,
    event: str | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page_size: int | Unset = UNSET,
    status: WebhooksDeliveriesListStatus | Unset = UNSET,

) -> Response[PaginatedWebhookDeliveryOutputList | Problem]:
    """ List webhook deliveries

     The delivery log of the acting firm's endpoints; a delivery can be replayed.

    Scope: `webhooks:read` (an API key needs it; a write scope includes reading the same resource).

    Args:
        cursor (str | Unset):
        dead_lettered (bool | Unset):
        endpoint (int | Unset):
        event (str | Unset):
        ordering (str | Unset):
        page_size (int | Unset):
        status (WebhooksDeliveriesListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedWebhookDeliveryOutputList | Problem]
     """


    kwargs = _get_kwargs(
        cursor=cursor,
dead_lettered=dead_lettered,
endpoint=endpoint,
event=event,
ordering=ordering,
page_size=page_size,
status=status,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    cursor: str | Unset = UNSET,
    dead_lettered: bool | Unset = UNSET,
    endpoint: int | Unset = UNSET,
    event: str | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page_size: int | Unset = UNSET,
    status: WebhooksDeliveriesListStatus | Unset = UNSET,

) -> PaginatedWebhookDeliveryOutputList | Problem | None:
    """ List webhook deliveries

     The delivery log of the acting firm's endpoints; a delivery can be replayed.

    Scope: `webhooks:read` (an API key needs it; a write scope includes reading the same resource).

    Args:
        cursor (str | Unset):
        dead_lettered (bool | Unset):
        endpoint (int | Unset):
        event (str | Unset):
        ordering (str | Unset):
        page_size (int | Unset):
        status (WebhooksDeliveriesListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedWebhookDeliveryOutputList | Problem
     """


    return sync_detailed(
        client=client,
cursor=cursor,
dead_lettered=dead_lettered,
endpoint=endpoint,
event=event,
ordering=ordering,
page_size=page_size,
status=status,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    cursor: str | Unset = UNSET,
    dead_lettered: bool | Unset = UNSET,
    endpoint: int | Unset = UNSET,
    event: str | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page_size: int | Unset = UNSET,
    status: WebhooksDeliveriesListStatus | Unset = UNSET,

) -> Response[PaginatedWebhookDeliveryOutputList | Problem]:
    """ List webhook deliveries

     The delivery log of the acting firm's endpoints; a delivery can be replayed.

    Scope: `webhooks:read` (an API key needs it; a write scope includes reading the same resource).

    Args:
        cursor (str | Unset):
        dead_lettered (bool | Unset):
        endpoint (int | Unset):
        event (str | Unset):
        ordering (str | Unset):
        page_size (int | Unset):
        status (WebhooksDeliveriesListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedWebhookDeliveryOutputList | Problem]
     """


    kwargs = _get_kwargs(
        cursor=cursor,
dead_lettered=dead_lettered,
endpoint=endpoint,
event=event,
ordering=ordering,
page_size=page_size,
status=status,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    cursor: str | Unset = UNSET,
    dead_lettered: bool | Unset = UNSET,
    endpoint: int | Unset = UNSET,
    event: str | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page_size: int | Unset = UNSET,
    status: WebhooksDeliveriesListStatus | Unset = UNSET,

) -> PaginatedWebhookDeliveryOutputList | Problem | None:
    """ List webhook deliveries

     The delivery log of the acting firm's endpoints; a delivery can be replayed.

    Scope: `webhooks:read` (an API key needs it; a write scope includes reading the same resource).

    Args:
        cursor (str | Unset):
        dead_lettered (bool | Unset):
        endpoint (int | Unset):
        event (str | Unset):
        ordering (str | Unset):
        page_size (int | Unset):
        status (WebhooksDeliveriesListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedWebhookDeliveryOutputList | Problem
     """


    return (await asyncio_detailed(
        client=client,
cursor=cursor,
dead_lettered=dead_lettered,
endpoint=endpoint,
event=event,
ordering=ordering,
page_size=page_size,
status=status,

    )).parsed
