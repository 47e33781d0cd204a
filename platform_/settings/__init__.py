"""Settings, read from the environment: base (shared), dev, test and prod."""
