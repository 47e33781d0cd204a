"""Per-connection limits: a token bucket for frame rate and the largest frame each socket accepts."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

CHAT_FRAME_BYTES = 16 * 1024
DOC_FRAME_BYTES = 512 * 1024


@dataclass
class TokenBucket:
    """``rate`` frames per second on average, ``burst`` at once."""

    rate: float
    burst: float
    tokens: float = field(default=-1.0)
    stamp: float = field(default_factory=time.monotonic)

    def __post_init__(self) -> None:
        if self.tokens < 0:
            self.tokens = self.burst

    def allow(self) -> bool:
        now = time.monotonic()
        self.tokens = min(self.burst, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        if self.tokens >= 1:
            self.tokens -= 1
            return True
        return False
