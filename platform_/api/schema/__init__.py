"""The OpenAPI schema partners generate clients from: post-processing hooks run in SPECTACULAR_SETTINGS order.

``problems`` adds the shared problem responses and the Idempotency-Key and If-Match headers;
``inputs`` makes request bodies honest for generators (no defaults, PATCH all optional);
``headers`` documents the response headers (ETag, Retry-After, Idempotent-Replayed);
``scopes`` states the API-key scope each operation needs; ``webhooks`` adds the webhook payloads
and their signature header; ``tidy`` corrects what the validator and the lint refuse.
"""

from platform_.api.schema.headers import add_response_headers
from platform_.api.schema.inputs import clean_request_bodies
from platform_.api.schema.problems import add_problem_responses
from platform_.api.schema.scopes import add_scopes
from platform_.api.schema.tidy import tidy
from platform_.api.schema.webhooks import add_webhooks

__all__ = [
    "add_problem_responses",
    "add_response_headers",
    "add_scopes",
    "add_webhooks",
    "clean_request_bodies",
    "tidy",
]
