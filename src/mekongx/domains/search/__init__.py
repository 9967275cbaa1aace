"""One search box over every area: a registry of search providers (``register``), each of
which finds its area's records for one user, loading them only through authz."""
