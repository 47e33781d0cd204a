"""The one place that names channel-layer groups."""

from __future__ import annotations


def user_group(user_id: int) -> str:
    return f"user.{user_id}"


def cluster_room(cluster_id: int) -> str:
    return f"room.cluster.{cluster_id}"


def project_room(project_id: int) -> str:
    return f"room.project.{project_id}"
