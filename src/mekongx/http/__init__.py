"""What the API and the web pages share: request context, authentication, errors."""
