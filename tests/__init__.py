"""The platform's test suite; see docs/testing.md."""
