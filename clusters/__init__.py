"""Virtual clusters: proposal and approval, membership lifecycle, directory and partner matching."""
