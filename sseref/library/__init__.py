"""The user's own documents: text and metadata extracted from files, in a sandboxed process."""
