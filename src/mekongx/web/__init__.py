"""Server-rendered pages (Jinja2 + vendored htmx); no asset is ever fetched from outside."""
