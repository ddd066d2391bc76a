"""From launch to the first window: the entry point, the controller that opens the right
workspace, first run, unlock, settings, and locking on idle or session events."""
