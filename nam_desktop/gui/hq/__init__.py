"""HQ's workspace: received testimonies (read only), bundle import, devices and alarms,
and writing HQ's key card."""
