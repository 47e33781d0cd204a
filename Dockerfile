# syntax=docker/dockerfile:1
# The platform's image: web (uvicorn), Celery worker and beat run it with different commands
# (compose.yaml). Two stages: dependencies installed from uv.lock only (`uv sync --locked`: the build
# fails if the lock does not match pyproject.toml), then a slim runtime stage running as a non-root user.

FROM python:3.11-slim-bookworm AS build
COPY --from=ghcr.io/astral-sh/uv:0.5 /uv /usr/local/bin/uv
ENV UV_COMPILE_BYTECODE=1 UV_LINK_MODE=copy UV_PROJECT_ENVIRONMENT=/app/.venv UV_PYTHON_DOWNLOADS=never
WORKDIR /app
# the locked dependencies first (a layer that changes only with the lock), then the code
COPY pyproject.toml uv.lock ./
RUN uv sync --locked --no-install-project --no-dev --extra s3
COPY . .
RUN uv sync --locked --no-dev --extra s3 --no-editable
# static files, with settings that never connect anywhere (the compiled translations are in the repository)
RUN DJANGO_SETTINGS_MODULE=platform_.settings.offline .venv/bin/python manage.py collectstatic --noinput

FROM python:3.11-slim-bookworm AS runtime
RUN groupadd --system --gid 10001 vc && useradd --system --uid 10001 --gid vc --home-dir /app vc
WORKDIR /app
COPY --from=build --chown=vc:vc /app /app
USER vc
ENV PATH=/app/.venv/bin:$PATH \
    DJANGO_SETTINGS_MODULE=platform_.settings.prod \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=2)"]
CMD ["uvicorn", "platform_.asgi:application", "--host", "0.0.0.0", "--port", "8000", "--proxy-headers"]
