"""Meeting sharing: a read-only, hardened web view of the reference served from the laptop (no Qt).

`site.create_app()` builds the ASGI application (server-rendered pages from the report layer),
`server.ShareServer` runs it with Uvicorn on exactly one listening socket, in a thread, until
`stop()`. Nothing here opens a socket until `ShareServer.start()` is called.
"""
