"""Knowledge assets: sharing under access rules, use events, moderation and search."""
