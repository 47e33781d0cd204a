"""The shared taxonomy of capabilities and needs: (code, parent code or None, Chinese, English)."""

CAPABILITIES: list[tuple[str, str | None, str, str]] = [
    ("design", None, "设计", "Design"),
    ("design.industrial", "design", "工业设计", "Industrial design"),
    ("manufacturing", None, "制造", "Manufacturing"),
    ("manufacturing.cnc", "manufacturing", "数控加工", "CNC machining"),
]
