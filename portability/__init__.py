"""A firm's own data export (data portability): every record the platform holds about and by the firm, in a ZIP."""
