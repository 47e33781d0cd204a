"""Identity: accounts, firms and their people, invitations, and the shared reference taxonomies."""
