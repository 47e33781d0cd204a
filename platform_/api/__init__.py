"""The partner API's conventions: pagination, errors, keys, throttling, idempotency and webhooks."""
