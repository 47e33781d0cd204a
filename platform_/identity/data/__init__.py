"""Reference data shipped with the platform: GB/T 4754-2017 divisions and the capability taxonomy."""
