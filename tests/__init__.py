"""The platform's test suite; how to run it is in the README's quick start (`make test`)."""
