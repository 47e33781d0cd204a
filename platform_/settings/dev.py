"""Development settings: debug on, e-mails to the console."""

from platform_.settings.base import *  # noqa: F403

DEBUG = env_bool("DEBUG", True)  # noqa: F405
