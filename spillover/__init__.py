"""Knowledge-spillover scoring: the model, its Celery computation and its dashboards."""
