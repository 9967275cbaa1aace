"""What waits for a second person: one approval mechanism for every area (a report submitted for
release, a notice waiting for review or publication) and the registry of task providers that
the home page lists per user."""
