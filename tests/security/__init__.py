"""Security tests: the access matrix and one test per finding of the attack on the running platform."""
